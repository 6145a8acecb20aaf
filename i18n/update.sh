#!/bin/sh
# Refresh the template (fragebogen.pot) from the sources and merge it into
# the catalogues. German is the source language: de.po is the template with
# every message as its own translation. New English messages arrive
# untranslated; the catalogue test fails until they are translated.
set -eu
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 \
	--add-comments=TRANSLATORS: --package-name=fragebogen --msgid-bugs-address=dev@fragebogen.invalid \
	--sort-by-file --add-location=file --no-wrap -o i18n/fragebogen.pot $(find src -name '*.c' | sort)
# The template's header names no date, so that it changes only with the messages.
sed -i '/^"POT-Creation-Date:/d' i18n/fragebogen.pot
header() { # header LANG: the template's header filled in for LANG
	sed -e "s/^\"Language: \\\\n\"/\"Language: $1\\\\n\"/" -e 's/charset=CHARSET/charset=UTF-8/' \
	    -e '/^"Plural-Forms: /d' \
	    -e 's/^"Content-Transfer-Encoding: 8bit\\n"$/&\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"/' \
	    -e 's/^# SOME DESCRIPTIVE TITLE\./# Messages of fragebogen./' \
	    -e "s/^# Copyright (C) YEAR THE PACKAGE'S COPYRIGHT HOLDER/# Copyright 2026 fragebogen contributors/" \
	    -e '/^# FIRST AUTHOR/d' \
	    -e 's/^"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"/"PO-Revision-Date: 2026-11-24 00:00+0000\\n"/' \
	    -e 's/^"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"/"Last-Translator: fragebogen <dev@fragebogen.invalid>\\n"/' \
	    -e 's/^"Language-Team: LANGUAGE <LL@li.org>\\n"/"Language-Team: fragebogen <dev@fragebogen.invalid>\\n"/' \
	    -e '/^#, fuzzy$/{N;/msgid ""/s/#, fuzzy\n//}'
}
msgen --no-wrap i18n/fragebogen.pot | header de >i18n/de.po
if [ -f i18n/en.po ]; then
	msgmerge --quiet --no-wrap --add-location=file --no-fuzzy-matching --update --backup=none i18n/en.po i18n/fragebogen.pot
else
	header en <i18n/fragebogen.pot >i18n/en.po
fi
# Translations kept in i18n/parts/*.po (a folder's messages translated on
# their own) are taken into en.po, then the parts can go.
if ls i18n/parts/*.po >/dev/null 2>&1; then
	tmp=$(mktemp -d)
	msgattrib --translated --no-obsolete --no-wrap i18n/en.po -o "$tmp/kept.po"
	msgcat --use-first --no-wrap i18n/parts/*.po $(ls "$tmp/kept.po" 2>/dev/null) -o "$tmp/all.po"
	msgmerge --quiet --no-fuzzy-matching --no-wrap "$tmp/all.po" i18n/fragebogen.pot -o "$tmp/en.po"
	msgattrib --no-obsolete --no-wrap "$tmp/en.po" -o "$tmp/en2.po"
	header en <"$tmp/en2.po" >i18n/en.po
	rm -rf "$tmp"
fi
