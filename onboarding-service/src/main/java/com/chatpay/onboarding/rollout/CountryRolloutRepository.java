package com.chatpay.onboarding.rollout;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class CountryRolloutRepository implements PanacheRepositoryBase<CountryRollout, String> {

    /**
     * The country's setting, share-locked until the transaction ends. A step that may admit a user reads it this
     * way, so it waits for a concurrent change of the setting (which locks it for update) and sees its result:
     * no user who finishes onboarding while ops raise the percentage is missed.
     */
    public Uni<CountryRollout> readShared(String country) {
        return findById(country, LockModeType.PESSIMISTIC_READ);
    }

    /** The setting, locked for update: ops changes of one country are serialised. */
    public Uni<CountryRollout> lock(String country) {
        return findById(country, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The countries that admit anybody. */
    public Uni<List<CountryRollout>> open() {
        return list("enabled = true and percentage > 0");
    }
}
