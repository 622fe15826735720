{{/*
"chatpay.service" renders every Kubernetes object of ONE service from its block in .Values.services:
ConfigMap, Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy and
ServiceMonitor. Argument: dict "root" (the chart context) "key" (onboarding|payment|limits|notification)
"svc" (the service's values). Secrets are only referenced (secretKeyRef / mounted files): the chart never
carries a secret value.
*/}}
{{- define "chatpay.service" -}}
{{- $root := .root -}}
{{- $key := .key -}}
{{- $svc := .svc -}}
{{- $ctx := dict "root" $root "key" $key -}}
{{- $name := include "chatpay.serviceName" $ctx -}}
{{- $dbCluster := include "chatpay.dbClusterName" $ctx -}}
{{- $dbSecret := $svc.database.credentialsSecret | default (printf "%s-app" $dbCluster) -}}
{{- $kafkaUser := include "chatpay.kafkaUserName" $ctx -}}
{{- $defaults := $root.Values.serviceDefaults -}}
{{- $resources := $svc.resources | default $defaults.resources -}}
{{- $autoscaling := mergeOverwrite (deepCopy $defaults.autoscaling) ($svc.autoscaling | default dict) -}}
{{- $pdb := $svc.podDisruptionBudget | default $defaults.podDisruptionBudget -}}
{{- $probes := $defaults.probes | default dict -}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $name }}
  labels:
    {{- include "chatpay.serviceLabels" $ctx | nindent 4 }}
data:
  QUARKUS_HTTP_PORT: "8080"
  QUARKUS_PROFILE: {{ $root.Values.quarkusProfile | quote }}
  JAVA_OPTS_APPEND: {{ $svc.javaOpts | default $defaults.javaOpts | quote }}
  # glibc's per-thread malloc arenas cost tens of MB of resident memory in a JVM for nothing
  MALLOC_ARENA_MAX: "2"
  DB_HOST: {{ $svc.database.host | default (printf "%s-rw" $dbCluster) | quote }}
  DB_PORT: {{ $svc.database.port | default 5432 | quote }}
  DB_NAME: {{ $svc.database.name | default $key | quote }}
  DB_POOL_SIZE: {{ include "chatpay.dbPoolSize" (dict "root" $root "svc" $svc) | quote }}
  KAFKA_BOOTSTRAP_SERVERS: {{ include "chatpay.kafkaBootstrap" $root | quote }}
  {{- if $root.Values.kafka.authentication }}
  KAFKA_SECURITY_PROTOCOL: {{ ternary "SASL_SSL" "SASL_PLAINTEXT" $root.Values.kafka.tls | quote }}
  KAFKA_SASL_MECHANISM: "SCRAM-SHA-512"
  {{- end }}
  {{- if $root.Values.kafka.tls }}
  KAFKA_SSL_TRUSTSTORE_TYPE: "PEM"
  KAFKA_SSL_TRUSTSTORE_LOCATION: "/etc/chatpay/kafka-ca/ca.crt"
  {{- end }}
  JWT_ISSUER: {{ $root.Values.jwt.issuer | quote }}
  JWT_AUDIENCE: {{ $root.Values.jwt.audience | quote }}
  JWT_PUBLIC_KEY_LOCATION: "/etc/chatpay/secrets/jwt-public-key/{{ $root.Values.jwt.publicKeySecret.key }}"
  {{- range $file := $svc.secretFiles }}
  {{ $file.env }}: "/etc/chatpay/secrets/{{ $file.volume }}/{{ $file.key }}"
  {{- end }}
  {{- range $envName, $value := $svc.env }}
  {{ $envName }}: {{ $value | quote }}
  {{- end }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "chatpay.serviceLabels" $ctx | nindent 4 }}
