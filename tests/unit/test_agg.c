/*
 * Tests of the aggregation on real sealed files made here: rows taken in,
 * duplicates, a higher revision replacing an older one and an older one
 * ignored, a conflict (same response and revision, other answers) listed
 * and kept out, one response from two senders, changed keys, damaged,
 * mis-signed and missing files skipped with a reason, and the receipt.
 */
#include <sodium.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/age.h"
#include "export/agg.h"
#include "export/bundle.h"
#include "export/receipt.h"
#include "helpers.h"
#include "util/fio.h"
#include "util/uuid.h"
#include "util/xmalloc.h"

static const char *form_json =
	"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
	"\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"questions\":["
	"{\"id\":\"art\",\"type\":\"single\",\"text\":\"Art?\","
	" \"choices\":[{\"code\":1,\"label\":\"Stadt\"},{\"code\":2,\"label\":\"Kreis\"}]},"
	"{\"id\":\"name\",\"type\":\"text\",\"text\":\"Name?\"}]}]}";

/* The form, the team's key, two Kommunen's keys, a folder for the files. */
static struct form *form;
static struct table table;
static char team_id[AGE_IDENTITY_SIZE], team_rcpt[AGE_RECIPIENT_SIZE];
static uint8_t pk[2][32], sk[2][64];
static char dir[64];
static char uuid[3][UUID_TEXT];

static void setup(void)
{
	cr_assert(sodium_init() >= 0);
	form = load_ok(form_json);
	table_from_form(form, &table);
	age_keygen(team_id, team_rcpt);
	for (int i = 0; i < 2; i++)
		crypto_sign_keypair(pk[i], sk[i]);
	for (int i = 0; i < 3; i++)
		uuid_new(uuid[i]);
	snprintf(dir, sizeof dir, "/tmp/fb_agg_XXXXXX");
	cr_assert(mkdtemp(dir) != NULL);
}

static void teardown(void)
{
	char **names;
	size_t n;
	int e;
	if (fio_list_dir(dir, &names, &n, &e) == 0) {
		for (size_t i = 0; i < n; i++) {
			char *p = xasprintf("%s/%s", dir, names[i]);
			unlink(p);
			free(p);
		}
		fio_names_free(names, n);
	}
	rmdir(dir);
	table_free(&table);
	form_free(&form);
}

TestSuite(agg, .init = setup, .fini = teardown);

/* One response row: response uuid[u] at revision 'rev' with these answers. */
struct row {
	int u, rev, art;
	const char *name;
};

/* Rows made as `fragebogen simulate` makes them, and an aggregation that
 * takes them in: for the test of test data. */
static bool simulate_rows, include_simulated;

static void add_row(struct dataset *d, const struct row *r)
{
	struct response *resp = response_new(form, 1000);
	struct engine e;
	engine_init(&e, form, resp);
	set_num(&e, "art", r->art);
	set_str(&e, "name", r->name);
	resp->modified = 1000; /* as stored: the clock must not make two exports differ */
	int row = dataset_add_response(d, &e);
	engine_free(&e);
	response_free(&resp);
	dataset_set_str(d, row, TCOL_ID, uuid[r->u]);
	dataset_set_num(d, row, TCOL_REVISION, r->rev);
	dataset_set_num(d, row, TCOL_SIMULATED, simulate_rows ? 1 : 0);
}

static void write_file(const char *path, const void *buf, size_t n)
{
	FILE *fp = fopen(path, "wb");
	cr_assert(fp != NULL, "%s", path);
	cr_assert_eq(fwrite(buf, 1, n, fp), n);
	cr_assert_eq(fclose(fp), 0);
}

static uint8_t *read_back(const char *path, size_t *n)
{
	uint8_t *buf;
	int e;
	cr_assert_eq(fio_read_file(path, 1u << 24, &buf, n, &e), 0, "%s", path);
	return buf;
}

/* Seal the rows as Kommune 'name' with key 'key' into dir/file (and its
 * .minisig); returns the path (free() it). */
static char *seal(const char *file, const char *name, int key, const struct row *rows, int n)
{
	struct dataset d;
	dataset_init(&d, &table);
	for (int i = 0; i < n; i++)
		add_row(&d, &rows[i]);
	struct bundle_sender s = {name, pk[key], sk[key]};
	uint8_t *age;
	size_t len;
	char *sig, err[300];
	cr_assert_eq(bundle_seal(&d, NULL, team_rcpt, &s, 2000, "Test", &age, &len, &sig, err,
	                         sizeof err), 0, "%s", err);
	char *path = xasprintf("%s/%s", dir, file);
	char *sigpath = xasprintf("%s.minisig", path);
	write_file(path, age, len);
	write_file(sigpath, sig, strlen(sig));
	free(sigpath);
	free(sig);
	free(age);
	dataset_free(&d);
	return path;
}

