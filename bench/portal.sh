#!/usr/bin/env bash
# The million-case figures of issue 5: a city's history of cases generated into PostgreSQL by binary COPY
# (bench/Sotong.Bench.Portal generate), then the pages citizens and officers open, each measured from a separate
# load-generator process, open loop at a fixed rate (latency from each request's scheduled time).
# Needs PostgreSQL running with the sotong role (./test.sh sets both up). The figures in docs/benchmarks.md were taken
# with PostgreSQL configured as a production server would be, not with the package's 128 MB default:
#   su postgres -c "psql -c \"ALTER SYSTEM SET shared_buffers = '4GB'\" -c \"ALTER SYSTEM SET effective_cache_size = '16GB'\" \
#     -c \"ALTER SYSTEM SET random_page_cost = 1.1\"" && pg_ctlcluster 15 main restart
#   bench/portal.sh [cases] [rate] [seconds]     KEEP=1 reuses the generated database when it is there;
#                                                ONLY=regex runs the matching request sets (list search3 search2 answer
#                                                casepage casehtml overdue division divisionhtml).
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-1000000}
RATE=${2:-20}
SECONDS_=${3:-30}
PORT=${PORT:-5091}
PG=${SOTONG_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=sotong;Password=sotong"}
DB=sotong_portal_bench
export PGPASSWORD=sotong
psql_() { psql -h 127.0.0.1 -U sotong -d $DB -tAc "$1"; }

dotnet build src/Sotong.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Sotong.Bench.Portal -c Release -nologo -clp:ErrorsOnly >/dev/null
bench() { dotnet bench/Sotong.Bench.Portal/bin/Release/net10.0/Sotong.Bench.Portal.dll "$@"; }

fresh=true
if [ "${KEEP:-0}" = 1 ] && [ "$(psql -h 127.0.0.1 -U sotong -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'")" = 1 ] \
   && [ "$(psql_ "SELECT count(*) >= $CASES FROM cases_case" 2>/dev/null)" = t ]; then
  fresh=false
else
  psql -h 127.0.0.1 -U sotong -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
fi

work=$(mktemp -d)
app=
start_app() {
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
    Database__Provider=Postgres ConnectionStrings__Sotong="$PG;Database=$DB;Maximum Pool Size=64" \
    Demo__Enabled=true Triage__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet src/Sotong.Web/bin/Release/net10.0/Sotong.Web.dll >>"$work/app.log" 2>&1 &
  app=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do sleep 0.2; done
}
trap '[ -n "$app" ] && kill $app 2>/dev/null; cp "$work/app.log" /tmp/portal-bench-app.log 2>/dev/null; rm -rf "$work"' EXIT

if $fresh; then
  # The app migrates the new database and seeds the demo city (divisions, staff); then the history goes in.
  start_app; kill $app; wait $app 2>/dev/null || true; app=
  echo "## generator"
  /usr/bin/time -f "generator: %e s wall, %M KiB max RSS" \
    dotnet bench/Sotong.Bench.Portal/bin/Release/net10.0/Sotong.Bench.Portal.dll generate --connection "$PG;Database=$DB" --cases "$CASES"
fi
echo "database: $(psql_ "SELECT pg_size_pretty(pg_database_size('$DB'))"); cases $(psql_ "SELECT count(*) FROM cases_case");" \
  "published $(psql_ "SELECT count(*) FROM qna_published_answer WHERE \"IsPublished\"");" \
  "open $(psql_ "SELECT count(*) FROM cases_case WHERE \"State\" IN ('Received','Assigned','InProgress','Extended')")"
echo "PostgreSQL: shared_buffers $(psql_ "SHOW shared_buffers"), effective_cache_size $(psql_ "SHOW effective_cache_size"), random_page_cost $(psql_ "SHOW random_page_cost")"
start_app

