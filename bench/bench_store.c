/*
 * bench_store: the two store figures, each beside a reference measured in
 * the same run on the same disk.
 *
 *   autosave  — one session_save() of a filled-in DESI response, against a
 *               bare write+fsync+rename+fsync(folder) of the same number of
 *               bytes (target: at most 2 x the reference);
 *   unlock    — keyring_unlock() at the default KDF cost (read store.key,
 *               Argon2id, unwrap the keys), against crypto_pwhash() alone
 *               with the same cost: the floor a passphrase sets;
 *   list      — store_list() over 10,000 responses after unlocking, against
 *               merely reading the same files (target: under 1 s).
 *
 *   make bench      or      build/bench_store [DIR] [RESPONSES]
 */
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "form/loader.h"
#include "store/keyring.h"
#include "store/rfile.h"
#include "store/session.h"

/* Bare durable replace of 'n' bytes: the floor under any crash-safe save. */
static void bare_save(const char *dir, const uint8_t *buf, size_t n)
{
	char tmp[600], dst[600];
	snprintf(tmp, sizeof tmp, "%s/bare.tmp", dir);
	snprintf(dst, sizeof dst, "%s/bare", dir);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, buf, n) != (ssize_t)n || fsync(fd) < 0)
		exit(1);
	close(fd);
	if (rename(tmp, dst) < 0)
		exit(1);
	int d = open(dir, O_RDONLY | O_DIRECTORY);
	fsync(d);
	close(d);
}

/* A response with answers on every question of its route. */
static void fill(struct session *ss)
{
	for (int q = engine_first(&ss->e); q >= 0; q = engine_next(&ss->e, q)) {
		const struct question *qq = &ss->f->questions[q];
		int slot = qq->var >= 0 ? ss->f->vars[qq->var].slot : -1;
		if (qq->type == Q_TEXT || qq->type == Q_TEXTAREA) {
			struct value v = value_str("Eine typische Antwort mit einigen Wörtern darin.");
			engine_set_value(&ss->e, slot, &v);
			value_free(&v);
		} else if (qq->choices && qq->type != Q_MULTI) {
			struct value v = value_num(qq->choices->v[0].code);
			engine_set_value(&ss->e, slot, &v);
		} else if (qq->type == Q_INTEGER || qq->type == Q_DECIMAL) {
			struct value v = value_num(qq->has_min ? qq->min + 1 : 1);
			engine_set_value(&ss->e, slot, &v);
		}
	}
}

static void bench_autosave(struct store *s, const struct form *f, const char *dir)
{
	struct session ss;
	char msg[400];
	if (session_create(&ss, s, f, msg, sizeof msg) < 0)
		exit(1);
	fill(&ss);
	enum { RUNS = 101 };
	double a[RUNS], b[RUNS];
	char *json = response_to_json(ss.r);
	size_t bytes = strlen(json) + 200;
	free(json);
	uint8_t *junk = calloc(1, bytes);
	for (int i = 0; i < RUNS; i++) {
		struct value v = value_num(i % 7);
		engine_set_value(&ss.e, ss.f->vars[ss.f->questions[1].var].slot, &v);
		double t0 = bench_now_ms();
		if (session_save(&ss, msg, sizeof msg) < 0)
			exit(1);
		double t1 = bench_now_ms();
		bare_save(dir, junk, bytes);
		double t2 = bench_now_ms();
		a[i] = t1 - t0;
		b[i] = t2 - t1;
	}
	double ma = bench_median(a, RUNS), mb = bench_median(b, RUNS);
	printf("autosave of one DESI response (%zu bytes), median of %d:\n", bytes, RUNS);
	printf("  bare write+fsync+rename+fsync (reference) %8.3f ms\n", mb);
	printf("  session_save (encrypt, keep .prev)        %8.3f ms   = %.2f x reference   "
	       "(target: <= 2 x)\n", ma, ma / mb);
	free(junk);
	session_close(&ss);
}

