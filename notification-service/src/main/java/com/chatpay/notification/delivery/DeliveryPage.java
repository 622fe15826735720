package com.chatpay.notification.delivery;

import java.util.List;

/** A page of deliveries; {@code nextCursor} is null on the last page. */
public record DeliveryPage(List<DeliveryView> items, String nextCursor) {
}
