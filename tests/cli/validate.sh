#!/bin/sh
# Black-box tests of `fragebogen validate`, `print`, --help and --version.
# Usage: validate.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

expect 0 "$bin" --version
has "fragebogen "
expect 0 "$bin" --help
has "fragebogen validate"
expect 1 "$bin" </dev/null
has "Die Oberfläche braucht ein Terminal."
expect 2 "$bin" gibtsnicht
has "unbekannter Befehl „gibtsnicht“"
expect 2 "$bin" validate
expect 2 "$bin" validate --walks abc "$src/forms/beispiel.json"
has "--walks erwartet eine Zahl"

expect 0 "$bin" validate "$src/forms/beispiel.json" "$src/forms/desi-kommunen-2016.json"
has "beispiel.json: in Ordnung"
expect 0 "$bin" validate --walks 1000 --seed 1 "$src/forms/beispiel.json"
has "1000 Zufallsdurchläufe (Startwert 1), 1000 abgeschlossen"
expect 1 "$bin" validate "$tmp/fehlt.json"
has "fehlt.json:1:1: die Datei lässt sich nicht öffnen"

# A copy with structural mistakes: each is reported at its line and column.
sed -e '0,/"visible_if"/s//"visibel_if"/' \
    -e '0,/"id": "A1"/s//"id": "A2"/' \
    -e '0,/"type": "scale"/s//"type": "skala"/' \
    "$src/forms/beispiel.json" >"$tmp/kaputt1.json"
expect 1 "$bin" validate "$tmp/kaputt1.json"
for pat in '"visibel_if"' '"id": "A2"' '"skala"'; do
	# the second "A2" is the duplicate
	line=$(grep -nF "$pat" "$tmp/kaputt1.json" | tail -1 | cut -d: -f1)
	grep -q "^$tmp/kaputt1.json:$line:[0-9][0-9]*: " "$tmp/out" && ok ||
		{ bad "keine Meldung in Zeile $line für $pat"; cat "$tmp/out"; }
done
has "meinten Sie „visible_if“?"
has "ist schon vergeben"
has "unbekannter Fragetyp"

# A copy with mistakes in expressions and piping.
sed -e '0,/"valid_if": "len(A1) >= 2"/s//"valid_if": "len(A1) >= "/' \
    -e '0,/{A1|/s//{A9|/' \
    "$src/forms/beispiel.json" >"$tmp/kaputt2.json"
expect 1 "$bin" validate "$tmp/kaputt2.json"
has "valid_if, Spalte 12: Wert erwartet"
has "unbekannte Variable „A9“"
line=$(grep -n 'len(A1) >= "' "$tmp/kaputt2.json" | cut -d: -f1)
has "kaputt2.json:$line:"

# A form whose walks find problems exits 1 and names them.
cat >"$tmp/walk.json" <<'JSON'
{"id":"w","title":"W","version":"1","language":"de","sections":[{"id":"S","title":"S","questions":[
{"id":"A","type":"integer","text":"a","required":true,"min":0,"max":9},
{"id":"B","type":"text","text":"b","visible_if":"A > 100"}]}]}
JSON
expect 1 "$bin" validate --walks 50 "$tmp/walk.json"
has "Frage „B“ wurde in keinem Durchlauf erreicht"

expect 0 "$bin" print "$src/forms/desi-kommunen-2016.json"
has "Gemeindeschlüssel (AGS)"
expect 1 "$bin" print "$tmp/kaputt1.json"

finish
