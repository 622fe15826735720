package com.chatpay.notification.bubble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldSignTimestampDotBodyWithHmacSha256InHex() {
        // printf '%s' '1764190800.{"conversationId":"c-1","status":"COMPLETED"}' \
        //   | openssl dgst -sha256 -hmac '0123456789abcdef0123456789abcdef'
        assertThat(new WebhookSigner(KEY).signature(1764190800L, "{\"conversationId\":\"c-1\",\"status\":\"COMPLETED\"}"))
                .isEqualTo("v1=50b914f7d85f5c3e99fa48d31009f09eb2f777fc9b086d7d70a6ee68c1386324");
    }

    @Test
    void shouldBindTheSignatureToTheTimestamp() {
        WebhookSigner signer = new WebhookSigner(KEY);
        assertThat(signer.signature(1764190801L, "{}")).isNotEqualTo(signer.signature(1764190800L, "{}"));
    }

    @Test
    void shouldRefuseAShortKey() {
        assertThatThrownBy(() -> new WebhookSigner(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheKeyOutOfItsStringForm() {
        assertThat(new WebhookSigner(KEY).toString()).doesNotContain("0123456789abcdef");
    }
}
