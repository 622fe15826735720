package com.chatpay.limits.policy;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.problem.Problem.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Reads and changes country policies; each change is audited and applies to the very next decision. */
@ApplicationScoped
public class LimitPolicyService {

    private static final Logger LOG = Logger.getLogger(LimitPolicyService.class);

    private final LimitPolicyRepository policies;
    private final Clock clock;
    private final ObjectMapper json;

    public LimitPolicyService(LimitPolicyRepository policies, Clock clock, ObjectMapper json) {
        this.policies = policies;
        this.clock = clock;
        this.json = json;
    }

    @WithSession
    public Uni<LimitPolicyView> get(String country) {
        return policies.findById(country).map(e -> {
            if (e == null) {
                throw ApiException.notFound("No limit policy for this country.");
            }
            return LimitPolicyView.of(e);
        });
    }

    @WithTransaction
    public Uni<LimitPolicyView> put(String country, LimitPolicyRequest request, String changedBy) {
        validate(request);
        return policies.findById(country).chain(existing -> {
            LimitPolicyEntity entity = existing == null ? new LimitPolicyEntity() : existing;
            String before = existing == null ? null : write(LimitPolicyView.of(existing));
            entity.country = country;
            entity.currency = request.currency();
            entity.perPaymentMax = request.perPaymentMax().value();
            entity.windowMax = request.windowMax().value();
            entity.windowKind = request.window();
            entity.timeZone = request.timeZone() == null ? "UTC" : request.timeZone();
            entity.maxPaymentsPerWindow = request.maxPaymentsPerWindow();
            entity.refundRestoresHeadroom = request.refundRestoresHeadroom() == null || request.refundRestoresHeadroom();
            entity.updatedAt = clock.instant();
            entity.updatedBy = changedBy;
            try {
                entity.toPolicy();
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("body", e.getMessage());
            }
            LimitPolicyAudit audit = new LimitPolicyAudit();
            audit.id = UUID.randomUUID();
            audit.country = country;
            audit.changedBy = changedBy;
            audit.changedAt = entity.updatedAt;
            audit.oldPolicy = before;
            audit.newPolicy = write(LimitPolicyView.of(entity));
            LOG.infof("limit policy of %s changed by %s", country, changedBy);
            return policies.persist(entity).call(() -> audit.persist()).map(LimitPolicyView::of);
        });
    }

    private static void validate(LimitPolicyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!request.currency().equals(request.perPaymentMax().currency())) {
            errors.add(new FieldError("perPaymentMax.currency", "must equal currency"));
        }
        if (!request.currency().equals(request.windowMax().currency())) {
            errors.add(new FieldError("windowMax.currency", "must equal currency"));
        }
        if (request.perPaymentMax().value() <= 0) {
            errors.add(new FieldError("perPaymentMax.value", "must be positive"));
        }
        if (request.windowMax().value() < request.perPaymentMax().value()) {
            errors.add(new FieldError("windowMax.value", "must be at least perPaymentMax"));
        }
        if (request.timeZone() != null && !isTimeZone(request.timeZone())) {
            // checked for every window kind: a rolling window ignores it today, but it is stored and shown to ops
            errors.add(new FieldError("timeZone", "must be a time zone id such as Europe/Paris"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private static boolean isTimeZone(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private String write(LimitPolicyView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
