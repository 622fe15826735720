package com.chatpay.notification.sms;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The default {@link SmsProvider}: an SMS operator simulator with behaviour. It answers after a configurable
 * latency, refuses a configurable share of attempts, honours idempotency keys like a real operator API, and records
 * every message it sends in {@code sms_message} (read by {@code GET /dev/sms} in the dev profile).
 *
 * <p>Documented test numbers script the failures the retry logic must survive, whatever the failure rate:
 * <table>
 *   <caption>Scripted phone numbers</caption>
 *   <tr><td>{@value #REFUSES_FIRST_ATTEMPT}</td><td>the first attempt of each message is refused (nothing sent);
 *       the next one sends it</td></tr>
 *   <tr><td>{@value #LOSES_FIRST_ANSWER}</td><td>the first attempt of each message sends it but its answer is lost
 *       (as in a timeout); a repeat with the same key sends nothing more</td></tr>
 * </table>
 */
@DefaultBean
@ApplicationScoped
public class SimulatedSmsProvider implements SmsProvider {

    /** The first attempt of each message is refused before anything is sent. */
    public static final String REFUSES_FIRST_ATTEMPT = "+33639980001";
    /** The first attempt of each message is sent, then its answer is lost. */
    public static final String LOSES_FIRST_ANSWER = "+33639980002";

    private final SmsConfig.Simulator config;
    private final SentSmsLog log;
    private final Vertx vertx;
    private final Clock clock;
    private final Set<String> scriptedFailuresDone = ConcurrentHashMap.newKeySet();

    public SimulatedSmsProvider(SmsConfig config, SentSmsLog log, Vertx vertx, Clock clock) {
        this.config = config.simulator();
        this.log = log;
        this.vertx = vertx;
        this.clock = clock;
    }

    @Override
    public Uni<SmsReceipt> send(OutgoingSms sms) {
        return latency().chain(() -> {
            if (REFUSES_FIRST_ATTEMPT.equals(sms.phoneNumber()) && scriptedFailuresDone.add("refuse:" + sms.idempotencyKey())) {
                return Uni.createFrom().failure(new SmsProviderException("simulated operator refused the message"));
            }
            if (config.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < config.failureRate()) {
                return Uni.createFrom().failure(new SmsProviderException("simulated operator refused the message"));
            }
            return log.recordOnce(sms, clock.instant()).chain(receipt -> {
                if (LOSES_FIRST_ANSWER.equals(sms.phoneNumber()) && scriptedFailuresDone.add("lose:" + sms.idempotencyKey())) {
                    return Uni.createFrom().failure(new SmsProviderException("simulated operator did not answer in time"));
                }
                return Uni.createFrom().item(receipt);
            });
        });
    }

    /** The messages this simulator sent to {@code phoneNumber}, oldest first. */
    public Uni<List<SentSms>> sentTo(String phoneNumber) {
        return log.sentTo(phoneNumber);
    }

    /** Waits on a Vert.x timer, so the caller resumes on its own Vert.x context (its reactive session lives there). */
    private Uni<Void> latency() {
        long millis = config.latency().toMillis();
        if (millis <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(millis, id -> emitter.complete(null)));
    }
}
