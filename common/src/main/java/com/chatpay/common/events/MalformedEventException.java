package com.chatpay.common.events;

/** An event that can never be processed (bad JSON, unknown schema, missing fields): it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
