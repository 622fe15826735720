package com.chatpay.onboarding.onboarding;

import com.chatpay.common.problem.ApiException;

/**
 * A wrong secret (PIN, SMS code): the problem document also says how many attempts remain, as the RFC 9457
 * extension member {@code attemptsRemaining} (rendered by the shared mapper).
 */
public class AttemptsException extends ApiException {

    private final int attemptsRemaining;

    public AttemptsException(int status, String code, String title, String detail, int attemptsRemaining) {
        super(status, code, title, detail, null, null, java.util.Map.of("attemptsRemaining", attemptsRemaining));
        this.attemptsRemaining = attemptsRemaining;
    }

    public int attemptsRemaining() {
        return attemptsRemaining;
    }
}
