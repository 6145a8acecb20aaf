#!/bin/sh
# The overview as a person reads it: every column has a heading (Revision
# too); `/` filters the list to the Kommunen searched for, Esc shows all
# again; „gespeichert“ stands on the question screen only once a change of
# this session is on disk, not merely because a response was opened.
# Usage: overview.sh FRAGEBOGEN_BINARY SOURCE_DIR
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
printf 'A1,A2,A3\nAachen,1,5\nBonn,1,5\nCelle,2,3\n' >"$tmp/in.csv"
"$bin" import --store "$st" --passphrase-file "$tmp/pw" "$tmp/in.csv" >/dev/null 2>&1 || bad "import"

# saved_mark: whether the status line (the row above the footer) ends in „gespeichert“
saved_mark() { screen | tail -n 2 | head -n 1 | grep -q "gespeichert *$"; }

start 100 30 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
wait_for "Aachen"
screen | grep -qE "Kommune +Status +Fortschritt +Revision +Letzte Änderung" && ok ||
	bad "Spaltenköpfe fehlen"
step /
wait_for "Suche:"
type "bon"
wait_for "1 von 3 Antworten mit „bon“"
shows "Bonn"
lacks "Aachen"
lacks "Celle"
step Enter                       # the filter stays; Enter opens what is shown
wait_for "Esc Alle zeigen"
step Enter
wait_for "N_EINL"
saved_mark && bad "„gespeichert“ nach dem Öffnen" || ok # opened, nothing changed yet
step Enter
wait_for " A1 "
saved_mark && bad "„gespeichert“ nach dem Weitergehen" || ok # moved on, nothing changed
keys End
type "er Land"; step Enter
wait_for " A2 "
n=0
while ! saved_mark && [ $n -lt 600 ]; do sleep 0.05; n=$((n + 1)); done
saved_mark && ok || bad "kein „gespeichert“ nach der Änderung"
step F10
wait_for "EXIT=0"

start 100 30 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Bonner Land"
step /
type "zz"
wait_for "0 von 3 Antworten mit „zz“"
lacks "Aachen"
step Enter
step Enter                       # nothing shown: nothing opens
shows "Übersicht"
step Escape
wait_for "Aachen"
shows "Celle"
shows "Bonner Land"
lacks "von 3 Antworten"
step F10
wait_for "EXIT=0"
finish
