{{/*
Shared helpers. Every per-service object is rendered by "chatpay.service" in _service.tpl;
nothing here is specific to one service.
*/}}

{{- define "chatpay.chart" -}}
{{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object of the release, but the instance. */}}
{{- define "chatpay.baseLabels" -}}
helm.sh/chart: {{ include "chatpay.chart" . }}
app.kubernetes.io/part-of: chatpay
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels common to every object of the release. */}}
{{- define "chatpay.commonLabels" -}}
{{ include "chatpay.baseLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Object name of a service: <release>-<key>-service. Arg: dict root key */}}
{{- define "chatpay.serviceName" -}}
{{ printf "%s-%s-service" .root.Release.Name .key | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selector labels of a service's pods. Arg: dict root key */}}
{{- define "chatpay.selectorLabels" -}}
app.kubernetes.io/name: {{ .key }}-service
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* All labels of a service's objects. Arg: dict root key */}}
{{- define "chatpay.serviceLabels" -}}
{{ include "chatpay.baseLabels" .root }}
{{ include "chatpay.selectorLabels" . }}
app.kubernetes.io/component: service
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{- end }}

{{/* Name of the Strimzi Kafka cluster. */}}
{{- define "chatpay.kafkaName" -}}
{{ printf "%s-kafka" .Release.Name | trunc 40 | trimSuffix "-" }}
{{- end }}

{{/* Namespace Kafka runs in (the release's unless set). */}}
{{- define "chatpay.kafkaNamespace" -}}
{{ .Values.kafka.namespace | default .Release.Namespace }}
{{- end }}

{{/* Name of a service's CNPG cluster. Arg: dict root key */}}
{{- define "chatpay.dbClusterName" -}}
{{ printf "%s-%s-db" .root.Release.Name .key | trunc 50 | trimSuffix "-" }}
{{- end }}

{{/* Name of a service's KafkaUser (also the Secret Strimzi writes its credentials to). Arg: dict root key */}}
{{- define "chatpay.kafkaUserName" -}}
{{ include "chatpay.serviceName" . }}
{{- end }}

{{/* Kafka bootstrap address the services use. */}}
{{- define "chatpay.kafkaBootstrap" -}}
{{- if .Values.kafka.enabled -}}
{{ include "chatpay.kafkaName" . }}-kafka-bootstrap.{{ include "chatpay.kafkaNamespace" . }}.svc:{{ ternary 9093 9092 .Values.kafka.tls }}
{{- else -}}
{{ required "kafka.external.bootstrapServers is required when kafka.enabled=false" .Values.kafka.external.bootstrapServers }}
{{- end -}}
{{- end }}

{{/* Image reference of a service. Arg: dict root key svc */}}
{{- define "chatpay.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := .svc.image.repository | default (printf "%s-service" .key) -}}
{{- $tag := .svc.image.tag | default $img.tag | default .root.Chart.AppVersion -}}
{{- if $img.registry -}}
{{ printf "%s/%s:%s" $img.registry $repo $tag }}
{{- else -}}
{{ printf "%s:%s" $repo $tag }}
{{- end -}}
{{- end }}

{{/*
The reactive connection pool of one service's pods (DB_POOL_SIZE). Arg: dict root svc
*/}}
{{- define "chatpay.dbPoolSize" -}}
{{- .svc.database.poolSize | default .root.Values.serviceDefaults.dbPoolSize -}}
{{- end }}

{{/*
The most connections one service's pods open to its database at once: every pod the Deployment may run (the
autoscaler's maximum, or the fixed replicas, plus the one a rolling update adds) times each pod's pools (the
reactive pool, and the JDBC pool of 2 the schema migration uses, quarkus.datasource.jdbc.max-size). Arg: dict root
svc
*/}}
{{- define "chatpay.dbConnections" -}}
{{- $autoscaling := mergeOverwrite (deepCopy .root.Values.serviceDefaults.autoscaling) (.svc.autoscaling | default dict) -}}
{{- $pods := ternary $autoscaling.maxReplicas (.svc.replicas | default 1) $autoscaling.enabled -}}
{{- mul (add $pods 1) (add (include "chatpay.dbPoolSize" .) 2) -}}
{{- end }}
