#!/bin/sh
# Black-box tests of the store commands: init, list, show, import, passwd.
# Usage: store.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

st="$tmp/speicher"
printf 'Rathaus Musterstadt 2016\n' >"$tmp/pw"
printf 'falsch\n' >"$tmp/falsch"
f="--store $st --passphrase-file $tmp/pw"
desi="$src/forms/desi-kommunen-2016.json"

expect 0 "$bin" init $f --kdf-cost test
has "Wiederherstellungscode"
code=$(grep -oE '[0-9A-Z]{4}(-[0-9A-Z]{4}){7}' "$tmp/out")
[ -n "$code" ] && ok || bad "kein Wiederherstellungscode in der Ausgabe"
[ "$(stat -c %a "$st")" = 700 ] && ok || bad "Ordner nicht 0700"
[ "$(stat -c %a "$st/store.key")" = 600 ] && ok || bad "store.key nicht 0600"
expect 1 "$bin" init $f --kdf-cost test
has "bereits ein Speicher eingerichtet"
expect 0 "$bin" list $f
has "Noch keine Antworten"

# A CSV with a bad row: reported with its line, nothing stored.
printf 'A1;A2;A3;A4;A5;D1_1;D1_12\nMusterstadt;1;9;120000;09162000;1;0\nKöln;1;9;1080000;05315000;0;1\n' >"$tmp/bad.csv"
expect 1 "$bin" import --form "$desi" $f "$tmp/bad.csv"
has "bad.csv:3: Frage „A5“"
has "es wurde nichts importiert"
expect 0 "$bin" list $f
has "Noch keine Antworten"

printf '\357\273\277A1;A2;A3;A4;A5;D1_1;D1_12;D3;status\r\nMusterstadt;1;9;120000;09162000;1;0;"2,5";complete\r\n"Köln; Stadt";1;5;1080000;05315000;0;1;-1;draft\r\n' >"$tmp/ok.csv"
expect 0 "$bin" import --form "$desi" $f "$tmp/ok.csv"
has "2 Antworten importiert"
expect 0 "$bin" list $f
has "Musterstadt"
has "Köln; Stadt"
has "abgeschlossen"
id=$(grep Musterstadt "$tmp/out" | cut -c1-8)
expect 0 "$bin" show --form "$desi" $f "$id"
has "→ Musterstadt"
has "→ 2,5 Vollzeitstellen"
has "→ freiwilliges Engagement der Bürger_innen"
expect 0 "$bin" show --json $f "$id"
has '"status":"complete"'
has '"event":"imported"'
expect 0 "$bin" list --json $f
has '"label":	"Köln; Stadt"'

# show as a person reads it: long lines wrap with the answer's later lines
# under its start, a new line of a long text too, and the text of
# „Sonstiges, und zwar:“ follows its colon without a dash.
printf 'A1;A2;A3;A4;A5;D1_1;D1_11;D1_txt;B2\nLesestadt;1;9;120000;09162000;1;1;Bücherbus und Lesepaten;"Erstens die Sprachkurse, die früh und in großer Zahl angeboten wurden, und die Begleitung\nzweitens die Lotsen"\n' >"$tmp/other.csv"
expect 0 "$bin" import --form "$desi" $f "$tmp/other.csv"
"$bin" list $f >"$tmp/out" 2>&1
lid=$(grep Lesestadt "$tmp/out" | cut -c1-8)
expect 0 "$bin" show --form "$desi" $f "$lid"
has "→ freiwilliges Engagement der Bürger_innen, Sonstiges, und zwar: Bücherbus"
has "      und Lesepaten"
has "    → Erstens die Sprachkurse, die früh und in großer Zahl angeboten wurden,"
has "      und die Begleitung"
has "      zweitens die Lotsen"
grep -q "und zwar: –" "$tmp/out" && bad "Strich nach „und zwar:“" || ok
[ "$(LC_ALL=C.UTF-8 wc -L <"$tmp/out")" -le 78 ] && ok || bad "Zeile über 78 Zeichen"

# Importing the same responses again is refused as a whole.
"$bin" show --json $f "$id" >"$tmp/one.json"
expect 1 "$bin" import --form "$desi" $f "$tmp/one.json"
has "schon im Speicher"

