#!/usr/bin/env bash
# Makes sure the store tests have Debian's Virtuoso (virtuoso-t and isql-vt), installing
# virtuoso-opensource when it is missing. The build runs this before the tests; VIRTUOSO and
# VIRTUOSO_ISQL point elsewhere. The package would start a server of its own on ports 1111 and
# 8890 where it may: the tests start theirs, on free ports.
set -euo pipefail

exec bash "$(dirname "$0")/../../../../.ci/ensure-debian-packages.sh" "store tests" \
  "virtuoso-opensource" "VIRTUOSO and VIRTUOSO_ISQL" \
  "${VIRTUOSO:-virtuoso-t}" "${VIRTUOSO_ISQL:-isql-vt}"
