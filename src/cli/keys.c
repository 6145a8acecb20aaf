/*
 * keys: `fragebogen keygen`, which makes the study team's age key pair, and
 * `fragebogen id`, which shows the store's public signing key so that the
 * team can check who signed an export.
 *
 * Neither ever overwrites a file: a lost team key cannot be recovered, and
 * every response encrypted to it would be lost with it. Files are written
 * whole or not at all (temporary file, fsync, link into place).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cli.h"
#include "crypto/age.h"
#include "crypto/sign.h"
#include "util/fio.h"
#include "store/keyring.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Why a file could not be written, in the interface language. */
static const char *why(int err)
{
	switch (err) {
	case ENOENT: return _("Den Ordner gibt es nicht.");
	case ENOTDIR: return _("Ein Teil des Pfads ist kein Ordner.");
	case EACCES: return _("Dort darf nicht geschrieben werden (fehlende Berechtigung).");
	case EROFS: return _("Der Datenträger ist schreibgeschützt.");
	case ENOSPC: return _("Der Datenträger ist voll.");
	case EDQUOT: return _("Das Speicherkontingent ist erschöpft.");
	case EISDIR: return _("Das ist ein Ordner.");
	case ENAMETOOLONG: return _("Der Name ist zu lang.");
	case EIO: return _("Der Datenträger meldet einen Ein-/Ausgabefehler.");
	default: return strerror(err);
	}
}

/* Write a new file where links are not supported (FAT): O_EXCL, fsync. */
static int write_excl(const char *path, const void *buf, size_t n, mode_t mode, int *err)
{
	int e2, fd = fio_open(path, O_WRONLY | O_CREAT | O_EXCL, mode, err);
	if (fd < 0)
		return -1;
	if (fio_write_all(fd, buf, n, err) < 0 || fio_fsync(fd, err) < 0) {
		fio_discard(fd);
		(void)fio_unlink(path, &e2); /* ours: O_EXCL made it */
		return -1;
	}
	if (fio_close(fd, err) < 0) {
		(void)fio_unlink(path, &e2);
		return -1;
	}
	return 0;
}

/*
 * Write 'buf' to the new file 'path', never replacing one; 'secret' when it
 * is the team's secret key (for the messages). Returns 0, or -1 with a
 * message on stderr.
 */
static int write_new(const char *path, const void *buf, size_t n, mode_t mode, bool secret)
{
	struct stat st;
	int err = 0, rc = -1;
	char *copy = xstrdup(path);
	const char *dir = dirname(copy);
	/* Only a file that is surely absent is written; a failed look is reported. */
	if (fio_stat(path, &st, &err) == 0)
		err = EEXIST;
	else if (err == ENOENT)
		rc = fio_replace(dir, path, buf, n, mode, false, &err);
	if (rc < 0 && (err == EPERM || err == ENOTSUP || err == EOPNOTSUPP || err == EMLINK))
		rc = write_excl(path, buf, n, mode, &err);
	free(copy);
	if (rc < 0 && err == EEXIST)
		fprintf(stderr, _("fragebogen: „%s“ gibt es schon und wird nicht überschrieben. Wählen "
		                  "Sie einen anderen Dateinamen.\n"), path);
	else if (rc < 0 && secret)
		fprintf(stderr, _("fragebogen: Die Schlüsseldatei „%s“ lässt sich nicht anlegen: %s Es "
		                  "wurde nichts geschrieben.\n"), path, why(err));
	else if (rc < 0)
		fprintf(stderr, _("fragebogen: Die Datei „%s“ lässt sich nicht anlegen: %s Es wurde "
		                  "nichts geschrieben.\n"), path, why(err));
	else if (rc > 0)
		fprintf(stderr, _("fragebogen: Warnung: „%s“ ist geschrieben, aber der Ordner ließ sich "
		                  "nicht auf den Datenträger sichern: %s Prüfen Sie die Datei nach einem "
		                  "Absturz.\n"), path, why(err));
	return rc < 0 ? -1 : 0;
}

/* The current local time as RFC 3339 ("2016-11-24T15:06:40+01:00"). */
static void now_rfc3339(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	size_t k = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	long off = tm.tm_gmtoff / 60, a = off < 0 ? -off : off;
	if (off == 0)
		snprintf(out + k, 32 - k, "Z");
	else
		snprintf(out + k, 32 - k, "%c%02ld:%02ld", off < 0 ? '-' : '+', a / 60, a % 60);
}

static const char *const keygen_usage =
	N_("Aufruf: fragebogen keygen -o DATEI\n"
	   "Erzeugt das Schlüsselpaar des Studienteams (age, X25519). Der geheime Schlüssel\n"
	   "kommt in DATEI (nur für Sie lesbar, wird nie überschrieben), der öffentliche\n"
	   "Schlüssel (age1…) wird ausgegeben.\n");

