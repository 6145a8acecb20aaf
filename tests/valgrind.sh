#!/bin/sh
# Valgrind memcheck over every unit test: no invalid access, no use of
# uninitialised memory, no definite or indirect leak, in the test process
# or in Criterion's workers (whose exit status does not carry Valgrind's,
# so the log is read).
# Usage: valgrind.sh BUILD_DIR
set -u
build=$1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0
fail=0
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	FRAGEBOGEN_KILLS=0 valgrind -q --trace-children=yes \
		--trace-children-skip='/usr/*,/bin/*' --leak-check=full \
		--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
		"$t" --jobs 2 >"$log" 2>&1
	rc=$?
	if [ $rc -ne 0 ] || grep -qE "definitely lost|indirectly lost|Invalid (read|write|free)|uninitialised|Mismatched free|ERROR SUMMARY: [1-9]" "$log"; then
		echo "valgrind: $name FEHLER"
		# a failed assertion first (Criterion's [----] lines), then Valgrind's report
		grep -A3 -E "^\[----\] .*\.c:[0-9]+: " "$log" | head -40
		grep -vE "^\[----\]|^\[PASS\]|^\[SKIP\]" "$log" | head -80
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "valgrind: $pass passed, $fail failed"
[ $fail -eq 0 ]
