#!/bin/sh
# One save point: a draft recovered after the terminal closed is what the
# response holds only until the person edits the field again. Undoing the
# recovered text by hand and leaving with F10 must leave the stored answer,
# not the old draft, for the next start.
# Usage: savepoint.sh FRAGEBOGEN_BINARY SOURCE_DIR
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

# open: start the program, unlock, open the first response on A1
open() {
	start 80 24 "$run"
	wait_for "Passwort:"
	type "$pw"; keys Enter
	wait_for "Übersicht"
	step Enter
	wait_for " A1 "
}

# A response whose A1 holds "Kreis Alt".
start 80 24 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
step n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Kreis Alt"; step Enter
wait_for " A2 "
step BTab
wait_for " A1 "
step F10
wait_for "EXIT=0"

# Typed at the end of A1, then the terminal closes: XY is kept as a draft.
open
shows "Kreis Alt"
keys End
type "XY"
wait_for "Kreis AltXY"
T kill-server
gone "^$bin --store $st" # it saves on SIGHUP, then exits

# The draft comes back; two Backspaces undo it, F10 leaves.
open
wait_for "Kreis AltXY"
keys BSpace BSpace
n=0
while screen | grep -qF "Kreis AltX" && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
shows "Kreis Alt"
lacks "Kreis AltX"
step F10
wait_for "EXIT=0"

# Reopened: the stored answer, without the undone draft.
open
shows "Kreis Alt"
lacks "XY"
step F10
wait_for "EXIT=0"
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" \
	"$("$bin" list --store "$st" --passphrase-file "$tmp/pw" | awk 'NR==2 {print $1}')" \
	>"$tmp/out" 2>&1
has '"A1":{"value":"Kreis Alt"'
hasnt 'XY'
finish
