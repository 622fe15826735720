package com.chatpay.notification.feed;

import java.util.List;

/** A page of the feed; {@code nextCursor} is null on the last page. */
public record NotificationPage(List<NotificationView> items, String nextCursor) {
}
