package com.chatpay.notification.sms;

/** The operator refused the message or did not answer: nothing tells whether it went out, a retry is safe. */
public class SmsProviderException extends RuntimeException {

    public SmsProviderException(String message) {
        super(message, null, false, false);
    }
}
