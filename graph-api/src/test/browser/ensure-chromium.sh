#!/usr/bin/env bash
# Makes sure the browser tests have Debian's Chromium and ChromeDriver, installing them when they
# are missing. The build runs this before the tests; CHROMIUM and CHROMEDRIVER point elsewhere.
set -euo pipefail

chromium="${CHROMIUM:-/usr/bin/chromium}"
driver="${CHROMEDRIVER:-/usr/bin/chromedriver}"
if [[ -x "$chromium" && -x "$driver" ]]; then
  exit 0
fi

how="install them with: sudo apt-get install -y chromium chromium-driver (or set CHROMIUM and CHROMEDRIVER)"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser tests: Chromium or ChromeDriver is missing and this machine has no apt-get; $how" >&2
  exit 1
fi
if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "browser tests: Chromium or ChromeDriver is missing and installing needs root; $how" >&2
  exit 1
fi
echo "browser tests: installing Debian's chromium and chromium-driver" >&2
"${as_root[@]}" apt-get update -q >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >&2
