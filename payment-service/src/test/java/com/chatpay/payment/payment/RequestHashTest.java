package com.chatpay.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestHashTest {

    private static CreatePaymentRequest request(String payee, String conversation, long value, String currency,
            String message, String token) {
        return new CreatePaymentRequest(payee, conversation, new Amount(value, currency), message, token);
    }

    private static final CreatePaymentRequest BASE = request("bob", "conv", 2000, "EUR", "hi", "tok");

    @Test
    void shouldGiveTheSameHashForTheSameRequest() {
        assertThat(RequestHash.of(request("bob", "conv", 2000, "EUR", "hi", "tok")))
                .isEqualTo(RequestHash.of(BASE))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void shouldChangeWithEveryField() {
        List<CreatePaymentRequest> others = List.of(
                request("bobby", "conv", 2000, "EUR", "hi", "tok"),
                request("bob", "conv2", 2000, "EUR", "hi", "tok"),
                request("bob", "conv", 2001, "EUR", "hi", "tok"),
                request("bob", "conv", 2000, "USD", "hi", "tok"),
                request("bob", "conv", 2000, "EUR", "hi!", "tok"),
                request("bob", "conv", 2000, "EUR", null, "tok"),
                request("bob", "conv", 2000, "EUR", "hi", "tok2"));
        for (CreatePaymentRequest other : others) {
            assertThat(RequestHash.of(other)).as(other.toString()).isNotEqualTo(RequestHash.of(BASE));
        }
    }

    @Test
    void shouldNotConfuseFieldBoundariesOrAbsentWithEmpty() {
        assertThat(RequestHash.of(request("ab", "c", 1, "EUR", "x", "t")))
                .isNotEqualTo(RequestHash.of(request("a", "bc", 1, "EUR", "x", "t")));
        assertThat(RequestHash.of(request("a", "b", 1, "EUR", "", "t")))
                .isNotEqualTo(RequestHash.of(request("a", "b", 1, "EUR", null, "t")));
    }
}
