#define _GNU_SOURCE
/*
 * test_prefs: the encrypted settings file of a store — round trips, what
 * reaches the disk, files from elsewhere or altered, failures injected at
 * every I/O call of a write, and that listing responses ignores it.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/keyring.h"
#include "store/prefs.h"
#include "store/store.h"
#include "util/fio.h"
#include "util/uuid.h"

static char dir[64], dir2[64];

static void mkdirs(void)
{
	cr_assert_eq(sodium_init() >= 0, 1);
	cr_assert_not_null(mkdtemp(strcpy(dir, "/tmp/fbprefs-XXXXXX")));
	cr_assert_not_null(mkdtemp(strcpy(dir2, "/tmp/fbprefs-XXXXXX")));
	fio_fault_set(0, 0);
}

/* Remove a test folder and the files in it. */
static void rmdir_all(const char *d)
{
	DIR *dd = opendir(d);
	struct dirent *de;
	while (dd && (de = readdir(dd)))
		if (de->d_name[0] != '.') {
			char p[600];
			snprintf(p, sizeof p, "%s/%s", d, de->d_name);
			unlink(p);
		}
	if (dd)
		closedir(dd);
	rmdir(d);
}

static void rmdirs(void)
{
	fio_fault_set(0, 0);
	rmdir_all(dir);
	rmdir_all(dir2);
}

TestSuite(prefs, .init = mkdirs, .fini = rmdirs);

/* A new keyring in 'd', with the fast test cost. */
static struct keyring *new_keyring(const char *d)
{
	struct kdf_cost c;
	char code[RECOVERY_LEN + 1];
	struct keyring *k;
	int err;
	cr_assert_eq(keyring_cost("test", &c), 0);
	cr_assert_eq(keyring_create(d, "richtig", 7, c, code, &k, &err), KR_OK);
	return k;
}

/* The bytes of a file, which must exist. */
static uint8_t *slurp(const char *path, size_t *n)
{
	uint8_t *buf;
	int err;
	cr_assert_eq(fio_read_file(path, 1u << 20, &buf, n, &err), 0, "%s", path);
	return buf;
}

/* Write 'n' bytes to 'path' (a test's own tampering, not the program's). */
static void spill(const char *path, const uint8_t *buf, size_t n)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(buf, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

/* The value of 'key', which must be readable; NULL if unset. */
static char *get_ok(const struct store *s, const char *key)
{
	char *v, msg[300] = "";
	cr_assert_eq(prefs_get(s, key, &v, msg, sizeof msg), 0, "%s", msg);
	return v;
}

static void set_ok(const struct store *s, const char *key, const char *value)
{
	char msg[300] = "";
	cr_assert_eq(prefs_set(s, key, value, msg, sizeof msg), 0, "%s", msg);
}

Test(prefs, round_trip_unset_and_two_keys)
{
	struct keyring *k = new_keyring(dir);
	struct store s;
	store_open(&s, dir, k);
	cr_assert_null(get_ok(&s, "sender"), "no file: unset");
	set_ok(&s, "sender", "Stadt Musterstadt");
	char *v = get_ok(&s, "sender");
	cr_assert_str_eq(v, "Stadt Musterstadt");
	free(v);
	cr_assert_null(get_ok(&s, "other"), "unset key");
	set_ok(&s, "recipient", "age1xyz");
	set_ok(&s, "sender", "Gemeinde Beispiel");
	v = get_ok(&s, "sender");
	cr_assert_str_eq(v, "Gemeinde Beispiel");
	free(v);
	v = get_ok(&s, "recipient");
	cr_assert_str_eq(v, "age1xyz");
	free(v);
	set_ok(&s, "sender", NULL);
	cr_assert_null(get_ok(&s, "sender"), "removed");
	v = get_ok(&s, "recipient");
	cr_assert_str_eq(v, "age1xyz", "the other key stays");
	free(v);
	set_ok(&s, "nothing", NULL); /* removing an unset key is fine */
	char msg[300] = "";
	cr_assert_eq(prefs_set(&s, "", "x", msg, sizeof msg), -1);
	cr_assert(msg[0]);
	store_close(&s);
	keyring_free(&k);
}

Test(prefs, umlauts_quotes_and_no_plaintext_on_disk)
{
	struct keyring *k = new_keyring(dir);
	struct store s;
	store_open(&s, dir, k);
	const char *val = "Gemeinde „Süßbach“ \"Öko\" \\ Straße\tß";
	set_ok(&s, "sender", val);
	char *v = get_ok(&s, "sender");
	cr_assert_str_eq(v, val);
	free(v);
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, PREFS_FILE);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	size_t n;
	uint8_t *buf = slurp(path, &n);
	const char *needles[] = {"Süßbach", "Gemeinde", "sender", "Öko"};
	for (size_t i = 0; i < sizeof needles / sizeof *needles; i++)
		cr_assert_null(memmem(buf, n, needles[i], strlen(needles[i])), "%s on disk",
		               needles[i]);
	free(buf);
	store_close(&s);
	keyring_free(&k);
}

