package com.chatpay.common.paging;

import com.chatpay.common.problem.ApiException;

/** The {@code ?limit=} of every list: 1 to {@link #MAX}, {@link #DEFAULT} when absent; anything else is a 400. */
public final class PageLimit {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageLimit() {
    }

    public static int parse(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT;
        }
        int value;
        try {
            value = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > MAX) {
            throw ApiException.validation("limit", "must be an integer from 1 to " + MAX);
        }
        return value;
    }
}
