#!/usr/bin/env bash
# The delivery-engine figures of issue 6 (docs/benchmarks.md):
#   1. a million subscribers selected and written to the outbox by a campaign start (PostgreSQL, binary COPY);
#   2. submission rate to the npm smpp SMSC, beside the rate the same SMSC sustains against a minimal Node client,
#      from a cold start and sustained (after a warm-up batch);
#   3. against an SMSC that throttles each bind to a set rate, the rate Sotong achieves when paced to it;
#   and Sotong's SMPP client alone (no database) against the same kind of SMSC, to separate the two costs.
# Needs PostgreSQL running with the sotong role and tests/smpp-sim's npm packages (./test.sh sets up both).
#   bench/messaging.sh [subscribers] [send-count]      KEEP=1 reuses the generated subscribers; ONLY=outbox|send|throttle
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS=${1:-1000000}
COUNT=${2:-200000}
PG=${SOTONG_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=sotong;Password=sotong"}
DB=sotong_messaging_bench
CS="$PG;Database=$DB"
export PGPASSWORD=sotong
psql_() { psql -h 127.0.0.1 -U sotong -d $DB -tAc "$1"; }
only() { [ -z "${ONLY:-}" ] || [[ "$1" =~ ${ONLY} ]]; }

dotnet build src/Sotong.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Sotong.Bench.Messaging -c Release -nologo -clp:ErrorsOnly >/dev/null
bench() { dotnet bench/Sotong.Bench.Messaging/bin/Release/net10.0/Sotong.Bench.Messaging.dll "$@"; }
WEB=src/Sotong.Web/bin/Release/net10.0/Sotong.Web.dll

if [ "${KEEP:-0}" = 1 ] && [ "$(psql_ "SELECT count(*) >= $SUBSCRIBERS FROM subscribers_subscriber" 2>/dev/null)" = t ]; then
  echo "reusing $DB"
else
  psql -h 127.0.0.1 -U sotong -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
  # The app migrates the new database, seeds the reference data and registers the short number 0120; then it stops.
  env ASPNETCORE_URLS=http://127.0.0.1:5093 Database__Provider=Postgres ConnectionStrings__Sotong="$CS" Demo__Enabled=false \
    Channels__Sms__ShortNumber=0120 Logging__LogLevel__Default=Warning dotnet $WEB >/tmp/messaging-bench-app.log 2>&1 &
  app=$!
  until curl -sf -o /dev/null http://127.0.0.1:5093/health/ready; do sleep 0.2; done
  # The first start also trains triage's starter model; let it finish, or every later start trains it again.
  until [ "$(psql_ "SELECT count(*) FROM triage_model WHERE \"IsActive\"" 2>/dev/null)" = 1 ]; do sleep 1; done
  kill $app; wait $app 2>/dev/null || true
  echo "## generator"
  bench subscribers --connection "$CS" --count "$SUBSCRIBERS"
fi
echo "subscribers: $(psql_ "SELECT count(*) FROM subscribers_subscriber WHERE \"Status\" = 'Active'") active; PostgreSQL shared_buffers $(psql_ "SHOW shared_buffers")"

if only outbox; then
  echo "## a campaign to every subscriber: selected and written to the outbox"
  bench outbox --connection "$CS" --runs 3
fi
if only send; then
  echo "## submission rate, unthrottled SMSC"
  bench send --connection "$CS" --web $WEB --count "$COUNT" --ceiling-count "$COUNT" --binds 4 --window 50
  echo "## sustained: the same after a warm-up of 300,000 (the first seconds of a fresh process go to tiered JIT)"
  bench send --connection "$CS" --web $WEB --count "$COUNT" --ceiling-count "$COUNT" --binds 4 --window 50 --warmup 300000
  echo "## sustained, with the smaller chunks that were the default until 2026-11-25 (500 × 3 workers)"
  bench send --connection "$CS" --web $WEB --count "$COUNT" --ceiling-count "$COUNT" --binds 4 --window 50 --chunk 500 --workers 3 --warmup 300000
  echo "## Sotong's SMPP client alone (no database), against a fresh SMSC"
  (cd tests/smpp-sim && exec node smsc.js --port 0 --quiet < <(sleep 120) > "/tmp/messaging-bench-smsc.out") &
  sleep 1
  bench client-only --port "$(head -1 /tmp/messaging-bench-smsc.out | sed 's/.*"port":\([0-9]*\).*/\1/')" --count "$COUNT" --binds 4 --window 50
fi
if only throttle; then
  echo "## SMSC throttling each bind to 500/s; Sotong configured with the contracted 500/s per bind"
  bench send --connection "$CS" --web $WEB --count 20000 --binds 2 --window 20 --throttle 500 --rate-per-bind 500
fi
