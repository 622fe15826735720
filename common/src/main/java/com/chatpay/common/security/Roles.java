package com.chatpay.common.security;

/** The gateway's JWT groups. */
public final class Roles {
    /** A person using the messaging platform. */
    public static final String USER = "user";
    /** An operator of chatpay. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
