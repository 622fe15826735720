package com.chatpay.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The umbrella chart {@code helm/chatpay}, linted and rendered offline with helm-java (Helm as a native library),
 * its output parsed into fabric8 objects.
 */
final class Chart {
    /** Release name and namespace the checks render with. */
    static final String RELEASE = "chatpay";
    static final String NAMESPACE = "chatpay";
    /** Kubernetes version rendered for (helm-java defaults to an old one, below the chart's kubeVersion). */
    static final String KUBE_VERSION = "v1.31.0";

    /** The environment values files shipped with the chart ({@code values.yaml} is always applied first by Helm). */
    static final List<String> VALUES_FILES = List.of("values.yaml", "values-kind.yaml", "values-prod.yaml");

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private Chart() {
    }

    /** The repository root (system property {@code chatpay.root}, set by the POM; else the parent directory). */
    static Path root() {
        return Path.of(System.getProperty("chatpay.root", "..")).toAbsolutePath().normalize();
    }

    static Path dir() {
        return root().resolve("helm/chatpay");
    }

    /** {@code helm template} with the chart's defaults, then each given values file in order (Helm merging). */
    static String template(Path... valuesFiles) {
        var command = new Helm(dir()).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        return command.call();
    }

    /** Renders with one of the chart's own values files ({@code values.yaml} only adds nothing). */
    static List<HasMetadata> render(String chartValuesFile, Path... more) {
        List<Path> files = new ArrayList<>();
        if (!chartValuesFile.equals("values.yaml")) {
            files.add(dir().resolve(chartValuesFile));
        }
        files.addAll(List.of(more));
        return parse(template(files.toArray(Path[]::new)));
    }

    /** Splits a multi-document manifest and unmarshals every object (built-in kinds to their typed fabric8 class). */
    static List<HasMetadata> parse(String manifest) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(manifest)) {
            boolean empty = document.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
            if (!empty) {
                objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
            }
        }
        return objects;
    }

    /**
     * {@code helm lint --strict} of the chart with a values file. helm-java's lint has no values option, so the
     * chart is copied to a temporary directory whose {@code values.yaml} is the defaults merged with the file the
     * way Helm merges (maps deep, lists replaced, null deletes).
     */
    static LintResult lintStrict(String chartValuesFile) {
        try {
            Path copy = Files.createTempDirectory("chatpay-chart-").resolve("chatpay");
            copyTree(dir(), copy);
            if (!chartValuesFile.equals("values.yaml")) {
                Files.writeString(copy.resolve("values.yaml"), YAML.writeValueAsString(mergedValues(chartValuesFile)));
            }
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart's defaults merged with one of its values files. */
    static Map<String, Object> mergedValues(String chartValuesFile) {
        Map<String, Object> defaults = readYaml(dir().resolve("values.yaml"));
        return chartValuesFile.equals("values.yaml") ? defaults : merge(defaults, readYaml(dir().resolve(chartValuesFile)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readYaml(Path file) {
        return YAML.readValue(file.toFile(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            Object current = result.get(key);
            if (value == null) {
                result.remove(key);
            } else if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
                result.put(key, merge((Map<String, Object>) currentMap, (Map<String, Object>) valueMap));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
