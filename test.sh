#!/usr/bin/env bash
# Installs what the tests need when it is missing (as root, with apt), starts PostgreSQL, and runs every test.
# Fails loudly when a prerequisite cannot be had: nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }
need_root() { [ "$(id -u)" = 0 ] || { echo "test.sh: $1 is missing and installing it needs root" >&2; exit 1; }; }

PG_VERSION=${PG_VERSION:-15}
PG_PORT=${PG_PORT:-5432}
export SOTONG_TEST_POSTGRES=${SOTONG_TEST_POSTGRES:-"Host=127.0.0.1;Port=$PG_PORT;Username=sotong;Password=sotong;Database=postgres"}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- system packages -------------------------------------------------------------------------------
missing=()
[ -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ] || missing+=("postgresql-$PG_VERSION" postgresql-client)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  need_root "${missing[*]}"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- PostgreSQL ------------------------------------------------------------------------------------
log "starting PostgreSQL $PG_VERSION"
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_VERSION main$"; then
  need_root "a PostgreSQL cluster"
  pg_createcluster "$PG_VERSION" main --port "$PG_PORT" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$PG_VERSION" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 1; done
pg_isready -h 127.0.0.1 -p "$PG_PORT" || { echo "test.sh: PostgreSQL did not start" >&2; exit 1; }
su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sotong') THEN
    CREATE ROLE sotong LOGIN PASSWORD 'sotong' CREATEDB;
  END IF;
END $$;
-- Tests drop their databases WITH (FORCE); an autovacuum worker still on one may only be ended with this.
GRANT pg_signal_backend TO sotong;
SQL

# --- the SMSC simulator for SMPP interop tests (npm smpp) --------------------------------------------
log "installing the SMPP simulator's npm packages"
(cd tests/smpp-sim && npm ci --no-audit --no-fund --loglevel=error)

# --- build (npm packages are fetched by the web project's build) -----------------------------------
log "restoring tools and building"
dotnet tool restore >/dev/null
dotnet build Sotong.slnx -c Release -nologo -clp:ErrorsOnly

# --- tests -----------------------------------------------------------------------------------------
export SOTONG_CHROMIUM=${SOTONG_CHROMIUM:-/usr/bin/chromium}
results=$(mktemp -d)
status=0
for project in tests/Sotong.Tests tests/Sotong.ArchitectureTests tests/Sotong.IntegrationTests tests/Sotong.BrowserTests; do
  log "testing $project"
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$(basename "$project").trx" \
    --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*' || echo 0)
  f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*' || echo 0)
  passed=$((passed + p)); failed=$((failed + f))
done
echo
echo "$passed passed, $failed failed"
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
  echo "test.sh: a test run failed outside any one test (a fixture's set-up or clean-up, or the host); see its output above" >&2
fi
[ "$passed" -gt 0 ] || status=1
exit $status