/* Parse keygen's options: 0 go on, 1 help shown, -1 wrong call. */
static int keygen_opts(int argc, char **argv, const char **out)
{
	static const struct option lo[] = {
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	*out = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+o:h", lo, NULL)) != -1) {
		if (c == 'o') {
			*out = optarg;
		} else if (c == 'h') {
			fputs(_(keygen_usage), stdout);
			return 1;
		} else {
			fputs(_(keygen_usage), stderr);
			return -1;
		}
	}
	if (optind < argc || !*out || !**out) {
		fputs(_("fragebogen: keygen braucht mit -o die Datei für den geheimen "
		        "Schlüssel, etwa: fragebogen keygen -o team.key\n"), stderr);
		return -1;
	}
	return 0;
}

int keygen_main(int argc, char **argv)
{
	const char *path;
	int rc = keygen_opts(argc, argv, &path);
	if (rc)
		return rc > 0 ? 0 : 2;
	char created[32], id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE];
	now_rfc3339(created);
	age_keygen(id, rcpt);
	char file[256];
	int n = snprintf(file, sizeof file, "# created: %s\n# public key: %s\n%s\n", created, rcpt,
	                 id);
	rc = write_new(path, file, (size_t)n, 0600, true);
	sodium_memzero(file, sizeof file);
	sodium_memzero(id, sizeof id);
	if (rc < 0)
		return 1;
	printf("%s\n", rcpt);
	fflush(stdout);
	fprintf(stderr,
	        _("Öffentlicher Schlüssel: %s\n\n"
	          "Tragen Sie diesen öffentlichen Schlüssel (age1…) im Fragebogen in das Feld\n"
	          "„recipient“ ein; damit werden die Antworten für das Studienteam verschlüsselt.\n\n"
	          "Der geheime Schlüssel steht in „%s“. Halten Sie diese Datei geheim und legen\n"
	          "Sie eine Sicherungskopie an einem sicheren Ort an: Ohne sie lassen sich die\n"
	          "Antworten nicht mehr entschlüsseln.\n"),
	        rcpt, path);
	return 0;
}

static const char *const id_usage =
	N_("Aufruf: fragebogen id [--store ORDNER] [-o DATEI.pub]\n"
	   "Zeigt den öffentlichen Signaturschlüssel dieses Speichers (minisign), seine\n"
	   "Schlüssel-ID und den Fingerabdruck zum Vorlesen am Telefon. Mit -o wird der\n"
	   "Schlüssel als minisign-Datei gespeichert (nie überschrieben). Ein Passwort ist\n"
	   "nicht nötig.\n");

/* Parse id's options: 0 go on, 1 help shown, -1 wrong call. */
static int id_opts(int argc, char **argv, const char **store, const char **out)
{
	static const struct option lo[] = {
		{"store", required_argument, NULL, 's'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	*store = *out = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+s:o:h", lo, NULL)) != -1) {
		if (c == 's') {
			*store = optarg;
		} else if (c == 'o') {
			*out = optarg;
		} else if (c == 'h') {
			fputs(_(id_usage), stdout);
			return 1;
		} else {
			fputs(_(id_usage), stderr);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("fragebogen: id erwartet keine weiteren Angaben („%s“).\n"),
		        argv[optind]);
		fputs(_(id_usage), stderr);
		return -1;
	}
	return 0;
}

int id_main(int argc, char **argv)
{
	const char *opt_store, *out;
	int rc = id_opts(argc, argv, &opt_store, &out);
	if (rc)
		return rc > 0 ? 0 : 2;
	char *dir = store_default_dir(opt_store);
	uint8_t pk[SIGN_PK_BYTES], keyid[SIGN_KEYID_BYTES];
	int err = 0;
	enum keyring_status st = keyring_public(dir, pk, &err);
	rc = 1;
	if (st != KR_OK) {
		fprintf(stderr, "fragebogen: %s: %s\n", dir, keyring_message(st, err));
		goto done;
	}
	char hex[17], fp[SIGN_FINGERPRINT_SIZE], *b64 = sign_pubkey_base64(pk);
	sign_keyid(pk, keyid);
	sign_keyid_hex(keyid, hex);
	sign_fingerprint(pk, fp);
	/* TRANSLATORS: the key ID and the fingerprint start in the same column. */
	printf(_("Öffentlicher Signaturschlüssel des Speichers „%s“ (minisign):\n\n"
	         "    %s\n\n"
	         "Schlüssel-ID:   %s\n"
	         "Fingerabdruck:  %s\n\n"
	         "Lesen Sie dem Studienteam den Fingerabdruck am Telefon vor. Damit prüft es,\n"
	         "dass Exporte mit diesem Schlüssel wirklich von Ihnen stammen.\n"),
	       dir, b64, hex, fp);
	free(b64);
	rc = 0;
	if (out) {
		char *file = sign_pubkey_file(pk);
		rc = write_new(out, file, strlen(file), 0644, false);
		free(file);
		if (rc == 0)
			printf(_("\nGespeichert in „%s“.\n"), out);
		rc = rc < 0 ? 1 : 0;
	}
done:
	free(dir);
	return rc;
}
