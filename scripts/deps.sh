#!/bin/sh
# Install the Debian packages carryover needs to build and test, only when
# some are missing. Idempotent; works as root or through sudo.
#
#   scripts/deps.sh          build + test packages
#   scripts/deps.sh --check  exit 1 and list what is missing, install nothing
set -eu

PKGS="build-essential cmake pkg-config
libsqlite3-dev libinih-dev libjansson-dev libexpat1-dev libarchive-dev libical-dev
libmicrohttpd-dev libpq-dev libcmocka-dev
libssl-dev zlib1g-dev sqlite3
clang libclang-rt-14-dev
time python3
nodejs npm
chromium"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done

# node and npm are often installed outside Debian's packages; accept those.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	missing=$(echo "$missing" | tr ' ' '\n' | grep -vx -e nodejs -e npm | tr '\n' ' ')
fi
if [ -z "$(echo "$missing" | tr -d ' ')" ]; then
	exit 0
fi
if [ "${1:-}" = "--check" ]; then
	echo "missing:$missing"
	exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "scripts/deps.sh: need root or sudo to install:$missing" >&2
	exit 1
fi

echo "scripts/deps.sh: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
