package com.chatpay.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code chatpay_*} metrics the services really register, derived from their sources (and common's): every
 * Micrometer meter name literal {@code "chatpay_x"} or {@code "chatpay.x"}, expanded to the Prometheus series the
 * registry exports for it (counter {@code _total}, timer {@code _seconds_bucket|_count|_sum|_max}, gauge as is).
 */
final class ServiceMetrics {
    private static final Pattern METER_NAME = Pattern.compile("\"(chatpay[._][a-z0-9_.]+)\"");
    private static final Pattern CHATPAY_SERIES = Pattern.compile("\\bchatpay_[a-z0-9_]+");
    /** A series selector: a metric name followed by a label matcher or a range. */
    private static final Pattern SELECTOR = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");
    private static final List<String> SOURCE_ROOTS = List.of(
            "common/src/main/java", "onboarding-service/src/main/java", "payment-service/src/main/java",
            "limits-service/src/main/java", "notification-service/src/main/java");

    private ServiceMetrics() {
    }

    /** Base meter names found in the sources, Prometheus-style (dots to underscores). */
    static Set<String> meterNames() {
        Set<String> names = new TreeSet<>();
        for (String root : SOURCE_ROOTS) {
            Path dir = Chart.root().resolve(root);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("missing service sources " + dir);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    Matcher matcher = METER_NAME.matcher(Files.readString(file));
                    while (matcher.find()) {
                        names.add(matcher.group(1).replace('.', '_'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** Every series name the services can expose for their chatpay meters. */
    static Set<String> exposedSeries() {
        Set<String> series = new TreeSet<>();
        for (String name : meterNames()) {
            String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
            series.add(base);
            series.add(base + "_total");
            for (String suffix : List.of("", "_seconds")) {
                for (String part : List.of("_bucket", "_count", "_sum", "_max")) {
                    series.add(base + suffix + part);
                }
                series.add(base + suffix);
            }
        }
        return series;
    }

    /** The chatpay_* series a PromQL expression reads. */
    static Set<String> chatpaySeries(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = CHATPAY_SERIES.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** Every metric name used with a selector in a PromQL expression (plus the chatpay ones used bare). */
    static Set<String> series(String expression) {
        Set<String> names = chatpaySeries(expression);
        Matcher matcher = SELECTOR.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Problems of a set of expressions: chatpay series the services do not expose, other series not allowed. */
    static List<String> unknownSeries(List<String> expressions, Set<String> allowedPrefixes) {
        Set<String> exposed = exposedSeries();
        List<String> problems = new ArrayList<>();
        for (String expression : expressions) {
            for (String name : series(expression)) {
                boolean ok = name.startsWith("chatpay_") ? exposed.contains(name)
                        : allowedPrefixes.stream().anyMatch(name::startsWith);
                if (!ok) {
                    problems.add(name + " (in " + expression.strip() + ")");
                }
            }
        }
        return problems;
    }
}