spec:
  {{- if not $autoscaling.enabled }}
  replicas: {{ $svc.replicas | default 1 }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "chatpay.selectorLabels" $ctx | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "chatpay.serviceLabels" $ctx | nindent 8 }}
      annotations:
        checksum/config: {{ toJson (list $svc $root.Values.jwt $root.Values.kafka.tls) | sha256sum }}
    spec:
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 185
        runAsGroup: 185
        fsGroup: 185
        seccompProfile:
          type: RuntimeDefault
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "chatpay.selectorLabels" $ctx | nindent 14 }}
      containers:
        - name: {{ $key }}-service
          image: {{ include "chatpay.image" (dict "root" $root "key" $key "svc" $svc) | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ $name }}
          env:
            - name: DB_USER
              valueFrom:
                secretKeyRef:
                  name: {{ $dbSecret }}
                  key: username
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ $dbSecret }}
                  key: password
            {{- if $root.Values.kafka.authentication }}
            - name: KAFKA_SASL_JAAS_CONFIG
              valueFrom:
                secretKeyRef:
                  name: {{ $svc.kafkaCredentialsSecret | default $kafkaUser }}
                  key: sasl.jaas.config
            {{- end }}
            {{- range $secretEnv := $svc.secretEnv }}
            - name: {{ $secretEnv.env }}
              valueFrom:
                secretKeyRef:
                  name: {{ $secretEnv.secret }}
                  key: {{ $secretEnv.key }}
            {{- end }}
          {{- range $probe := list "startup" "liveness" "readiness" }}
          {{- with get $probes $probe }}
          {{ $probe }}Probe:
            httpGet:
              path: {{ .path }}
              port: http
            periodSeconds: {{ .periodSeconds }}
            timeoutSeconds: {{ .timeoutSeconds | default 3 }}
            failureThreshold: {{ .failureThreshold }}
          {{- end }}
          {{- end }}
          resources:
            {{- toYaml $resources | nindent 12 }}
          securityContext:
            runAsNonRoot: true
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            privileged: false
            capabilities:
              drop: ["ALL"]
            seccompProfile:
              type: RuntimeDefault
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: jwt-public-key
              mountPath: /etc/chatpay/secrets/jwt-public-key
              readOnly: true
            {{- range $file := $svc.secretFiles }}
            - name: {{ $file.volume }}
              mountPath: /etc/chatpay/secrets/{{ $file.volume }}
              readOnly: true
            {{- end }}
            {{- if $root.Values.kafka.tls }}
            - name: kafka-ca
              mountPath: /etc/chatpay/kafka-ca
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
        - name: jwt-public-key
          secret:
            secretName: {{ $root.Values.jwt.publicKeySecret.name }}
            defaultMode: 0440
            items:
              - key: {{ $root.Values.jwt.publicKeySecret.key }}
                path: {{ $root.Values.jwt.publicKeySecret.key }}
        {{- range $file := $svc.secretFiles }}
        - name: {{ $file.volume }}
          secret:
            secretName: {{ $file.secret }}
            defaultMode: 0440
            items:
              - key: {{ $file.key }}
                path: {{ $file.key }}
        {{- end }}
        {{- if $root.Values.kafka.tls }}
        - name: kafka-ca
          secret:
            secretName: {{ include "chatpay.kafkaName" $root }}-cluster-ca-cert
            defaultMode: 0440
            items:
              - key: ca.crt
                path: ca.crt
        {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  labels:
    {{- include "chatpay.serviceLabels" $ctx | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "chatpay.selectorLabels" $ctx | nindent 4 }}
  ports:
    - name: http
      port: 8080
      targetPort: http
      protocol: TCP
{{- if $autoscaling.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $name }}
  labels:
    {{- include "chatpay.serviceLabels" $ctx | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $name }}
  minReplicas: {{ $autoscaling.minReplicas }}
  maxReplicas: {{ $autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $name }}
  labels:
    {{- include "chatpay.serviceLabels" $ctx | nindent 4 }}
spec:
  {{- toYaml $pdb | nindent 2 }}
  selector:
    matchLabels:
      {{- include "chatpay.selectorLabels" $ctx | nindent 6 }}
{{- if $root.Values.networkPolicy.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $name }}
  labels:
    {{- include "chatpay.serviceLabels" $ctx | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "chatpay.selectorLabels" $ctx | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    # the API gateway (in kind: the ingress controller), API traffic only
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $root.Values.networkPolicy.gateway.namespace }}
          podSelector:
            matchLabels:
              {{- toYaml $root.Values.networkPolicy.gateway.podLabels | nindent 14 }}
      ports:
        - port: http
          protocol: TCP
    # Prometheus scraping /q/metrics
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $root.Values.networkPolicy.prometheus.namespace }}
          podSelector:
            matchLabels:
              {{- toYaml $root.Values.networkPolicy.prometheus.podLabels | nindent 14 }}
      ports:
        - port: http
          protocol: TCP
  egress:
    # DNS
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    # Kafka brokers
    - to:
        {{- if $root.Values.kafka.enabled }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ include "chatpay.kafkaNamespace" $root }}
          podSelector:
            matchLabels:
              strimzi.io/cluster: {{ include "chatpay.kafkaName" $root }}
              strimzi.io/kind: Kafka
        {{- else }}
        {{- if not $root.Values.kafka.external.egressTo }}
        {{- fail "kafka.external.egressTo (NetworkPolicy peers of the brokers) is required when kafka.enabled=false" }}
        {{- end }}
        {{- toYaml $root.Values.kafka.external.egressTo | nindent 8 }}
        {{- end }}
      ports:
        - port: {{ ternary 9093 9092 $root.Values.kafka.tls }}
          protocol: TCP
    # its own database, and no other
    - to:
        {{- if $root.Values.postgres.enabled }}
        - podSelector:
            matchLabels:
              cnpg.io/cluster: {{ $dbCluster }}
        {{- else }}
        {{- if not $svc.database.egressTo }}
        {{- fail (printf "services.%s.database.egressTo (NetworkPolicy peers of its database) is required when postgres.enabled=false" $key) }}
        {{- end }}
        {{- toYaml $svc.database.egressTo | nindent 8 }}
        {{- end }}
      ports:
        - port: {{ $svc.database.port | default 5432 }}
          protocol: TCP
    {{- with $svc.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
{{- if $root.Values.metrics.serviceMonitor.enabled }}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ $name }}
  labels:
    {{- include "chatpay.serviceLabels" $ctx | nindent 4 }}
    {{- with $root.Values.metrics.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "chatpay.selectorLabels" $ctx | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ $root.Values.metrics.serviceMonitor.interval }}
      relabelings:
        - sourceLabels: [__meta_kubernetes_service_label_app_kubernetes_io_name]
          targetLabel: application
{{- end }}
{{- end }}
