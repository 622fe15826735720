package com.chatpay.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The deployment rules of issue 7, checked on rendered objects. Each method returns human-readable violations
 * (empty = compliant), so a test can both require compliance and show that a broken chart is caught.
 */
final class Policies {
    /** Names that hold secrets: never a literal in a ConfigMap or an env value, only a Secret reference. */
    private static final Pattern SECRET_LIKE = Pattern.compile(
            ".*(PASSWORD|SECRET|PEPPER|JAAS|TOKEN|PRIVATE|_KEY|_KEYS)$");

    private Policies() {
    }

    /** Every rule below; {@code kafkaAcls}: whether the values switch on Kafka authentication (KafkaUsers). */
    static List<String> all(List<HasMetadata> objects, boolean kafkaAcls) {
        List<String> violations = new ArrayList<>();
        violations.addAll(StrictModel.unknownFields(objects));
        violations.addAll(containers(objects));
        violations.addAll(perService(objects));
        violations.addAll(noSecretValues(objects));
        violations.addAll(topics(objects));
        if (kafkaAcls) {
            violations.addAll(kafkaUsers(objects));
        }
        violations.addAll(databases(objects));
        return violations;
    }

    /** Every container: non-root, read-only root with a writable /tmp, no escalation, caps dropped, probes, limits. */
    static List<String> containers(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : ofKind(objects, Deployment.class)) {
            String where = "Deployment/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                violations.add(where + ": automountServiceAccountToken must be false");
            }
            for (Container container : pod.getContainers()) {
                String at = where + " container " + container.getName();
                SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
                if (!Boolean.TRUE.equals(security.getRunAsNonRoot()) && !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())) {
                    violations.add(at + ": runAsNonRoot is not true");
                }
                Long uid = security.getRunAsUser() != null ? security.getRunAsUser() : podSecurity.getRunAsUser();
                if (uid != null && uid == 0) {
                    violations.add(at + ": runs as uid 0");
                }
                if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                    violations.add(at + ": readOnlyRootFilesystem is not true");
                }
                if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                    violations.add(at + ": allowPrivilegeEscalation is not false");
                }
                if (Boolean.TRUE.equals(security.getPrivileged())) {
                    violations.add(at + ": privileged");
                }
                if (security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                        || !security.getCapabilities().getDrop().contains("ALL")) {
                    violations.add(at + ": capabilities do not drop ALL");
                }
                if (security.getCapabilities() != null && security.getCapabilities().getAdd() != null
                        && !security.getCapabilities().getAdd().isEmpty()) {
                    violations.add(at + ": adds capabilities " + security.getCapabilities().getAdd());
                }
                String seccomp = security.getSeccompProfile() != null ? security.getSeccompProfile().getType()
                        : podSecurity.getSeccompProfile() != null ? podSecurity.getSeccompProfile().getType() : null;
                if (!"RuntimeDefault".equals(seccomp)) {
                    violations.add(at + ": seccomp profile is not RuntimeDefault");
                }
                checkProbe(violations, at, "livenessProbe", container.getLivenessProbe(), "/q/health/live");
                checkProbe(violations, at, "readinessProbe", container.getReadinessProbe(), "/q/health/ready");
                Probe startup = container.getStartupProbe();
                if (startup == null || startup.getHttpGet() == null
                        || !Set.of("/q/health/started", "/q/health/ready").contains(startup.getHttpGet().getPath())) {
                    violations.add(at + ": no startupProbe on /q/health/started or /q/health/ready");
                }
                var resources = container.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    if (resources == null || resources.getRequests() == null || !resources.getRequests().containsKey(resource)) {
                        violations.add(at + ": no " + resource + " request");
                    }
                    if (resources == null || resources.getLimits() == null || !resources.getLimits().containsKey(resource)) {
                        violations.add(at + ": no " + resource + " limit");
                    }
                }
                boolean tmpIsEmptyDir = container.getVolumeMounts() != null && container.getVolumeMounts().stream()
                        .filter(m -> "/tmp".equals(m.getMountPath()))
                        .anyMatch(m -> pod.getVolumes().stream().anyMatch(
                                v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
                if (!tmpIsEmptyDir) {
                    violations.add(at + ": /tmp is not a writable emptyDir");
                }
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (SECRET_LIKE.matcher(env.getName()).matches()
                            && (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null)) {
                        violations.add(at + ": secret env " + env.getName() + " is not a secretKeyRef");
                    }
                }
            }
        }
        return violations;
    }

    private static void checkProbe(List<String> violations, String at, String name, Probe probe, String path) {
        if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            violations.add(at + ": no " + name + " on " + path);
        }
    }

    /** Each service has its Deployment, Service, HPA, PDB and a NetworkPolicy that denies by default. */
    static List<String> perService(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (String service : Expected.SERVICES) {
            String workload = service + "-service";
            Map<String, String> podLabels = ofKind(objects, Deployment.class).stream()
                    .filter(d -> workload.equals(label(d, "app.kubernetes.io/name")))
                    .map(d -> d.getSpec().getTemplate().getMetadata().getLabels())
                    .findFirst().orElse(null);
            if (podLabels == null) {
                violations.add(workload + ": no Deployment");
                continue;
            }
            String deploymentName = ofKind(objects, Deployment.class).stream()
                    .filter(d -> workload.equals(label(d, "app.kubernetes.io/name")))
                    .map(d -> d.getMetadata().getName()).findFirst().orElseThrow();
            if (ofKind(objects, Service.class).stream().noneMatch(s -> selects(s.getSpec().getSelector(), podLabels))) {
                violations.add(workload + ": no Service");
            }
            if (ofKind(objects, HorizontalPodAutoscaler.class).stream()
                    .noneMatch(h -> deploymentName.equals(h.getSpec().getScaleTargetRef().getName())
                            && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind()))) {
                violations.add(workload + ": no HorizontalPodAutoscaler");
            }
            if (ofKind(objects, PodDisruptionBudget.class).stream()
                    .noneMatch(p -> selects(p.getSpec().getSelector().getMatchLabels(), podLabels))) {
                violations.add(workload + ": no PodDisruptionBudget");
            }
            List<NetworkPolicy> policies = ofKind(objects, NetworkPolicy.class).stream()
                    .filter(n -> selects(n.getSpec().getPodSelector().getMatchLabels(), podLabels)).toList();
            if (policies.isEmpty()) {
                violations.add(workload + ": no NetworkPolicy");
            }
            for (NetworkPolicy policy : policies) {
                violations.addAll(networkPolicy(workload, policy, !custom(objects, "Cluster").isEmpty()));
            }
        }
        return violations;
    }

    /** Ingress only from named namespaces' labelled pods; egress only DNS, Kafka, its own database (and extras). */
    private static List<String> networkPolicy(String workload, NetworkPolicy policy, boolean ownDatabase) {
        List<String> violations = new ArrayList<>();
        String at = workload + " NetworkPolicy/" + policy.getMetadata().getName();
        if (!policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))) {
            violations.add(at + ": does not restrict both Ingress and Egress");
        }
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                violations.add(at + ": an ingress rule allows every source");
                continue;
            }
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                if (peer.getIpBlock() != null || peer.getNamespaceSelector() == null || peer.getPodSelector() == null
                        || peer.getPodSelector().getMatchLabels() == null || peer.getPodSelector().getMatchLabels().isEmpty()) {
                    violations.add(at + ": an ingress peer is not a labelled pod of a named namespace");
                }
            }
        }
        boolean dns = false;
        boolean database = false;
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            if (rule.getTo() == null || rule.getTo().isEmpty() || rule.getPorts() == null || rule.getPorts().isEmpty()) {
                violations.add(at + ": an egress rule allows every destination or port");
                continue;
            }
            dns |= rule.getPorts().stream().anyMatch(p -> p.getPort() != null && Objects.equals(p.getPort().getIntVal(), 53));
            database |= rule.getTo().stream().anyMatch(peer -> peer.getPodSelector() != null
                    && peer.getPodSelector().getMatchLabels() != null
                    && String.valueOf(peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster")).contains("-" + workload.replace("-service", "") + "-db"));
        }
        if (!dns) {
            violations.add(at + ": no DNS egress");
        }
        if (ownDatabase && !database) {
            violations.add(at + ": no egress to its own database");
        }
        return violations;
    }

    /** The chart carries no secret value: no Secret with data, no secret-looking key in a ConfigMap. */
    static List<String> noSecretValues(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (Secret secret : ofKind(objects, Secret.class)) {
            if ((secret.getData() != null && !secret.getData().isEmpty())
                    || (secret.getStringData() != null && !secret.getStringData().isEmpty())) {
                violations.add("Secret/" + secret.getMetadata().getName() + ": carries literal data");
            }
        }
        for (ConfigMap configMap : ofKind(objects, ConfigMap.class)) {
            for (String key : Optional.ofNullable(configMap.getData()).orElse(Map.of()).keySet()) {
                if (SECRET_LIKE.matcher(key).matches()) {
                    violations.add("ConfigMap/" + configMap.getMetadata().getName() + ": secret-like key " + key
                            + " must come from a Secret");
                }
            }
        }
        return violations;
    }

    /** A KafkaTopic for every topic and dead-letter topic of the code. */
    static List<String> topics(List<HasMetadata> objects) {
        Set<String> rendered = new TreeSet<>();
        for (GenericKubernetesResource topic : custom(objects, "KafkaTopic")) {
            rendered.add(String.valueOf(spec(topic).getOrDefault("topicName", topic.getMetadata().getName())));
        }
        List<String> violations = new ArrayList<>();
        for (String topic : Expected.topics()) {
            if (!rendered.contains(topic)) {
                violations.add("no KafkaTopic for " + topic);
            }
        }
        for (GenericKubernetesResource topic : custom(objects, "KafkaTopic")) {
            Map<String, Object> spec = spec(topic);
            if (!(spec.get("partitions") instanceof Number)) {
                violations.add("KafkaTopic/" + topic.getMetadata().getName() + ": no partitions");
            }
            if (config(spec).get("retention.ms") == null) {
                violations.add("KafkaTopic/" + topic.getMetadata().getName() + ": no retention.ms");
            }
        }
        return violations;
    }

    /** One KafkaUser per service whose ACLs are exactly the service's topics and groups, all literal. */
    static List<String> kafkaUsers(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        Map<String, GenericKubernetesResource> users = new HashMap<>();
        for (GenericKubernetesResource user : custom(objects, "KafkaUser")) {
            users.put(label(user, "app.kubernetes.io/name"), user);
        }
        for (String service : Expected.SERVICES) {
            GenericKubernetesResource user = users.get(service + "-service");
            if (user == null) {
                violations.add(service + "-service: no KafkaUser");
                continue;
            }
            Set<String> acls = new TreeSet<>();
            Map<String, Object> authorization = map(spec(user).get("authorization"));
            for (Object item : list(authorization.get("acls"))) {
                Map<String, Object> acl = map(item);
                Map<String, Object> resource = map(acl.get("resource"));
                if (!"literal".equals(resource.getOrDefault("patternType", "literal"))) {
                    violations.add("KafkaUser/" + user.getMetadata().getName() + ": non-literal ACL on " + resource.get("name"));
                }
                for (Object operation : list(acl.get("operations"))) {
                    acls.add(resource.get("type") + ":" + resource.get("name") + ":" + operation);
                }
            }
            Set<String> expected = Expected.acls(service);
            if (!acls.equals(expected)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(acls);
                Set<String> extra = new TreeSet<>(acls);
                extra.removeAll(expected);
                violations.add("KafkaUser/" + user.getMetadata().getName() + ": ACLs differ, missing " + missing
                        + ", extra " + extra);
            }
        }
        return violations;
    }

    /** One CNPG Cluster per service, each service's credentials from its own cluster only. */
    static List<String> databases(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        List<GenericKubernetesResource> clusters = custom(objects, "Cluster");
        if (clusters.isEmpty()) {
            return violations;
        }
        Set<String> credentialSecrets = new TreeSet<>();
        for (Deployment deployment : ofKind(objects, Deployment.class)) {
            String service = label(deployment, "app.kubernetes.io/name");
            Set<String> dbSecrets = new TreeSet<>();
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (env.getName().startsWith("DB_") && env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        dbSecrets.add(env.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
            if (dbSecrets.size() != 1) {
                violations.add(service + ": database credentials from " + dbSecrets + ", expected exactly one Secret");
            }
            for (String secret : dbSecrets) {
                if (!credentialSecrets.add(secret)) {
                    violations.add(service + ": shares database credentials " + secret + " with another service");
                }
            }
        }
        violations.addAll(connectionBudget(objects));
        for (String service : Expected.SERVICES) {
            boolean own = clusters.stream().anyMatch(c -> (service + "-service").equals(label(c, "app.kubernetes.io/name"))
                    && service.equals(map(map(spec(c).get("bootstrap")).get("initdb")).get("database"))
                    && service.equals(map(map(spec(c).get("bootstrap")).get("initdb")).get("owner")));
            if (!own) {
                violations.add(service + "-service: no CNPG Cluster with its own database and owner");
            }
        }
        return violations;
    }

    /** The JDBC pool of each pod, for the schema migration ({@code quarkus.datasource.jdbc.max-size}). */
    private static final int JDBC_POOL = 2;
    /** PostgreSQL's connections for superusers (3) and CloudNativePG's own, kept aside. */
    private static final int RESERVED_CONNECTIONS = 10;

    /**
     * Each service's cluster accepts every connection its pods may open at once: the autoscaler's maximum (or the
     * fixed replicas) plus the pods a rolling update adds, each with its reactive pool ({@code DB_POOL_SIZE}) and its
     * JDBC pool, and the connections PostgreSQL and the operator keep.
     */
    static List<String> connectionBudget(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        List<GenericKubernetesResource> clusters = custom(objects, "Cluster");
        for (Deployment deployment : ofKind(objects, Deployment.class)) {
            String name = deployment.getMetadata().getName();
            String service = label(deployment, "app.kubernetes.io/name");
            Optional<GenericKubernetesResource> cluster = clusters.stream()
                    .filter(c -> service.equals(label(c, "app.kubernetes.io/name"))).findFirst();
            if (cluster.isEmpty()) {
                continue;
            }
            Object maxConnections = map(map(spec(cluster.get()).get("postgresql")).get("parameters"))
                    .get("max_connections");
            String pool = ofKind(objects, ConfigMap.class).stream().filter(c -> name.equals(c.getMetadata().getName()))
                    .map(c -> c.getData().get("DB_POOL_SIZE")).filter(Objects::nonNull).findFirst().orElse(null);
            if (maxConnections == null || pool == null) {
                violations.add(service + ": max_connections " + maxConnections + ", DB_POOL_SIZE " + pool
                        + ": both must be set");
                continue;
            }
            int pods = ofKind(objects, HorizontalPodAutoscaler.class).stream()
                    .filter(h -> name.equals(h.getSpec().getScaleTargetRef().getName()))
                    .map(h -> h.getSpec().getMaxReplicas()).findFirst()
                    .orElse(Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1))
                    + deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
            int needed = pods * (Integer.parseInt(pool) + JDBC_POOL) + RESERVED_CONNECTIONS;
            if (Integer.parseInt(String.valueOf(maxConnections)) < needed) {
                violations.add(service + ": max_connections " + maxConnections + " below the " + needed + " that "
                        + pods + " pods with pools of " + pool + " may open");
            }
        }
        return violations;
    }

    static <T> List<T> ofKind(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<GenericKubernetesResource> custom(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(o -> o instanceof GenericKubernetesResource && kind.equals(o.getKind()))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    static Map<String, Object> spec(GenericKubernetesResource resource) {
        return map(resource.getAdditionalProperties().get("spec"));
    }

    private static Map<String, Object> config(Map<String, Object> spec) {
        return map(spec.get("config"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String label(HasMetadata object, String name) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(name);
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

}
