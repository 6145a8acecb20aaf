#!/bin/sh
# Black-box tests of aggregation across Kommunen: revision conflicts, newer
# revisions, two form versions, and the data set read back by independent
# readers (PSPP for .sav, pandas for .dta) with the counts of the CSV.
# Usage: aggregate.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 1

printf 'Rathaus Musterstadt 2016\n' >pw
desi="$src/forms/desi-kommunen-2016.json"
for s in a b c d; do
	"$bin" init --store $s --passphrase-file pw --kdf-cost test >/dev/null 2>&1 || bad "init $s"
done
opt() { echo "--store $1 --passphrase-file pw --form ${2:-$desi}"; }
"$bin" keygen -o team.key >out 2>&1
rcpt=$(grep -o 'age1[0-9a-z]*' out | head -1)
seal() { # seal STORE NAME FILE [FORM]
	"$bin" export $(opt "$1" "${4:-}") --recipient "$rcpt" --sender "$2" -o "$3" >/dev/null 2>&1 ||
		bad "export $1"
}

expect 0 "$bin" simulate $(opt a) --count 3 --seed 11
id=$("$bin" list $(opt a) | awk 'NR==2 {print $1}')
"$bin" show --json $(opt a) "$id" >orig.json 2>/dev/null || bad "show --json"
uuid=$(grep -o '"uuid":"[^"]*"' orig.json | head -1 | cut -d'"' -f4)

# Same response, same revision, other content (in another store): a conflict.
/usr/bin/python3 - "$uuid" <<'PY' || bad "python3 fehlt"
import json, sys
r = json.load(open("orig.json"))
r["answers"]["A4"]["value"] = r["answers"]["A4"].get("value", 1000) + 1
json.dump(r, open("same_rev.json", "w"))
r["revision"] = 2
json.dump(r, open("next_rev.json", "w"))
PY
expect 0 "$bin" import $(opt b) same_rev.json
expect 0 "$bin" import $(opt c) next_rev.json
seal a "Stadt A" a.age
seal b "Stadt A" b.age       # the same Kommune, from a second computer (key)
seal c "Stadt A" c.age
# Each case below keeps a senders record of its own (--senders).

# Same response, same revision, other content: a listed conflict, both out.
expect 1 "$bin" aggregate --include-simulated -i team.key --senders s1 -o conf.csv --accept-key "Stadt A" a.age b.age
has "neu bestätigt"
has "KONFLIKT: Antwort $uuid, Revision 1"
has "2 Antworten im Datensatz"
grep -q "$uuid" conf.csv && bad "Konfliktantwort im Datensatz" || ok

# A higher revision replaces the older one.
expect 0 "$bin" aggregate --include-simulated -i team.key --senders s2 -o rev.csv --accept-key "Stadt A" a.age c.age
has "1 ersetzt eine ältere Revision"
has "3 Antworten im Datensatz"
a4=$(/usr/bin/python3 -c "import json;print(json.load(open('next_rev.json'))['answers']['A4']['value'])")
grep "$uuid" rev.csv | grep -q ";$a4;" && ok || bad "rev.csv: A4 der Revision 2 ($a4) fehlt"
# Every row says where it came from: sender, key, file and time, in every
# output; a Kommune name that is not the sender's is flagged.
has "nennen eine andere Kommune als der Absender"
has "HINWEIS: „Stadt A“ hat 3 verschiedene Antworten gesandt"
head -1 rev.csv | tr -d '\r\357\273\277' | tr ';' '\n' >revcols
for c in sender sender_key source_file received; do
	grep -qx "$c" revcols && ok || bad "rev.csv: Spalte $c fehlt"
done
grep "$uuid" rev.csv | grep -q ";Stadt A;[0-9A-Z-]*;c.age;20[0-9-]*T" && ok ||
	{ bad "rev.csv: Herkunft der Zeile"; grep "$uuid" rev.csv | tr ';' '\n' | tail -5; }

# The same response from another Kommune never replaces it, even with a
# higher revision: listed, left out.
seal c "Stadt B" c_b.age
expect 1 "$bin" aggregate --include-simulated -i team.key --senders s3 -o foreign.csv a.age c_b.age
has "kommt von zwei Absendern"
has "2 Antworten im Datensatz"

# A known key under another name is flagged; blanks and invisible
# characters do not make a second Kommune.
seal a "Stadt Z" a_z.age
expect 1 "$bin" aggregate --include-simulated -i team.key --senders s4 -o other.csv a.age a_z.age
has "ANDERER NAME"
seal a "  Stadt   A " a_blank.age
seal a "$(printf 'Stadt\342\200\213 A')" a_zw.age
expect 0 "$bin" aggregate --include-simulated -i team.key --senders s5 -o blank.csv a.age a_blank.age a_zw.age
has "3 doppelt"
has "3 Antworten im Datensatz"
[ "$(grep -c 'Stadt A' s5)" -eq 1 ] && ok || bad "Stadt A doppelt gemerkt"

