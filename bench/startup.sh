#!/usr/bin/env bash
# Start-up time to a ready database (fresh: migrate + demo city; existing: migrate check only), and the first and
# second render of the home page. Usage: bench/startup.sh   (builds Release first)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Sotong.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dir=$(mktemp -d); port=${PORT:-5099}
run() {
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Sotong="Data Source=$dir/s.db" ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet src/Sotong.Web/bin/Release/net10.0/Sotong.Web.dll >"$dir/$1.log" 2>&1 &
  pid=$!
  start=$(date +%s.%N)
  until curl -s -o /dev/null "http://127.0.0.1:$port/health/ready"; do sleep 0.05; done
  echo "$1 start to ready: $(echo "$(date +%s.%N) - $start" | bc) s"
  curl -s -o /dev/null -w "  home, first render: %{time_total} s\n" "http://127.0.0.1:$port/"
  curl -s -o /dev/null -w "  home, second render: %{time_total} s\n" "http://127.0.0.1:$port/"
  kill $pid; wait $pid 2>/dev/null || true
}
run fresh
run existing
rm -rf "$dir"
