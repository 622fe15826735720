#!/usr/bin/env bash
# Brings chatpay up on a local kind cluster and runs the README's payment walkthrough through the ingress.
#
#   k8s/kind-up.sh            create (or reuse) the cluster, install, deploy, walk through a payment
#   k8s/kind-down.sh          delete the cluster
#
# Needs: docker, kind, kubectl, helm (3.x), openssl, curl, and JDK 17 for the Maven build.
# Versions of the operators can be overridden: STRIMZI_VERSION, CNPG_VERSION, INGRESS_NGINX_VERSION.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLUSTER="${KIND_CLUSTER:-chatpay}"
NAMESPACE=chatpay
RELEASE=chatpay
SERVICES=(onboarding payment limits notification)
STRIMZI_VERSION="${STRIMZI_VERSION:-0.48.0}"
CNPG_VERSION="${CNPG_VERSION:-1.27.1}"
INGRESS_NGINX_VERSION="${INGRESS_NGINX_VERSION:-1.13.3}"
IMAGE_TAG=dev

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'kind-up: %s\n' "$*" >&2; exit 1; }

for tool in docker kind kubectl helm openssl curl; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required (see k8s/README.md)"
done

step "1. kind cluster '$CLUSTER'"
if kind get clusters | grep -qx "$CLUSTER"; then
  echo "cluster $CLUSTER exists, reusing it"
else
  kind create cluster --name "$CLUSTER" --config "$ROOT/k8s/kind-config.yaml" --wait 120s
fi
kubectl config use-context "kind-$CLUSTER"
kubectl apply -f "$ROOT/k8s/namespaces.yaml"

step "2. operators: Strimzi $STRIMZI_VERSION, CloudNativePG $CNPG_VERSION, ingress-nginx $INGRESS_NGINX_VERSION"
# Strimzi's release manifest targets namespace "myproject": point it at chatpay, where the Kafka resources live.
curl -fsSL "https://github.com/strimzi/strimzi-kafka-operator/releases/download/$STRIMZI_VERSION/strimzi-cluster-operator-$STRIMZI_VERSION.yaml" \
  | sed "s/namespace: myproject/namespace: $NAMESPACE/" \
  | kubectl apply --server-side -n "$NAMESPACE" -f -
kubectl apply --server-side -f \
  "https://raw.githubusercontent.com/cloudnative-pg/cloudnative-pg/release-${CNPG_VERSION%.*}/releases/cnpg-$CNPG_VERSION.yaml"
kubectl apply -f \
  "https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v$INGRESS_NGINX_VERSION/deploy/static/provider/kind/deploy.yaml"
kubectl -n "$NAMESPACE" rollout status deployment/strimzi-cluster-operator --timeout=300s
kubectl -n cnpg-system rollout status deployment/cnpg-controller-manager --timeout=300s
kubectl -n ingress-nginx wait pod --for=condition=Ready --selector=app.kubernetes.io/component=controller --timeout=300s

step "3. images: build the services, load them into kind"
(cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl "$(printf '%s-service,' "${SERVICES[@]}" | sed 's/,$//')" -am)
for svc in "${SERVICES[@]}"; do
  docker build -q -f "$ROOT/$svc-service/src/main/docker/Dockerfile.jvm" -t "$svc-service:$IMAGE_TAG" "$ROOT/$svc-service"
  kind load docker-image --name "$CLUSTER" "$svc-service:$IMAGE_TAG"
done

step "4. secrets (created once, kept across runs)"
# The gateway key pair is the local stack's (.chatpay/keys), so './chatpay token <user>' mints accepted JWTs.
"$ROOT/chatpay" token kind-setup >/dev/null
KEYS="$ROOT/.chatpay/keys"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
secret_exists() { kubectl -n "$NAMESPACE" get secret "$1" >/dev/null 2>&1; }
create_secret() { # name, then kubectl create secret generic arguments
  local name="$1"; shift
  if secret_exists "$name"; then echo "secret $name exists"; else kubectl -n "$NAMESPACE" create secret generic "$name" "$@"; fi
}
random_key() { openssl rand -base64 32; }
create_secret chatpay-jwt --from-file=public.pem="$KEYS/gateway-public.pem"
if ! secret_exists chatpay-authz-signing; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/authz-private.pem" 2>/dev/null
  openssl pkey -in "$WORK/authz-private.pem" -pubout -out "$WORK/authz-public.pem"
  kubectl -n "$NAMESPACE" delete secret chatpay-authz-verify --ignore-not-found
  create_secret chatpay-authz-signing --from-file=private.pem="$WORK/authz-private.pem"
  create_secret chatpay-authz-verify --from-file=public.pem="$WORK/authz-public.pem"
fi
if ! secret_exists chatpay-sms-decryption; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/sms-private.pem" 2>/dev/null
  openssl pkey -in "$WORK/sms-private.pem" -pubout -out "$WORK/sms-public.pem"
  kubectl -n "$NAMESPACE" delete secret chatpay-sms-encryption --ignore-not-found
  create_secret chatpay-sms-decryption --from-file=private.pem="$WORK/sms-private.pem"
  create_secret chatpay-sms-encryption --from-file=public.pem="$WORK/sms-public.pem"
fi
create_secret chatpay-card-vault --from-literal=keys="k1:$(random_key)" --from-literal=fingerprint-key="$(random_key)"
create_secret chatpay-onboarding-keys --from-literal=pin-pepper="$(random_key)" --from-literal=sms-code-hash-key="$(random_key)"
create_secret chatpay-webhook --from-literal=secret="$(random_key)"

step "5. helm install $RELEASE (values-kind.yaml)"
helm upgrade --install "$RELEASE" "$ROOT/helm/chatpay" -n "$NAMESPACE" \
  -f "$ROOT/helm/chatpay/values-kind.yaml" --set image.tag="$IMAGE_TAG"

step "6. wait: Kafka, the four databases, every Deployment"
kubectl -n "$NAMESPACE" wait kafka --all --for=condition=Ready --timeout=600s
kubectl -n "$NAMESPACE" wait kafkatopic --all --for=condition=Ready --timeout=300s
kubectl -n "$NAMESPACE" wait clusters.postgresql.cnpg.io --all --for=condition=Ready --timeout=600s
for svc in "${SERVICES[@]}"; do
  kubectl -n "$NAMESPACE" rollout status "deployment/$RELEASE-$svc-service" --timeout=600s
done

step "7. the README's payment walkthrough, through the ingress"
"$ROOT/k8s/walkthrough.sh"

printf '\nchatpay runs on kind. APIs: http://<service>.chatpay.localhost/v1/... (onboarding, payment, limits, notification)\n'
printf 'Tokens: ./chatpay token <user>. Remove everything: k8s/kind-down.sh\n'
