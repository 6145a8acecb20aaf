#!/bin/sh
# Signals during the terminal interface: SIGHUP (the terminal closed),
# SIGTERM, SIGSEGV and SIGABRT (a crash). Each time the terminal settings
# are restored (`stty -g` before and after match), and what was typed is
# saved (HUP/TERM) or at least every answer given before (SEGV/ABRT).
# Usage: signals.sh FRAGEBOGEN_BINARY SOURCE_DIR
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

for sig in HUP TERM SEGV ABRT; do
	rm -f "$tmp/before" "$tmp/after"
	start 80 24 "stty -g >$tmp/before; $run; echo RC=\$? >$tmp/rc; stty -g >$tmp/after"
	wait_for "Passwort:"
	type "$pw"; keys Enter
	wait_for "Übersicht"
	step n
	wait_for "N_EINL"
	step Enter
	wait_for " A1 "
	type "Kreis $sig"; step Enter      # saved: A1 answered
	wait_for " A2 "
	pkill -"$sig" -f "^$bin --store $st" 2>/dev/null
	n=0
	while [ ! -s "$tmp/after" ] && [ $n -lt 600 ]; do sleep 0.05; n=$((n + 1)); done
	if [ -s "$tmp/after" ] && cmp -s "$tmp/before" "$tmp/after"; then
		ok
	else
		bad "SIG$sig: Terminaleinstellungen nicht wiederhergestellt"
		cat "$tmp/before" "$tmp/after" 2>/dev/null
	fi
	case $sig in
	HUP | TERM) grep -q "RC=0" "$tmp/rc" && ok || bad "SIG$sig: Rückgabewert $(cat "$tmp/rc")" ;;
	*) grep -q "RC=0" "$tmp/rc" && bad "SIG$sig: Absturz meldet Erfolg" || ok ;;
	esac
	"$bin" list --store "$st" --passphrase-file "$tmp/pw" >"$tmp/list" 2>&1
	grep -q "Kreis $sig" "$tmp/list" && ok || { bad "SIG$sig: Antwort nicht gespeichert"; cat "$tmp/list"; }
done
finish
