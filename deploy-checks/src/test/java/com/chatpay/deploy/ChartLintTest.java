package com.chatpay.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** {@code helm lint --strict} for every values file; the chart's shape (no dependencies, one shared template). */
class ChartLintTest {
    static final List<String> VALUES_FILES = Chart.VALUES_FILES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("VALUES_FILES")
    void shouldLintStrictly(String valuesFile) {
        LintResult result = Chart.lintStrict(valuesFile);

        assertThat(result.isFailed()).as("helm lint --strict with %s: %s", valuesFile, result.getMessages()).isFalse();
    }

    @Test
    void shouldHaveNoChartDependenciesSoItRendersOffline() {
        Map<String, Object> chart = Chart.readYaml(Chart.dir().resolve("Chart.yaml"));

        assertThat(chart).doesNotContainKey("dependencies");
        assertThat(Chart.dir().resolve("charts")).doesNotExist();
        assertThat(Chart.dir().resolve("requirements.yaml")).doesNotExist();
    }

    @Test
    void shouldRenderTheServicesFromOneSharedTemplateNotPerServiceCopies() throws IOException {
        try (Stream<Path> templates = Files.list(Chart.dir().resolve("templates"))) {
            for (Path template : templates.toList()) {
                String text = Files.readString(template);
                for (String service : Expected.SERVICES) {
                    assertThat(text).as("%s names %s-service: templates must not be per service", template, service)
                            .doesNotContain(service + "-service");
                }
            }
        }
    }

    @Test
    void shouldMergeValuesLikeHelmForTheLintCopy() {
        Map<String, Object> merged = Chart.merge(
                Map.of("a", Map.of("keep", 1, "drop", 2), "list", List.of(1, 2)),
                new java.util.HashMap<>(Map.of("a", new java.util.HashMap<>(java.util.Collections.singletonMap("drop", null)),
                        "list", List.of(3))));

        assertThat(merged).isEqualTo(Map.of("a", Map.of("keep", 1), "list", List.of(3)));
    }
}
