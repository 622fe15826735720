package com.chatpay.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The services' container images and the kind setup of {@code k8s/} (which cannot run here: no Docker). */
class ImagesAndKindTest {
    static final List<String> SERVICES = Expected.SERVICES;
    static final List<String> VALUES_FILES = Chart.VALUES_FILES;

    private static String dockerfile(String service) throws IOException {
        return Files.readString(Chart.root().resolve(service + "-service/src/main/docker/Dockerfile.jvm"));
    }

    /** The image's {@code JAVA_OPTS}, one option per element. */
    private static List<String> javaOptions(String service) throws IOException {
        Matcher javaOpts = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile(service));
        assertThat(javaOpts.find()).as(service).isTrue();
        return Arrays.asList(javaOpts.group(1).trim().split("\\s+"));
    }

    /** The share of the pod's memory limit the image gives the heap at most, in %. */
    private static double heapShare(String service) throws IOException {
        return javaOptions(service).stream().filter(o -> o.startsWith("-XX:MaxRAMPercentage="))
                .mapToDouble(o -> Double.parseDouble(o.substring(o.indexOf('=') + 1))).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}-service")
    @FieldSource("SERVICES")
    void shouldBuildANonRootFastJarImageSizedForItsContainer(String service) throws IOException {
        assertThat(dockerfile(service)).containsPattern("(?m)^FROM (registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime|eclipse-temurin:17-jre)")
                .containsPattern("(?m)^USER (185|1001)$")
                .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
                        "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
                        "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/",
                        "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "/deployments/quarkus-run.jar")
                .containsPattern("-XX:MaxRAMPercentage=\\d")
                .doesNotContain("-Xmx", "-XX:+UseG1GC");
    }

    /**
     * An option a JVM does not know stops it at start: a pod in a crash loop. The images' {@code JAVA_OPTS} must start
     * a JDK 17 (this build's), and mean what the other tests assume (the heap's share, the collector).
     */
    @ParameterizedTest(name = "{0}-service")
    @FieldSource("SERVICES")
    void shouldStartAJdk17WithTheImagesJavaOptions(String service) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(javaOptions(service));
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));

        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("\\sUseSerialGC\\s+= true")
                .containsPattern("\\sMaxRAMPercentage\\s+= " + (long) heapShare(service) + "\\.")
                .containsPattern("\\sTrimNativeHeapInterval\\s+= 2000");
    }

    /**
     * What a service's JVM needs besides its heap, measured: payment-service under load with native memory tracking
     * (README, Performance: metaspace and class space ~117 MB, JIT code ~54, symbols 25, the JDK's class-data archive
     * 12, threads, GC and buffers ~10) plus ~30 MB resident outside the tracking (libjvm, glibc's free lists).
     */
    static final long NATIVE_BESIDES_HEAP = 270L << 20;

    /**
     * The heap's ceiling is a share of the pod's memory limit; the rest of the JVM does not shrink with the limit.
     * With 75 % (the image's first setting) a 512 Mi pod allowed a 384 MB heap beside ~270 MB of native memory: a
     * heap grown by a burst would have got the pod OOM-killed rather than collected.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("VALUES_FILES")
    void shouldLeaveRoomForTheNativeMemoryBesidesTheLargestHeapInEveryPod(String valuesFile) throws IOException {
        List<Deployment> deployments = Policies.ofKind(Chart.render(valuesFile), Deployment.class);
        for (String service : SERVICES) {
            double percent = heapShare(service);
            Deployment deployment = deployments.stream().filter(d -> d.getMetadata().getName().contains(service))
                    .findFirst().orElseThrow();
            long limit = Quantity.getAmountInBytes(deployment.getSpec().getTemplate()
                    .getSpec().getContainers().get(0).getResources().getLimits().get("memory")).longValue();

            long largestHeap = (long) (limit * percent / 100);
            assertThat(largestHeap + NATIVE_BESIDES_HEAP).as("%s-service in %s: heap %d MB of a %d MB limit", service,
                    valuesFile, largestHeap >> 20, limit >> 20).isLessThanOrEqualTo(limit);
            assertThat(largestHeap).as("%s-service in %s: at least the local stack's 160 MB ceiling", service,
                    valuesFile).isGreaterThanOrEqualTo(160L << 20);
        }
    }

    @Test
    void shouldRenderTheKindValuesWithImagesLoadedIntoKindAndTheIngressAsGateway() {
        List<HasMetadata> objects = Chart.render("values-kind.yaml");

        assertThat(Policies.ofKind(objects, Deployment.class))
                .allSatisfy(d -> assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0))
                        .satisfies(c -> assertThat(c.getImage()).matches("[a-z]+-service:dev"))
                        .satisfies(c -> assertThat(c.getImagePullPolicy()).isEqualTo("Never")));
        Ingress ingress = Policies.ofKind(objects, Ingress.class).get(0);
        assertThat(ingress.getSpec().getRules()).extracting(r -> r.getHost()).containsExactlyInAnyOrder(
                "onboarding.chatpay.localhost", "payment.chatpay.localhost", "limits.chatpay.localhost",
                "notification.chatpay.localhost");
        assertThat(ingress.getSpec().getRules()).allSatisfy(r -> assertThat(r.getHttp().getPaths())
                .extracting(p -> p.getPath()).containsExactly("/v1", "/dev"));
    }

    @Test
    void shouldNeverRouteDevEndpointsOrTheIngressInProduction() {
        assertThat(Policies.ofKind(Chart.render("values-prod.yaml"), Ingress.class)).isEmpty();
    }

    @Test
    void shouldMapTheIngressPortsOfTheKindNode() {
        Map<String, Object> kind = Chart.readYaml(Chart.root().resolve("k8s/kind-config.yaml"));

        Map<String, Object> node = Policies.map(Policies.list(kind.get("nodes")).get(0));
        assertThat(Policies.list(node.get("extraPortMappings"))).extracting(m -> Policies.map(m).get("containerPort"))
                .containsExactly(80, 443);
        assertThat(String.valueOf(node.get("kubeadmConfigPatches"))).contains("ingress-ready=true");
    }

    @Test
    void shouldDeclareTheNamespacesStrictly() throws IOException {
        List<HasMetadata> namespaces = Chart.parse(Files.readString(Chart.root().resolve("k8s/namespaces.yaml")));

        assertThat(namespaces).allMatch(Namespace.class::isInstance).extracting(n -> n.getMetadata().getName())
                .containsExactly("chatpay", "monitoring");
        assertThat(StrictModel.unknownFields(namespaces)).isEmpty();
    }

    @Test
    void shouldKeepTheKindScriptsShellcheckClean() throws IOException, InterruptedException {
        Path shellcheck = onPath("shellcheck");
        assumeTrue(shellcheck != null, "shellcheck is not on PATH: k8s/*.sh not linted (apt-get install -y shellcheck)");
        List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "-x"));
        for (String script : List.of("kind-up.sh", "kind-down.sh", "walkthrough.sh")) {
            command.add(Chart.root().resolve("k8s").resolve(script).toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
    }

    static Path onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, tool)).filter(Files::isExecutable).findFirst().orElse(null);
    }
}
