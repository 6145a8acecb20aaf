#!/bin/sh
# Runs every libFuzzer harness for a short time on a copy of its seed corpus.
# Usage: smoke.sh BUILD_DIR SECONDS HARNESS…
set -eu
build=$1
secs=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
for h in "$@"; do
	mkdir -p "$work/$h"
	cp "$here/corpus/$h/"* "$work/$h/"
	echo "fuzz_$h: ${secs}s"
	# ncurses keeps memory until exit by design: the interface is checked
	# for memory errors, not leaks.
	leaks=1
	[ "$h" = tui ] && leaks=0
	ASAN_OPTIONS=detect_leaks=$leaks "$build/fuzz_$h" -max_total_time="$secs" \
		-max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
		"$work/$h" "$here/corpus/$h" >"$work/$h.log" 2>&1 || {
		tail -60 "$work/$h.log"
		echo "fuzz_$h: FEHLER (siehe oben)"
		exit 1
	}
	grep -E "^#[0-9]+ *DONE" "$work/$h.log" || tail -2 "$work/$h.log"
	n=$((n + 1))
done
echo "fuzz-smoke: $n passed, 0 failed"
