package com.chatpay.notification.feed;

import com.chatpay.common.problem.ApiException;

/** The {@code limit} of a feed page: 1 to 100, 20 when absent. */
public final class FeedPaging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private FeedPaging() {
    }

    public static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ApiException.validation("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ApiException.validation("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
        return value;
    }
}
