#!/usr/bin/env bash
# Makes sure the browser tests have Debian's Chromium and ChromeDriver, installing them when they
# are missing. The build runs this before the tests; CHROMIUM and CHROMEDRIVER point elsewhere.
set -euo pipefail

exec bash "$(dirname "$0")/../../../../.ci/ensure-debian-packages.sh" "browser tests" \
  "chromium chromium-driver" "CHROMIUM and CHROMEDRIVER" \
  "${CHROMIUM:-/usr/bin/chromium}" "${CHROMEDRIVER:-/usr/bin/chromedriver}"
