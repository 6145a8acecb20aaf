#!/bin/sh
# Black-box tests of `fragebogen codebook`: the content of the DESI codebook
# (routing, checks, value labels, option variables, computed values), the
# HTML page (self-contained, escaped), and wrong calls.
# Usage: codebook.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
desi=$src/forms/desi-kommunen-2016.json
nb=$(printf '\302\240') # no-break space between digit groups
export SOURCE_DATE_EPOCH=1480550400 # 1 December 2016

# block FILE ID: the part of a Markdown codebook about question ID, into $tmp/out
block() {
	awk -v h="### $2" 'index($0, h) == 1 && (length($0) == length(h) || substr($0, length(h) + 1, 1) == " ") {on = 1; print; next}
		/^##/ {on = 0} on' "$1" >"$tmp/out"
	[ -s "$tmp/out" ] || bad "keine Frage $2 im Codebuch"
}

expect 0 "$bin" codebook --help
has "Aufruf: fragebogen codebook FORMULAR"
expect 0 "$bin" --help
has "fragebogen codebook FORMULAR"

# Markdown on standard output.
expect 0 "$bin" codebook "$desi"
cp "$tmp/out" "$tmp/stdout.md"
has "# Codebuch – Kommunale Integration von Geflüchteten 2016"
has '**Fragebogen:** `desi-kommunen-2016`, Version 2016.2'
has "**Stand:** 01.12.2016"
has '| -1 | weiß nicht | `w` |'
has '| -2 | keine Angabe | `k` |'
has '| `status` | Status der Antwort | Code | 1 = Entwurf; 2 = abgeschlossen | — |'

# With -o the same text goes into the file, and nothing else is left behind.
expect 0 "$bin" codebook "$desi" -o "$tmp/desi.md"
[ ! -s "$tmp/out" ] && ok || bad "mit -o soll nichts auf die Standardausgabe"
cmp -s "$tmp/desi.md" "$tmp/stdout.md" && ok || bad "Datei und Standardausgabe unterscheiden sich"
ls "$tmp" | grep -q tmp && bad "temporäre Datei übrig: $(ls "$tmp")" || ok
md=$tmp/desi.md

block "$md" A1
has "**Antwort:** Pflicht"
has "**Gefragt:** immer"
block "$md" B2
has "**Antwort:** freiwillig"

# G2 and G3 depend on G1.
block "$md" G2
has '**Gefragt:** wenn G1 = 1 („ja, beschlossen“) (Ausdruck: `selected(G1, 1)`)'
has "**Antwort:** weiche Pflicht"
has "**Wertebereich:** mindestens 1980, höchstens 2017"
block "$md" G3
has '**Gefragt:** wenn G1 = 1 („ja, beschlossen“) oder G1 = 2 („in Erarbeitung“) (Ausdruck: `selected(G1, 1) or selected(G1, 2)`)'
block "$md" G1
has "**Gefragt:** immer"

# H2 and H3: only when H1 is answered and „keine“ is not among the answers.
for q in H2 H3; do
	block "$md" $q
	has '**Gefragt:** wenn H1 beantwortet ist und bei H1 „keine“ (8) nicht gewählt ist (Ausdruck: `answered(H1) and not selected(H1, 8)`)'
done
# the value labels of a scale, and the missing codes it offers
block "$md" H2
has '| `H2` | Qualität der Zusammenarbeit am Arbeitsmarkt | Code (Skala) | 1 = sehr gut; 2 = gut; 3 = weniger gut; 4 = schlecht | -2 = keine Angabe; -1 = weiß nicht |'

# The AGS: pattern and both checks, read in German, with their messages.
block "$md" A5
has '**Muster:** `[0-9]{8}`'
has '**Prüfung A5.1 (Fehler):** gültig, wenn Zeichen 1–2 von A5 als Zahl = A3 (Ausdruck: `num(substr(A5, 1, 2)) == A3`). Meldung: „Die ersten beiden Ziffern des Gemeindeschlüssels'
has '**Prüfung A5.2 (Fehler):** gültig, wenn A2 ≠ 3 („Landkreis“) oder Zeichen 6–8 von A5 = „000“'
block "$md" A8
has "**Prüfung A8.1 (Warnung):** gültig, wenn A7 (ersatzweise 0) + A8 ≤ A4 / 10"

# A multiple choice: one 0/1 variable per option, the text of „Sonstiges“.
block "$md" D1
has '| `D1_1` | Ressourcen: freiwilliges Engagement der Bürger_innen | 0/1 |'
has '| `D1_12` | Ressourcen: keine der genannten | 0/1 |'
has '| `D1_txt` | Ressourcen: Sonstiges, und zwar: (Text) | Text |'
has "**Werte (für jede dieser Variablen):** 0 = nicht genannt; 1 = genannt"
has "**Ausschließlich:** „keine der genannten“ hebt alle anderen Antworten auf"
# A matrix: one variable per row, one scale for all.
block "$md" B4
has '| `B4_7` |'
has "**Werte (für jede dieser Variablen):** 1 = sehr wichtig; 2 = wichtig; 3 = weniger wichtig; 4 = unwichtig"

# Computed values with the formula read aloud and its result labels.
block "$md" GKL
has "**Berechnung:** wenn A2 = 3 („Landkreis“), dann 5 („Landkreis“); wenn A4 ≥ 100${nb}000, dann 1 („Großstadt"
has "wenn A4 ≥ 5000, dann 3 („Kleinstadt"
has "; sonst 4 („Gemeinde unter 5 000 Einwohner_innen“)"
has '| `GKL` | Gemeindegrößenklasse | Code | 1 = Großstadt'
block "$md" FLQ
has "**Berechnung:** gerundet((A7 + A8) · 1000 / A4)"

