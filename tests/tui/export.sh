#!/bin/sh
# A Kommune from first start to a sent file, in the interface only: the
# store set up, the DESI form filled in and completed, the export offered
# at once, the sender asked once (and remembered, encrypted), the files in
# the documents folder with their paths and the key's fingerprint on
# screen; then reopened, corrected, completed and sent again as revision
# 2 beside the first file. Without the study team's key the screen says
# so and whom to ask. The files open with the team's key (age, minisign).
# Usage: export.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../cli/lib.sh"
. "$here/lib.sh"
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export LANG=C.UTF-8
# a home of its own, whose documents folder is "Dokumente"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
mkdir -p "$HOME/Dokumente" "$XDG_CONFIG_HOME"
printf 'XDG_DOCUMENTS_DIR="$HOME/Dokumente"\n' >"$XDG_CONFIG_HOME/user-dirs.dirs"
docs="$HOME/Dokumente"
# the study team's key, in a copy of the bundled form
rcpt=$("$bin" keygen -o "$tmp/team.key" 2>/dev/null | grep -o 'age1[a-z0-9]*' | head -n 1)
[ -n "$rcpt" ] && ok || bad "keygen"
sed "s/^  \"language\": \"de\",/&\n  \"recipient\": \"$rcpt\",/" \
	"$src/forms/desi-kommunen-2016.json" >"$tmp/desi.json"
"$bin" validate "$tmp/desi.json" >/dev/null 2>&1 && ok || bad "Formular mit Schlüssel"
use_store "$tmp/speicher"
run="$run --form $tmp/desi.json"
day=$(date +%Y-%m-%d)

# 1. First start; nothing to send yet.
start 100 30 "$run"
wait_for "Willkommen"
type "$pw"; keys Enter
type "$pw"; keys Enter
wait_for "Wiederherstellungscode"
keys Enter
wait_for "Noch keine Antworten"
shows "e Exportieren"
step e
wait_for "Senden an das Studienteam"
shows "Es gibt noch keine abgeschlossenen Antworten"
step Escape
wait_for "Noch keine Antworten"

# 2. Filled in and completed; the export is offered at once.
step n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Musterstadt"; step Enter
step 2 Enter; step 5 Enter
wait_for " A4 "
type "25000"; step Enter
to G1
step 4
step Tab
wait_for " G4 "
to H1
step 8
step Tab
wait_for " H4 "
to_review
wait_for "Nichts ist mehr offen"
step a
wait_for "Jetzt an das Studienteam senden? (j/n)"
step j
wait_for "1 abgeschlossene Antwort wird gesendet:"
shows "Musterstadt, Revision 1"
shows "Absender (Ihre Kommune): Musterstadt"
shows "in den Ordner $docs."
type " Kreis"
wait_for "Absender (Ihre Kommune): Musterstadt Kreis"
step Enter
wait_for "1 Antwort ist für das Studienteam verschlüsselt und signiert."
f1="$docs/Musterstadt-Kreis-$day.age"
shows "Datei:    $f1"
shows "Signatur: $f1.minisig"
fp=$("$bin" id --store "$st" 2>/dev/null | grep -oE '[0-9A-Z]{4}(-[0-9A-Z]{4}){3}' | head -n 1)
[ -n "$fp" ] && ok || bad "kein Fingerabdruck von „fragebogen id“"
shows "Fingerabdruck Ihres Schlüssels: $fp"
[ -s "$f1" ] && [ -s "$f1.minisig" ] && ok || bad "Dateien fehlen: $(ls "$docs")"
# the sender's name is remembered, never in plaintext
grep -rqF "Musterstadt Kreis" "$st" && bad "Absender im Klartext im Speicher" || ok
step Enter
wait_for "Übersicht"

# 3. Reopened, corrected, left with F10: offered to complete again, and
#    sent as revision 2 under the remembered sender, beside the first file.
step Enter
wait_for "Öffnen? (j/n)"
step j
wait_for "N_ENDE" # where it was left
step F3
wait_for "Gehe zu"
step Home
step Enter
to A4
keys End
type "1"
step Tab
wait_for " A5 "
step F10
wait_for "Wieder abschließen? (j/n)"
step j
wait_for "Nichts ist mehr offen"
step a
wait_for "Jetzt an das Studienteam senden? (j/n)"
step j
wait_for "Musterstadt, Revision 2"
shows "Absender (Ihre Kommune): Musterstadt Kreis"
step Enter
f2="$docs/Musterstadt-Kreis-$day-2.age"
wait_for "Datei:    $f2"
step F10
wait_for "EXIT=0"

# 4. The files are what the study team can open and check.
if command -v age >/dev/null 2>&1; then
	age -d -i "$tmp/team.key" "$f2" >"$tmp/doc.json" 2>&1 && ok || bad "age -d"
	grep -qF 'Musterstadt Kreis' "$tmp/doc.json" && ok || bad "Absender nicht im Export"
fi
if command -v minisign >/dev/null 2>&1; then
	"$bin" id --store "$st" -o "$tmp/kommune.pub" >/dev/null 2>&1 || bad "id -o"
	minisign -V -q -p "$tmp/kommune.pub" -m "$f2" >/dev/null 2>&1 && ok || bad "minisign -V"
fi
"$bin" aggregate -i "$tmp/team.key" -o "$tmp/all.csv" "$f1" "$f2" >"$tmp/out" 2>&1 && ok ||
	{ bad "aggregate"; cat "$tmp/out"; }
has "1 ersetzt eine ältere Revision"
has "$fp"
grep -q ";250001;" "$tmp/all.csv" && ok || bad "die Korrektur (250001) fehlt im Datensatz"

# 5. Without the study team's key: said in plain words, with whom to ask.
start 100 30 "$bin --store $st --form $src/forms/desi-kommunen-2016.json"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
step e
wait_for "Der Schlüssel des Studienteams fehlt"
shows "Kontakt zum Studienteam:"
shows "Forum Berlin"
step Enter
shows "Der Schlüssel des Studienteams fehlt"
[ "$(ls "$docs" | wc -l)" -eq 4 ] && ok || bad "ohne Schlüssel eine Datei geschrieben: $(ls "$docs")"
step Escape
wait_for "Übersicht"
step F10
wait_for "EXIT=0"
finish
