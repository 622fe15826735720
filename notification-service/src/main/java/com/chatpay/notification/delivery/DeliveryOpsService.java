package com.chatpay.notification.delivery;

import com.chatpay.common.paging.PageCursor;
import com.chatpay.common.problem.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** What ops do with deliveries: list them by status, and put a FAILED (or SKIPPED) one back in the queue. */
@ApplicationScoped
public class DeliveryOpsService {

    /** The name this list's cursors carry. */
    static final String LIST = "deliveries";

    private static String cursorAfter(Delivery last) {
        return new PageCursor(last.createdAt(), last.id()).encode(LIST);
    }

    private static final Logger LOG = Logger.getLogger(DeliveryOpsService.class);

    private final DeliveryQueue queue;
    private final Clock clock;

    public DeliveryOpsService(DeliveryQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** Deliveries of {@code status} (all when null), newest first. */
    public Uni<DeliveryPage> list(DeliveryStatus status, int limit, PageCursor after) {
        return queue.page(status, after, limit + 1).map(found -> {
            boolean more = found.size() > limit;
            List<Delivery> page = more ? found.subList(0, limit) : found;
            return new DeliveryPage(page.stream().map(DeliveryView::of).toList(),
                    more ? cursorAfter(page.get(page.size() - 1)) : null);
        });
    }

    /**
     * Makes a FAILED or SKIPPED delivery PENDING and due now, its attempts kept: the worker makes one more attempt
     * (a failure then makes it FAILED again, since the maximum was reached). 404 for an unknown id, 409 for a
     * delivery that is pending or sent.
     */
    public Uni<DeliveryView> retry(UUID id, String operator) {
        return queue.requeue(id, clock.instant()).chain(requeued -> {
            if (requeued.isPresent()) {
                LOG.infof("delivery %s put back in the queue by %s", id, operator);
                return Uni.createFrom().item(DeliveryView.of(requeued.get()));
            }
            return queue.find(id).map(existing -> {
                if (existing.isEmpty()) {
                    throw ApiException.notFound("No such delivery.");
                }
                throw ApiException.conflict("DELIVERY_NOT_RETRYABLE", "Only a FAILED or SKIPPED delivery can be "
                        + "retried; this one is " + existing.get().status() + ".");
            });
        });
    }
}
