package com.chatpay.onboarding.profile;

/** {@code PUT /v1/me/profile}. Checked field by field by {@link ProfileRules}. */
public record ProfileRequest(String firstName, String lastName, Address address, String phoneNumber) {

    /** Postal address; {@code country} is ISO 3166-1 alpha-2, {@code line2} optional. */
    public record Address(String line1, String line2, String postalCode, String city, String country) {
    }
}
