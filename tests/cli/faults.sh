#!/bin/sh
# A full disk or an I/O error at every single I/O call of an export, a
# plain export, a simulation, an aggregation (reading the files and the
# senders record, and writing a new one) and a form check (the form file,
# the passphrase file and the store are all read through the same counted
# calls): each either succeeds whole
# or ends with a clear German message, and no damaged file is left behind
# (the output is absent, or complete and readable).
# Usage: faults.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
unset FRAGEBOGEN_FAULT
cd "$tmp" || exit 1

printf 'Rathaus Musterstadt 2016\n' >pw
S="--store st --passphrase-file pw"
"$bin" init $S --kdf-cost test >/dev/null 2>&1 || bad "init"
"$bin" keygen -o team.key >k.out 2>&1 || bad "keygen"
rcpt=$(grep -o 'age1[0-9a-z]*' k.out | head -1)
"$bin" simulate $S --count 3 --seed 2 >/dev/null || bad "simulate"
"$bin" export $S --recipient "$rcpt" --sender "Stadt X" -o good.age >/dev/null 2>&1 || bad "export"

clear_msg() { grep -qE "voll|lässt sich nicht|fehlgeschlagen|Fehler" "$1"; }

# run_faults NAME CHECK CMD…: CMD with the Nth I/O call failing, for every
# N up to 80 (past the last call of each command, so the last runs must
# succeed). CHECK gets "clean" before each run and the exit status after it,
# and must find no damaged output.
run_faults() {
	name=$1 check=$2
	shift 2
	n=1 failed=0
	while [ $n -le 80 ]; do
		for e in ENOSPC EIO; do
			$check clean
			FRAGEBOGEN_FAULT=$n:$e "$@" >run.out 2>&1
			rc=$?
			if [ $rc -ne 0 ]; then
				failed=$n
				clear_msg run.out || { bad "$name, Aufruf $n ($e): unklare Meldung"; cat run.out; }
			fi
			$check "$rc" || bad "$name, Aufruf $n ($e): beschädigte Ausgabe"
		done
		n=$((n + 1))
	done
	[ $failed -gt 0 ] && [ $failed -lt 80 ] && ok || bad "$name: Fehler bis Aufruf $failed"
	echo "$name: Fehler an den Aufrufen 1 bis 80 geprüft, der letzte scheiternde war $failed"
}

sealed() { # the sealed file is absent, or opens
	[ "$1" = clean ] && { rm -f out.age out.age.minisig; return 0; }
	[ -e out.age ] || return 0
	rm -f chk.csv
	"$bin" aggregate --include-simulated -i team.key -o chk.csv out.age >/dev/null 2>&1
}
run_faults "export" sealed "$bin" export $S --recipient "$rcpt" --sender "Stadt X" -o out.age

plain() { # the CSV is absent, or has its four lines
	[ "$1" = clean ] && { rm -f out.csv; return 0; }
	[ -e out.csv ] || return 0
	[ "$(grep -c . out.csv)" -eq 4 ]
}
run_faults "export --format csv" plain "$bin" export $S --format csv -o out.csv

spss() { # the .sav is absent, or PSPP reads its three cases
	[ "$1" = clean ] && { rm -f out.sav; return 0; }
	[ -e out.sav ] || return 0
	command -v pspp >/dev/null 2>&1 || return 0
	printf "GET FILE='out.sav'.\nDISPLAY DICTIONARY.\n" >d.sps
	pspp -O format=csv -o d.csv d.sps >/dev/null 2>&1 && [ -s d.csv ]
}
run_faults "aggregate -o .sav" spss "$bin" aggregate --include-simulated -i team.key -o out.sav good.age

fresh() { # the record of a new sender is absent, or names it and is the owner's only
	[ "$1" = clean ] && { rm -f new.senders out.csv; return 0; }
	[ -e new.senders ] || return 0
	grep -q "	Stadt X$" new.senders && [ "$(stat -c %a new.senders)" = 600 ]
}
run_faults "aggregate, neuer Absender" fresh "$bin" aggregate --include-simulated -i team.key --senders new.senders \
	-o out.csv good.age

sims() { # the store never holds a damaged response
	[ "$1" = clean ] && return 0
	"$bin" list $S >l.out 2>&1 && ! grep -q "beschädigt" l.out
}
run_faults "simulate" sims "$bin" simulate $S --count 1 --seed 9

# Reading the form: a clear message and exit status 1, never a crash.
form=$src/forms/desi-kommunen-2016.json
FRAGEBOGEN_FAULT=1:EIO "$bin" validate "$form" >run.out 2>&1
[ $? -eq 1 ] && ok || bad "validate: gescheitertes Lesen nicht gemeldet"
grep -q "desi-kommunen-2016.json:1:1: die Datei lässt sich nicht öffnen" run.out && ok ||
	{ bad "validate: unklare Meldung"; cat run.out; }
checked() { # a form check has nothing to damage; it ends with 0 or 1
	[ "$1" = clean ] && return 0
	[ "$1" -le 1 ]
}
run_faults "validate" checked "$bin" validate "$form"
FRAGEBOGEN_FAULT=2:EIO "$bin" print "$form" >run.out 2>&1
[ $? -eq 1 ] && ok || bad "print: gescheitertes Lesen nicht gemeldet"
clear_msg run.out && ok || { bad "print: unklare Meldung"; cat run.out; }
FRAGEBOGEN_FAULT=1:EIO "$bin" list $S >run.out 2>&1
[ $? -eq 1 ] && ok || bad "list: gescheitertes Lesen der Passwortdatei nicht gemeldet"
grep -q "Passwortdatei" run.out && ok || { bad "list: unklare Meldung"; cat run.out; }

finish
