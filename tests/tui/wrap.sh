#!/bin/sh
# Long labels wrap instead of being cut at the right edge: an option of A6
# (at 100×30 its last word „Integrationsfragen“ used to be cut to
# „Integrations“), a chosen value in a matrix cell („eher nicht ausreich“),
# the value legend of D2 and a row label of F1 („… Runde Ti“) at 80×24. A
# digit and a mouse click on a wrapped option's second line both choose it.
# Usage: wrap.sh FRAGEBOGEN_BINARY SOURCE_DIR
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

# uncut RE: no screen line ends in RE (a label cut at the right edge)
uncut() {
	if screen | grep -qE -- "$1\$"; then
		bad "Bildschirm zeigt abgeschnitten: $1"
		screen | sed 's/^/    | /'
	else
		ok
	fi
}
# click TEXT: a mouse click (xterm reports) on the first screen line showing TEXT
click() {
	row=$(screen | grep -nF -- "$1" | head -1 | cut -d: -f1)
	if [ -z "$row" ]; then
		bad "keine Zeile zum Klicken: $1"
		return 1
	fi
	at=$(printf '%b%b' "\\0$(printf %o $((32 + 6)))" "\\0$(printf %o $((32 + row)))")
	step -l "$(printf '\033[M %s\033[M#%s' "$at" "$at")"   # press, release
}

start 100 30 "$run"
basics_to_a6
shows "Koordinierungsstelle für Flüchtlings- oder"
shows "Integrationsfragen"           # the rest, on the option's next line
shows "7 ( ) Sonstiges, und zwar"   # the option under it still shows
step 6                               # the digit of the wrapped option
wait_for "6 (•) Leitung oder Mitarbeiter_in einer Koordinierungsstelle"
step 1
wait_for "1 (•) Oberbürgermeister_in"
click "Integrationsfragen"           # its continuation line chooses it too
wait_for "6 (•) Leitung oder Mitarbeiter_in einer Koordinierungsstelle"
click "Sonstiges, und zwar"          # and the option below its own line
wait_for "7 (•) Sonstiges"
step 6
wait_for "6 (•) Leitung"
step F10
wait_for "EXIT=0"

# 80×24: a matrix, its cells, its legend and its row labels
start 80 24 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Musterstadt"
step Enter
wait_for " A6 "
to D2
shows "überhaupt nicht ausreichend"    # the legend's end, on a second line
step 3                               # row 1: „eher nicht ausreichend“
step 4                               # row 2: „überhaupt nicht ausreichend“
uncut "eher nicht ausreich"
uncut "überhaupt nicht ausreic?h?"
step Enter
to F1
shows "Einbeziehung der Bevölkerung"
shows "Tische)"                      # the end of row F1_2's label
step F10
wait_for "EXIT=0"
finish
