package com.chatpay.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.Person;
import com.chatpay.harness.invariants.InvariantChecker;
import com.chatpay.harness.load.LoadPlan;
import com.chatpay.harness.load.LoadResult;
import com.chatpay.harness.load.PaymentLoad;
import com.chatpay.harness.load.Population;
import com.chatpay.reliability.ReliabilityReport;
import com.chatpay.reliability.ReliabilityStack;
import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crash any part mid-flow: under a steady load of payments between many people, one component dies the hard way
 * ({@code kill -9}, or PostgreSQL's crash-like immediate stop), comes back, and the suite must converge — every
 * payment a client was told was accepted ends terminal (or waits for its payee by design) within a bounded time, and
 * every invariant holds: nothing lost, nothing doubled, the ledger balanced, no limit ever exceeded.
 *
 * <p>The load retries a {@code POST /v1/payments} that got no answer with the same Idempotency-Key, as a careful
 * client does; requests refused while a service is down are counted, not hidden.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTests {

    /** Within this, after the fault is repaired, every payment must be settled. */
    private static final Duration CONVERGENCE_BOUND = Duration.ofSeconds(120);
    private static final LoadPlan LOAD = LoadPlan.of(12, Duration.ofSeconds(10)).withAmounts(100, 10_000)
            .withRetriesFor(Duration.ofSeconds(150));
    /** When the fault strikes, after the load started. */
    private static final Duration FAULT_AFTER = Duration.ofSeconds(3);

    private static LocalStack stack;
    private static ChatpayApi api;
    private static List<Person> people;
    private static List<Person> timeoutCardPayers;

    @BeforeAll
    static void onboardPeople() {
        stack = ReliabilityStack.get();
        api = ReliabilityStack.api();
        people = Population.onboard(api, 40, 8, "crash");
        timeoutCardPayers = Population.onboard(api, 6, 6, i -> Person.create("timeout" + i, Person.TIMEOUT_CARD));
        // the JVMs compile the payment path before the first fault, so that a fault meets a warm, steady flow
        LoadResult warmUp = new PaymentLoad(api, people, LoadPlan.of(5, Duration.ofSeconds(6)), null).run();
        ReliabilityStack.invariants().awaitAndCheck(
                warmUp.accepted().stream().map(LoadResult.AcceptedPayment::paymentId).toList(), CONVERGENCE_BOUND);
    }

    @AfterAll
    static void report() {
        ReliabilityReport.print();
    }

    @Test
    @Order(1)
    void shouldConvergeWhenPaymentServiceIsKilledMidFlow() {
        crash("kill -9 payment-service", () -> restart(ChatpayService.PAYMENT));
    }

    @Test
    @Order(2)
    void shouldConvergeWhenLimitsServiceIsKilledMidFlow() {
        crash("kill -9 limits-service", () -> restart(ChatpayService.LIMITS));
    }

    @Test
    @Order(3)
    void shouldConvergeWhenNotificationServiceIsKilledMidFlow() {
        crash("kill -9 notification-service", () -> restart(ChatpayService.NOTIFICATION));
    }

    @Test
    @Order(4)
    void shouldConvergeWhenOnboardingServiceIsKilledMidFlow() {
        crash("kill -9 onboarding-service", () -> restart(ChatpayService.ONBOARDING));
    }

    @Test
    @Order(5)
    void shouldConvergeWhenTheKafkaBrokerIsKilledMidFlow() {
        crash("kill -9 Kafka broker", () -> {
            stack.stopKafka(true);
            pause(Duration.ofSeconds(3));
            stack.startKafka();
        });
    }

    @Test
    @Order(6)
    void shouldConvergeWhenPostgresqlCrashesAndRestartsMidFlow() {
        crash("PostgreSQL crash restart", () -> stack.restartPostgres(true));
    }

    @Test
    @Order(7)
    void shouldConvergeWhenTheCardNetworkTimesOutAndFailsUnderLoad() {
        // a network that loses 20 % of calls and never answers the six payers whose card times out (outcome unknown
        // until queried)
        stack.stopService(ChatpayService.PAYMENT, false);
        stack.startService(ChatpayService.PAYMENT, Map.of("CARD_NETWORK_FAILURE_RATE", "0.2",
                "CARD_NETWORK_TIMEOUT", "PT0.5S"));
        try {
            List<Person> mixed = new ArrayList<>(people);
            mixed.addAll(timeoutCardPayers);
            Scenario run = run("card network: 20 % errors, timeouts with unknown outcome", mixed, () -> {
            });
            assertThat(run.load.accepted()).isNotEmpty();
            // the timeouts resolved one way or the other, the errors were retried or failed cleanly
            assertThat(run.report.paymentsByStatus()).containsKey("COMPLETED");
        } finally {
            stack.stopService(ChatpayService.PAYMENT, false);
            stack.startService(ChatpayService.PAYMENT);
        }
    }

    private void crash(String fault, Runnable faultAndRepair) {
        Scenario run = run(fault, people, faultAndRepair);
        assertThat(run.load.accepted()).as("payments accepted around the fault").isNotEmpty();
    }

    private record Scenario(LoadResult load, InvariantChecker.Report report) {
    }

    private Scenario run(String fault, List<Person> who, Runnable faultAndRepair) {
        PaymentLoad load = new PaymentLoad(api, who, LOAD, null);
        CompletableFuture<LoadResult> running = load.start();
        pause(FAULT_AFTER);
        int inFlight = load.inFlight();
        faultAndRepair.run();
        LoadResult result = running.join();
        List<String> accepted = result.accepted().stream().map(LoadResult.AcceptedPayment::paymentId).toList();
        InvariantChecker.Report report = ReliabilityStack.invariants().awaitAndCheck(accepted, CONVERGENCE_BOUND);
        ReliabilityReport.add(new ReliabilityReport.Row(fault, result.offered(), inFlight,
                (report.violations().isEmpty() ? accepted.size() : "?") + "/" + accepted.size(),
                report.violations().size(), report.timeToConverge()));
        System.out.printf("%s: offered %d, accepted %d, errors %s, payments %s%n", fault, result.offered(),
                accepted.size(), result.errors(), report.paymentsByStatus());
        report.violations().stream().limit(20).forEach(v -> System.out.println("  violation: " + v));
        assertThat(report.violations()).as("invariant violations after " + fault).isEmpty();
        assertThat(report.converged()).as("converged within " + CONVERGENCE_BOUND).isTrue();
        return new Scenario(result, report);
    }

    private static void restart(ChatpayService service) {
        stack.stopService(service, true);
        pause(Duration.ofSeconds(2));
        stack.startService(service);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
