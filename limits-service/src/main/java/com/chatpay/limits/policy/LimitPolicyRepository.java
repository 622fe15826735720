package com.chatpay.limits.policy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class LimitPolicyRepository implements PanacheRepositoryBase<LimitPolicyEntity, String> {

    public Uni<Optional<Policy>> policyOf(String country) {
        return findById(country).map(e -> Optional.ofNullable(e).map(LimitPolicyEntity::toPolicy));
    }
}
