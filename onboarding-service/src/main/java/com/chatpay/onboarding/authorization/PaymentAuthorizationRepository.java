package com.chatpay.onboarding.authorization;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PaymentAuthorizationRepository implements PanacheRepositoryBase<PaymentAuthorization, UUID> {
}
