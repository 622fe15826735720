package com.chatpay.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutgoingSmsTest {

    @Test
    void shouldKeepTheTextOutOfItsStringForm() {
        OutgoingSms sms = new OutgoingSms("sms-code:1", "+33612345678",
                "Votre code chatpay : 482913. Il expire dans 10 minutes.");

        assertThat(sms.toString()).doesNotContain("482913").doesNotContain("+33612345678").contains("sms-code:1");
    }
}
