#!/bin/sh
# Check messages as a person meets them: after `n` to „Trotzdem weiter?“ the
# warning stays on screen; a partly answered matrix says how many rows are
# answered; the message of an option that asks for a text names that option.
# Usage: messages.sh FRAGEBOGEN_BINARY SOURCE_DIR
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
basics_to_a6
step Enter                       # soft-required and blank
wait_for "Trotzdem weiter? (j/n)"
step n
lacks "Trotzdem weiter"
shows "Diese Frage ist noch offen"  # the warning stays

to D2
step 1                           # two of four rows
step 2
step Enter
wait_for "2 von 4 Zeilen beantwortet"
step j
to H5
step 8                           # „Sonstiges, und zwar:“ without its text
screen | grep -qE 'Sonstiges, und zwar: \[ +\]$' && ok || bad "leeres Textfeld nicht zu sehen"
step Enter
wait_for "Sie haben „Sonstiges, und zwar“ gewählt"
step F10
wait_for "EXIT=0"
finish
