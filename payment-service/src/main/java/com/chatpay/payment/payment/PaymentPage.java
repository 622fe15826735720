package com.chatpay.payment.payment;

import java.util.List;

/** One page of a user's payment history, newest first; {@code nextCursor} is null on the last page. */
public record PaymentPage(List<PaymentView> items, String nextCursor) {
}
