package com.chatpay.notification.users;

import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.notification.text.Lang;
import com.chatpay.notification.users.KnownUserRepository.KnownUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Remembers each user's first name and locale from onboarding events, for the texts of notifications. */
@ApplicationScoped
public class UserDirectory {

    private final KnownUserRepository users;

    public UserDirectory(KnownUserRepository users) {
        this.users = users;
    }

    /** Runs inside the consuming transaction, on its connection. */
    public Uni<Void> remember(SqlConnection connection, PaymentsActivated activated) {
        return users.upsert(connection, activated.userId(), blankToNull(activated.firstName()), blankToNull(activated.locale()),
                activated.activatedAt());
    }

    /**
     * The users as notifications address them, by id, in one read; a user never seen reads French and has no name.
     */
    public Uni<Map<String, Person>> people(SqlConnection connection, List<String> userIds) {
        return users.find(connection, userIds).map(found -> {
            Map<String, Person> people = new HashMap<>();
            for (KnownUser user : found) {
                people.put(user.userId(), new Person(user.userId(), blankToNull(user.firstName()),
                        Lang.of(user.locale())));
            }
            for (String userId : userIds) {
                people.putIfAbsent(userId, Person.unknown(userId));
            }
            return people;
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
