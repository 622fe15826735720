package com.chatpay.notification.preferences;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Reads and changes users' notification preferences. */
@ApplicationScoped
public class PreferencesService {

    private final NotificationPreferenceRepository preferences;
    private final Clock clock;

    public PreferencesService(NotificationPreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The user's preferences; the defaults when never set. Joins the current session (e.g. a consuming one). */
    @WithSession
    public Uni<PreferencesView> of(String userId) {
        return preferences.findById(userId).map(p -> p == null
                ? PreferencesView.DEFAULTS
                : new PreferencesView(p.mutePaymentsReceived));
    }

    @WithTransaction
    public Uni<PreferencesView> update(String userId, PreferencesRequest request) {
        return preferences.upsert(userId, request.mutePaymentsReceived(), clock.instant())
                .replaceWith(new PreferencesView(request.mutePaymentsReceived()));
    }
}
