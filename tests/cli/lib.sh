# Shared helpers of the black-box tests (sourced, not run).
# expect STATUS CMD…   run CMD, keep its output in $tmp/out, check the exit status
# has TEXT / hasnt TEXT   the last output contains (or lacks) TEXT, a fixed string
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FEHLER: $*"; }
expect() {
	want=$1
	shift
	"$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else bad "$* -> $got statt $want"; cat "$tmp/out"; fi
}
has() {
	if grep -qF -- "$1" "$tmp/out"; then ok; else bad "Ausgabe enthält nicht: $1"; cat "$tmp/out"; fi
}
hasnt() {
	if grep -qF -- "$1" "$tmp/out"; then bad "Ausgabe enthält: $1"; cat "$tmp/out"; else ok; fi
}
# finish: the closing line CI reads, and the exit status
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
