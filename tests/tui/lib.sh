# Helpers of the terminal tests: the real binary in tmux, driven by
# send-keys and read with capture-pane (sourced, not run).
# Needs: $bin, $tmp, and lib.sh of tests/cli sourced before.
sock="$tmp/tmux.sock"
T() { tmux -S "$sock" "$@"; }

# use_store DIR [init]: the store a test works on ($st), its passphrase ($pw,
# also in $tmp/pw) and $run, the interface on it. With "init" the store is
# created first, without the screens.
use_store() {
	st=$1
	pw='Rathaus Musterstadt 2016'
	printf '%s\n' "$pw" >"$tmp/pw"
	run="$bin --store $st --kdf-cost test"
	[ "${2:-}" = init ] || return 0
	"$bin" init --store "$st" --passphrase-file "$tmp/pw" --kdf-cost test >/dev/null 2>&1 ||
		bad "init"
	run="$bin --store $st"
}

# start W H CMD…: a fresh session running CMD at W×H
start() {
	w=$1 h=$2
	shift 2
	T kill-server 2>/dev/null
	n=0
	while T has-session 2>/dev/null && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
	rm -f "$sock"
	T new-session -d -s t -x "$w" -y "$h" "$*; echo \"EXIT=\$?\"; sleep 60"
}
screen() { T capture-pane -p -t t 2>/dev/null; }
keys() { T send-keys -t t "$@"; }
# type TEXT: literal text
type() { T send-keys -t t -l "$1"; }

# wait_for TEXT [SECONDS]: poll the screen until it shows TEXT. Every key
# that depends on a screen state waits for it here, never for a fixed time:
# on a loaded machine the program may take seconds to get there. After
# SECONDS (30 unless given) the test stops, failed, with the screen shown:
# the keys that follow would go to the wrong screen and tell nothing more.
wait_for() {
	n=0
	lim=$(( ${2:-30} * 20 ))
	while ! screen | grep -qF -- "$1"; do
		n=$((n + 1))
		if [ $n -gt $lim ]; then
			bad "Bildschirm zeigt nach ${2:-30} s nicht: $1"
			screen | sed 's/^/    | /'
			finish
			exit 1
		fi
		sleep 0.05
	done
	ok
	return 0
}
# gone PATTERN: wait (30 s at most) until no process matches PATTERN
# (pgrep -f), e.g. until the program has saved and exited after a signal.
gone() {
	n=0
	while pgrep -f -- "$1" >/dev/null; do
		n=$((n + 1))
		if [ $n -gt 600 ]; then
			bad "Prozess endet nicht: $1"
			return 1
		fi
		sleep 0.05
	done
	ok
}
# shows TEXT / lacks TEXT: the screen now
shows() { if screen | grep -qF -- "$1"; then ok; else bad "Bildschirm zeigt nicht: $1"; screen | sed 's/^/    | /'; fi; }
lacks() { if screen | grep -qF -- "$1"; then bad "Bildschirm zeigt: $1"; screen | sed 's/^/    | /'; else ok; fi; }

# step KEY…: send keys and wait until the screen has changed
step() {
	_shown=$(screen)
	keys "$@"
	n=0
	while [ "$(screen)" = "$_shown" ] && [ $n -lt 60 ]; do
		sleep 0.03
		n=$((n + 1))
	done
}

# to QID: press Tab (confirming warnings with j) until question QID shows
to() {
	n=0
	while ! screen | grep -qE "^ $1 "; do
		n=$((n + 1))
		[ $n -gt 300 ] && { bad "Frage $1 nicht erreicht"; screen | sed 's/^/    | /'; return 1; }
		if screen | grep -qF "Trotzdem weiter? (j/n)"; then step j; else step Tab; fi
	done
	ok
}

# to_review: press Tab (confirming warnings with j) until the review shows
to_review() {
	n=0
	while ! screen | grep -qF "Fragen beantwortet. Status:"; do
		n=$((n + 1))
		[ $n -gt 400 ] && { bad "Durchsicht nicht erreicht"; screen | sed 's/^/    | /'; return 1; }
		if screen | grep -qF "Trotzdem weiter? (j/n)"; then step j; else step Tab; fi
	done
	ok
}

# basics_to_a6: on the passphrase screen of a store without responses, unlock,
# start a new response and answer A1 to A5 of the DESI form as a kreisfreie
# Stadt „Musterstadt“ in Bayern, until A6 shows
basics_to_a6() {
	wait_for "Passwort:"
	type "$pw"; keys Enter
	wait_for "Noch keine Antworten"
	keys n
	wait_for "N_EINL"
	step Enter
	wait_for " A1 "
	type "Musterstadt"; step Enter
	wait_for " A2 "
	step 1 Enter                  # kreisfreie Stadt
	wait_for " A3 "
	step 9 Enter                  # Bayern
	wait_for " A4 "
	type "118.914"; step Enter
	wait_for " A5 "
	type "09162000"; step Enter
	wait_for " A6 "
}
