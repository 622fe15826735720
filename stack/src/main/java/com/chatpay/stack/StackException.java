package com.chatpay.stack;

/**
 * A failure of the local stack, with a message written for the developer at the terminal: what went wrong and,
 * where possible, what to do about it. Never carries secrets.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