# HTML: one page, no scripts, nothing loaded from elsewhere.
expect 0 "$bin" codebook -o "$tmp/desi.html" "$desi"
cp "$tmp/desi.html" "$tmp/out"
head -1 "$tmp/out" | grep -qx '<!DOCTYPE html>' && ok || bad "kein HTML-Dokument"
has '<html lang="de">'
has '<meta charset="utf-8">'
has "<style>"
has "@media print"
has '</html>'
for s in "<script" "http://" "https://" "<link" "<img" "<iframe" "url(" "@import" "src="; do
	hasnt "$s"
done
grep -o 'href="[^"]*"' "$tmp/out" | grep -qv 'href="#' && bad "Verweis nach außen" || ok
has '<h3 id="q-G2">G2 – Jahr des Beschlusses des Integrationskonzepts</h3>'
has '<strong>Gefragt:</strong> wenn G1 = 1 („ja, beschlossen“) (Ausdruck: <code>selected(G1, 1)</code>)'
has "wenn H1 beantwortet ist und bei H1 „keine“ (8) nicht gewählt ist"
has "<td><code>D1_3</code></td>"
has "wenn A4 ≥ 100${nb}000"
has "gültig, wenn A7 ≤ A4 / 10 (Ausdruck: <code>A7 &lt;= A4 / 10</code>)"
hasnt "A7 <= A4"

# Special characters in a form's texts are escaped, never markup.
cat >"$tmp/sonder.json" <<'EOF'
{
  "id": "sonder", "title": "Test <b>&\"</b>", "version": "1", "language": "de",
  "missing": [ { "code": -1, "label": "weiß <i>nicht</i>", "key": "w" } ],
  "sections": [ { "id": "S", "title": "Teil <script>", "questions": [
    { "id": "Q1", "type": "single", "text": "Frage <b>&\"", "label": "Label <b>&\" a|b *x*",
      "choices": [ { "code": 1, "label": "<b>&\"" }, { "code": 2, "label": "x|y" } ] },
    { "id": "Q2", "type": "integer", "text": "1. Zahl", "min": 0,
      "visible_if": "selected(Q1, 1)",
      "checks": [ { "valid_if": "Q2 < 10", "message": "<b>&\" zu groß" } ] }
  ] } ]
}
EOF
expect 0 "$bin" codebook "$tmp/sonder.json" -o "$tmp/sonder.html"
cp "$tmp/sonder.html" "$tmp/out"
has "<title>Codebuch – Test &lt;b&gt;&amp;&quot;&lt;/b&gt;</title>"
has "Label &lt;b&gt;&amp;&quot; a|b *x*"
has "1 = &lt;b&gt;&amp;&quot;"
has "weiß &lt;i&gt;nicht&lt;/i&gt;"
has "Teil &lt;script&gt;"
has "Q1 = 1 („&lt;b&gt;&amp;&quot;“)"
has "Meldung: „&lt;b&gt;&amp;&quot; zu groß“"
hasnt '<b>'
hasnt '<i>'
hasnt '<script'

expect 0 "$bin" codebook "$tmp/sonder.json" -o "$tmp/sonder.md"
cp "$tmp/sonder.md" "$tmp/out"
has 'Label \<b>&" a\|b \*x\*'
has '; 2 = x\|y | '
has '1\. Zahl'
grep -E '(^|[^\\])<(b|i|script)' "$tmp/out" >/dev/null && bad "unmaskiertes HTML im Markdown" || ok
# every row of the variable table has as many cells as its head
sed 's/\\|//g' "$tmp/out" | awk -F'|' '/^\| `Q1`/ {print NF}' | grep -qx 7 && ok ||
	bad "Tabellenzeile zerfällt"

# Wrong calls: German messages, exit status 2, no file.
expect 2 "$bin" codebook
has "welches Formular?"
expect 2 "$bin" codebook "$desi" -o "$tmp/codebuch.pdf"
has "„$tmp/codebuch.pdf“: das Format ergibt sich aus der Endung, möglich sind .md und .html"
[ -e "$tmp/codebuch.pdf" ] && bad "Datei trotz Fehler angelegt" || ok
expect 2 "$bin" codebook "$desi" -o "$tmp/codebuch"
has "möglich sind .md und .html"
expect 2 "$bin" codebook "$desi" -o
has "-o erwartet einen Dateinamen"
expect 2 "$bin" codebook --format html "$desi"
has "unbekannte Option „--format“"
expect 2 "$bin" codebook "$desi" "$desi"
has "nur ein Formular"

# A broken form: its problems, exit status 1.
printf '{"id": "x",\n  "title": }\n' >"$tmp/kaputt.json"
expect 1 "$bin" codebook "$tmp/kaputt.json" -o "$tmp/kaputt.md"
has "$tmp/kaputt.json:2:"
[ -e "$tmp/kaputt.md" ] && bad "Codebuch trotz kaputtem Formular" || ok
expect 1 "$bin" codebook "$tmp/fehlt.json"
has "fehlt.json:1:1: die Datei lässt sich nicht öffnen"
# A folder that does not exist: exit status 1, in German.
expect 1 "$bin" codebook "$desi" -o "$tmp/gibtsnicht/c.md"
has "„$tmp/gibtsnicht/c.md“ lässt sich nicht schreiben: den Ordner gibt es nicht"

finish
