#!/bin/sh
# Black-box tests of the plain SPSS and Stata exports, read back by three
# programs that share no code with ReadStat: GNU PSPP, pandas and R's haven.
# Hand-chosen answers come in through import (not simulate: the values must
# be known; the rows come in no fixed order, so readers sort by A4). Checked: levels of measurement, value labels, user-missing
# codes, and the time stamps created/modified/completed as datetimes.
# A reader that is not installed is skipped with a note.
# Usage: readers.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 1

printf 'Rathaus Musterstadt 2016\n' >pw
desi="$src/forms/desi-kommunen-2016.json"
A="--store a --passphrase-file pw --form $desi"
expect 0 "$bin" init --store a --passphrase-file pw --kdf-cost test

# Three Kommunen: B1 (a rating scale) and A6 with the missing codes
# -1 "weiß nicht" and -2 "keine Angabe".
printf 'A1;A2;A3;A4;A5;A6;B1;status\r\n' >in.csv
printf 'Musterstadt;1;9;120000;09162000;1;2;complete\r\n' >>in.csv
printf 'Köln;2;5;1080000;05315000;-2;-1;complete\r\n' >>in.csv
printf 'Landkreis Beispiel;3;9;250000;09188000;2;4;complete\r\n' >>in.csv
expect 0 "$bin" import $A in.csv
has "3 Antworten importiert"
expect 0 "$bin" export $A --format sav -o a.sav
expect 0 "$bin" export $A --format dta -o a.dta
[ -s a.sav ] && [ -s a.dta ] && ok || bad "a.sav oder a.dta fehlt"

# PSPP: the dictionary says nominal, ordinal, scale and DATETIME.
if command -v pspp >/dev/null 2>&1; then
	printf "GET FILE='a.sav'.\nDISPLAY DICTIONARY.\nLIST VARIABLES=A2 B1 A4 created.\n" >d.sps
	pspp -O format=csv d.sps >pspp.out 2>&1
	grep -qi 'error' pspp.out && { bad "PSPP meldet Fehler"; cat pspp.out; }
	for want in '^A2,[0-9]*,Art der Kommune,Nominal,' '^B1,[0-9]*,[^,]*,Ordinal,' \
		'^A4,[0-9]*,[^,]*,Scale,' '^created,[0-9]*,[^,]*,Scale,Input,20,Right,DATETIME20.0,' \
		'^GKL,[0-9]*,[^,]*,Ordinal,' '^B1,.*,-2; -1$'; do
		grep -q "$want" pspp.out && ok || { bad "PSPP: keine Zeile $want"; grep -E '^(A2|B1|A4|created|GKL),' pspp.out; }
	done
	grep -qE '^2,-1,1080000,[0-9]{2}-[A-Z]{3}-20[0-9]{2} [0-9:]{8}$' pspp.out && ok ||
		{ bad "PSPP: Zeile von Köln"; tail -5 pspp.out; }
else
	echo "pspp nicht installiert: Gegenprobe mit PSPP übersprungen"
fi

# pandas: time stamps as datetime64, values and labels.
if /usr/bin/python3 -c 'import pandas' >/dev/null 2>&1; then
	/usr/bin/python3 - >py.out 2>&1 <<'EOF'
import pandas as pd
d = pd.read_stata('a.dta', convert_categoricals=False).sort_values('A4')
print('dtypes', d.dtypes['created'], d.dtypes['modified'], d.dtypes['completed'])
print('A4', *d['A4'])
print('created', all(d['created'].dt.year >= 2016))
c = pd.read_stata('a.dta').sort_values('A4')
print('A2', *c['A2'])
EOF
	for want in 'dtypes datetime64[ns] datetime64[ns] datetime64[ns]' 'A4 120000 250000 1080000' \
		'created True' 'A2 kreisfreie Stadt Landkreis kreisangehörige Stadt oder Gemeinde'; do
		grep -qxF "$want" py.out && ok || { bad "pandas: keine Zeile $want"; cat py.out; }
	done
else
	echo "/usr/bin/python3 mit pandas fehlt: Gegenprobe mit pandas übersprungen"
fi

# R haven: value labels, user-missing codes kept as labelled missing
# (user_na = TRUE), created as POSIXct, in both files.
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(haven)' >/dev/null 2>&1; then
	Rscript - >r.out 2>&1 <<'EOF'
suppressMessages(library(haven))
s <- read_sav("a.sav", user_na = TRUE)
s <- s[order(s$A4), ]
cat("labels", paste(names(attr(s$A2, "labels")), collapse = " | "), "\n")
cat("B1", paste(as.numeric(s$B1), collapse = " "), "\n")
cat("B1 missing", paste(is.na(s$B1), collapse = " "), "\n")
cat("na_values", paste(attr(s$B1, "na_values"), collapse = " "), "\n")
cat("sav created", class(s$created)[1], format(s$created[1], "%Y", tz = "UTC") >= "2016", "\n")
d <- read_dta("a.dta")
d <- d[order(d$A4), ]
cat("dta created", class(d$created)[1], "\n")
cat("dta B1", paste(format(d$B1), collapse = " "), "\n")
cat("dta A2", paste(as_factor(d$A2), collapse = " | "), "\n")
EOF
	for want in 'labels kreisfreie Stadt | kreisangehörige Stadt oder Gemeinde | Landkreis ' \
		'B1 2 4 -1 ' 'B1 missing FALSE FALSE TRUE ' 'na_values -2 -1 ' 'sav created POSIXct TRUE ' \
		'dta created POSIXct ' 'dta A2 kreisfreie Stadt | Landkreis | kreisangehörige Stadt oder Gemeinde '; do
		grep -qxF "$want" r.out && ok || { bad "haven: keine Zeile $want"; cat r.out; }
	done
	grep -q '^dta B1 .*NA(a)' r.out && ok || { bad "haven: B1 -1 nicht als .a"; cat r.out; }
else
	echo "R mit haven nicht installiert: Gegenprobe mit haven übersprungen"
fi

finish
