#!/bin/sh
# A full disk while filling in: the store on a tiny tmpfs, filled up in the
# middle of the questionnaire. The interface says so plainly, keeps the
# answer, and saves everything once there is room again; nothing saved
# before is damaged. Needs root to mount the tmpfs; skipped otherwise.
# Usage: diskfull.sh FRAGEBOGEN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../cli/lib.sh"
. "$here/lib.sh"
mnt="$tmp/mnt"
mkdir -p "$mnt"
trap 'T kill-server 2>/dev/null; umount "$mnt" 2>/dev/null; rm -rf "$tmp"' EXIT
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=512k tmpfs "$mnt" 2>/dev/null; then
	echo "Übersprungen: ein kleines tmpfs lässt sich hier nicht einhängen (braucht root)."
	exit 0
fi
export LANG=C.UTF-8
use_store "$mnt/speicher" init

start 80 24 "$bin --store $st"
wait_for "Passwort:"
type "$pw"; keys Enter
wait_for "Übersicht"
step n
wait_for "N_EINL"
step Enter
wait_for " A1 "
type "Vorher"; step Enter
wait_for " A2 "
# The disk fills up.
dd if=/dev/zero of="$mnt/fuellung" bs=4k 2>/dev/null
step 3 Enter
wait_for "Der Datenträger ist voll"
shows "schaffen Sie Platz"      # the whole message, over two rows
shows " A3 "
# Room again: the next answer saves everything.
rm -f "$mnt/fuellung"
step 3 Enter
wait_for " A4 "
wait_for "gespeichert"
step F10
wait_for "EXIT=0"
"$bin" list --store "$st" --passphrase-file "$tmp/pw" >"$tmp/out" 2>&1
has "Vorher"
id=$(awk 'NR==2 {print $1}' "$tmp/out")
"$bin" show --json --store "$st" --passphrase-file "$tmp/pw" "$id" >"$tmp/out" 2>&1
has '"A2":{"value":3'
has '"A3":{"value":3'
finish
