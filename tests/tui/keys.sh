#!/bin/sh
# Keys on every terminal. tmux sends the same sequences whatever TERM the
# program is told, so under vt100 or linux the description does not match
# what arrives: Home, End and F10 must act all the same, and no part of a
# sequence may end up in an answer. Esc then 0 is F10 on a terminal
# without F-keys. Options 10 and above are typed as two digits.
# Usage: keys.sh FRAGEBOGEN_BINARY SOURCE_DIR
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

# unlock: start under TERM $1, unlock, wait for the overview
unlock() {
	start 80 24 "TERM=$1 $run"
	wait_for "Passwort:"
	type "$pw"; keys Enter
	wait_for "Übersicht"
}

# A response whose A1 holds "Kreis".
unlock tmux-256color
step n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Kreis"; step Enter
wait_for " A2 "
step BTab
wait_for " A1 "
step F10
wait_for "EXIT=0"
id=$("$bin" list --store "$st" --passphrase-file "$tmp/pw" 2>/dev/null | awk 'NR==2 {print $1}')

# Each time: brackets typed after Home and End, then F10 (or Esc 0): the
# field as the screen showed it is the stored draft, nothing more.
want=Kreis
for t in vt100 linux screen xterm tmux-256color; do
	unlock $t
	step Enter
	wait_for " A1 "
	wait_for "$want"
	keys Home; type "<"
	keys End; type ">"
	want="<$want>"
	wait_for "$want"
	if [ $t = xterm ]; then keys Escape 0; else keys F10; fi
	wait_for "EXIT=0"
	"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id" >"$tmp/out" 2>&1
	has "\"text\":\"$want\""
	hasnt "~"
done

# Options 10 and above can be typed: in A3 (16 Länder) "1" "4" picks
# Sachsen (14), not Bremen (4); the footer names the real range.
unlock tmux-256color
step Enter
wait_for " A1 "
step Tab
wait_for " A2 "
keys 3
wait_for "3 (•) Landkreis"
step Enter
wait_for " A3 "
shows "1-16 Wählen"
keys 1 4
wait_for "14 (•) Sachsen"
shows "4 ( ) Bremen"
shows "1 ( ) Schleswig-Holstein"
step Enter
wait_for " A4 "
step F10
wait_for "EXIT=0"
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id" >"$tmp/out" 2>&1
has '"A3":{"value":14'

finish
