#!/bin/sh
# The passphrase as a person meets it: one too short is refused at the first
# entry, before it is typed twice; „Bitte warten …“ stands on the screen
# while the key is derived; a wrong passphrase names the recovery code's way.
# Usage: passphrase.sh FRAGEBOGEN_BINARY SOURCE_DIR
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

# First start: "kurz" is refused at once, and the first field is empty again.
start 100 30 "$run"
wait_for "Willkommen"
type "kurz"; keys Enter
wait_for "Das Passwort ist zu kurz"
lacks "••••"
type "$pw"; keys Enter
type "$pw"; keys Enter
wait_for "Wiederherstellungscode"
keys Enter
wait_for "Noch keine Antworten"
step F10
wait_for "EXIT=0"

# A wrong passphrase: the message says how to get in with the recovery code.
start 100 30 "$run"
wait_for "Passwort:"
type "Rathaus Falschstadt"; keys Enter
wait_for "fragebogen passwd --recovery"
shows "Das Passwort ist falsch"
type "$pw"; keys Enter
wait_for "Noch keine Antworten"
step F10
wait_for "EXIT=0"

# A key as dear to derive as a real store's: the wait is shown.
"$bin" init --store "$tmp/echt" --passphrase-file "$tmp/pw" --kdf-cost moderate >/dev/null 2>&1 ||
	bad "init"
start 100 30 "$bin --store $tmp/echt"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Bitte warten …"
wait_for "Noch keine Antworten"
lacks "Bitte warten"
step F10
wait_for "EXIT=0"
finish
