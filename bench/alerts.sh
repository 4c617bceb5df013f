#!/usr/bin/env bash
# Issue 7's figures (docs/benchmarks.md, "Emergency alerts"): one approved alert to every subscriber of the messaging
# benchmark's database (1,000,000) and 44 SNS accounts on local stand-ins, with Chromium showing the home page; then the
# first SMS of a one-dong alert on an idle engine and under a 500,000-recipient campaign.
# Needs what bench/messaging.sh needs, plus Chromium (./test.sh installs it).   bench/alerts.sh [accounts] [campaign]
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-44}
CAMPAIGN=${2:-500000}
PG=${SOTONG_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=sotong;Password=sotong"}
# The database with a million subscribers, made (or reused) by the messaging benchmark without running its figures.
KEEP=1 ONLY='^none$' bench/messaging.sh
dotnet bench/Sotong.Bench.Messaging/bin/Release/net10.0/Sotong.Bench.Messaging.dll alert --connection "$PG;Database=sotong_messaging_bench" \
  --web src/Sotong.Web/bin/Release/net10.0/Sotong.Web.dll --accounts "$ACCOUNTS" --campaign "$CAMPAIGN" --chromium "${SOTONG_CHROMIUM:-/usr/bin/chromium}"
