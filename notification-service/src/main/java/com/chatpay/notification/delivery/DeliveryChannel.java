package com.chatpay.notification.delivery;

import com.chatpay.notification.NotificationMetrics.Channel;

/** Where a delivery goes: an SMS operator, a push service, or the messaging platform's webhook. */
public enum DeliveryChannel {
    SMS(Channel.SMS), PUSH(Channel.PUSH), WEBHOOK(Channel.WEBHOOK);

    private final Channel metric;

    DeliveryChannel(Channel metric) {
        this.metric = metric;
    }

    /** The {@code channel} tag of this channel's metrics. */
    public Channel metric() {
        return metric;
    }
}