# Files after "--" are files, whatever their names.
cp a.age ./-a.age
expect 0 "$bin" aggregate --include-simulated -i team.key --senders s6 -o dash.csv -- -a.age
has "3 Antworten im Datensatz"

# Two form versions: a new question appended, the old columns stay put.
/usr/bin/python3 - "$desi" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
f["version"] = "2017.1"
f["sections"][-1]["questions"].insert(0, {"id": "Z1", "type": "integer", "min": 0,
    "text": "Wie viele Sprachmittler_innen arbeiten für die Kommune?"})
json.dump(f, open("v2.json", "w"), ensure_ascii=False)
PY
expect 0 "$bin" simulate $(opt d "$PWD/v2.json") --count 4 --seed 3
seal d "Gemeinde D" d.age "$PWD/v2.json"
expect 0 "$bin" aggregate --include-simulated -i team.key -o mix.csv --csv-profile rfc4180 a.age d.age
has "7 Antworten im Datensatz"
head -1 mix.csv | tr -d '\r' | tr ',' '\n' >cols
[ "$(tail -1 cols)" = "Z1" ] || grep -q '^Z1$' cols && ok || bad "Z1 fehlt im Datensatz"
[ "$(grep -n '^A2$' cols | cut -d: -f1)" = "$(head -1 conf.csv | tr -d '\r\357\273\277' | tr ';' '\n' | grep -n '^A2$' | cut -d: -f1)" ] &&
	ok || bad "A2 steht nicht an derselben Stelle"

# The same data as .sav and .dta, read by independent programs.
expect 0 "$bin" aggregate --include-simulated -i team.key -o mix.sav --report mix.html a.age d.age
expect 0 "$bin" aggregate --include-simulated -i team.key -o mix.dta a.age d.age
col=$(grep -n '^A2$' cols | cut -d: -f1)
for code in 1 2 3; do
	want=$(tail -n +2 mix.csv | tr -d '\r' | cut -d, -f"$col" | grep -c "^$code\$")
	eval "want_$code=$want"
done
if command -v pspp >/dev/null 2>&1; then
	printf "GET FILE='mix.sav'.\nFREQUENCIES VARIABLES=A2.\n" >f.sps
	pspp -O format=csv -o freq.csv f.sps >/dev/null 2>&1 || bad "pspp"
	for code in 1 2 3; do
		label=$(/usr/bin/python3 -c "import json;f=json.load(open('$desi'));q=[q for s in f['sections'] for q in s['questions'] if q['id']=='A2'][0];print([c['label'] for c in q['choices'] if c['code']==$code][0])")
		got=$(grep -F ",$label," freq.csv | head -1 | cut -d, -f3)
		eval "want=\$want_$code"
		[ "${got:-0}" = "$want" ] && ok || bad "PSPP: A2=$code ($label) $got statt $want"
	done
else
	echo "pspp nicht installiert: Gegenprobe der .sav übersprungen"
fi
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
	/usr/bin/python3 - "$want_1" "$want_2" "$want_3" <<'PY' >pandas.out 2>&1 && ok || { bad "pandas"; cat pandas.out; }
import sys, pandas as pd
d = pd.read_stata("mix.dta", convert_categoricals=False)
assert len(d) == 7, len(d)
for code, want in zip((1, 2, 3), map(int, sys.argv[1:])):
    got = int((d["A2"] == code).sum())
    assert got == want, (code, got, want)
assert "Z1" in d.columns
PY
else
	echo "pandas nicht installiert: Gegenprobe der .dta übersprungen"
fi
if grep -qi '<script\|https\?://' mix.html; then bad "Bericht mit Skript oder externer Quelle"; else ok; fi

# An armored file (what `age -a` writes: the same age file in base64, 64
# columns) is read too; its response is a real one, not simulated. A
# detached signature covers the file as received, so the .minisig of the
# binary file does not fit its armored form.
/usr/bin/python3 -c 'import json; r = json.load(open("orig.json")); r.pop("simulated", None)
json.dump(r, open("real.json", "w"))'
"$bin" init --store e --passphrase-file pw --kdf-cost test >/dev/null 2>&1 || bad "init e"
expect 0 "$bin" import $(opt e) real.json
seal e "Stadt E" e.age
{ echo '-----BEGIN AGE ENCRYPTED FILE-----'; base64 -w 64 e.age
	echo '-----END AGE ENCRYPTED FILE-----'; } >arm.age
