#!/bin/sh
# Black-box tests of the way to the study team: simulate, export (sealed and
# plain), and aggregate — with the real age and minisign tools as peers, and
# PSPP as an independent reader of the SPSS file.
# Usage: export.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 1

printf 'Rathaus Musterstadt 2016\n' >pw
desi="$src/forms/desi-kommunen-2016.json"
mkstore() { # mkstore DIR: a store with the fast test KDF
	"$bin" init --store "$1" --passphrase-file pw --kdf-cost test >/dev/null 2>&1 ||
		bad "init $1"
}
A="--store a --passphrase-file pw --form $desi"
B="--store b --passphrase-file pw --form $desi"
mkstore a
mkstore b

# Study team key; export refuses without a recipient.
expect 0 "$bin" keygen -o team.key
rcpt=$(grep -o 'age1[0-9a-z]*' out | head -1)
expect 0 "$bin" simulate $A --count 6 --seed 7
has "6 simulierte Antworten"
expect 1 "$bin" export $A
has "Kein Empfänger bekannt"
expect 0 "$bin" export $A --recipient "$rcpt" --sender "Stadt Musterstadt" -o a.age
has "6 Antworten verschlüsselt"
[ -s a.age ] && [ -s a.age.minisig ] && ok || bad "a.age oder a.age.minisig fehlt"
expect 1 "$bin" export $A --recipient "$rcpt" --sender "Stadt Musterstadt" -o a.age
has "gibt es schon"

# The real tools open and verify what we wrote.
if command -v age >/dev/null 2>&1; then
	expect 0 age -d -i team.key -o a.json a.age
	grep -q '"format":"fragebogen-export-signed"' a.json && ok || bad "age -d: kein Export"
	grep -q 'Stadt Musterstadt' a.json && ok || bad "age -d: Absender fehlt"
else
	echo "age nicht installiert: Gegenprobe mit age übersprungen"
fi
if command -v minisign >/dev/null 2>&1; then
	expect 0 "$bin" id --store a -o a.pub
	expect 0 minisign -V -p a.pub -m a.age
	has "Signature and comment signature verified"
	expect 0 "$bin" id --store b -o b.pub
	expect 1 minisign -V -p b.pub -m a.age
else
	echo "minisign nicht installiert: Gegenprobe mit minisign übersprungen"
fi

# The audit trail goes along only when asked for.
grep -q '\\"audit\\"' a.json && bad "Protokoll ohne --audit" || ok
expect 0 "$bin" export $A --recipient "$rcpt" --sender "Stadt Musterstadt" --audit -o audit.age
if command -v age >/dev/null 2>&1; then
	age -d -i team.key audit.age | grep -q '\\"audit\\":\[' && ok || bad "--audit: kein Protokoll"
fi

# Plain exports for the Kommune itself: JSON, SPSS and Stata.
expect 0 "$bin" export $A --format json -o a-plain.json
/usr/bin/python3 -c 'import json,sys; d=json.load(open("a-plain.json")); assert len(d["responses"])==6 and d["variables"]["columns"][0]["name"]=="id"' &&
	ok || bad "export --format json"
expect 0 "$bin" export $A --format sav -o a.sav
expect 0 "$bin" export $A --format dta -o a.dta
[ -s a.sav ] && [ -s a.dta ] && ok || bad "export --format sav/dta"
[ "$(stat -c %a a.sav)" = 600 ] && ok || bad "a.sav für andere lesbar"
expect 1 "$bin" export $A --format sav -o a.sav
has "gibt es schon"
expect 2 "$bin" export $A --all --recipient "$rcpt"
has "nur abgeschlossene"

# A second Kommune; a plain CSV export for its own use warns.
expect 0 "$bin" simulate $B --count 4 --seed 99
expect 0 "$bin" export $B --recipient "$rcpt" --sender "Landkreis Beispiel" -o b.age
expect 0 "$bin" export $B --format csv -o b.csv
has "NICHT verschlüsselt"
head -c 3 b.csv | od -An -tx1 | grep -q 'ef bb bf' && ok || bad "CSV ohne BOM"

# Aggregate: receipt, data set, senders remembered.
expect 0 "$bin" aggregate --include-simulated -i team.key -o all.sav --report bericht.html a.age b.age
has "Stadt Musterstadt"
has "neu gemerkt"
has "10 Antworten im Datensatz"
[ -s all.sav ] && [ -s bericht.html ] && ok || bad "all.sav oder bericht.html fehlt"
grep -q 'Stadt Musterstadt' team.key.senders && ok || bad "Absender nicht gemerkt"
if grep -qi '<script' bericht.html; then bad "Bericht enthält ein Skript"; else ok; fi
grep -q '<table class="receipt">' bericht.html && grep -q '<td>a.age</td><td>Stadt Musterstadt</td>' bericht.html &&
	ok || bad "bericht.html ohne die Empfangsbestätigung"
expect 0 "$bin" aggregate --include-simulated -i team.key -o all.csv a.age b.age
has "bekannt"
[ "$(grep -c . all.csv)" -eq 11 ] && ok || bad "all.csv: $(grep -c . all.csv) Zeilen statt 11"

