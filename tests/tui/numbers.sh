#!/bin/sh
# Numbers as a German writes them: "120.000" in A4 is 120000, and under a
# number written with a dot and no comma the field says how it was read
# ("= 120.000"), so that no one is misread unseen.
# Usage: numbers.sh FRAGEBOGEN_BINARY SOURCE_DIR
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

start 80 24 "$run"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
step n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Zahlstadt"; step Tab
wait_for " A2 "
keys 3
wait_for "3 (•) Landkreis"
step Enter
wait_for " A3 "
keys 1 4
wait_for "14 (•) Sachsen"
step Enter
wait_for " A4 "
type "1.500"
wait_for "= 1500"
keys BSpace BSpace BSpace BSpace BSpace
type "120000"
n=0
while screen | grep -qF "= 1500" && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
lacks "= " # no dot, nothing to explain
keys BSpace BSpace BSpace BSpace BSpace BSpace
type "120.000"
wait_for "= 120.000"
step Tab
wait_for " A5 "
step F10
wait_for "EXIT=0"
id=$("$bin" list --store "$st" --passphrase-file "$tmp/pw" 2>/dev/null | awk 'NR==2 {print $1}')
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id" >"$tmp/out" 2>&1
has '"A4":{"value":120000'

finish
