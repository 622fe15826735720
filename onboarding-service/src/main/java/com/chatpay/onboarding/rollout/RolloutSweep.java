package com.chatpay.onboarding.rollout;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Activates, a batch per open country per run, the users a rollout lets in who did every step but were not
 * admitted yet: those beyond the first batch of an ops change, and those whose last step raced with a change.
 */
@ApplicationScoped
public class RolloutSweep {

    private static final Logger LOG = Logger.getLogger(RolloutSweep.class);

    private final RolloutService service;

    public RolloutSweep(RolloutService service) {
        this.service = service;
    }

    @Scheduled(identity = "rollout-sweep", every = "${chatpay.rollout.sweep-interval:30s}",
            delayed = "${chatpay.rollout.sweep-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not once shutdown began: the run would fail on the closing connection pool
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return service.openCountries()
                .chain(countries -> Multi.createFrom().iterable(countries)
                        .onItem().transformToUniAndConcatenate(service::sweep)
                        .collect().asList())
                .onFailure().invoke(e -> LOG.warnf("rollout sweep failed, retried next run: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
