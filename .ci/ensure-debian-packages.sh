#!/usr/bin/env bash
# Makes sure programs that tests need are on this machine, installing their Debian packages with
# apt-get when one is missing (as root, or with password-less sudo; otherwise it says what to
# install). The build runs it before the tests that need them.
#
# Usage: ensure-debian-packages.sh WHO "PACKAGE..." "VARIABLES" PROGRAM...
#   WHO        who needs them, for messages ("browser tests")
#   PACKAGE    the Debian packages that hold the programs
#   VARIABLES  the environment variables that point to the programs elsewhere, for messages
#   PROGRAM    a program's path or name, found as the shell finds commands
set -euo pipefail

who="$1"
packages="$2"
variables="$3"
shift 3
missing=0
for program in "$@"; do
  command -v "$program" >/dev/null 2>&1 || missing=1
done
if [[ "$missing" -eq 0 ]]; then
  exit 0
fi

how="install with: sudo apt-get install -y $packages (or set $variables)"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$who: a program of $packages is missing and this machine has no apt-get; $how" >&2
  exit 1
fi
if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "$who: a program of $packages is missing and installing needs root; $how" >&2
  exit 1
fi
echo "$who: installing Debian's $packages" >&2
"${as_root[@]}" apt-get update -q >&2
# $packages is a list of names: split on purpose.
# shellcheck disable=SC2086
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $packages >&2
