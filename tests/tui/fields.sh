#!/bin/sh
# Text fields as a person sees them: an empty field is drawn (brackets, seen
# without colours too); a check's message stands right under its field; a
# long-text field counts its characters („16/4000“), says in the footer how
# to leave it, and its trailing blank lines are not stored.
# Usage: fields.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../cli/lib.sh"
. "$here/lib.sh"
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export LANG=C.UTF-8
use_store "$tmp/speicher" init

# row_of TEXT: the screen row (from 1) that first shows TEXT
row_of() { screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1; }

start 100 30 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Noch keine Antworten"
keys n
wait_for "N_EINL"
step Enter
wait_for " A1 "
screen | grep -qE '^  \[ +\]$' && ok || { bad "leeres Feld nicht zu sehen"; screen; }
type "Musterstadt"; step Enter
wait_for " A2 "
step 1 Enter
wait_for " A3 "
step 9 Enter
wait_for " A4 "
type "118.914"; step Enter
wait_for " A5 "
type "0916"; step Enter
wait_for "genau acht Ziffern"
f=$(row_of "[0916")
m=$(row_of "genau acht Ziffern")
[ "$m" = "$((f + 1))" ] && ok || bad "Meldung in Zeile $m, Feld in Zeile $f"
keys BSpace BSpace BSpace BSpace
type "09162000"; step Enter
wait_for " A6 "
to B2
wait_for "0/4000"
shows "Enter neue Zeile"
type "Zeile eins"; keys Enter Enter
type "zwei   "; keys Enter Enter Enter
wait_for "22/4000"
step Tab
wait_for " B3 "
step BTab
wait_for " B2 "
wait_for "16/4000"               # stored without what trailed
step F10
wait_for "EXIT=0"
"$bin" list --store "$st" --passphrase-file "$tmp/pw" >"$tmp/out" 2>&1
id=$(awk 'NR==2 {print $1}' "$tmp/out")
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id" >"$tmp/out" 2>&1
grep -qF '"B2":{"value":"Zeile eins\n\nzwei",' "$tmp/out" && ok || bad "B2 anders gespeichert"
finish
