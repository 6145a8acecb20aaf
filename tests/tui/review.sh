#!/bin/sh
# The review (F2), as in Blaise: each open, invalid or warned question with
# its number, its text and the answer so far; "a" says why it cannot
# complete yet; "l" leaves every open question blank on purpose, one
# confirmation each in the audit trail; "g" lists every answer.
# Usage: review.sh FRAGEBOGEN_BINARY SOURCE_DIR
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

start 100 30 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
step n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Musterstadt"; step Tab
wait_for " A2 "
keys 3
wait_for "3 (•) Landkreis"
step Enter
wait_for " A3 "
step F2
wait_for "Noch zu klären"
shows "A3     In welchem Land liegt Musterstadt?"
shows "Fehler: noch offen – muss beantwortet werden"
shows "A5     Wie lautet der Amtliche Gemeindeschlüssel (AGS) von Musterstadt?"
shows "Hinweis: noch offen – darf bewusst leer bleiben"
# the same message never fills the screen
[ "$(screen | grep -c 'Diese Frage ist noch offen')" -eq 0 ] && ok || bad "der gleiche Hinweis in jeder Zeile"

step a
wait_for "Noch nicht abschließbar: 2 Fehler, 35 offene Fragen"
step l
wait_for "Alle 35 offenen Fragen bewusst leer lassen? (j/n)"
step j
wait_for "35 offene Fragen bleiben bewusst leer."
lacks "A5     Wie lautet"
shows "A3     In welchem Land"

step g
wait_for "Alle Antworten"
shows "Musterstadt"
shows "Landkreis"

# Back to what is open, to A3 with Enter, answered; then A4.
step g
wait_for "Noch zu klären"
step Enter
wait_for " A3 "
keys 1 4
wait_for "14 (•) Sachsen"
step Enter
wait_for " A4 "
type "120000"; step Tab
step F2
wait_for "Durchsicht"
n=0
while ! screen | grep -qF "Nichts ist mehr offen" && [ $n -lt 20 ]; do
	# a warning on the way (A4 and its checks) is confirmed, as a person would
	if screen | grep -qF "Trotzdem weiter? (j/n)"; then step j; fi
	n=$((n + 1))
	sleep 0.05
done
wait_for "Nichts ist mehr offen"
step a
wait_for "Jetzt an das Studienteam senden? (j/n)"
step n
wait_for "Der Fragebogen ist abgeschlossen und gespeichert."
step F10
wait_for "EXIT=0"

id=$("$bin" list --store "$st" --passphrase-file "$tmp/pw" 2>/dev/null | awk 'NR==2 {print $1}')
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id" >"$tmp/out" 2>&1
has '"status":"complete"'
has '"event":"confirmed","detail":"A5.required"'
[ "$(grep -o '"event":"confirmed"' "$tmp/out" | wc -l)" -ge 35 ] && ok ||
	bad "nicht jede offene Frage bestätigt"
has '"A3":{"value":14'

finish
