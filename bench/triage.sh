#!/usr/bin/env bash
# Triage figures (issue 4): corpus macro-F1 + confusion matrices, routing accuracy after a history import,
# classification throughput on one core, near-duplicate precision/recall. Prints markdown for docs/benchmarks.md.
#   bench/triage.sh [classifications]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Sotong.Bench.Triage -c Release -nologo -clp:ErrorsOnly >/dev/null
# One core: the process is pinned to CPU 0.
exec taskset -c 0 dotnet bench/Sotong.Bench.Triage/bin/Release/net10.0/Sotong.Bench.Triage.dll "$PWD" "${1:-50000}"