/* Aggregate the files with a senders record in dir (kept in *snd). */
static void run(struct agg *a, struct senders *snd, char **paths, int n, char *const *accept,
                int naccept)
{
	char err[300];
	char *sp = xasprintf("%s/team.key.senders", dir);
	cr_assert_eq(senders_load(snd, sp, err, sizeof err), 0, "%s", err);
	free(sp);
	struct agg_opts o = {team_id, snd, accept, naccept, NULL, "2026-01-05", include_simulated};
	agg_run(a, &o, paths, n);
}

/* The row of response uuid[u] in the data set, or -1. */
static int row_of(const struct agg *a, int u)
{
	for (int r = 0; r < a->d.nrows; r++)
		if (strcmp(dataset_str(&a->d, r, TCOL_ID), uuid[u]) == 0)
			return r;
	return -1;
}

static char *receipt_text(const struct agg *a)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&buf, &n);
	receipt_print(a, mem);
	fclose(mem);
	return buf;
}

static void free_paths(char **paths, int n)
{
	for (int i = 0; i < n; i++)
		free(paths[i]);
}

/* Six files: two good ones, a conflicting one, a damaged one, one whose
 * .minisig belongs to another file, and one that is not there. */
static void make_six(char **p)
{
	const struct row a1[] = {{0, 1, 1, "Köln"}, {1, 1, 1, "Bonn"}};
	const struct row a2[] = {{0, 1, 1, "Köln"}, {1, 2, 2, "Bonn neu"}, {2, 1, 1, "Aachen"}};
	const struct row a3[] = {{2, 1, 2, "Aachen"}};
	p[0] = seal("a1.age", "Stadt A", 0, a1, 2);
	p[1] = seal("a2.age", "Stadt A", 0, a2, 3);
	p[2] = seal("a3.age", "Stadt A", 0, a3, 1);
	size_t n;
	uint8_t *buf = read_back(p[0], &n);
	p[3] = xasprintf("%s/kaputt.age", dir);
	buf[n / 2] ^= 1;
	write_file(p[3], buf, n);
	buf[n / 2] ^= 1;
	p[4] = xasprintf("%s/falsch.age", dir);
	write_file(p[4], buf, n);
	free(buf);
	char *sp = xasprintf("%s.minisig", p[1]), *tp = xasprintf("%s.minisig", p[4]);
	buf = read_back(sp, &n);
	write_file(tp, buf, n);
	free(buf);
	free(sp);
	free(tp);
	p[5] = xasprintf("%s/fehlt.age", dir);
}

Test(agg, rows_duplicates_revisions_conflicts_and_bad_files)
{
	char *p[6];
	make_six(p);
	struct agg a;
	struct senders snd;
	run(&a, &snd, p, 6, NULL, 0);
	const struct agg_file *f = a.files;
	cr_expect_eq(f[0].nresp, 2);
	cr_expect_eq(f[0].added, 2);
	cr_expect_eq(f[0].verdict, SENDER_NEW);
	cr_expect_str_eq(f[0].sender, "Stadt A");
	cr_expect_null(f[0].problem);
	cr_expect_eq(f[1].verdict, SENDER_KNOWN);
	cr_expect_eq(f[1].added, 1, "u2 is new");
	cr_expect_eq(f[1].replaced, 1, "u1 revision 2 replaces revision 1");
	cr_expect_eq(f[1].duplicates, 1, "u0 again, unchanged");
	cr_expect_eq(f[2].conflicts, 1);
	cr_expect_eq(f[2].added + f[2].replaced, 0);
	for (int i = 3; i < 6; i++)
		cr_expect_not_null(f[i].problem, "file %d skipped", i);
	cr_expect_eq(a.skipped, 3);
	cr_expect(strstr(f[3].problem, "verändert") || strstr(f[3].problem, "beschädigt"), "%s",
	          f[3].problem);
	cr_expect(strstr(f[4].problem, ".minisig passt nicht") != NULL, "%s", f[4].problem);
	cr_expect(strstr(f[5].problem, "lässt sich nicht lesen") != NULL, "%s", f[5].problem);
	cr_assert_eq(a.nconflicts, 1);
	cr_expect_str_eq(a.conflicts[0].uuid, uuid[2]);
	cr_expect_eq(a.conflicts[0].revision, 1);
	cr_expect(a.conflicts[0].stands);
	cr_expect_not(a.conflicts[0].foreign);
	cr_assert_eq(a.d.nrows, 2, "u0 and u1; the conflicting u2 stays out");
	cr_expect_eq(row_of(&a, 2), -1);
	int r1 = row_of(&a, 1), name = table_find(&a.d.t, "name");
	cr_assert_geq(r1, 0);
	cr_expect_str_eq(dataset_str(&a.d, r1, name), "Bonn neu");
	cr_expect_eq(dataset_num(&a.d, r1, TCOL_REVISION), 2);
	cr_expect_eq(dataset_num(&a.d, row_of(&a, 0), table_find(&a.d.t, "art")), 1);
	char *text = receipt_text(&a);
	cr_expect(strstr(text, "neu gemerkt") != NULL, "%s", text);
	cr_expect(strstr(text, "1 ersetzt eine ältere Revision; 1 doppelt, einmal gezählt") != NULL, "%s", text);
	cr_expect(strstr(text, "ÜBERSPRUNGEN: die Signaturdatei .minisig passt nicht") != NULL,
	          "%s", text);
	char *line = xasprintf("KONFLIKT: Antwort %s, Revision 1, ist in a2.age und a3.age "
	                       "verschieden", uuid[2]);
	cr_expect(strstr(text, line) != NULL, "%s", text);
	cr_expect(strstr(text, "6 Dateien, 3 übersprungen, 2 Antworten im Datensatz.\n") != NULL,
	          "%s", text);
	free(line);
	free(text);
	agg_free(&a);
	senders_free(&snd);
	free_paths(p, 6);
}

