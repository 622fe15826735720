package com.chatpay.payment.refund;

import java.util.List;

/** One page of the dispute queue, oldest first; {@code nextCursor} is null on the last page. */
public record DisputePage(List<DisputeView> items, String nextCursor) {
}
