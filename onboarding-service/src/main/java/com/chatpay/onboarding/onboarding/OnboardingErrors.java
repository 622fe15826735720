package com.chatpay.onboarding.onboarding;

/** The error codes onboarding-service answers with, besides the shared ones of {@code ErrorCodes}. */
public final class OnboardingErrors {
    public static final String ONBOARDING_STEP_OUT_OF_ORDER = "ONBOARDING_STEP_OUT_OF_ORDER";
    public static final String PAYMENTS_LOCKED = "PAYMENTS_LOCKED";
    public static final String USER_SUSPENDED = "USER_SUSPENDED";
    public static final String CARD_DECLINED = "CARD_DECLINED";
    public static final String PIN_TOO_WEAK = "PIN_TOO_WEAK";
    public static final String PIN_INVALID = "PIN_INVALID";
    public static final String SMS_RATE_LIMITED = "SMS_RATE_LIMITED";
    public static final String SMS_CODE_INVALID = "SMS_CODE_INVALID";
    public static final String SMS_CODE_EXPIRED = "SMS_CODE_EXPIRED";
    public static final String SMS_CODE_EXHAUSTED = "SMS_CODE_EXHAUSTED";
    public static final String SMS_CODE_NOT_REQUESTED = "SMS_CODE_NOT_REQUESTED";
    public static final String PAYER_NOT_ACTIVE = "PAYER_NOT_ACTIVE";
    /** Payer and payee must be in the same country (France to France at launch). */
    public static final String PAYEE_IN_OTHER_COUNTRY = "PAYEE_IN_OTHER_COUNTRY";
    /** The payee is suspended: nothing may be sent to them. */
    public static final String PAYEE_CANNOT_RECEIVE = "PAYEE_CANNOT_RECEIVE";
    public static final String SELF_PAYMENT = "SELF_PAYMENT";
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    public static final String NOT_AVAILABLE_IN_COUNTRY = "NOT_AVAILABLE_IN_COUNTRY";
    public static final String AUTHORIZATION_ASSERTION_INVALID = "AUTHORIZATION_ASSERTION_INVALID";
    public static final String AUTHORIZATION_CHALLENGE_INVALID = "AUTHORIZATION_CHALLENGE_INVALID";
    public static final String DEVICE_REGISTRATION_INVALID = "DEVICE_REGISTRATION_INVALID";
    public static final String DEVICE_NOT_REGISTERED = "DEVICE_NOT_REGISTERED";
    public static final String DEVICE_ALREADY_REGISTERED = "DEVICE_ALREADY_REGISTERED";

    private OnboardingErrors() {
    }
}
