/*
 * bench_agg: aggregation of many Kommunen's export files, beside two
 * references measured in the same run on the same files:
 *
 *   aggregate  — `fragebogen aggregate -i team.key -o out.sav FILES…` over
 *                FILES export files holding RESPONSES DESI responses in all
 *                (target: 10,000 files / 100,000 responses under 10 s);
 *   age CLI    — `age -d -i team.key FILE >/dev/null` for every file, one
 *                process per file, as a study team without this program
 *                would decrypt them (aggregation must be faster);
 *   decrypt    — age_decrypt() alone over the same files in this process
 *                (X25519 per file, then the payload);
 *   raw AEAD   — libsodium's ChaCha20-Poly1305 alone over as many bytes, in
 *                64 KiB chunks: the floor set by the cryptography.
 *
 * It also prints the peak memory (max RSS) of the aggregate process.
 *
 *   build/bench_agg build/fragebogen [FILES] [RESPONSES]     (10000 100000)
 *
 * The responses are random walks through the DESI form (walk_fill), each
 * file signed by its own Kommune key and encrypted to one team key.
 */
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "crypto/age.h"
#include "export/bundle.h"
#include "form/engine.h"
#include "form/loader.h"
#include "form/walk.h"
#include "util/uuid.h"
#include "util/xmalloc.h"

#define POOL 500

/* A pool of finished random responses as rows. */
static void make_pool(const struct form *f, struct dataset *pool)
{
	for (int i = 0; i < POOL; i++) {
		struct response *r = response_new(f, 1700000000);
		if (walk_fill(f, r, (uint64_t)i + 1, 1700000000)) {
			struct engine e;
			engine_init(&e, f, r);
			dataset_add_response(pool, &e);
			engine_free(&e);
		}
		response_free(&r);
	}
}

/* Copy row 'from' of src into a new row of dst (same table), with a new id. */
static void copy_row(const struct dataset *src, int from, struct dataset *dst)
{
	int row = dataset_add_row(dst);
	for (int c = 0; c < src->t.ncols; c++)
		if (src->str[c])
			dataset_set_str(dst, row, c, dataset_str(src, from, c));
		else
			dataset_set_num(dst, row, c, dataset_num(src, from, c));
	char id[37];
	uuid_new(id);
	dataset_set_str(dst, row, TCOL_ID, id);
}

/* Write 'files' sealed files into dir; returns the total bytes. */
static size_t make_files(const struct dataset *pool, const char *dir, const char *rcpt,
                         int files, int responses)
{
	size_t total = 0;
	for (int i = 0; i < files; i++) {
		struct dataset d;
		dataset_init(&d, &pool->t);
		int n = responses / files + (i < responses % files);
		for (int k = 0; k < n; k++)
			copy_row(pool, (int)randombytes_uniform((uint32_t)pool->nrows), &d);
		uint8_t pk[32], sk[64];
		crypto_sign_keypair(pk, sk);
		char name[64];
		snprintf(name, sizeof name, "Kommune %05d", i);
		struct bundle_sender s = {name, pk, sk};
		uint8_t *age;
		size_t len;
		char *sig, err[200];
		if (bundle_seal(&d, NULL, rcpt, &s, 1700000000, "bench", &age, &len, &sig, err,
		                sizeof err) < 0)
			exit(1);
		char *path = xasprintf("%s/k%05d.age", dir, i);
		FILE *fp = fopen(path, "wb");
		if (!fp || fwrite(age, 1, len, fp) != len || fclose(fp) != 0)
			exit(1);
		total += len;
		free(path);
		free(age);
		free(sig);
		dataset_free(&d);
	}
	return total;
}

