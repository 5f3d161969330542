#!/usr/bin/env bash
# Runs every test of the solution on this machine, as CI does: installs what the tests need when missing
# (PostgreSQL, Chromium, fonts, poppler), starts a local PostgreSQL, then `dotnet test` on the whole solution.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf ] || missing+=(fonts-noto-core)
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PUBLICSERVICES_TEST_POSTGRES="$(scripts/postgres-test-server.sh)"
export PUBLICSERVICES_TEST_POSTGRES

log=$(mktemp)
set +e
dotnet test PublicServices.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over all test assemblies.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: $passed passed, $failed failed"
rm -f "$log"
exit "$status"
