#!/usr/bin/env bash
# Signed Meta webhooks against Sotong on PostgreSQL, from a separate load-generator process, and the same load
# against a bare endpoint that does nothing (the machine's ceiling). Prints one line per run and the row check.
# Needs PostgreSQL running with the sotong role (./test.sh sets both up).
#   bench/webhook-load.sh [rate] [seconds]      (PG_EXTRA adds Npgsql connection-string options to try;
#                                              TRIAGE=false measures the inbox without classification behind it)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-2000}
SECONDS_=${2:-60}
# Seconds at the full rate over the same connections before measuring (WARMUP=0 measures from the first request).
WARMUP=${WARMUP:-5}
PORT=${PORT:-5090}
PG=${SOTONG_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=sotong;Password=sotong"}
DB=sotong_bench
SECRET=bench-app-secret
PAGE=1122334455
export PGPASSWORD=sotong

dotnet build src/Sotong.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Sotong.Bench.WebhookLoad -c Release -nologo -clp:ErrorsOnly >/dev/null
psql -h 127.0.0.1 -U sotong -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null

work=$(mktemp -d)
env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  Database__Provider=Postgres ConnectionStrings__Sotong="$PG;Database=$DB;Maximum Pool Size=64;${PG_EXTRA:-}" \
  Demo__Enabled=true Bench__BareEndpoint=true Logging__LogLevel__Default=Warning "Logging__LogLevel__Sotong.Core.Inbox.Intake=${INTAKE_LOG:-Warning}" \
  DOTNET_gcServer=${APP_GC_SERVER:-1} Triage__Enabled=${TRIAGE:-true} \
  dotnet src/Sotong.Web/bin/Release/net10.0/Sotong.Web.dll >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; cp "$work/app.log" /tmp/webhook-load-app.log 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do sleep 0.2; done

# Give the demo city's Facebook account the webhook secret, as an administrator would.
jar="$work/cookies"
curl -sf -c "$jar" -H 'content-type: application/json' -d '{"email":"admin@sotong.example","password":"Sotong-demo-2026!"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/signin" >/dev/null
account=$(curl -sf -b "$jar" "http://127.0.0.1:$PORT/api/v1/channels" | python3 -c 'import json,sys; print(next(a["id"] for a in json.load(sys.stdin) if a["platform"]=="Facebook" and not a["isMayor"]))')
curl -sf -b "$jar" -X PUT -H 'content-type: application/json' \
  -d "{\"externalId\":\"$PAGE\",\"credentials\":{\"appSecret\":\"$SECRET\",\"pageAccessToken\":\"unused\"}}" \
  "http://127.0.0.1:$PORT/api/v1/channels/$account/credentials"

if [ "${TRIAGE:-true}" = true ]; then
  # Triage classifies inside the intake transaction once the starter model is live (it trains on first start).
  printf "waiting for the starter model to go live"
  until curl -sf -b "$jar" "http://127.0.0.1:$PORT/api/v1/triage/models" | python3 -c 'import json,sys; sys.exit(0 if any(m["isActive"] for m in json.load(sys.stdin)) else 1)'; do
    printf .; sleep 1
  done
  echo
fi

load() { dotnet bench/Sotong.Bench.WebhookLoad/bin/Release/net10.0/Sotong.Bench.WebhookLoad.dll --max-in-flight "${MAX_IN_FLIGHT:-1024}" "$@" || true; }
echo "warm-up (10 s, not counted):"
load --url "http://127.0.0.1:$PORT/hooks/meta" --rate 500 --seconds 10 --secret "$SECRET" --page "$PAGE" >/dev/null
before=$(psql -h 127.0.0.1 -U sotong -d $DB -tAc "SELECT count(*) FROM inbox_message")
echo "bare endpoint (ceiling):"
load --url "http://127.0.0.1:$PORT/hooks/bare" --rate "$RATE" --seconds "$SECONDS_" --warmup "$WARMUP" | tee "$work/bare.txt"
cpu() { awk '{print $14 + $15}' /proc/$app/stat; }
echo "signed Meta webhooks:"
cpu0=$(cpu); t0=$(date +%s.%N)
load --url "http://127.0.0.1:$PORT/hooks/meta" --rate "$RATE" --seconds "$SECONDS_" --warmup "$WARMUP" --secret "$SECRET" --page "$PAGE" | tee "$work/meta.txt"
cpu1=$(cpu); t1=$(date +%s.%N)
echo "app CPU during the webhook run: $(python3 -c "print(f'{($cpu1-$cpu0)/$(getconf CLK_TCK)/($t1-$t0):.2f}')") cores of $(nproc)"
after=$(psql -h 127.0.0.1 -U sotong -d $DB -tAc "SELECT count(*) FROM inbox_message")
ok=$(( $(grep -o 'ok_2xx=[0-9]*' "$work/meta.txt" | cut -d= -f2) + $(grep -o 'warmup_2xx=[0-9]*' "$work/meta.txt" | cut -d= -f2) ))
echo "rows stored during the webhook run (its warm-up included): $((after - before)); 2xx answers: $ok"
[ "$((after - before))" = "$ok" ] && echo "rows == 2xx: yes" || echo "rows == 2xx: NO"
if [ "${TRIAGE:-true}" = true ]; then
  undecided=$(psql -h 127.0.0.1 -U sotong -d $DB -tAc "SELECT count(*) FROM inbox_message m WHERE NOT EXISTS (SELECT 1 FROM triage_decision d WHERE d.\"MessageId\" = m.\"Id\")")
  echo "messages without a triage decision right after the run: $undecided"
fi