Test(prefs, file_of_another_store_is_refused)
{
	struct keyring *k = new_keyring(dir), *k2 = new_keyring(dir2);
	struct store s, s2;
	store_open(&s, dir, k);
	store_open(&s2, dir2, k2);
	set_ok(&s, "sender", "Eigene Stadt");
	set_ok(&s2, "sender", "Fremde Stadt");
	char p1[128], p2[128], msg[300] = "";
	snprintf(p1, sizeof p1, "%s/%s", dir, PREFS_FILE);
	snprintf(p2, sizeof p2, "%s/%s", dir2, PREFS_FILE);
	size_t n;
	uint8_t *buf = slurp(p2, &n);
	spill(p1, buf, n);
	free(buf);
	char *v = (char *)1;
	cr_assert_eq(prefs_get(&s, "sender", &v, msg, sizeof msg), -1);
	cr_assert_null(v);
	cr_assert(strstr(msg, "anderen Speicher"), "%s", msg);
	msg[0] = '\0';
	cr_assert_eq(prefs_set(&s, "sender", "neu", msg, sizeof msg), -1, "not overwritten");
	cr_assert(strstr(msg, "anderen Speicher"), "%s", msg);
	buf = slurp(p1, &n);
	size_t n2;
	uint8_t *orig = slurp(p2, &n2);
	cr_assert(n == n2 && memcmp(buf, orig, n) == 0, "the refused file is left as it was");
	free(buf);
	free(orig);
	store_close(&s);
	store_close(&s2);
	keyring_free(&k);
	keyring_free(&k2);
}

Test(prefs, every_flipped_byte_is_refused)
{
	struct keyring *k = new_keyring(dir);
	struct store s;
	store_open(&s, dir, k);
	set_ok(&s, "sender", "Stadt Musterstadt");
	char path[128], msg[300];
	snprintf(path, sizeof path, "%s/%s", dir, PREFS_FILE);
	size_t n;
	uint8_t *good = slurp(path, &n);
	for (size_t i = 0; i < n; i++) {
		good[i] ^= 0x01;
		spill(path, good, n);
		good[i] ^= 0x01;
		char *v = NULL;
		msg[0] = '\0';
		cr_assert_eq(prefs_get(&s, "sender", &v, msg, sizeof msg), -1, "byte %zu", i);
		cr_assert_null(v);
		cr_assert(msg[0], "byte %zu: a message", i);
	}
	spill(path, good, n - 1); /* truncated */
	char *v = NULL;
	cr_assert_eq(prefs_get(&s, "sender", &v, msg, sizeof msg), -1);
	cr_assert(strstr(msg, "beschädigt"), "%s", msg);
	spill(path, (const uint8_t *)"{\"sender\":\"x\"}", 14); /* plaintext: not ours */
	cr_assert_eq(prefs_get(&s, "sender", &v, msg, sizeof msg), -1);
	cr_assert(strstr(msg, "keine Einstellungsdatei"), "%s", msg);
	spill(path, good, n);
	v = get_ok(&s, "sender");
	cr_assert_str_eq(v, "Stadt Musterstadt");
	free(v);
	free(good);
	store_close(&s);
	keyring_free(&k);
}