Test(agg, older_revisions_resolved_conflicts_and_two_senders)
{
	const struct row b1[] = {{0, 2, 1, "x"}, {1, 1, 1, "y"}};
	const struct row b2[] = {{0, 1, 2, "alt"}};
	const struct row b3[] = {{0, 2, 2, "anders"}};
	const struct row b4[] = {{0, 3, 2, "neu"}};
	const struct row b5[] = {{1, 1, 1, "y"}};
	char *p[5] = {seal("b1.age", "Stadt A", 0, b1, 2), seal("b2.age", "Stadt A", 0, b2, 1),
	              seal("b3.age", "Stadt A", 0, b3, 1), seal("b4.age", "Stadt A", 0, b4, 1),
	              seal("b5.age", "Kreis B", 1, b5, 1)};
	struct agg a;
	struct senders snd;
	run(&a, &snd, p, 5, NULL, 0);
	cr_expect_eq(a.files[1].older, 1);
	cr_expect_eq(a.files[2].conflicts, 1);
	cr_expect_eq(a.files[3].replaced, 1);
	cr_expect_eq(a.files[4].conflicts, 1);
	cr_expect_eq(a.files[4].verdict, SENDER_NEW);
	cr_assert_eq(a.nconflicts, 2);
	cr_expect_not(a.conflicts[0].stands, "revision 3 settled it");
	cr_expect(a.conflicts[1].foreign);
	cr_expect(a.conflicts[1].stands);
	cr_assert_eq(a.d.nrows, 1, "u1 came from two senders and stays out");
	int r0 = row_of(&a, 0);
	cr_assert_geq(r0, 0);
	cr_expect_str_eq(dataset_str(&a.d, r0, table_find(&a.d.t, "name")), "neu");
	char *text = receipt_text(&a);
	cr_expect(strstr(text, "1 ältere Revision ignoriert") != NULL, "%s", text);
	cr_expect(strstr(text, "kommt von zwei Absendern (b1.age und b5.age)") != NULL, "%s", text);
	cr_expect(strstr(text, "Revision 2, ist in") == NULL, "%s", text);
	free(text);
	agg_free(&a);
	senders_free(&snd);
	free_paths(p, 5);
}

Test(agg, a_changed_key_is_skipped_until_accepted)
{
	const struct row r[] = {{0, 1, 1, "x"}};
	const struct row later[] = {{1, 1, 1, "y"}};
	char *p[2] = {seal("alt.age", "Stadt A", 0, r, 1), seal("neu.age", "Stadt A", 1, later, 1)};
	struct agg a;
	struct senders snd;
	char err[300];
	run(&a, &snd, p, 2, NULL, 0);
	cr_expect_eq(a.files[1].verdict, SENDER_CHANGED);
	cr_expect(strstr(a.files[1].problem, "SCHLÜSSEL GEÄNDERT") != NULL, "%s",
	          a.files[1].problem);
	cr_expect_eq(a.d.nrows, 1);
	cr_assert_eq(senders_save(&snd, err, sizeof err), 0, "%s", err);
	agg_free(&a);
	senders_free(&snd);
	char *accept[] = {"Stadt A"};
	run(&a, &snd, p + 1, 1, accept, 1);
	cr_expect_eq(a.files[0].verdict, SENDER_ACCEPTED);
	cr_expect_null(a.files[0].problem);
	cr_expect_eq(a.d.nrows, 1);
	agg_free(&a);
	senders_free(&snd);
	free_paths(p, 2);
}

