package com.chatpay.onboarding.profile;

import com.chatpay.onboarding.onboarding.PaymentProfile;

/** The stored profile as the user sees it. */
public record ProfileView(String firstName, String lastName, ProfileRequest.Address address, String phoneNumber,
        String locale) {

    static ProfileView of(PaymentProfile p) {
        return new ProfileView(p.firstName, p.lastName,
                new ProfileRequest.Address(p.addressLine1, p.addressLine2, p.postalCode, p.city, p.country),
                p.phoneNumber, p.locale);
    }
}