Test(prefs, response_file_is_no_settings_file_and_too_large_is_refused)
{
	struct keyring *k = new_keyring(dir);
	struct store s;
	store_open(&s, dir, k);
	char uuid[UUID_TEXT], msg[300] = "", path[128], rpath[128];
	uuid_new(uuid);
	uint64_t gen = 0;
	cr_assert_eq(store_save(&s, uuid, &gen, "{}", "{\"sender\":\"x\"}", msg, sizeof msg), 0);
	snprintf(path, sizeof path, "%s/%s", dir, PREFS_FILE);
	snprintf(rpath, sizeof rpath, "%s/%s.fbr", dir, uuid);
	size_t n;
	uint8_t *buf = slurp(rpath, &n);
	spill(path, buf, n);
	free(buf);
	char *v = NULL;
	cr_assert_eq(prefs_get(&s, "sender", &v, msg, sizeof msg), -1, "a swapped response file");
	cr_assert(strstr(msg, "keine Einstellungsdatei"), "%s", msg);
	/* and the other way round: settings under a response's name */
	unlink(path);
	set_ok(&s, "sender", "Stadt");
	buf = slurp(path, &n);
	spill(rpath, buf, n);
	free(buf);
	char *json = NULL;
	const char *note;
	cr_assert_eq(store_load(&s, uuid, &json, &gen, &note, msg, sizeof msg), -1);
	cr_assert_null(json);
	/* a file over the limit is not read at all */
	uint8_t *big = calloc(PREFS_MAX + 1, 1);
	spill(path, big, PREFS_MAX + 1);
	free(big);
	cr_assert_eq(prefs_get(&s, "sender", &v, msg, sizeof msg), -1);
	cr_assert(strstr(msg, "zu groß"), "%s", msg);
	store_close(&s);
	keyring_free(&k);
}

Test(prefs, too_large_settings_are_not_written)
{
	struct keyring *k = new_keyring(dir);
	struct store s;
	store_open(&s, dir, k);
	set_ok(&s, "sender", "Stadt");
	char *huge = malloc(PREFS_MAX);
	memset(huge, 'a', PREFS_MAX - 1);
	huge[PREFS_MAX - 1] = '\0';
	char msg[300] = "";
	cr_assert_eq(prefs_set(&s, "note", huge, msg, sizeof msg), -1);
	cr_assert(strstr(msg, "zu groß"), "%s", msg);
	free(huge);
	char *v = get_ok(&s, "sender");
	cr_assert_str_eq(v, "Stadt");
	free(v);
	store_close(&s);
	keyring_free(&k);
}

Test(prefs, failure_at_every_io_call_keeps_old_or_new)
{
	struct keyring *k = new_keyring(dir);
	struct store s;
	store_open(&s, dir, k);
	set_ok(&s, "sender", "v0");
	fio_fault_set(1000000, EIO);
	set_ok(&s, "sender", "v0");
	long calls = fio_calls();
	cr_assert_gt(calls, 4);
	char old[32] = "v0", val[32], msg[300];
	for (long nth = 1; nth <= calls; nth++) {
		snprintf(val, sizeof val, "v%ld", nth);
		fio_fault_set(nth, nth % 2 ? ENOSPC : EIO);
		msg[0] = '\0';
		int rc = prefs_set(&s, "sender", val, msg, sizeof msg);
		fio_fault_set(0, 0);
		cr_assert(rc == 0 || msg[0], "call %ld: a message on failure", nth);
		char *v = get_ok(&s, "sender");
		cr_assert(strcmp(v, rc == 0 ? val : old) == 0, "call %ld (rc %d): found %s", nth, rc,
		          v);
		free(v);
		set_ok(&s, "sender", val);
		strcpy(old, val);
	}
	store_close(&s);
	keyring_free(&k);
}

Test(prefs, store_list_ignores_the_settings_file)
{
	struct keyring *k = new_keyring(dir);
	struct store s;
	store_open(&s, dir, k);
	set_ok(&s, "sender", "Stadt Musterstadt");
	struct store_entry *v;
	int n;
	char msg[300] = "", uuid[UUID_TEXT];
	cr_assert_eq(store_list(&s, &v, &n, msg, sizeof msg), 0, "%s", msg);
	cr_assert_eq(n, 0);
	store_entries_free(v, n);
	uuid_new(uuid);
	uint64_t gen = 0;
	cr_assert_eq(store_save(&s, uuid, &gen, "{}", "{}", msg, sizeof msg), 0, "%s", msg);
	cr_assert_eq(store_list(&s, &v, &n, msg, sizeof msg), 0, "%s", msg);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(v[0].uuid, uuid);
	cr_assert_null(v[0].problem);
	store_entries_free(v, n);
	store_close(&s);
	keyring_free(&k);
}
