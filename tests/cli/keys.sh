#!/bin/sh
# Black-box tests of `fragebogen keygen` and `fragebogen id`, with the real
# age and minisign tools where they are installed.
# Usage: keys.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
unset FRAGEBOGEN_PASSPHRASE_FILE FRAGEBOGEN_STORE FRAGEBOGEN_FAULT

# --- keygen: an age identity file, recipient on stdout, hint on stderr.
key="$tmp/team.key"
"$bin" keygen -o "$key" >"$tmp/rcpt" 2>"$tmp/out"
[ $? -eq 0 ] && ok || bad "keygen schlug fehl"
rcpt=$(cat "$tmp/rcpt")
[ "$(wc -l <"$tmp/rcpt")" -eq 1 ] && ok || bad "stdout ist nicht genau eine Zeile"
echo "$rcpt" | grep -qE '^age1[02-9ac-hj-np-z]{58}$' && ok || bad "kein Empfänger: $rcpt"
has "„recipient“"
has "geheim"
has "Sicherungskopie"
[ "$(stat -c %a "$key")" = 600 ] && ok || bad "team.key nicht 0600"
[ "$(wc -l <"$key")" -eq 3 ] && ok || bad "team.key hat nicht drei Zeilen"
sed -n 1p "$key" | grep -qE '^# created: [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})$' &&
	ok || bad "Zeile 1 von team.key: $(sed -n 1p "$key")"
[ "$(sed -n 2p "$key")" = "# public key: $rcpt" ] && ok || bad "Zeile 2 von team.key"
sed -n 3p "$key" | grep -qE '^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$' && ok || bad "Zeile 3 von team.key"

if command -v age >/dev/null 2>&1; then
	printf 'Antworten aus Musterstadt\n' | age -r "$rcpt" >"$tmp/ct" && ok || bad "age -r lehnt den Empfänger ab"
	[ "$(age -d -i "$key" "$tmp/ct")" = "Antworten aus Musterstadt" ] && ok ||
		bad "age -d -i team.key entschlüsselt nicht"
	if command -v age-keygen >/dev/null 2>&1; then
		[ "$(age-keygen -y "$key")" = "$rcpt" ] && ok || bad "age-keygen -y liefert einen anderen Empfänger"
	fi
else
	echo "Hinweis: age ist nicht installiert; das Zusammenspiel wird nicht geprüft"
fi

# Two keys are different.
"$bin" keygen -o "$tmp/zwei.key" >"$tmp/rcpt2" 2>/dev/null
[ "$(cat "$tmp/rcpt2")" != "$rcpt" ] && ok || bad "zweimal derselbe Schlüssel"

# Never overwrites, and says so in German.
before=$(sha256sum <"$key")
expect 1 "$bin" keygen -o "$key"
has "„$key“ gibt es schon und wird nicht überschrieben"
[ "$before" = "$(sha256sum <"$key")" ] && ok || bad "team.key wurde verändert"
expect 1 "$bin" keygen -o "$tmp/fehlt/team.key"
has "lässt sich nicht anlegen: Den Ordner gibt es nicht."
[ ! -e "$tmp/fehlt" ] && ok || bad "Ordner angelegt"
expect 1 "$bin" keygen -o "$tmp"
has "gibt es schon"
expect 2 "$bin" keygen
has "braucht mit -o die Datei"
expect 2 "$bin" keygen -o "$tmp/x.key" zuviel
expect 0 "$bin" keygen --help
has "Aufruf: fragebogen keygen -o DATEI"

# A failure at any step of writing leaves nothing behind: the look for an
# existing file, then the temporary file's open, write, fsync, close and link.
mkdir "$tmp/fehler"
for n in 1 2 3 4 5 6; do
	FRAGEBOGEN_FAULT="$n:ENOSPC" "$bin" keygen -o "$tmp/fehler/team.key" >"$tmp/out" 2>&1
	[ $? -eq 1 ] && ok || bad "Fehler bei Schritt $n nicht gemeldet"
	has "Der Datenträger ist voll."
	hasnt "age1"
	[ -z "$(ls -A "$tmp/fehler")" ] && ok || bad "Schritt $n hinterlässt: $(ls -A "$tmp/fehler")"
