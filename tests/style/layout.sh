#!/bin/sh
# The shape of the source, checked: no file in src/ over 650 lines, no
# function over 60 (counted from the opening brace in column 0 to the closing
# one), no include of tui/ outside src/tui and src/cli, and no cycle between
# modules (a.c or a.h including b.h while b.c or b.h includes a.h).
# Usage: layout.sh SOURCE_DIR
set -u
cd "$1/src" || exit 1
fail=0
bad() { fail=$((fail + 1)); echo "FEHLER: $*"; }

for f in */*.c */*.h; do
	n=$(wc -l <"$f")
	[ "$n" -le 650 ] || bad "$f hat $n Zeilen (höchstens 650)"
done

for f in */*.c; do
	awk -v f="$f" '
	/^[A-Za-z_].*\(/ && !/;[ \t]*$/ { name = $0; at = NR }
	/^\{/ { start = NR; if (at < NR - 4) name = "?" }
	/^\}/ && start {
		len = NR - start + 1
		if (len > 60) printf "FEHLER: %s:%d: %d Zeilen: %s\n", f, start, len, name
		start = 0
	}' "$f"
done >long.$$
if [ -s long.$$ ]; then
	cat long.$$
	fail=$((fail + $(wc -l <long.$$)))
fi
rm -f long.$$

for f in $(grep -l '#include "tui/' */*.c */*.h); do
	case $f in
	tui/* | cli/*) ;;
	*) bad "$f bindet die Oberfläche ein: $(grep '#include "tui/' "$f" | head -n 1)" ;;
	esac
done

# Module graph: an edge from each module to every other module it includes.
for f in */*.c */*.h; do
	m=${f%.*}
	grep -o '^#include "[a-z_]*/[a-z_0-9]*\.h"' "$f" |
		sed 's/^#include "\(.*\)\.h"/\1/' |
		while read -r dep; do
			[ "$dep" = "$m" ] || echo "$m $dep"
		done
done | sort -u >edges.$$
if ! tsort edges.$$ >/dev/null 2>cycle.$$; then
	bad "Module hängen im Kreis voneinander ab:"
	grep -v 'input contains a loop' cycle.$$ | sed 's/^tsort: /  /'
fi
rm -f edges.$$ cycle.$$

echo "$fail Verstöße"
[ "$fail" -eq 0 ]
