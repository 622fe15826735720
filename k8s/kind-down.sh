#!/usr/bin/env bash
# Deletes the kind cluster created by k8s/kind-up.sh (and everything in it: Kafka, databases, secrets).
set -euo pipefail

CLUSTER="${KIND_CLUSTER:-chatpay}"
command -v kind >/dev/null 2>&1 || { echo "kind-down: kind is required" >&2; exit 1; }
if kind get clusters | grep -qx "$CLUSTER"; then
  kind delete cluster --name "$CLUSTER"
else
  echo "no kind cluster named $CLUSTER"
fi