Test(agg, simulated_responses_stay_out_unless_asked_for)
{
	struct row real[] = {{0, 1, 1, "Aachen"}};
	struct row test[] = {{1, 1, 2, "Testhausen"}, {2, 1, 1, "Probstadt"}};
	char *paths[2];
	paths[0] = seal("real.age", "Stadt A", 0, real, 1);
	simulate_rows = true;
	paths[1] = seal("test.age", "Stadt B", 1, test, 2);
	simulate_rows = false;
	struct agg a;
	struct senders snd;
	run(&a, &snd, paths, 2, NULL, 0);
	cr_assert_eq(a.d.nrows, 1, "only the real response");
	cr_assert_eq(row_of(&a, 1), -1);
	cr_assert_eq(a.simulated, 2);
	cr_assert_not(a.took_simulated);
	char *text = receipt_text(&a);
	cr_expect(strstr(text, "2 Testantworten, nicht übernommen") != NULL, "%s", text);
	cr_expect(strstr(text, "2 simulierte Testantworten nicht übernommen") != NULL, "%s", text);
	free(text);
	agg_free(&a);
	senders_free(&snd);
	include_simulated = true;
	run(&a, &snd, paths, 2, NULL, 0);
	include_simulated = false;
	cr_assert_eq(a.d.nrows, 3, "taken in when asked for");
	cr_assert(a.took_simulated);
	text = receipt_text(&a);
	cr_expect(strstr(text, "ACHTUNG: 2 simulierte Testantworten sind im Datensatz") != NULL,
	          "%s", text);
	free(text);
	agg_free(&a);
	senders_free(&snd);
	free(paths[0]);
	free(paths[1]);
}

Test(agg, every_row_says_where_it_came_from)
{
	struct row one[] = {{0, 1, 1, "Aachen"}};
	struct row two[] = {{1, 1, 2, "Bonn"}, {2, 1, 1, "Celle"}};
	char *paths[2] = {seal("eins.age", "Stadt A", 0, one, 1), seal("zwei.age", "Stadt B", 1, two, 2)};
	struct agg a;
	struct senders snd;
	run(&a, &snd, paths, 2, NULL, 0);
	int cs = table_find(&a.d.t, "sender"), ck = table_find(&a.d.t, "sender_key");
	int cf = table_find(&a.d.t, "source_file"), cr = table_find(&a.d.t, "received");
	cr_assert(cs >= 0 && ck >= 0 && cf >= 0 && cr >= 0, "the four provenance columns");
	cr_expect_str_eq(a.d.t.cols[cs].label, "Absender (Name laut Absenderliste)");
	int r0 = row_of(&a, 0), r2 = row_of(&a, 2);
	cr_assert(r0 >= 0 && r2 >= 0);
	cr_expect_str_eq(dataset_str(&a.d, r0, cs), "Stadt A");
	cr_expect_str_eq(dataset_str(&a.d, r2, cs), "Stadt B");
	cr_expect_str_eq(dataset_str(&a.d, r0, cf), "eins.age");
	cr_expect_str_eq(dataset_str(&a.d, r2, cf), "zwei.age");
	cr_expect_str_eq(dataset_str(&a.d, r0, ck), a.files[0].fingerprint);
	cr_expect_neq(strcmp(dataset_str(&a.d, r0, ck), dataset_str(&a.d, r2, ck)), 0);
	cr_expect(dataset_str(&a.d, r0, cr) != NULL && strlen(dataset_str(&a.d, r0, cr)) >= 10);
	cr_assert_eq(a.nmulti, 1, "Stadt B sent two different responses");
	cr_expect_str_eq(a.multi[0].name, "Stadt B");
	cr_expect_eq(a.multi[0].responses, 2);
	char *text = receipt_text(&a);
	cr_expect(strstr(text, "HINWEIS: „Stadt B“ hat 2 verschiedene Antworten gesandt") != NULL,
	          "%s", text);
	free(text);
	agg_free(&a);
	senders_free(&snd);
	free(paths[0]);
	free(paths[1]);
}
