package com.chatpay.onboarding.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolloutPolicyTest {

    private static final List<String> IDS = IntStream.range(0, 10_000).mapToObj(i -> "user-" + i).toList();

    private static long admitted(String country, boolean enabled, int percentage) {
        return IDS.stream().filter(id -> RolloutPolicy.admits(enabled, percentage, country, id)).count();
    }

    @Test
    void shouldAdmitAboutThePercentageOfTenThousandSyntheticIds() {
        for (int percentage : new int[] {1, 5, 10, 25, 50, 75, 90}) {
            assertThat(admitted("FR", true, percentage)).as("FR at %d %%", percentage)
                    .isBetween(percentage * 100L - 200, percentage * 100L + 200);
        }
        assertThat(admitted("FR", true, 0)).isZero();
        assertThat(admitted("FR", true, 100)).isEqualTo(10_000);
    }

    @Test
    void shouldOnlyAddUsersWhenThePercentageIsRaised() {
        for (int low = 0; low < 100; low += 5) {
            int lower = low;
            int higher = low + 5;
            assertThat(IDS).filteredOn(id -> RolloutPolicy.admits(true, lower, "FR", id))
                    .allMatch(id -> RolloutPolicy.admits(true, higher, "FR", id));
        }
        assertThat(IDS).filteredOn(id -> RolloutPolicy.admits(true, 10, "US", id))
                .allMatch(id -> RolloutPolicy.admits(true, 20, "US", id));
    }

    @Test
    void shouldAdmitNobodyInADisabledCountry() {
        assertThat(admitted("FR", false, 100)).isZero();
    }

    @Test
    void shouldDrawDifferentUsersInDifferentCountries() {
        List<String> inFrance = IDS.stream().filter(id -> RolloutPolicy.admits(true, 10, "FR", id)).toList();
        List<String> inUs = IDS.stream().filter(id -> RolloutPolicy.admits(true, 10, "US", id)).toList();
        assertThat(inFrance).isNotEqualTo(inUs);
    }

    @Test
    void shouldKeepBucketsInRangeAndStable() {
        assertThat(IDS).allMatch(id -> {
            int bucket = RolloutPolicy.bucket("FR", id);
            return bucket >= 0 && bucket < RolloutPolicy.BUCKETS && bucket == RolloutPolicy.bucket("FR", id);
        });
    }
}
