package com.chatpay.payment.authorization;

/** A payment authorization token failed a check; the message names the check, never the token. */
public class AuthorizationRejectedException extends RuntimeException {

    public AuthorizationRejectedException(String check) {
        super(check, null, false, false);
    }
}
