package com.chatpay.notification.users;

import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.notification.text.Lang;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Remembers each user's first name and locale from onboarding events, for the texts of notifications. */
@ApplicationScoped
public class UserDirectory {

    private final KnownUserRepository users;

    public UserDirectory(KnownUserRepository users) {
        this.users = users;
    }

    /** Runs inside the consuming transaction. */
    public Uni<Void> remember(PaymentsActivated activated) {
        return users.upsert(activated.userId(), blankToNull(activated.firstName()), blankToNull(activated.locale()),
                activated.activatedAt());
    }

    /** The user as notifications address them; a user never seen reads French and has no name. */
    public Uni<Person> person(String userId) {
        return users.findById(userId).map(user -> user == null
                ? Person.unknown(userId)
                : new Person(userId, blankToNull(user.firstName), Lang.of(user.locale)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
