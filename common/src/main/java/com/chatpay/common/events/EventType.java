package com.chatpay.common.events;

import com.chatpay.common.events.LimitEvents.LimitRejected;
import com.chatpay.common.events.LimitEvents.LimitReserved;
import com.chatpay.common.events.OnboardingEvents.CardRegistered;
import com.chatpay.common.events.OnboardingEvents.CardRemoved;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.OnboardingEvents.PaymentsLocked;
import com.chatpay.common.events.OnboardingEvents.SmsCodeRequested;
import com.chatpay.common.events.OnboardingEvents.UserSuspended;
import com.chatpay.common.events.PaymentEvents.PaymentAwaitingPayee;
import com.chatpay.common.events.PaymentEvents.PaymentCancelled;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentDeclined;
import com.chatpay.common.events.PaymentEvents.PaymentExpired;
import com.chatpay.common.events.PaymentEvents.PaymentFailed;
import com.chatpay.common.events.PaymentEvents.PaymentRefunded;
import com.chatpay.common.events.PaymentEvents.PaymentRejected;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of event types: the CloudEvents {@code type} name, the one topic it travels on and its payload
 * schema. Producers can only publish a payload registered here; consumers decode with the same entry.
 */
public enum EventType {
    PAYMENTS_ACTIVATED("PaymentsActivated", Topics.ONBOARDING_EVENTS, PaymentsActivated.class),
    CARD_REGISTERED("CardRegistered", Topics.ONBOARDING_EVENTS, CardRegistered.class),
    CARD_REMOVED("CardRemoved", Topics.ONBOARDING_EVENTS, CardRemoved.class),
    PAYMENTS_LOCKED("PaymentsLocked", Topics.ONBOARDING_EVENTS, PaymentsLocked.class),
    USER_SUSPENDED("UserSuspended", Topics.ONBOARDING_EVENTS, UserSuspended.class),
    SMS_CODE_REQUESTED("SmsCodeRequested", Topics.ONBOARDING_SMS, SmsCodeRequested.class),

    PAYMENT_REQUESTED("PaymentRequested", Topics.PAYMENTS_EVENTS, PaymentRequested.class),
    PAYMENT_COMPLETED("PaymentCompleted", Topics.PAYMENTS_EVENTS, PaymentCompleted.class),
    PAYMENT_REJECTED("PaymentRejected", Topics.PAYMENTS_EVENTS, PaymentRejected.class),
    PAYMENT_FAILED("PaymentFailed", Topics.PAYMENTS_EVENTS, PaymentFailed.class),
    PAYMENT_AWAITING_PAYEE("PaymentAwaitingPayee", Topics.PAYMENTS_EVENTS, PaymentAwaitingPayee.class),
    PAYMENT_EXPIRED("PaymentExpired", Topics.PAYMENTS_EVENTS, PaymentExpired.class),
    PAYMENT_CANCELLED("PaymentCancelled", Topics.PAYMENTS_EVENTS, PaymentCancelled.class),
    PAYMENT_DECLINED("PaymentDeclined", Topics.PAYMENTS_EVENTS, PaymentDeclined.class),
    PAYMENT_REFUNDED("PaymentRefunded", Topics.PAYMENTS_EVENTS, PaymentRefunded.class),

    LIMIT_RESERVED("LimitReserved", Topics.LIMITS_EVENTS, LimitReserved.class),
    LIMIT_REJECTED("LimitRejected", Topics.LIMITS_EVENTS, LimitRejected.class);

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String typeName;
    private final String topic;
    private final Class<? extends Record> payloadType;

    EventType(String typeName, String topic, Class<? extends Record> payloadType) {
        this.typeName = typeName;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code PaymentRequested}. */
    public String typeName() {
        return typeName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> byName(String typeName) {
        return Optional.ofNullable(typeName).map(BY_NAME::get);
    }

    /** The registered type of a payload; an unregistered payload cannot be published. */
    public static EventType of(Object payload) {
        EventType type = BY_PAYLOAD.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not a registered event payload: " + payload.getClass().getName());
        }
        return type;
    }
}
