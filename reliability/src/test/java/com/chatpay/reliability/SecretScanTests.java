package com.chatpay.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.SecretScan;
import com.chatpay.harness.api.Person;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other class of the suite: every card number, CVC, PIN and SMS code the suite handed to chatpay
 * (its people's, and those inside hostile requests) must be found in clear nowhere — not in any service log, any
 * row of the four databases, or any record of any Kafka topic.
 */
@Order(Integer.MAX_VALUE)
class SecretScanTests {

    @Test
    void shouldFindNoSecretTheSuiteUsedInAnyLogTableOrTopic() {
        Set<String> secrets = new LinkedHashSet<>(ReliabilityStack.secrets());
        Set<String> cvcs = new LinkedHashSet<>();
        for (Person person : ReliabilityStack.api().people()) {
            secrets.addAll(person.secrets());
            cvcs.add(person.cvc());
        }
        assertThat(secrets).as("the suite used secrets to look for").isNotEmpty();

        var findings = SecretScan.findings(ReliabilityStack.get(), secrets, cvcs);

        ReliabilityReport.add(ReliabilityReport.Row.input("secret scan: PANs, CVCs, PINs, SMS codes in logs, tables,"
                + " topics", secrets.size() + cvcs.size(), findings.size()));
        ReliabilityReport.print();
        assertThat(findings).isEmpty();
    }
}
