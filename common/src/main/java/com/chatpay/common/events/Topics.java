package com.chatpay.common.events;

import java.util.List;

/**
 * Kafka topic names: a written rule, never derived from class names. Each topic has exactly one
 * owning service, which alone writes to it. Dead-letter topics are named {@code <consumer group>.dlq}.
 */
public final class Topics {
    /** Owned by onboarding-service: PaymentsActivated, CardRegistered, CardRemoved, PaymentsLocked, UserSuspended. */
    public static final String ONBOARDING_EVENTS = "onboarding.events";
    /** Owned by onboarding-service: SmsCodeRequested, the code encrypted for notification-service only. */
    public static final String ONBOARDING_SMS = "onboarding.sms";
    /** Owned by payment-service: every payment state transition. */
    public static final String PAYMENTS_EVENTS = "payments.events";
    /** Owned by limits-service: LimitReserved, LimitRejected. */
    public static final String LIMITS_EVENTS = "limits.events";

    /** Every business topic, in the order the local stack creates them. */
    public static final List<String> ALL = List.of(ONBOARDING_EVENTS, ONBOARDING_SMS, PAYMENTS_EVENTS, LIMITS_EVENTS);

    /**
     * Consumer groups ({@code <service>.<purpose>}); each has its dead-letter topic {@link #deadLetter(String)}.
     */
    public static final class Groups {
        public static final String PAYMENT_USERS = "payment-service.users";
        public static final String PAYMENT_LIMITS = "payment-service.limits";
        public static final String LIMITS_PAYMENTS = "limits-service.payments";
        public static final String LIMITS_USERS = "limits-service.users";
        public static final String NOTIFICATION_SMS = "notification-service.sms";
        public static final String NOTIFICATION_PAYMENTS = "notification-service.payments";
        public static final String NOTIFICATION_USERS = "notification-service.users";

        public static final List<String> ALL = List.of(PAYMENT_USERS, PAYMENT_LIMITS, LIMITS_PAYMENTS, LIMITS_USERS,
                NOTIFICATION_SMS, NOTIFICATION_PAYMENTS, NOTIFICATION_USERS);

        private Groups() {
        }
    }

    /** The dead-letter topic of a consumer group. */
    public static String deadLetter(String consumerGroup) {
        return consumerGroup + ".dlq";
    }

    private Topics() {
    }
}
