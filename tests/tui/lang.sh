#!/bin/sh
# The language of the terminal interface: German by default, English with
# --lang en or through the environment, and the keys the English screens
# name are the keys that work.
# Usage: lang.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../cli/lib.sh"
. "$here/lib.sh"
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8
use_store "$tmp/speicher"

# 1. First start in English: store creation, recovery code, overview, a question.
start 80 24 "$run --lang en"
wait_for "Welcome. Your answers are stored encrypted"
shows "Passphrase:"
shows "Repeat:"
shows "Enter Continue"
lacks "Willkommen"
type "$pw"; keys Enter
type "$pw"; keys Enter
wait_for "Your recovery code:"
keys Enter
wait_for "No responses stored yet."
shows "Overview"
shows "n New"
step n
wait_for "Question 1 of"
shows "F2 Review"
step F2
wait_for "questions answered. Status: draft"
step u                        # the German key does nothing in English
shows "questions answered. Status: draft"
step o                        # "o Overview"
wait_for "Municipality"
shows "draft"
step C-c
wait_for "Quit the program? Your answers are saved. (y/n)"
step y
wait_for "EXIT=0"

# 2. German by default: the same store, unlocked.
start 80 24 "$run"
wait_for "Bitte geben Sie Ihr Passwort ein."
shows "Passwort:"
shows "Anmelden"
lacks "Passphrase"
type "$pw"; keys Enter
wait_for "Übersicht"
shows "Kommune"
shows "Entwurf"
shows "n Neu"
lacks "Overview"
step F10
wait_for "EXIT=0"

# 3. German first start, also under the plain C locale.
start 80 24 "LC_ALL=C LANG=C $bin --store $tmp/zwei --kdf-cost test"
wait_for "Willkommen. Ihre Antworten werden"
shows "Wiederholen:"
shows "Enter Weiter"
step F10
wait_for "EXIT=0"

# 4. English through the environment.
start 80 24 "LANGUAGE=en LANG=C.UTF-8 $run"
wait_for "Please enter your passphrase."
shows "Unlock"
type "$pw"; keys Enter
wait_for "Overview"
shows "Municipality"
shows "draft"
shows "F10 Quit"
lacks "Übersicht"
step F10
wait_for "EXIT=0"

# 5. --lang en wins over the C locale; --lang de over LANGUAGE=en.
start 80 24 "LC_ALL=C LANG=C $run --lang en"
wait_for "Please enter your passphrase."
step F10
wait_for "EXIT=0"
start 80 24 "LANGUAGE=en LANG=en_US.UTF-8 $run --lang de"
wait_for "Bitte geben Sie Ihr Passwort ein."
step F10
wait_for "EXIT=0"

finish