jar="$work/cookies"
curl -sf -c "$jar" -H 'content-type: application/json' -d '{"email":"bus@sotong.example","password":"Sotong-demo-2026!"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/signin" >/dev/null
cookie=$(awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "} /^#HttpOnly_/ {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
officer=$(psql_ "SELECT \"Id\" FROM org_staff WHERE \"Email\"='bus@sotong.example'")
echo "officer bus@sotong.example: $(psql_ "SELECT count(*) FROM cases_case WHERE \"AssignedToId\"='$officer'") cases," \
  "$(psql_ "SELECT count(*) FROM cases_case WHERE \"AssignedToId\"='$officer' AND \"State\" IN ('Received','Assigned','InProgress','Extended') AND \"DueAtUtc\" < now()") open and overdue"

base="http://127.0.0.1:$PORT"
urls() { sed "s|^|$base|" > "$work/$1.txt"; }
# Public list: the first pages, each sort, topic and division filters.
{ for p in 1 2 3 1 1 5; do echo "/answers?page=$p"; done
  echo "/answers?sort=MostRecommended"; echo "/answers?sort=FastestAnswered"; echo "/answers?topic=transport"; echo "/answers?topic=safety&page=2"
  psql_ "SELECT '/answers?divisionId=' || \"Id\" FROM org_department WHERE \"Code\" IN ('TRN-BUS','SAF-DIS','ENV-CLN')" 2>/dev/null || true
} | urls list
# Searches citizens type: words of three or more characters, and two-character words (no trigram to use).
printf '/answers?q=%s\n' 불법주차 신호등 버스정류장 가로등 무단투기 쓰레기 놀이터 어린이보호구역 "%EC%95%BC%EC%98%81%EC%9E%A5" | urls search3
printf '/answers?q=%s\n' 주차 버스 소음 민원 공원 도로 택시 악취 | urls search2
psql_ "SELECT '/answers/' || \"Id\" FROM qna_published_answer WHERE \"IsPublished\" ORDER BY random() LIMIT 500" | urls answer
psql_ "SELECT '/api/v1/cases/' || c.\"Id\" FROM cases_case c JOIN org_staff u ON u.\"Email\"='bus@sotong.example' AND c.\"DivisionId\" = u.\"DivisionId\" ORDER BY random() LIMIT 500" | urls casepage
psql_ "SELECT '/staff/cases/' || c.\"Id\" FROM cases_case c JOIN org_staff u ON u.\"Email\"='bus@sotong.example' AND c.\"DivisionId\" = u.\"DivisionId\" ORDER BY random() LIMIT 500" | urls casehtml
printf '%s\n' "/api/v1/cases?mine=true&overdueOnly=true" | urls overdue
printf '%s\n' "/api/v1/cases" "/api/v1/cases?page=2" "/api/v1/cases?mine=true" | urls division
printf '%s\n' "/staff/cases" | urls divisionhtml

run() { [[ "$2" =~ ${ONLY:-.} ]] || return 0; bench load --name "$1" --urls "$work/$2.txt" --rate "${4:-$RATE}" --seconds "$SECONDS_" --warmup 5 ${3:+--cookie "$cookie"} || true; }
echo
echo "| request | load | 2xx | p50 | p95 | p99 | max | body | statuses |"
echo "|---|---|---|---|---|---|---|---|---|"
run "public list (/answers, pages, sorts, filters)" list
run "search, 3+ characters (/answers?q=불법주차 …)" search3
run "search, 2 characters (/answers?q=주차 …)" search2
run "published answer page (/answers/{id})" answer
run "officer's case page, API (/api/v1/cases/{id})" casepage cookie
run "officer's case page, HTML (/staff/cases/{id})" casehtml cookie
run "officer's \"my overdue\" (/api/v1/cases?mine=true&overdueOnly=true)" overdue cookie
run "officer's division list (/api/v1/cases, open first)" division cookie
run "officer's case list, HTML (/staff/cases)" divisionhtml cookie
