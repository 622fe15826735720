package com.chatpay.common.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void shouldBeARfc9562Version7IdStampedWithTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedIds.unixMillis(id)).isBetween(before, after);
        // the text form starts with the time: 48 bits, 12 hex digits
        assertThat(id.toString().replace("-", "")).startsWith(String.format("%012x", TimeOrderedIds.unixMillis(id)));
    }

    @Test
    void shouldSortLaterMillisecondsAfterEarlierOnesByteByByteAsPostgresqlDoes() {
        Random random = new Random(7);
        List<UUID> made = new ArrayList<>();
        for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 2_000; millis += 1 + random.nextInt(3)) {
            made.add(TimeOrderedIds.at(millis, random));
        }
        made.add(TimeOrderedIds.at((1L << 48) - 1, random));

        List<String> sortedAsBytes = made.stream().map(UUID::toString).sorted().toList();

        assertThat(sortedAsBytes).isEqualTo(made.stream().map(UUID::toString).toList());
    }

    @Test
    void shouldKeepSeventyFourRandomBitsWithinAMillisecond() {
        Set<UUID> sameMillisecond = new HashSet<>();
        Set<Long> randomParts = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = TimeOrderedIds.at(1_700_000_000_000L, new Random(i));
            sameMillisecond.add(id);
            randomParts.add(id.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL);
            assertThat(TimeOrderedIds.unixMillis(id)).isEqualTo(1_700_000_000_000L);
        }

        assertThat(sameMillisecond).hasSize(10_000);
        assertThat(randomParts).hasSize(10_000);
    }

    @Test
    void shouldRefuseATimeBeyondFortyEightBitsAndReadOnlyVersion7Ids() {
        assertThatThrownBy(() -> TimeOrderedIds.at(-1, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.at(1L << 48, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.unixMillis(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
