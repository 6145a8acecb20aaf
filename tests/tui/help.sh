#!/bin/sh
# Help and context on the question screen: a section's introduction stands
# above its first question; a question's help is shown under it when it
# fits (H5 „höchstens drei Antworten“ at 100×30); F1 turns help off, and the
# choice holds in the next session, until F1 turns it on again.
# Usage: help.sh FRAGEBOGEN_BINARY SOURCE_DIR
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
intro="Zunächst bitten wir Sie um einige Angaben"
help="ohne Zusätze wie „Stadt“"
limit="höchstens drei Antworten"

start 100 30 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Noch keine Antworten"
keys n
wait_for "N_EINL"
step Enter
wait_for " A1 "
shows "$intro"
shows "$help"
type "Musterstadt"; step Enter
wait_for " A2 "                  # no introduction in the middle of a section
lacks "$intro"
step 1 Enter
wait_for " A3 "
step 9 Enter
wait_for " A4 "
type "118.914"; step Enter
wait_for " A5 "
type "09162000"; step Enter
wait_for " A6 "
to H5
shows "$limit"
step F1                          # off, and remembered
n=0
while screen | grep -qF "$limit" && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
lacks "$limit"
step F10
wait_for "EXIT=0"

# reopen: from the start of the program to where the response was left
reopen() {
	start 100 30 "$run"
	wait_for "Passwort:"
	type "$pw"; keys Enter
	wait_for "Musterstadt"
	step Enter
	wait_for " H5 "
}
reopen
lacks "$limit"                   # help stays off
step F1                          # on again
wait_for "$limit"
step F10
wait_for "EXIT=0"
reopen
shows "$limit"
step F10
wait_for "EXIT=0"
finish
