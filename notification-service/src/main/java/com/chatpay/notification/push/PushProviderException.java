package com.chatpay.notification.push;

/**
 * The push service refused the push. {@code permanent} when it never will accept it (the token is no longer
 * registered with APNs/FCM); otherwise a retry may succeed.
 */
public class PushProviderException extends RuntimeException {

    private final boolean permanent;

    public PushProviderException(String message, boolean permanent) {
        super(message, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