/* Run argv, wait; wall time in ms, or -1 if it failed. Peak RSS in *rss_kb. */
static double run(char **argv, bool quiet, long *rss_kb)
{
	fflush(stdout);
	double t0 = bench_now_ms();
	pid_t pid = fork();
	if (pid == 0) {
		if (quiet && !freopen("/dev/null", "w", stdout))
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (pid < 0 || wait4(pid, &st, 0, &ru) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	if (rss_kb)
		*rss_kb = ru.ru_maxrss;
	return bench_now_ms() - t0;
}

/* The age CLI on every file, one process each. */
static double age_cli(const char *dir, const char *key, int files)
{
	double t0 = bench_now_ms();
	for (int i = 0; i < files; i++) {
		char path[600];
		snprintf(path, sizeof path, "%s/k%05d.age", dir, i);
		char *argv[] = {"age", "-d", "-i", (char *)key, path, NULL};
		if (run(argv, true, NULL) < 0)
			return -1;
	}
	return bench_now_ms() - t0;
}

/* age_decrypt() in-process over the same files. */
static double in_process(const char *dir, const char *identity, int files)
{
	double t0 = bench_now_ms();
	for (int i = 0; i < files; i++) {
		char path[600];
		snprintf(path, sizeof path, "%s/k%05d.age", dir, i);
		FILE *fp = fopen(path, "rb");
		static uint8_t buf[1 << 22];
		size_t n = fp ? fread(buf, 1, sizeof buf, fp) : 0;
		if (fp)
			fclose(fp);
		uint8_t *out;
		size_t len;
		if (age_decrypt(identity, buf, n, &out, &len) != AGE_OK)
			return -1;
		free(out);
	}
	return bench_now_ms() - t0;
}

/* ChaCha20-Poly1305 (IETF) decryption of 'bytes' bytes in 64 KiB chunks. */
static double raw_aead(size_t bytes)
{
	enum { CHUNK = 65536 };
	static uint8_t plain[CHUNK], sealed[CHUNK + crypto_aead_chacha20poly1305_ietf_ABYTES];
	uint8_t key[32], nonce[12] = {0};
	randombytes_buf(key, sizeof key);
	randombytes_buf(plain, sizeof plain);
	unsigned long long clen;
	crypto_aead_chacha20poly1305_ietf_encrypt(sealed, &clen, plain, CHUNK, NULL, 0, NULL, nonce,
	                                          key);
	double t0 = bench_now_ms();
	for (size_t done = 0; done < bytes; done += CHUNK)
		if (crypto_aead_chacha20poly1305_ietf_decrypt(plain, NULL, NULL, sealed, clen, NULL, 0,
		                                              nonce, key) != 0)
			return -1;
	return bench_now_ms() - t0;
}

int main(int argc, char **argv)
{
	if (argc < 2 || sodium_init() < 0) {
		fprintf(stderr, "Aufruf: bench_agg FRAGEBOGEN [DATEIEN] [ANTWORTEN]\n");
		return 2;
	}
	int files = argc > 2 ? atoi(argv[2]) : 10000;
	int responses = argc > 3 ? atoi(argv[3]) : 100000;
	struct form *f;
	struct diag dg;
	if (loader_load_file(FRAGEBOGEN_FORMS_DIR "/desi-kommunen-2016.json", &f, &dg) < 0)
		return 1;
	diag_free(&dg);
	char dir[] = "/tmp/bench_agg.XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE];
	age_keygen(id, rcpt);
	char *key = xasprintf("%s/team.key", dir);
	FILE *kf = fopen(key, "w");
	fprintf(kf, "# public key: %s\n%s\n", rcpt, id);
	fclose(kf);
	struct table t;
	table_from_form(f, &t);
	struct dataset pool;
	dataset_init(&pool, &t);
	make_pool(f, &pool);
	double t0 = bench_now_ms();
	size_t bytes = make_files(&pool, dir, rcpt, files, responses);
	printf("%d Dateien, %d Antworten, %.1f MB erzeugt in %.1f s\n", files, responses,
	       (double)bytes / 1e6, (bench_now_ms() - t0) / 1e3);

	char **av = xcalloc((size_t)files + 8, sizeof *av);
	int k = 0;
	av[k++] = argv[1], av[k++] = "aggregate", av[k++] = "-i", av[k++] = key;
	av[k++] = "-o", av[k++] = xasprintf("%s/out.sav", dir);
	for (int i = 0; i < files; i++)
		av[k++] = xasprintf("%s/k%05d.age", dir, i);
	long rss = 0;
	double agg = run(av, true, &rss);
	double dec = in_process(dir, id, files);
	double cli = age_cli(dir, key, files);
	double raw = raw_aead(bytes);
	printf("aggregate (entschlüsseln, prüfen, zusammenführen, .sav): %8.2f s   Ziel < 10 s\n",
	       agg / 1e3);
	printf("age-Kommandozeile, eine Datei je Aufruf:                 %8.2f s   (%.1f x)\n",
	       cli / 1e3, cli / agg);
	printf("nur age_decrypt() im Prozess:                            %8.2f s   (%.2f x)\n",
	       dec / 1e3, dec / agg);
	printf("nur ChaCha20-Poly1305 über %.0f MB (libsodium):            %8.2f s   (%.2f x)\n",
	       (double)bytes / 1e6, raw / 1e3, raw / agg);
	printf("Spitzenspeicher von aggregate:                           %8.1f MB\n",
	       (double)rss / 1024);
	char *rm[] = {"rm", "-rf", dir, NULL};
	if (!getenv("BENCH_KEEP"))
		run(rm, true, NULL);
	else
		printf("Dateien bleiben in %s\n", dir);
	return agg < 0 || cli < 0 || dec < 0 || raw < 0;
}
