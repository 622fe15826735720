package com.chatpay.onboarding.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    private static ProfileRequest profile(String first, String last, String postal, String country, String phone) {
        return new ProfileRequest(first, last,
                new ProfileRequest.Address("12 rue de la Paix", null, postal, "Paris", country), phone);
    }

    @Test
    void shouldAcceptAccentedHyphenatedAndApostrophisedNames() {
        ProfileRules.Result r = ProfileRules.check(profile("Jean-Loïc", "D’Artagnan de l'Île", "75002", "fr",
                "+33612345678"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.profile().address().country()).isEqualTo("FR");
        assertThat(ProfileRules.localeOf("FR")).isEqualTo("fr");
        assertThat(ProfileRules.localeOf("US")).isEqualTo("en");
    }

    @Test
    void shouldRejectDigitsSymbolsAndOverlongNames() {
        ProfileRules.Result r = ProfileRules.check(profile("R2D2", "<script>", "75002", "FR", "+33612345678"));
        assertThat(r.errors()).extracting(FieldError::field).containsExactly("firstName", "lastName");
        String fiftyOne = "a".repeat(51);
        assertThat(ProfileRules.check(profile(fiftyOne, "a".repeat(50), "75002", "FR", "+33612345678")).errors())
                .extracting(FieldError::field).containsExactly("firstName");
    }

    @Test
    void shouldCheckPostalCodesPerCountry() {
        assertThat(ProfileRules.check(profile("Ann", "Lee", "7500", "FR", "+33612345678")).errors())
                .extracting(FieldError::field).containsExactly("address.postalCode");
        assertThat(ProfileRules.check(profile("Ann", "Lee", "94105", "US", "+14155550100")).errors()).isEmpty();
        assertThat(ProfileRules.check(profile("Ann", "Lee", "94105-1234", "US", "+14155550100")).errors()).isEmpty();
        assertThat(ProfileRules.check(profile("Ann", "Lee", "94105-12", "US", "+14155550100")).errors())
                .extracting(FieldError::field).containsExactly("address.postalCode");
        assertThat(ProfileRules.check(profile("Ann", "Lee", "75002-1234", "FR", "+33612345678")).errors())
                .extracting(FieldError::field).containsExactly("address.postalCode");
    }

    @Test
    void shouldAcceptOnlySupportedIsoCountries() {
        assertThat(ProfileRules.check(profile("Ann", "Lee", "10115", "DE", "+4915112345678")).errors())
                .extracting(FieldError::message).containsExactly("is not a country chatpay supports");
        assertThat(ProfileRules.check(profile("Ann", "Lee", "75002", "FRA", "+33612345678")).errors())
                .extracting(FieldError::field).containsExactly("address.country");
    }

    @Test
    void shouldRequireE164PhoneNumbers() {
        assertThat(ProfileRules.check(profile("Ann", "Lee", "75002", "FR", "0612345678")).errors())
                .extracting(FieldError::field).containsExactly("phoneNumber");
        assertThat(ProfileRules.check(profile("Ann", "Lee", "75002", "FR", "+3361234")).errors())
                .extracting(FieldError::field).containsExactly("phoneNumber");
        assertThat(ProfileRules.check(profile("Ann", "Lee", "75002", "FR", "+3361234567890123")).errors())
                .extracting(FieldError::field).containsExactly("phoneNumber");
        assertThat(ProfileRules.check(profile("Ann", "Lee", "75002", "FR", "+33612345")).errors()).isEmpty();
    }

    @Test
    void shouldReportEveryMissingField() {
        ProfileRules.Result r = ProfileRules.check(new ProfileRequest(" ", null,
                new ProfileRequest.Address(null, null, null, null, null), null));
        assertThat(r.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("firstName", "lastName",
                "phoneNumber", "address.line1", "address.city", "address.country", "address.postalCode");
        assertThat(ProfileRules.check(new ProfileRequest("Ann", "Lee", null, "+33612345678")).errors())
                .extracting(FieldError::field).containsExactly("address");
    }
}
