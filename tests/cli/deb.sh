#!/bin/sh
# The Debian package: built with cpack from the build tree into a temporary
# folder, its contents and dependencies listed, unpacked and run, and
# checked with lintian where it is installed.
# Usage: deb.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
build=$(cd "$(dirname "$bin")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
unset FRAGEBOGEN_FORM FRAGEBOGEN_STORE FRAGEBOGEN_PASSPHRASE_FILE

for tool in cpack dpkg-deb dpkg-shlibdeps; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$tool fehlt: kein Debian-Paket gebaut"
		exit 0
	fi
done

[ -f "$build/packaging/fragebogen.1.gz" ] ||
	expect 0 cmake --build "$build" --target fragebogen_gz
expect 0 cpack --config "$build/CPackConfig.cmake" -B "$tmp/pkg"
deb=$(ls "$tmp"/pkg/fragebogen_*.deb 2>/dev/null | head -n 1)
if [ -z "$deb" ]; then
	bad "cpack hat kein .deb geschrieben"
	finish
	exit 1
fi

expect 0 dpkg-deb -c "$deb"
for f in usr/bin/fragebogen usr/share/fragebogen/forms/desi-kommunen-2016.json \
	usr/share/fragebogen/forms/beispiel.json usr/share/man/man1/fragebogen.1.gz \
	usr/share/man/man5/fragebogen-form.5.gz usr/share/bash-completion/completions/fragebogen \
	usr/share/doc/fragebogen/changelog.Debian.gz usr/share/doc/fragebogen/copyright \
	usr/share/locale/en/LC_MESSAGES/fragebogen.mo usr/share/locale/de/LC_MESSAGES/fragebogen.mo; do
	has " ./$f"
done
hasnt "_CPack_Packages"

expect 0 dpkg-deb -I "$deb"
has "Package: fragebogen"
has "Section: utils"
has "Maintainer: fragebogen <dev@fragebogen.invalid>"
for lib in libsodium libncursesw libcjson libreadstat; do
	grep -q "^ Depends:.*$lib" "$tmp/out" && ok || bad "Depends nennt $lib nicht"
done
grep "^ Depends:" "$tmp/out"

# The changelog names the package's version.
version=$(dpkg-deb -f "$deb" Version)
mkdir "$tmp/root"
expect 0 dpkg-deb -x "$deb" "$tmp/root"
gzip -dc "$tmp/root/usr/share/doc/fragebogen/changelog.Debian.gz" | head -n 1 >"$tmp/out"
has "fragebogen ($version)"

# Unpacked anywhere, the binary runs and finds its forms.
root=$tmp/root/usr
cd "$tmp" || exit 1
expect 0 "$root/bin/fragebogen" --version
has "fragebogen "
expect 0 "$root/bin/fragebogen" validate "$root/share/fragebogen/forms/desi-kommunen-2016.json"
has "desi-kommunen-2016.json: in Ordnung"
expect 0 "$root/bin/fragebogen" validate beispiel
has "$root/share/fragebogen/forms/beispiel.json: in Ordnung"
# … and its English catalogue.
expect 0 env LC_ALL=C "$root/bin/fragebogen" --lang en --help
has "Exit status"
fortified=yes
grep -q '^CMAKE_BUILD_TYPE:STRING=Debug$' "$build/CMakeCache.txt" 2>/dev/null && fortified=no
# Stripped: no symbol table, no debug information.
if command -v readelf >/dev/null 2>&1; then
	expect 0 readelf -S "$root/bin/fragebogen"
	hasnt ".symtab"
	hasnt ".debug_info"
	# Hardened: a position-independent executable, full RELRO, and the
	# stack protector and fortified libc calls linked in.
	expect 0 readelf -h "$root/bin/fragebogen"
	has "DYN (Position-Independent Executable file)"
	expect 0 readelf -lW "$root/bin/fragebogen"
	has "GNU_RELRO"
	expect 0 readelf -dW "$root/bin/fragebogen"
	has "BIND_NOW"
	has "Flags: NOW PIE"
	expect 0 readelf --dyn-syms -W "$root/bin/fragebogen"
	has "__stack_chk_fail"
	# _FORTIFY_SOURCE needs optimisation: a Debug build has none.
	[ "$fortified" = yes ] && has "_chk@"
fi
if command -v hardening-check >/dev/null 2>&1; then
	if [ "$fortified" = yes ]; then
		expect 0 hardening-check "$root/bin/fragebogen"
	else
		expect 0 hardening-check --nofortify "$root/bin/fragebogen"
	fi
	hasnt ": no"
fi

if command -v lintian >/dev/null 2>&1; then
	lintian --tag-display-limit 0 "$deb" >"$tmp/out" 2>&1
	cat "$tmp/out"
	hasnt "E: "
else
	echo "lintian fehlt: Paket nicht mit lintian geprüft"
fi

finish
