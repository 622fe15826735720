package com.chatpay.onboarding.rollout;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CountryRolloutChangeRepository implements PanacheRepositoryBase<CountryRolloutChange, UUID> {
}
