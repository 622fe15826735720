package com.chatpay.reliability;

import com.chatpay.harness.FreshStack;
import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.invariants.InvariantChecker;
import com.chatpay.harness.invariants.WebhookReceiver;
import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import java.nio.file.Path;

/**
 * The stack the reliability suite breaks, in {@code reliability/target/stack}; started once per test JVM and shared
 * by every test class (each leaves it running and healthy). Conversation bubbles go to a {@link WebhookReceiver}
 * standing in for the messaging platform, so that the invariant checker can see each one arrive.
 */
public final class ReliabilityStack {

    private static LocalStack stack;
    private static ChatpayApi api;
    private static WebhookReceiver webhook;
    private static final java.util.Set<String> SECRETS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ReliabilityStack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            Path project = FreshStack.projectDir();
            // a second checkout or a parallel run may pass its own folder
            String dir = System.getProperty("chatpay.reliability.stack.dir");
            Path base = dir != null ? Path.of(dir) : project.resolve("reliability").resolve("target").resolve("stack");
            webhook = new WebhookReceiver();
            stack = FreshStack.start(project, base, b -> b
                    // money waits 30 s for a payee, so payments to a non-onboarded payee settle within the suite
                    .serviceSetting(ChatpayService.PAYMENT, "PAYMENT_PAYEE_WAIT", "PT30S")
                    .serviceSetting(ChatpayService.PAYMENT, "CHATPAY_PAYMENTS_EXPIRY_SWEEP_INTERVAL", "PT1S")
                    // a payment whose card-network outcome is unknown is looked at again after 2 s, not 30 s
                    .serviceSetting(ChatpayService.PAYMENT, "CHATPAY_PAYMENTS_NETWORK_RETRY_DELAY", "PT2S")
                    .serviceSetting(ChatpayService.PAYMENT, "CHATPAY_PAYMENTS_NETWORK_RETRY_SWEEP_INTERVAL", "PT1S")
                    .serviceSetting(ChatpayService.PAYMENT, "CHATPAY_CARD_NETWORK_CIRCUIT_BREAKER_COOL_DOWN", "PT2S")
                    // a settlement whose outcome a crash kept from being written is taken over after 15 s, not 30
                    .serviceSetting(ChatpayService.PAYMENT, "CHATPAY_PAYMENTS_SETTLEMENT_LEASE", "PT15S")
                    // a delivery whose attempt's outcome a crash lost is due again after 20 s, not the 2 min lease
                    // (the PostgreSQL crash test once waited 104 s on four such deliveries, near its 120 s bound)
                    .serviceSetting(ChatpayService.NOTIFICATION, "CHATPAY_DELIVERY_LEASE", "PT20S")
                    .serviceSetting(ChatpayService.NOTIFICATION, "WEBHOOK_URL", webhook.url()));
        }
        return stack;
    }

    public static synchronized ChatpayApi api() {
        if (api == null) {
            api = new ChatpayApi(get());
        }
        return api;
    }

    /** The platform's webhook the stack posts bubbles to. */
    public static synchronized WebhookReceiver webhook() {
        get();
        return webhook;
    }

    /**
     * Remembers secrets a test sent other than its people's (e.g. card numbers inside hostile requests), for the
     * secret scan at the end of the suite. People onboarded through {@link #api()} are scanned for anyway.
     */
    public static void rememberSecrets(java.util.Collection<String> secrets) {
        SECRETS.addAll(secrets);
    }

    public static java.util.Set<String> secrets() {
        return java.util.Set.copyOf(SECRETS);
    }

    public static InvariantChecker invariants() {
        return new InvariantChecker(api(), webhook());
    }
}