# The files are whole even when the reader of standard output stops at
# once (| true, | head); standard output gets the short receipt, the
# frequency tables go into the text report.
{ "$bin" aggregate --include-simulated -i team.key --senders pipe.senders -o pipe.sav --report pipe.html \
	--report pipe.txt a.age b.age 2>pipe.err; echo $? >pipe.rc; } | true
[ "$(cat pipe.rc)" = 0 ] && ok || { bad "aggregate | true: Status $(cat pipe.rc)"; cat pipe.err; }
[ -s pipe.sav ] && [ -s pipe.html ] && [ -s pipe.senders ] && ok || bad "Ausgaben unvollständig"
grep -q "^A2 " pipe.txt && ok || { bad "pipe.txt ohne Häufigkeiten"; head -5 pipe.txt; }
expect 0 "$bin" aggregate --include-simulated -i team.key -o short.csv a.age b.age
[ "$(grep -c . "$tmp/out")" -lt 40 ] && ok || bad "Standardausgabe: $(grep -c . "$tmp/out") Zeilen"
has "Datensatz: short.csv (10 Antworten"
expect 2 "$bin" aggregate --include-simulated -i team.key -o x.csv --report bericht.pdf a.age
has "--report braucht die Endung .html oder .txt"

# Test data stays out unless asked for; the receipt counts it per file.
expect 1 "$bin" aggregate -i team.key --senders sim.senders -o sim.csv a.age
has "6 Testantworten, nicht übernommen"
has "6 simulierte Testantworten nicht übernommen"
[ -e sim.csv ] && bad "Datensatz aus Testantworten geschrieben" || ok
# Taken in on request: the receipt, and every page of the report, say so.
expect 0 "$bin" aggregate --include-simulated -i team.key --senders sim.senders -o sim.csv \
	--report sim.html --report sim.txt a.age
has "ACHTUNG: 6 simulierte Testantworten sind im Datensatz"
[ "$(grep -o 'Enthält 6 simulierte Testantworten' sim.html | wc -l)" -eq 2 ] && ok ||
	bad "sim.html ohne Hinweis oben und am Fuß jeder Druckseite"
grep -q 'position:fixed;bottom:0' sim.html && ok || bad "Hinweis nicht auf jeder Druckseite"
head -1 sim.txt | grep -q "ACHTUNG: Enthält 6 simulierte Testantworten" && ok || bad "sim.txt ohne Hinweis"

# The same file twice: duplicates, counted once.
expect 0 "$bin" aggregate --include-simulated -i team.key -o dup.csv a.age b.age a.age
has "6 doppelt"
has "10 Antworten im Datensatz"

# A tampered file, a file for another key, and a foreign file: skipped, the rest goes on.
cp a.age bad.age
printf 'X' | dd of=bad.age bs=1 seek=300 conv=notrunc 2>/dev/null
expect 0 "$bin" keygen -o other.key
other=$(grep -o 'age1[0-9a-z]*' out | head -1)
expect 0 "$bin" export $B --recipient "$other" --sender "Landkreis Beispiel" -o other.age
echo "kein export" >foreign.age
expect 1 "$bin" aggregate --include-simulated -i team.key -o part.csv bad.age other.age foreign.age b.age
has "ÜBERSPRUNGEN: die Datei wurde verändert"
has "anderen Schlüssel verschlüsselt"
has "keine age-Datei"
has "4 Antworten im Datensatz"

# A changed sender key: flagged, left out until accepted.
mkstore c
C="--store c --passphrase-file pw --form $desi"
expect 0 "$bin" simulate $C --count 2 --seed 5
expect 0 "$bin" export $C --recipient "$rcpt" --sender "Stadt Musterstadt" -o c.age
expect 1 "$bin" aggregate --include-simulated -i team.key -o chg.csv c.age b.age
has "SCHLÜSSEL GEÄNDERT"
has "4 Antworten im Datensatz"
sum=$(sha256sum chg.csv)
expect 1 "$bin" aggregate --include-simulated -i team.key -o chg.csv --accept-key "Stadt Musterstadt" c.age b.age
has "„chg.csv“ gibt es schon und wird nicht überschrieben"
[ "$(sha256sum chg.csv)" = "$sum" ] && ok || bad "chg.csv ohne --force überschrieben"
expect 0 "$bin" aggregate --include-simulated -i team.key -o chg.csv --force --accept-key "Stadt Musterstadt" c.age b.age
has "neu bestätigt"
has "6 Antworten im Datensatz"

# A detached signature that does not belong to the file.
cp b.age.minisig c.age.minisig
expect 1 "$bin" aggregate --include-simulated -i team.key -o sig.csv c.age
has "Signaturdatei"

# Bad calls.
expect 2 "$bin" aggregate --include-simulated -i team.key a.age
expect 2 "$bin" aggregate --include-simulated -i team.key -o x.txt a.age
expect 1 "$bin" aggregate -i nosuch.key -o x.csv a.age
has "lässt sich nicht lesen"
expect 2 "$bin" export $A --format pdf
expect 2 "$bin" simulate $A --count 0

finish
