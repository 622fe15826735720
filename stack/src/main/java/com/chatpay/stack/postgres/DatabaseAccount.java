package com.chatpay.stack.postgres;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service's database and the login role that owns it (and only it).
 *
 * @param database database name, also the role name
 * @param password the role's password
 */
public record DatabaseAccount(String database, String password) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public DatabaseAccount {
        Objects.requireNonNull(password, "password");
        if (database == null || !IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + database);
        }
    }

    public String role() {
        return database;
    }

    @Override
    public String toString() {
        return "DatabaseAccount{database=" + database + "}";
    }
}
