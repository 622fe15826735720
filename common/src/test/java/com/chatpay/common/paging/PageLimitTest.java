package com.chatpay.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.problem.ApiException;
import org.junit.jupiter.api.Test;

class PageLimitTest {

    @Test
    void shouldDefaultTo20AndAccept1To100() {
        assertThat(PageLimit.parse(null)).isEqualTo(20);
        assertThat(PageLimit.parse("")).isEqualTo(20);
        assertThat(PageLimit.parse("1")).isEqualTo(1);
        assertThat(PageLimit.parse("100")).isEqualTo(100);
    }

    @Test
    void shouldRefuseAnythingElseAsA400OnTheLimitParameter() {
        for (String bad : new String[] {"0", "101", "-5", "ten", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> PageLimit.parse(bad)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("limit"));
            });
        }
    }
}
