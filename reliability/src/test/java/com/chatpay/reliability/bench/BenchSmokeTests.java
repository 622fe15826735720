package com.chatpay.reliability.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.bench.Bench;
import com.chatpay.harness.bench.BenchOptions;
import com.chatpay.harness.bench.ProcessSampler;
import com.chatpay.reliability.ReliabilityStack;
import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bench's smoke run ({@code ./chatpay bench --smoke}) as part of {@code ./chatpay test}: a few seconds of
 * payments at 10/s through the whole bench — people, warm-up, measured run with process sampling, the PostgreSQL
 * ceiling, the invariant checker — so that a change that breaks the bench, or a payment path that fails under a
 * little concurrency, is caught before anyone measures.
 */
class BenchSmokeTests {

    @Test
    void shouldCompleteEveryPaymentWithoutErrorOrViolationWhenRunningTheSmokeBench() {
        LocalStack stack = ReliabilityStack.get();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        Bench.Verdict verdict = new Bench(stack, ReliabilityStack.api(), Bench.defaultPopulationFile(stack), out,
                ReliabilityStack.invariants()).run(BenchOptions.parse("--smoke"));
        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.print(table);

        var load = verdict.headline().load();
        assertThat(load.errors()).as("errors by kind").isEmpty();
        assertThat(load.offered()).isGreaterThanOrEqualTo(40);
        // every payment reached its outcome, and each completed (the people are ACTIVE with room in their limits)
        assertThat(load.outcomes()).containsOnlyKeys("PaymentCompleted");
        assertThat(load.outcomes().get("PaymentCompleted")).isEqualTo(load.offered());
        assertThat(load.endToEnd().getTotalCount()).isEqualTo(load.offered());
        assertThat(verdict.invariants().violations()).as("invariant violations").isEmpty();
        assertThat(verdict.ok()).isTrue();

        List<String> sampled = verdict.headline().usage().components().stream()
                .filter(u -> u.peakRssKb() > 0).map(ProcessSampler.Usage::name).toList();
        assertThat(sampled).contains(LocalStack.POSTGRES, LocalStack.KAFKA, ChatpayService.ONBOARDING.moduleName(),
                ChatpayService.PAYMENT.moduleName(), ChatpayService.LIMITS.moduleName(),
                ChatpayService.NOTIFICATION.moduleName());
        assertThat(verdict.ceiling().perSecond()).isPositive();
        assertThat(table).contains("end to end", "over 1 s end to end", "PostgreSQL ceiling", "invariants hold");
    }
}