expect 0 "$bin" aggregate -i team.key --senders s7 -o arm.csv arm.age
has "0 übersprungen, 1 Antwort"
cp e.age.minisig arm.age.minisig
expect 1 "$bin" aggregate -i team.key --senders s8 -o arm2.csv arm.age
has "Signaturdatei"
head -n 3 arm.age >cut.age
expect 1 "$bin" aggregate -i team.key --senders s9 -o cut.csv cut.age
has "keine age-Datei"
# The open answers go into the report, each with its Kommune: long texts
# and the text of „Sonstiges“, escaped in HTML; never a name, key or
# e-mail address; --no-open-text leaves them out.
printf 'A1;A2;A3;A4;A5;D1_1;D1_11;D1_txt;B2;J4;J5;status\nLesestadt;1;9;120000;09162000;1;1;Bücherbus <b>;"Sprachkurse\nund Lotsen";1;info@lesestadt.example;complete\n' >open.csv
"$bin" init --store o --passphrase-file pw --kdf-cost test >/dev/null 2>&1 || bad "init o"
expect 0 "$bin" import $(opt o) open.csv
seal o "Stadt Lesestadt" o.age
expect 0 "$bin" aggregate -i team.key --senders s10 -o open.csv.csv --report open.txt --report open.html o.age
grep -q "^B2  " open.txt && grep -q "^  – Lesestadt: Sprachkurse$" open.txt && grep -q "^      und Lotsen$" open.txt &&
	ok || { bad "open.txt: B2 fehlt"; sed -n '/Offene Antworten/,$p' open.txt; }
grep -q "^  – Lesestadt: Bücherbus <b>$" open.txt && ok || bad "open.txt: D1_txt fehlt"
grep -q '<li><b>Lesestadt:</b> Bücherbus &lt;b&gt;</li>' open.html && ok || bad "open.html: D1_txt"
grep -q 'info@lesestadt' open.txt open.html && bad "E-Mail-Adresse im Bericht" || ok
grep -q '<li><b>Lesestadt:</b> 09162000' open.html && bad "AGS als offene Antwort" || ok
expect 0 "$bin" aggregate -i team.key --senders s11 -o closed.csv --no-open-text --report closed.txt \
	--report closed.html o.age
grep -q "Offene Antworten" closed.txt closed.html && bad "--no-open-text: offene Antworten da" || ok
# Against the sample frame (a made-up one): the response rates, the rows to
# look at, the Kommunen to remind, the rates by Land and size class.
printf 'A1;A2;A3;A4;A5;status\nMusterstadt;1;1;89500;01091000;complete\nTestheim an der Isar;1;9;145000;09991000;complete\nKöln;1;5;1080000;05315000;complete\n' >frame-in.csv
"$bin" init --store f --passphrase-file pw --kdf-cost test >/dev/null 2>&1 || bad "init f"
expect 0 "$bin" import $(opt f) frame-in.csv
seal f "Stadt Musterstadt" f.age
expect 0 "$bin" aggregate -i team.key --senders s12 -o frame.csv --frame "$src/tests/data/frame-fiktiv.csv" \
	--reminders erinnern.csv --rates quoten.csv f.age
has "10 Kommunen, 2 vollständig, 0 teilweise – RR1 20,0 %, RR2 20,0 %"
has "HINWEIS: „Köln“"
has "nicht in der Stichprobe"
has "HINWEIS: „Musterstadt“"
[ "$(grep -c . erinnern.csv)" -eq 9 ] && ok || { bad "erinnern.csv: $(grep -c . erinnern.csv) Zeilen statt 9"; cat erinnern.csv; }
grep -q "Musterstadt" erinnern.csv && bad "erinnern.csv nennt Musterstadt" || ok
grep -q "^01092011;Neudorf am See;" erinnern.csv && ok || bad "erinnern.csv ohne Neudorf am See"
grep -q "RR1" quoten.csv && grep -q "Bayern" quoten.csv && ok || { bad "quoten.csv"; cat quoten.csv; }
expect 2 "$bin" aggregate -i team.key -o x.csv --reminders r.csv f.age
has "--reminders und --rates brauchen --frame"
# A broken frame stops the run before the files are read: nothing written.
printf 'AGS;Name;Land;Kreis;Typ;Einwohner\n0109100;Musterstadt;1;;kreisfreie Stadt;89500\n' >kaputt.csv
expect 1 "$bin" aggregate -i team.key --senders s13 -o kaputt-out.csv --frame kaputt.csv f.age
has "kaputt.csv:2: AGS „0109100“ hat nicht acht Ziffern"
[ -e kaputt-out.csv ] || [ -e s13 ] && bad "trotz kaputter Stichprobe geschrieben" || ok
finish
