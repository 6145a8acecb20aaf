#!/bin/sh
# The status of a response changes only when a stored value changes. A
# completed response, typed into, locked by the idle lock, unlocked, the
# typing undone, left with F10: still completed, still revision 1. A real
# change makes it a draft of revision 2; then no message on screen may still
# call it completed, and leaving says so and offers to complete it again.
# Usage: status.sh FRAGEBOGEN_BINARY SOURCE_DIR
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
opt="--store $st --passphrase-file $tmp/pw"
"$bin" simulate $opt --count 1 --seed 5 >/dev/null 2>&1 || bad "simulate"
id=$("$bin" list $opt 2>/dev/null | awk 'NR==2 {print $1}')
# status_is WORD REV: what the store says of the response
status_is() {
	"$bin" list $opt >"$tmp/out" 2>&1
	if awk -v s="$1" -v r="$2" 'NR==2 && index($0, s) && $(NF-2) == r {f=1} END {exit !f}' \
		"$tmp/out"; then ok; else bad "Status nicht „$1“, Revision $2"; cat "$tmp/out"; fi
}
status_is abgeschlossen 1

# Typed into A1, the idle lock, unlocked, the typing undone, F10.
start 100 30 "$run --idle-lock 8" # long enough that a loaded machine does not lock it early
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
shows "abgeschlossen 100 %" # complete is all done, whatever was fine to leave blank
step Enter
wait_for "Öffnen? (j/n)"
step j
wait_for "N_EINL"
shows "· 100 %"
step Enter
wait_for " A1 "
keys End
type "XY"
wait_for "XY"
wait_for "Gesperrt"
wait_for "Mit dem Passwort geht es weiter"
type "$pw"; keys Enter
wait_for " A1 "
shows "XY"
keys BSpace BSpace
n=0
while screen | grep -qF "XY" && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
lacks "XY"
step F10
wait_for "EXIT=0"
status_is abgeschlossen 1

# Going through answers without changing them changes nothing either.
start 100 30 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
step Enter
wait_for "Öffnen? (j/n)"
step j
wait_for " A1 "
step Tab
wait_for " A2 "
step Enter
wait_for " A3 "
step Enter
wait_for " A4 "
for q in A3 A2 A1; do step BTab; wait_for " $q "; done
step F10
wait_for "EXIT=0"
status_is abgeschlossen 1

# A real change: a draft of revision 2. Completed again in the review, then
# changed once more: the message that it is completed goes at once, and
# the review says what the store will say.
start 100 30 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
step Enter
wait_for "Öffnen? (j/n)"
step j
wait_for " A1 " # where it was left
keys End
type "Z"
step Tab
wait_for " A2 "
step F2
wait_for "Status: Entwurf, Revision 2."
step a
wait_for "Jetzt an das Studienteam senden? (j/n)"
step n
wait_for "Der Fragebogen ist abgeschlossen und gespeichert."
status_is abgeschlossen 2
step Enter
wait_for "Öffnen? (j/n)"
step j
wait_for " A2 "
step BTab
wait_for " A1 "
keys End
type "W"
wait_for "ZW"
step Tab
wait_for " A2 "
lacks "abgeschlossen und gespeichert"
step F2
wait_for "Status: Entwurf, Revision 3."
# Back to the question and F10: leaving says it is a draft now and offers
# to complete it; j leads to the review, which completes it.
step PPage
wait_for " A"
step F10
wait_for "Jetzt Entwurf (Revision 3), nicht mehr abgeschlossen. Wieder abschließen? (j/n)"
step j
wait_for "Status: Entwurf, Revision 3."
step a
wait_for "Jetzt an das Studienteam senden? (j/n)"
step n
wait_for "Der Fragebogen ist abgeschlossen und gespeichert."
status_is abgeschlossen 3
# Changed again and left with n: a draft it stays.
step Enter
wait_for "Öffnen? (j/n)"
step j
wait_for " A"
step F3
wait_for "Gehe zu"
keys Home
step Enter
wait_for " N_EINL "
step Enter
wait_for " A1 "
keys End
type "V"
wait_for "ZWV"
step Tab
wait_for " A2 "
step F10
wait_for "Wieder abschließen? (j/n)"
step n
wait_for "EXIT=0"
status_is Entwurf 4

finish
