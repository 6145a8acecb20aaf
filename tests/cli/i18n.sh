#!/bin/sh
# The interface language: German by default (also under the C locale),
# English with --lang en or through the environment; and the message
# catalogues: complete, nothing fuzzy, the same placeholders, and in step
# with the sources.
# Usage: i18n.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

# German by default, whatever the locale.
for loc in C C.UTF-8 POSIX; do
	expect 0 env -u LANGUAGE LC_ALL=$loc LANG=$loc "$bin" --help
	has "Rückgabewerte"
done
expect 0 env -u LANGUAGE LANG=fr_FR.UTF-8 "$bin" --help
has "Rückgabewerte"
# English on request.
expect 0 env LC_ALL=C "$bin" --lang en --help
has "Exit status"
hasnt "Rückgabewerte"
expect 0 env LC_ALL=C "$bin" --help --lang=en
has "Exit status"
expect 0 env -u LC_ALL LANGUAGE=en LANG=C.UTF-8 "$bin" --help
has "Exit status"
expect 0 env -u LC_ALL -u LANGUAGE LANG=en_US.UTF-8 "$bin" --help
has "Exit status"
expect 0 env LANGUAGE=en "$bin" --lang de --help
has "Rückgabewerte"
expect 2 "$bin" --lang xx --help
has "--lang kennt de"
# An error message of a command, both ways.
expect 2 "$bin" aggregate -i nichts
has "Aufruf:"
expect 2 "$bin" --lang en aggregate -i nichts
has "Usage:"
expect 1 "$bin" --lang en validate "$tmp/fehlt.json"
hasnt "lässt sich nicht"

# The catalogues.
if command -v msgfmt >/dev/null 2>&1; then
	for po in "$src"/i18n/*.po; do
		expect 0 msgfmt --check --statistics -o /dev/null "$po"
		hasnt "untranslated"
		hasnt "fuzzy"
		[ -z "$(msgattrib --untranslated --no-obsolete "$po" | grep '^msgid ' | grep -v '^msgid ""$')" ] &&
			ok || bad "$po: unübersetzte Meldungen"
		[ -z "$(msgattrib --only-fuzzy --no-obsolete "$po" | grep '^msgid ')" ] &&
			ok || bad "$po: unscharfe (fuzzy) Meldungen"
	done
	# Every message in the sources is in the catalogues.
	(cd "$src" && xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
		--keyword=P_:1,2 -o "$tmp/now.pot" $(find src -name '*.c' | sort)) || bad "xgettext"
	for po in "$src"/i18n/*.po; do
		expect 0 msgcmp "$po" "$tmp/now.pot"
	done
else
	echo "gettext-Werkzeuge fehlen: Prüfung der Kataloge übersprungen"
fi
finish