static void bench_list(struct store *s, const struct keyring *k, const char *dir, int count)
{
	const char *sum = "{\"form_id\":\"desi-kommunen-2016\",\"form_version\":\"2016.2\","
	                  "\"label\":\"Musterstadt\",\"status\":\"complete\",\"answered\":50,"
	                  "\"visible\":52,\"revision\":1,\"modified\":\"2016-12-01T10:00:00Z\"}";
	char *full = malloc(6000);
	memset(full, 'x', 5999);
	full[5999] = '\0';
	for (int i = 0; i < count; i++) { /* set-up: written without fsync */
		uint8_t id[16], *buf;
		size_t len;
		char uuid[37], path[600];
		randombytes_buf(id, 16);
		rfile_seal(k->master, k->store_id, id, 1, sum, strlen(sum), full, strlen(full), &buf,
		           &len);
		rfile_uuid_format(id, uuid);
		snprintf(path, sizeof path, "%s/%s.fbr", dir, uuid);
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0 || write(fd, buf, len) != (ssize_t)len)
			exit(1);
		close(fd);
		free(buf);
	}
	free(full);
	sync();
	struct store_entry *v;
	int n;
	char msg[300];
	double t0 = bench_now_ms();
	if (store_list(s, &v, &n, msg, sizeof msg) < 0)
		exit(1);
	double t1 = bench_now_ms();
	store_entries_free(v, n);
	double t2 = bench_now_ms();
	if (store_list(s, &v, &n, msg, sizeof msg) < 0) /* warm */
		exit(1);
	double t3 = bench_now_ms();
	store_entries_free(v, n);
	/* reference: read every file of the listing, nothing else */
	double t4 = bench_now_ms();
	char cmd[700];
	snprintf(cmd, sizeof cmd, "cat %s/*.fbr > /dev/null", dir);
	if (system(cmd) != 0)
		exit(1);
	double t5 = bench_now_ms();
	printf("list of %d responses after unlocking:\n", n);
	printf("  cat of the same files (reference)         %8.1f ms\n", t5 - t4);
	printf("  store_list, first run                     %8.1f ms\n", t1 - t0);
	printf("  store_list, warm                          %8.1f ms   = %.2f x reference   "
	       "(target: < 1000 ms)\n", t3 - t2, (t3 - t2) / (t5 - t4));
}

/* Unlocking at the default cost, against the key derivation alone. */
static void bench_unlock(const char *parent)
{
	char dir[600];
	snprintf(dir, sizeof dir, "%s/fbunlock-XXXXXX", parent);
	struct kdf_cost cost;
	struct keyring *k;
	char code[RECOVERY_LEN + 1];
	int err;
	if (!mkdtemp(dir) || keyring_cost("moderate", &cost) < 0 ||
	    keyring_create(dir, "bench", 5, cost, code, &k, &err) != KR_OK)
		exit(1);
	keyring_free(&k);
	double us[3], floor[3];
	uint8_t key[32], salt[crypto_pwhash_SALTBYTES] = {0};
	for (int i = 0; i < 3; i++) {
		double t0 = bench_now_ms();
		if (keyring_unlock(dir, "bench", 5, &k, &err) != KR_OK)
			exit(1);
		us[i] = bench_now_ms() - t0;
		keyring_free(&k);
		t0 = bench_now_ms();
		if (crypto_pwhash(key, sizeof key, "bench", 5, salt, cost.ops, (size_t)cost.mem,
		                  crypto_pwhash_ALG_ARGON2ID13) != 0)
			exit(1);
		floor[i] = bench_now_ms() - t0;
	}
	double a = bench_median(us, 3), b = bench_median(floor, 3);
	printf("unlock at the default cost (Argon2id, %llu passes, %llu MiB), median of 3:\n",
	       (unsigned long long)cost.ops, (unsigned long long)(cost.mem >> 20));
	printf("  crypto_pwhash alone (reference) %7.0f ms\n  keyring_unlock                  %7.0f ms   = %.2f x reference\n",
	       b, a, a / b);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		exit(1);
}

int main(int argc, char **argv)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s/fbbench-XXXXXX", argc > 1 ? argv[1] : ".");
	int count = argc > 2 ? atoi(argv[2]) : 10000;
	if (sodium_init() < 0 || !mkdtemp(dir))
		return 1;
	struct form *f;
	struct diag d;
	if (loader_load_file(FRAGEBOGEN_FORMS_DIR "/desi-kommunen-2016.json", &f, &d) < 0)
		return 1;
	diag_free(&d);
	struct kdf_cost cost;
	struct keyring *k;
	char code[RECOVERY_LEN + 1];
	int err;
	(void)keyring_cost("test", &cost);
	if (keyring_create(dir, "bench", 5, cost, code, &k, &err) != KR_OK)
		return 1;
	struct store s;
	store_open(&s, dir, k);
	printf("store in %s\n", dir);
	bench_autosave(&s, f, dir);
	bench_list(&s, k, dir, count);
	bench_unlock(argc > 1 ? argv[1] : ".");
	store_close(&s);
	keyring_free(&k);
	form_free(&f);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
