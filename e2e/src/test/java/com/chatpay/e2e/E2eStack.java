package com.chatpay.e2e;

import com.chatpay.harness.FreshStack;
import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import java.time.Duration;

/** The stack the end-to-end tests run against, in {@code e2e/target/stack}; started once per test JVM. */
final class E2eStack {

    /** How long money waits for a payee on this stack. */
    static final Duration PAYEE_WAIT = Duration.ofSeconds(30);

    private static LocalStack stack;

    private E2eStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            var project = FreshStack.projectDir();
            stack = FreshStack.start(project, project.resolve("e2e").resolve("target").resolve("stack"), b -> b
                    // money waits 30 s (not 7 days) for a payee, so a test can watch a payment expire
                    .serviceSetting(ChatpayService.PAYMENT, "PAYMENT_PAYEE_WAIT", PAYEE_WAIT.toString())
                    .serviceSetting(ChatpayService.PAYMENT, "CHATPAY_PAYMENTS_EXPIRY_SWEEP_INTERVAL", "PT1S"));
        }
        return stack;
    }
}
