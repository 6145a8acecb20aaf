#!/bin/sh
# The terminal interface as a person uses it: the real binary in tmux.
# Usage: tui.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../cli/lib.sh"
. "$here/lib.sh"
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export LANG=C.UTF-8
use_store "$tmp/speicher"

# 1. First start: the store is created, the recovery code shown once.
start 80 24 "$run"
wait_for "Willkommen"
type "$pw"; keys Enter
type "$pw"; keys Enter
wait_for "Wiederherstellungscode"
screen | grep -qE '[0-9A-Z]{4}(-[0-9A-Z]{4}){7}' && ok || bad "kein Wiederherstellungscode"
keys Enter
wait_for "Noch keine Antworten"
[ -f "$st/store.key" ] && ok || bad "store.key fehlt"

# 2. A new response: text with umlauts and a CJK character, choices, checks.
keys n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Göttingen 中"
step Enter
wait_for " A2 "
step 1 Enter                  # kreisfreie Stadt
wait_for " A3 "
shows "In welchem Land liegt Göttingen 中?"
step 9 Enter                  # Bayern
wait_for " A4 "
type "118.914"; step Enter
wait_for " A5 "
type "03159016"; step Enter   # Niedersachsen's key: the hard check fires
wait_for "passen nicht zu Bayern"
shows " A5 "
keys C-u
for i in 1 2 3 4 5 6 7 8; do keys BSpace; done
type "09162000"; step Enter
wait_for " A6 "
step Enter                    # soft-required and blank: a warning to confirm
wait_for "Trotzdem weiter? (j/n)"
step n
step k                        # the missing code "keine Angabe" instead
wait_for "Antwort: keine Angabe"
step Enter
wait_for " A7 "
type "50000"; step Enter      # more than 10 % of the population: a warning
wait_for "Trotzdem weiter? (j/n)"
shows "mehr als 10 % der Einwohner_innen (118.914)"
step j
wait_for " A8 "
step M-w                      # Alt-w: "weiß nicht" in a number field
wait_for "Antwort: weiß nicht"
step F10
wait_for "EXIT=0"
"$bin" list --store "$st" --passphrase-file "$tmp/pw" >"$tmp/out" 2>&1
has "Göttingen 中"
id=$(grep -F "Göttingen" "$tmp/out" | cut -c1-8)
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id" >"$tmp/out" 2>&1
has '"A1":{"value":"Göttingen 中"'
has '"A4":{"value":118914'
has '"A5":{"value":"09162000"'
has '"A6":{"missing":-2'
has '"A8":{"missing":-1'
has '"A7.1"'

# 3. The terminal closes in the middle of typing: the draft keeps the text.
start 80 24 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Göttingen"
step Enter
wait_for " A8 "
step BTab
wait_for " A7 "
step BTab
wait_for " A6 "
step BTab
wait_for " A5 "
step BTab; step BTab; step BTab
wait_for " A2 "
step BTab
wait_for " A1 "
keys End
type " an der Leine, halb getipp"
wait_for "Göttingen 中 an der Leine, halb getipp"
T kill-session -t t
gone "^$bin --store $st"     # SIGHUP: the draft is saved before it exits
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id" >"$tmp/out" 2>&1
has '"draft":{"var":"A1","text":"Göttingen 中 an der Leine, halb getipp"}'
start 80 24 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Göttingen"
step Enter
wait_for "Göttingen 中 an der Leine, halb getipp"
type "t"; step Enter
wait_for " A2 "
step F10
wait_for "EXIT=0"
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id" >"$tmp/out" 2>&1
has '"A1":{"value":"Göttingen 中 an der Leine, halb getippt"'
hasnt '"draft":{'

