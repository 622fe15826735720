package com.chatpay.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metric list the dashboard and alerts are checked against is derived from the services' sources. */
class ServiceMetricsTest {

    @Test
    void shouldDeriveTheExposedSeriesFromTheMeterNamesInTheSources() {
        assertThat(ServiceMetrics.meterNames()).contains("chatpay_payments_total", "chatpay_payment_duration",
                "chatpay_limit_decisions_total", "chatpay_notifications", "chatpay_outbox_lag_seconds");

        assertThat(ServiceMetrics.exposedSeries()).contains("chatpay_payments_total",
                "chatpay_payment_duration_seconds_bucket", "chatpay_notifications_total",
                "chatpay_notification_delivery_seconds_bucket", "chatpay_outbox_lag_seconds",
                "chatpay_limit_decision_seconds_bucket");
    }

    @Test
    void shouldReportASeriesNoServiceExposes() {
        List<String> problems = ServiceMetrics.unknownSeries(List.of(
                "sum(rate(chatpay_payments_total[5m])) / sum(rate(chatpay_paymnets_total[5m]))",
                "sum(rate(http_server_requests_seconds_count{status=\"500\"}[5m]))",
                "rate(node_cpu_seconds_total{mode=\"idle\"}[5m])"), Dashboards.STANDARD_METRICS);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("chatpay_paymnets_total");
        assertThat(problems.get(1)).startsWith("node_cpu_seconds_total");
    }

    @Test
    void shouldFindSeriesUsedBareOrWithASelector() {
        assertThat(ServiceMetrics.series("max by (application) (chatpay_outbox_lag_seconds) > 30 and up{job=\"x\"} == 1"))
                .isEqualTo(Set.of("chatpay_outbox_lag_seconds", "up"));
    }
}
