#!/bin/sh
# Progress as a person watches it: „Frage k von N“ counts what routing has
# not yet decided away, so N never grows while answering forward. Choosing
# „ja, beschlossen“ in G1 keeps N (G2 and G3 were counted in already);
# „nein“ takes G2 and G3 out.
# Usage: progress.sh FRAGEBOGEN_BINARY SOURCE_DIR
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

# pct: the share answered of „Frage k von N · P %“ on the screen now
pct() { screen | sed -n 's/.*Frage [0-9]* von [0-9]* · \([0-9]*\) %.*/\1/p' | head -n 1; }
# total: N of „Frage k von N“ on the screen now
total() { screen | sed -n 's/.*Frage [0-9]* von \([0-9]*\) ·.*/\1/p' | head -n 1; }

start 100 30 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Noch keine Antworten"
keys n
wait_for "N_EINL"
step Enter
wait_for " A1 "
first=$(total)
[ -n "$first" ] && ok || bad "keine Fortschrittsanzeige"
type "Musterstadt"; step Enter
wait_for " A2 "
step 1 Enter                        # kreisfreie Stadt
wait_for " A3 "
step 9 Enter                        # Bayern
wait_for " A4 "
before=$(pct)
type "0"; step BTab                 # a value the range rejects, kept on the way back
wait_for " A3 "
[ "$(pct)" = "$before" ] && ok || bad "ein abgelehnter Wert zählt: $(pct) statt $before %"
step Enter
wait_for " A4 "
keys BSpace
type "118.914"; step Enter
wait_for " A5 "
type "09162000"; step Enter
wait_for " A6 "

# Forward to G1, leaving the rest open: the total may shrink, never grow.
last=$first grew=0 n=0
while ! screen | grep -qE "^ G1 "; do
	n=$((n + 1))
	[ $n -gt 300 ] && { bad "Frage G1 nicht erreicht"; break; }
	now=$(total)
	[ -n "$now" ] && [ "$now" -gt "$last" ] && { grew=1; echo "von $last auf $now"; }
	[ -n "$now" ] && last=$now
	if screen | grep -qF "Trotzdem weiter? (j/n)"; then step j; else step Tab; fi
done
[ $grew -eq 0 ] && ok || bad "die Gesamtzahl ist beim Vorwärtsgehen gewachsen"
at_g1=$(total)

step 1 Enter                        # ja, beschlossen: G2 follows
wait_for " G2 "
[ "$(total)" = "$at_g1" ] && ok || bad "G1 = 1: $(total) statt $at_g1"
step BTab
wait_for " G1 "
step 4 Enter                        # nein: G2 and G3 are routed away
wait_for " G4 "
[ "$(total)" = "$((at_g1 - 2))" ] && ok || bad "G1 = 4: $(total) statt $((at_g1 - 2))"
step F10
wait_for "EXIT=0"
finish