# An id that is not a canonical UUID never names a file.
mkdir "$tmp/draussen"
printf 'uuid;A1;A2;A3;A4\n../draussen/aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaa;X;1;9;5000\n' >"$tmp/boese.csv"
expect 1 "$bin" import --form "$desi" $f "$tmp/boese.csv"
has "ist keine UUID"
[ -z "$(ls "$tmp/draussen")" ] && ok || bad "Import hat außerhalb des Speichers geschrieben"

# A wrong passphrase changes nothing.
before=$(cat "$st"/* | sha256sum)
expect 1 "$bin" list --store "$st" --passphrase-file "$tmp/falsch"
has "Das Passwort ist falsch. Es wurde nichts verändert."
[ "$before" = "$(cat "$st"/* | sha256sum)" ] && ok || bad "falsches Passwort hat etwas verändert"

# A damaged response file is named, the others stay readable.
fbr=$(ls "$st"/"$id"*.fbr)
b=$(od -An -tu1 -j90 -N1 "$fbr" | tr -d ' ')
printf "\\$(printf %03o $((b ^ 255)))" | dd of="$fbr" bs=1 seek=90 conv=notrunc 2>/dev/null
expect 0 "$bin" list $f
has "beschädigt oder verändert"
has "Köln; Stadt"
expect 1 "$bin" show --form "$desi" $f "$id"
has "keine lesbare frühere Fassung"

# A full disk or an I/O error at every single I/O call of an import: it
# either succeeds whole or ends with a clear message and stores nothing.
printf 'A1;A2;A3;A4\nNeustadt;1;9;5000\n' >"$tmp/neu.csv"
full=0
n=1
while [ $n -le 60 ]; do
	for e in ENOSPC EIO; do
		rm -rf "$tmp/kopie"
		cp -a "$st" "$tmp/kopie"
		FRAGEBOGEN_FAULT=$n:$e "$bin" import --form "$desi" --store "$tmp/kopie" \
			--passphrase-file "$tmp/pw" "$tmp/neu.csv" >"$tmp/imp" 2>&1
		rc=$?
		"$bin" list --store "$tmp/kopie" --passphrase-file "$tmp/pw" >"$tmp/lst" 2>&1
		if [ $rc -eq 0 ]; then
			grep -q Neustadt "$tmp/lst" || bad "Fehler bei Aufruf $n ($e): Erfolg gemeldet, aber nicht gespeichert"
		else
			grep -q Neustadt "$tmp/lst" && bad "Fehler bei Aufruf $n ($e): halb importiert"
			grep -qE "voll|lässt sich nicht|fehlgeschlagen" "$tmp/imp" || { bad "Aufruf $n ($e): unklare Meldung"; cat "$tmp/imp"; }
			grep -q "Datenträger ist voll" "$tmp/imp" && full=1
		fi
		grep -q "Köln; Stadt" "$tmp/lst" || bad "Aufruf $n ($e): vorhandene Antwort unlesbar"
	done
	n=$((n + 1))
done
[ $full -eq 1 ] && ok || bad "kein Lauf meldete einen vollen Datenträger beim Speichern"

# Changing the passphrase, and the recovery code.
printf 'Rathaus Musterstadt 2016\nNeues Passwort 2017!\n' >"$tmp/pw2"
expect 0 "$bin" passwd --store "$st" --passphrase-file "$tmp/pw2" --kdf-cost test
has "Das Passwort ist geändert"
expect 1 "$bin" list $f
printf 'Neues Passwort 2017!\n' >"$tmp/pw3"
expect 0 "$bin" list --store "$st" --passphrase-file "$tmp/pw3"
printf '%s\nDrittes Passwort\n' "$code" >"$tmp/rec"
expect 0 "$bin" passwd --recovery --store "$st" --passphrase-file "$tmp/rec" --kdf-cost test
printf 'Drittes Passwort\n' >"$tmp/pw4"
expect 0 "$bin" list --store "$st" --passphrase-file "$tmp/pw4"
has "Köln; Stadt"
printf 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA\nx\n' >"$tmp/rec2"
expect 1 "$bin" passwd --recovery --store "$st" --passphrase-file "$tmp/rec2" --kdf-cost test
has "Wiederherstellungscode passt nicht"

finish
