#!/bin/sh
# Installs the Debian packages fragebogen needs to build and test, and only
# those that are missing. Run as root or with sudo available.
set -eu

need="cmake make gcc pkg-config libncurses-dev libsodium-dev libcjson-dev
libcriterion-dev clang libclang-rt-14-dev tmux
zlib1g-dev age minisign libreadstat-dev pspp python3-pandas r-cran-haven
gettext dialog valgrind lintian groff-base mandoc gcovr"

missing=""
for p in $need; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "Installiere fehlende Pakete:$missing"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "Fehlende Pakete:$missing – bitte als root installieren." >&2
		exit 1
	fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
