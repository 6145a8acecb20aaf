#!/bin/sh
# The hardware cursor stands where the person types (screen readers and
# braille displays follow it): in a text field at the edit point, on the
# highlighted option of a choice, after a question waiting for j or n,
# in the passphrase field. Never left in the bottom-right corner.
# Usage: cursor.sh FRAGEBOGEN_BINARY SOURCE_DIR
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

# cursor_at X Y: wait until the visible cursor stands at column X, row Y
cursor_at() {
	n=0
	while [ "$(T display -p -t t '#{cursor_flag} #{cursor_x} #{cursor_y}')" != "1 $1 $2" ]; do
		n=$((n + 1))
		if [ $n -gt 600 ]; then
			bad "Cursor nicht bei $1,$2: $(T display -p -t t '#{cursor_flag} #{cursor_x} #{cursor_y}')"
			screen | sed 's/^/    | /'
			return 1
		fi
		sleep 0.05
	done
	ok
}
# row TEXT: the row (from 0) where TEXT is on screen
row() { screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1 | awk '{print $1 - 1}'; }

start 80 24 "$run"
wait_for "Passwort:"
type "Rathaus"
cursor_at $(( $(screen | grep -F "Passwort:" | awk '{print index($0, "•")}') + 6 )) "$(row Passwort:)"
type " Musterstadt 2016"; keys Enter
wait_for "Übersicht"
step n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Muster"
wait_for "Muster"
cursor_at 9 "$(row "  [Muster")"
keys Left Left
cursor_at 7 "$(row "  [Muster")"
step Tab
wait_for " A2 "
keys Down Down # the first arrow picks the highlighted option
wait_for "2 (•) kreisangehörige"
cursor_at 2 "$(row "2 (•) kreisangehörige")"
keys C-c
wait_for "Programm beenden?"
line=$(screen | grep -F "Programm beenden?")
cursor_at $(( $(printf '%s' "$line" | sed 's/ *$//' | wc -m) + 1 )) "$(row "Programm beenden?")"
keys n
step F10
wait_for "EXIT=0"

finish
