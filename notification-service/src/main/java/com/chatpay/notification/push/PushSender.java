package com.chatpay.notification.push;

import com.chatpay.notification.delivery.Delivery;
import com.chatpay.notification.delivery.DeliveryChannel;
import com.chatpay.notification.delivery.DeliverySender;
import com.chatpay.notification.delivery.SendOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends push deliveries through the {@link PushProvider}, keyed by the delivery so a retry shows nothing twice. A
 * token the push service no longer knows (the app was removed) fails the delivery at once and is forgotten, so no
 * later notification tries it again.
 */
@ApplicationScoped
public class PushSender implements DeliverySender {

    private static final Logger LOG = Logger.getLogger(PushSender.class);

    private final PushProvider provider;
    private final ObjectMapper json;
    private final Pool pool;

    public PushSender(PushProvider provider, ObjectMapper json, Pool pool) {
        this.provider = provider;
        this.json = json;
        this.pool = pool;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.PUSH;
    }

    @Override
    public Uni<SendOutcome> send(Delivery delivery) {
        PushPayload payload;
        try {
            payload = json.readValue(delivery.payload(), PushPayload.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(new SendOutcome.GiveUp("the stored push cannot be read", false));
        }
        return provider.send(new OutgoingPush(delivery.dedupKey(), payload.token(), payload.platform(), payload.text()))
                .<SendOutcome>map(receipt -> new SendOutcome.Sent(receipt.alreadySent()))
                .onFailure(PushProviderException.class).recoverWithUni(e -> ((PushProviderException) e).permanent()
                        ? forget(payload.token(), delivery).replaceWith(new SendOutcome.GiveUp(e.getMessage(), false))
                        : Uni.createFrom().item(new SendOutcome.Retry(e.getMessage())));
    }

    /** Deletes a token the push service refused for good (autocommitted: the worker runs outside transactions). */
    private Uni<Void> forget(String token, Delivery delivery) {
        return pool.preparedQuery("DELETE FROM push_token WHERE token = $1").execute(Tuple.of(token))
                .invoke(rows -> LOG.infof("push token of user %s unregistered at the push service: forgotten "
                        + "(delivery %s)", delivery.userId(), delivery.id()))
                .replaceWithVoid();
    }
}
