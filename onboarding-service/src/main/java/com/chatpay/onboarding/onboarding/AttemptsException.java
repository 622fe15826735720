package com.chatpay.onboarding.onboarding;

import com.chatpay.common.problem.ApiException;

/** A wrong secret (PIN, SMS code): the problem document also says how many attempts remain. */
public class AttemptsException extends ApiException {

    private final int attemptsRemaining;

    public AttemptsException(int status, String code, String title, String detail, int attemptsRemaining) {
        super(status, code, title, detail, null, null);
        this.attemptsRemaining = attemptsRemaining;
    }

    public int attemptsRemaining() {
        return attemptsRemaining;
    }
}
