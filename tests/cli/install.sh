#!/bin/sh
# A staged installation (DESTDIR) moved to another folder, run from there:
# the installed binary finds its forms beside itself, not in the source or
# build tree; the man pages render without warnings; the bash completion is
# in place and completes.
# Usage: install.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
build=$(cd "$(dirname "$bin")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
unset FRAGEBOGEN_FORM FRAGEBOGEN_STORE FRAGEBOGEN_PASSPHRASE_FILE

# The compressed man pages are build products; make sure they are there.
[ -f "$build/packaging/fragebogen.1.gz" ] ||
	expect 0 cmake --build "$build" --target fragebogen_gz
expect 0 env DESTDIR="$tmp/stage" cmake --install "$build" --prefix /usr --strip
for f in bin/fragebogen share/fragebogen/forms/desi-kommunen-2016.json \
	share/fragebogen/forms/beispiel.json share/fragebogen/forms/schema.json \
	share/man/man1/fragebogen.1.gz share/man/man5/fragebogen-form.5.gz \
	share/bash-completion/completions/fragebogen \
	share/doc/fragebogen/README.md share/doc/fragebogen/file-formats.md \
	share/doc/fragebogen/forms.md share/doc/fragebogen/copyright \
	share/doc/fragebogen/changelog.Debian.gz; do
	[ -f "$tmp/stage/usr/$f" ] && ok || bad "nicht installiert: /usr/$f"
done

# Move the tree away from where it was installed, and run from elsewhere.
mkdir "$tmp/anderswo" "$tmp/leer"
mv "$tmp/stage/usr" "$tmp/anderswo/usr"
root=$tmp/anderswo/usr
ibin=$root/bin/fragebogen
forms=$root/share/fragebogen/forms
cd "$tmp/leer" || exit 1

expect 0 "$ibin" --version
has "fragebogen "
expect 0 "$ibin" validate "$forms/desi-kommunen-2016.json"
has "desi-kommunen-2016.json: in Ordnung"
# A bare name is looked up among the forms beside the binary.
expect 0 "$ibin" validate beispiel
has "$forms/beispiel.json: in Ordnung"
# The catalogues are installed and found from the moved tree.
expect 0 env LC_ALL=C "$ibin" --lang en --help
has "Exit status"
expect 0 env LC_ALL=C "$ibin" --help
has "Rückgabewerte"
# The default form is the installed one: swap it and `print` shows the swap.
title=$("$bin" print "$src/forms/beispiel.json" | head -n 1)
expect 0 "$ibin" print
has "Gemeindeschlüssel (AGS)"
cp "$forms/beispiel.json" "$forms/desi-kommunen-2016.json"
expect 0 "$ibin" print
has "$title"
# The installed binary names no file of the build tree.
if grep -qF "$build/" "$ibin"; then bad "das Programm verweist auf $build"; else ok; fi

# The build tree's binary still finds the forms of the source tree.
expect 0 "$bin" validate beispiel
has "$src/forms/beispiel.json: in Ordnung"

# Man pages: rendered at 80 columns, nothing on stderr.
if command -v man >/dev/null 2>&1; then
	for page in man1/fragebogen.1.gz man5/fragebogen-form.5.gz; do
		MANWIDTH=80 MANPAGER=cat PAGER=cat LC_ALL=C.UTF-8 \
			man --warnings -l "$root/share/man/$page" >"$tmp/page" 2>"$tmp/err"
		if [ -s "$tmp/err" ]; then bad "man $page meldet:"; cat "$tmp/err"; else ok; fi
		grep -q "BEZEICHNUNG" "$tmp/page" && ok || bad "man $page: keine Seite"
	done
else
	echo "man fehlt: Handbuchseiten nicht geprüft"
fi
# … and the sources lint clean with mandoc and groff.
for page in "$src"/packaging/man/fragebogen.1 "$src"/packaging/man/fragebogen-form.5; do
	if command -v mandoc >/dev/null 2>&1; then
		expect 0 mandoc -T lint -W warning "$page"
		[ -s "$tmp/out" ] && bad "mandoc: $(cat "$tmp/out")" || ok
	fi
	if command -v groff >/dev/null 2>&1; then
		expect 0 groff -ww -man -z "$page"
		[ -s "$tmp/out" ] && bad "groff: $(cat "$tmp/out")" || ok
	fi
done

# The completion file parses and completes the export formats, also
# without the bash-completion package (its helpers stubbed).
comp=$root/share/bash-completion/completions/fragebogen
if command -v bash >/dev/null 2>&1; then
	expect 0 bash -n "$comp"
	expect 0 bash -c '
		_init_completion() { words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
			cur=${words[cword]}; prev=${words[cword-1]}; split=false; }
		_filedir() { COMPREPLY=(DATEI); }
		. "$1"
		COMP_WORDS=(fragebogen export --format ""); COMP_CWORD=3; _fragebogen
		echo "formate: ${COMPREPLY[*]}"
		COMP_WORDS=(fragebogen ag); COMP_CWORD=1; _fragebogen
		echo "befehl: ${COMPREPLY[*]}"
		COMP_WORDS=(fragebogen aggregate -i ""); COMP_CWORD=3; _fragebogen
		echo "datei: ${COMPREPLY[*]}"' sh "$comp"
	has "formate: age csv json sav dta"
	has "befehl: aggregate"
	has "datei: DATEI"
fi

finish
