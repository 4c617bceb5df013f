#!/usr/bin/env bash
# Deadline figures (issue 5): due times and due labels per second on one core. Prints markdown for docs/benchmarks.md.
#   bench/cases.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Sotong.Bench.Cases -c Release -nologo -clp:ErrorsOnly >/dev/null
exec taskset -c 0 dotnet bench/Sotong.Bench.Cases/bin/Release/net10.0/Sotong.Bench.Cases.dll "${1:-1000000}"
