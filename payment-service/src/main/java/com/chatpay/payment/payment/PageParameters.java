package com.chatpay.payment.payment;

import com.chatpay.common.problem.ApiException;

/** The {@code ?limit=} of every list of this service: checked, or 400 VALIDATION_FAILED. */
public final class PageParameters {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private PageParameters() {
    }

    /** The page size: {@link #DEFAULT_LIMIT} when absent, 1..{@link #MAX_LIMIT} otherwise. */
    public static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int size;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.validation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return size;
    }
}