# 4. A wrong passphrase: a clear message, nothing changed.
sums=$(sha256sum "$st"/*)
start 80 24 "$run"
wait_for "Passwort:"
type "falsches Passwort"; keys Enter
wait_for "Das Passwort ist falsch. Passwort vergessen?"
step F10
wait_for "EXIT=0"
after=$(sha256sum "$st"/*)
[ "$sums" = "$after" ] && ok || { bad "falsches Passwort hat etwas verändert"; echo "$sums"; echo "$after"; }

# 5. A matrix question through resizes, and a window that is too small.
start 80 24 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Göttingen"
step Enter
to B4
shows "Leistungsfähigkeit der Kommunalverwaltung"
step 2
T resize-window -t t -x 40 -y 12
wait_for "Zeile 2 von 7:"     # narrow: one matrix row per screen (2 was set above)
lacks "Fenster zu klein"
shows " B4 "
step Down
shows "Zeile 3 von 7:"
shows "hohes freiwilliges Engagement"
step Up
T resize-window -t t -x 24 -y 20   # too narrow for the grid… and for the screen
wait_for "Fenster zu klein"
T resize-window -t t -x 200 -y 60
wait_for "positive Grundstimmung in der Bevölkerung"
shows "wichtig"
T resize-window -t t -x 30 -y 8
wait_for "Fenster zu klein"
T resize-window -t t -x 80 -y 24
wait_for "Leistungsfähigkeit der Kommunalverwaltung"
step F10
wait_for "EXIT=0"

# 6. NO_COLOR: no colour escapes on the screen, the same content.
start 80 24 "NO_COLOR=1 $run"
wait_for "Passwort:"
if T capture-pane -p -e -t t | grep -qE $'\033\\[[0-9;]*3[0-7]m|\033\\[[0-9;]*4[0-7]m'; then
	bad "Farben trotz NO_COLOR"
else
	ok
fi
step F10
wait_for "EXIT=0"

# 7. SIGTERM: saved, terminal restored, exit status 0.
start 80 24 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Göttingen"
step Enter
wait_for " A"
pkill -TERM -f "^$bin --store $st" 2>/dev/null
wait_for "EXIT=0"

# 8. Two routes to "abgeschlossen": with an adopted Integrationskonzept and
#    cooperation partners, and without a concept and with "keine" partners.
route() { # route G1-KEY H1-KEYS…
	g1=$1
	shift
	start 100 30 "$run"
	wait_for "Passwort:"
	type "$pw"; keys Enter
	wait_for "Übersicht"
	step n
	wait_for "N_EINL"
	step Enter
	wait_for " A1 "
	type "Route $g1"; step Enter
	step 2 Enter; step 5 Enter
	wait_for " A4 "
	type "25000"; step Enter
	to G1
	step "$g1"
	step Tab
	if [ "$g1" = 1 ]; then wait_for " G2 "; type "2014"; step Tab; wait_for " G3 "; else wait_for " G4 "; fi
	to H1
	for k in "$@"; do step "$k"; done
	step Tab
	if [ "$1" = 8 ]; then wait_for " H4 "; else wait_for " H2 "; fi
	to_review
	wait_for "Nichts ist mehr offen"
	step a
	wait_for "Jetzt an das Studienteam senden? (j/n)"
	step n
	wait_for "Der Fragebogen ist abgeschlossen und gespeichert."
	step F10
	wait_for "EXIT=0"
}
route 1 1 2 4
route 4 8
"$bin" list --json --store "$st" --passphrase-file "$tmp/pw" >"$tmp/out" 2>&1
grep -A3 '"label":	"Route 1"' "$tmp/out" | grep -q '"status":	"complete"' && ok || { bad "Route 1 nicht abgeschlossen"; cat "$tmp/out"; }
grep -A3 '"label":	"Route 4"' "$tmp/out" | grep -q '"status":	"complete"' && ok || { bad "Route 4 nicht abgeschlossen"; cat "$tmp/out"; }
id1=$(grep -B1 -A8 '"label":	"Route 1"' "$tmp/out" | grep '"uuid"' | cut -d'"' -f4)
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id1" >"$tmp/out" 2>&1
has '"G2":{"value":2014'
has '"H1":{"value":[1,2,4]'
has '"event":"finished"'

# 9. Reopening a completed response and changing it: revision 2, a draft again.
start 100 30 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Route 1"
step /
type "Route 1"
step Enter
step Enter
wait_for "Änderungen ergeben eine neue Revision. Öffnen? (j/n)"
step j
wait_for "N_ENDE"
step BTab
wait_for " J4 "
step 2
step F10
wait_for "Jetzt Entwurf (Revision 2), nicht mehr abgeschlossen. Wieder abschließen? (j/n)"
step n
wait_for "EXIT=0"
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id1" >"$tmp/out" 2>&1
has '"status":"draft","revision":2'
has '"event":"reopened","detail":"Revision 2"'
has '"J4":{"value":2'

# 10. "Gehe zu", and the idle lock that wipes the key.
# The lock is 8 s: long enough that no pause of a loaded machine between
# the keys below fires it early, which would send them to the lock screen.
start 100 30 "$run --idle-lock 8"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Route 4"
step /
type "Route 4"
step Enter
step Enter
wait_for "Öffnen? (j/n)"
step j
wait_for "N_ENDE"
step F3
wait_for "Gehe zu"
shows "G. Integrationspolitik und Steuerung"
lacks " G2 "
step Home
screen | grep -qE "✓ +A1 +Wie lautet der Name Ihrer Kommune" && ok || { bad "Gehe zu: A1 nicht als beantwortet"; screen | sed 's/^/    | /'; }
for i in 1 2 3 4 5; do step Down; done
step Enter
wait_for " A3 "
# The lock fires after 8 s without a key: wait for the lock screen itself
# (its text and the field are drawn together), then type.
wait_for "Gesperrt"
wait_for "Mit dem Passwort geht es weiter"
type "$pw"; keys Enter
wait_for " A3 "
lacks "Gesperrt"
step F10
wait_for "EXIT=0"

# 11. A mouse click chooses an option (xterm mouse report, as the terminal sends it).
start 80 24 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
step n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Klickstadt"; step Enter
wait_for " A2 "
row=$(screen | grep -n "Landkreis" | head -1 | cut -d: -f1)
click=$(printf '\033[M %b%b' "\\0$(printf %o $((32 + 6)))" "\\0$(printf %o $((32 + row)))")
step -l "$click"
wait_for "3 (•) Landkreis"
# "Sonstiges, und zwar": the letters typed are its text, even k and w
step Tab; wait_for " A3 "; step 9; step Tab
wait_for " A4 "; type "5000"; step Tab
wait_for " A5 "; step Tab; wait_for "Trotzdem weiter? (j/n)"; step j
wait_for " A6 "
step 7
type "kommunale Stabsstelle"
wait_for "kommunale Stabsstelle"
lacks "Antwort: keine Angabe"
step Tab
wait_for " A7 "
step F10
wait_for "EXIT=0"
"$bin" list --json --store "$st" --passphrase-file "$tmp/pw" >"$tmp/out" 2>&1
kid=$(grep -B1 -A8 '"label":	"Klickstadt"' "$tmp/out" | grep '"uuid"' | cut -d'"' -f4)
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$kid" >"$tmp/out" 2>&1
has '"A6":{"value":7,"other":"kommunale Stabsstelle"'
has '"A2":{"value":3'


# 12. The plain C locale: texts with umlauts as before, marks and lines in ASCII.
start 80 24 "LC_ALL=C LANG=C $run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
step n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Ascii"; step Enter
wait_for " A2 "
step 1
wait_for "1 (*) kreisfreie Stadt"
shows "^v/1-3 Wählen"
shows "Kommunale Integration von Geflüchteten"
step F10
wait_for "EXIT=0"

# 13. Other terminal types (the Linux console, screen, a plain VT100), and
#     Ctrl-C, which asks before quitting.
for term in linux screen vt100 xterm-256color; do
	start 80 24 "TERM=$term $run"
	wait_for "Passwort:"
	type "$pw"; keys Enter
	wait_for "Klickstadt"
	step C-c
	wait_for "Programm beenden? Ihre Antworten sind gespeichert. (j/n)"
	step n
	lacks "Programm beenden?"
	step C-c
	step j
	wait_for "EXIT=0"
done

finish