done
# If only the folder cannot be synced, the key is there and the user is warned.
FRAGEBOGEN_FAULT="7:EIO" "$bin" keygen -o "$tmp/fehler/team.key" >"$tmp/out" 2>&1
[ $? -eq 0 ] && ok || bad "Schritt 7: Fehlschlag"
has "Warnung"
[ "$(ls -A "$tmp/fehler")" = team.key ] && ok || bad "Schritt 7: $(ls -A "$tmp/fehler")"

# --- id: the store's public signing key, without the passphrase.
printf 'Rathaus Musterstadt 2016\n' >"$tmp/pw"
st="$tmp/speicher"
expect 0 "$bin" init --store "$st" --passphrase-file "$tmp/pw" --kdf-cost test
expect 0 "$bin" id --store "$st" </dev/null
has "Schlüssel-ID:"
hasnt "Passwort"
fp1=$(sed -n 's/^Fingerabdruck: *//p' "$tmp/out")
kid=$(sed -n 's/^Schlüssel-ID: *//p' "$tmp/out")
pub=$(sed -n 's/^ *\(RW[A-Za-z0-9+/]*\)$/\1/p' "$tmp/out")
echo "$fp1" | grep -qE '^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$' && ok || bad "Fingerabdruck: $fp1"
echo "$kid" | grep -qE '^[0-9A-F]{16}$' && ok || bad "Schlüssel-ID: $kid"
[ ${#pub} -eq 56 ] && ok || bad "Schlüssel: $pub"
FRAGEBOGEN_STORE="$st" "$bin" id >"$tmp/out" 2>&1
[ "$(sed -n 's/^Fingerabdruck: *//p' "$tmp/out")" = "$fp1" ] && ok || bad "Fingerabdruck nicht stabil"

expect 0 "$bin" id --store "$st" -o "$tmp/k.pub"
has "Gespeichert in „$tmp/k.pub“"
[ "$(sed -n 2p "$tmp/k.pub")" = "$pub" ] && ok || bad "k.pub enthält einen anderen Schlüssel"
sed -n 1p "$tmp/k.pub" | grep -q "^untrusted comment: .*$kid" && ok || bad "k.pub: Kommentarzeile"
before=$(sha256sum <"$tmp/k.pub")
expect 1 "$bin" id --store "$st" -o "$tmp/k.pub"
has "gibt es schon und wird nicht überschrieben"
[ "$before" = "$(sha256sum <"$tmp/k.pub")" ] && ok || bad "k.pub wurde verändert"

if command -v minisign >/dev/null 2>&1; then
	# minisign reads the key: a foreign signature fails on the key id, not the format.
	(cd "$tmp" && minisign -G -W -p fremd.pub -s fremd.sec >/dev/null 2>&1 &&
		printf 'x\n' >f && minisign -S -s fremd.sec -m f >/dev/null 2>&1) || bad "minisign -G/-S"
	# minisign prints key ids without leading zeros.
	kid_short=$(printf '%s' "$kid" | sed 's/^0*//')
	expect 1 minisign -V -p "$tmp/k.pub" -m "$tmp/f"
	has "$kid_short"
	expect 1 minisign -V -P "$pub" -m "$tmp/f"
	has "$kid_short"
else
	echo "Hinweis: minisign ist nicht installiert; das Zusammenspiel wird nicht geprüft"
fi

# Another store has another fingerprint.
expect 0 "$bin" init --store "$tmp/zweiter" --passphrase-file "$tmp/pw" --kdf-cost test
expect 0 "$bin" id --store "$tmp/zweiter"
hasnt "$fp1"

# No store, a damaged key file, a wrong call.
expect 1 "$bin" id --store "$tmp/leer"
has "kein Speicher eingerichtet"
cp -r "$st" "$tmp/kaputt"
head -c 100 "$st/store.key" >"$tmp/kaputt/store.key"
expect 1 "$bin" id --store "$tmp/kaputt"
has "beschädigt"
# A public key that is no curve point is refused as damaged too.
cp "$st/store.key" "$tmp/kaputt/store.key"
printf '\001\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' |
	dd of="$tmp/kaputt/store.key" bs=1 seek=200 conv=notrunc 2>/dev/null
expect 1 "$bin" id --store "$tmp/kaputt"
has "beschädigt"
expect 1 "$bin" id --store "$st" -o "$tmp/fehlt/k.pub"
has "Den Ordner gibt es nicht."
expect 2 "$bin" id --store "$st" zuviel
expect 2 "$bin" id --passphrase-file "$tmp/pw"
expect 0 "$bin" --help
has "fragebogen keygen"
has "fragebogen id"

finish
