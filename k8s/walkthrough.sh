#!/usr/bin/env bash
# The README's payment walkthrough against chatpay on Kubernetes, through the ingress: Alice and Bob onboard
# (profile, card, PIN, SMS code read from the dev SMS outbox), Alice pays Bob 20 EUR, the payment must be
# COMPLETED. Exits non-zero on any failure.
#
#   k8s/walkthrough.sh                       against kind (hosts <service>.chatpay.localhost on 127.0.0.1:80)
#   HOST_SUFFIX=chatpay.example INGRESS_ADDRESS=10.0.0.5 INGRESS_PORT=80 k8s/walkthrough.sh
#
# Tokens come from ./chatpay token (the local stack's dev gateway key, installed as the chatpay-jwt Secret).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST_SUFFIX="${HOST_SUFFIX:-chatpay.localhost}"
INGRESS_ADDRESS="${INGRESS_ADDRESS:-127.0.0.1}"
INGRESS_PORT="${INGRESS_PORT:-80}"

RESOLVE=()
for svc in onboarding payment limits notification; do
  RESOLVE+=(--resolve "$svc.$HOST_SUFFIX:$INGRESS_PORT:$INGRESS_ADDRESS")
done
url() { printf 'http://%s.%s:%s' "$1" "$HOST_SUFFIX" "$INGRESS_PORT"; }
api() { curl -sS --fail-with-body "${RESOLVE[@]}" "$@"; }

A="alice-$RANDOM"; B="bob-$RANDOM"
PA=$(printf '+3361%07d' "$RANDOM"); PB=$(printf '+3362%07d' "$RANDOM")
ALICE=$("$ROOT/chatpay" token "$A"); BOB=$("$ROOT/chatpay" token "$B")
json='Content-Type: application/json'

onboard() { # token first-name phone card pin
  local auth="Authorization: Bearer $1" code="" attempt
  api -X PUT "$(url onboarding)/v1/me/profile" -H "$auth" -H "$json" \
    -d "{\"firstName\":\"$2\",\"lastName\":\"Martin\",\"address\":{\"line1\":\"12 rue de la Paix\",\"postalCode\":\"75002\",\"city\":\"Paris\",\"country\":\"FR\"},\"phoneNumber\":\"$3\"}"
  echo
  api -X POST "$(url onboarding)/v1/me/cards" -H "$auth" -H "$json" \
    -d "{\"number\":\"$4\",\"expiryMonth\":12,\"expiryYear\":2030,\"cvc\":\"123\"}"
  echo
  api -X PUT "$(url onboarding)/v1/me/pin" -H "$auth" -H "$json" -d "{\"pin\":\"$5\"}"
  echo
  api -X POST "$(url onboarding)/v1/me/activation/sms" -H "$auth"
  echo
  for attempt in $(seq 60); do # onboarding -> Kafka -> notification, whose dev SMS outbox shows the code
    code=$(api "$(url notification)/dev/sms?phoneNumber=${3/+/%2B}" | grep -o ': [0-9]\{6\}' | tail -1 | tr -dc 0-9 || true)
    [ -n "$code" ] && break
    echo "waiting for the SMS code ($attempt)"; sleep 1
  done
  [ -n "$code" ] || { echo "walkthrough: no SMS code for $3" >&2; return 1; }
  api -X POST "$(url onboarding)/v1/me/activation/verify" -H "$auth" -H "$json" -d "{\"code\":\"$code\"}"
  echo
}

echo "1. Alice and Bob onboard"
onboard "$ALICE" Alice "$PA" 4111111111111111 4739
onboard "$BOB" Bob "$PB" 5555555555554444 8152

echo "2. Alice confirms 20 EUR to Bob with her PIN, then sends it"
AUTHZ=$(api -X POST "$(url onboarding)/v1/payment-authorizations" -H "Authorization: Bearer $ALICE" -H "$json" \
  -d "{\"payeeId\":\"$B\",\"amount\":{\"value\":2000,\"currency\":\"EUR\"},\"pin\":\"4739\"}" \
  | sed -E 's/.*"authorizationToken":"([^"]+)".*/\1/')
PAYMENT=$(api -X POST "$(url payment)/v1/payments" -H "Authorization: Bearer $ALICE" -H "$json" \
  -H "Idempotency-Key: $(date +%s%N)" -H 'Prefer: wait=10' \
  -d "{\"payeeId\":\"$B\",\"conversationId\":\"conv-1\",\"amount\":{\"value\":2000,\"currency\":\"EUR\"},\"message\":\"Pour les croissants\",\"authorizationToken\":\"$AUTHZ\"}")
echo "$PAYMENT"
case "$PAYMENT" in
  *'"status":"COMPLETED"'*) ;;
  *) echo "walkthrough: the payment did not complete" >&2; exit 1 ;;
esac

echo "3. What each of them sees"
sleep 1
api "$(url payment)/v1/payments?direction=received" -H "Authorization: Bearer $BOB"; echo
api "$(url limits)/v1/me/limits" -H "Authorization: Bearer $ALICE"; echo
api "$(url notification)/v1/me/notifications" -H "Authorization: Bearer $BOB"; echo
echo "walkthrough: OK"
