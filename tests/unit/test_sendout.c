/*
 * Tests of what a Kommune sends: completed responses taken from a real
 * store and drafts left out, file names made safe, a free name found
 * beside files already there, and the sealed file and its signature
 * written whole or not at all — and opened again with the team's key.
 */
#include <sodium.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/age.h"
#include "crypto/sign.h"
#include "export/bundle.h"
#include "export/sendout.h"
#include "helpers.h"
#include "store/keyring.h"
#include "store/session.h"
#include "util/fio.h"
#include "util/xmalloc.h"

static const char *form_json =
	"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
	"\"label_variable\":\"name\","
	"\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"questions\":["
	"{\"id\":\"name\",\"type\":\"text\",\"text\":\"Name?\"}]}]}";

static char dir[64];
static struct form *form;
static struct keyring *k;
static struct store st;

static void setup(void)
{
	cr_assert(sodium_init() >= 0);
	snprintf(dir, sizeof dir, "/tmp/fb_send_XXXXXX");
	cr_assert(mkdtemp(dir) != NULL);
	form = load_ok(form_json);
	struct kdf_cost c;
	char code[RECOVERY_LEN + 1];
	int e;
	cr_assert_eq(keyring_cost("test", &c), 0);
	cr_assert_eq(keyring_create(dir, "geheim", 6, c, code, &k, &e), KR_OK);
	store_open(&st, dir, k);
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
	store_close(&st);
	keyring_free(&k);
	form_free(&form);
}

TestSuite(sendout, .init = setup, .fini = teardown);

/* A response naming 'name', completed or left as a draft. */
static void add_response(const char *name, bool complete)
{
	struct session ss;
	char msg[400];
	cr_assert_eq(session_create(&ss, &st, form, msg, sizeof msg), 0, "%s", msg);
	set_str(&ss.e, "name", name);
	if (complete)
		response_finish(ss.r, 100);
	cr_assert_eq(session_save(&ss, msg, sizeof msg), 0, "%s", msg);
	session_close(&ss);
}

Test(sendout, completed_responses_only_and_the_kommune_named)
{
	add_response("Musterstadt", true);
	add_response("Entwurfsdorf", false);
	struct sendout o;
	char err[300];
	sendout_init(&o, form);
	cr_assert_eq(sendout_take_all(&o, &st, form, 0, NULL, NULL, err, sizeof err), 0, "%s", err);
	cr_expect_eq(o.d.nrows, 1);
	cr_expect_eq(o.drafts, 1);
	cr_expect_str_eq(o.label, "Musterstadt");
	sendout_free(&o);
	sendout_init(&o, form);
	cr_assert_eq(sendout_take_all(&o, &st, form, SENDOUT_ALL, NULL, NULL, err, sizeof err), 0);
	cr_expect_eq(o.d.nrows, 2, "drafts too, for the Kommune's own files");
	cr_expect_eq(o.drafts, 0);
	sendout_free(&o);
}

Test(sendout, file_names_are_safe_and_never_taken)
{
	time_t day = 1767225600; /* 2026-01-01 00:00 UTC */
	setenv("TZ", "UTC", 1);
	char *n = sendout_file_name("Stadt A/B: \"x\"", "age", day);
	cr_expect_str_eq(n, "Stadt-A-B---x--2026-01-01.age");
	free(n);
	n = sendout_file_name(".versteckt", "age", day);
	cr_expect_str_eq(n, "-versteckt-2026-01-01.age");
	free(n);
	n = sendout_file_name("", "csv", day);
	cr_expect_str_eq(n, "export-2026-01-01.csv");
	free(n);
	char *p = sendout_free_path(dir, "K.age"), *want = xasprintf("%s/K.age", dir);
	cr_expect_str_eq(p, want);
	char err[300];
	cr_assert_eq(sendout_write_new(p, "x", 1, 0644, err, sizeof err), 0, "%s", err);
	cr_expect_eq(sendout_write_new(p, "y", 1, 0644, err, sizeof err), -1);
	cr_expect(strstr(err, "gibt es schon") != NULL, "%s", err);
	free(p);
	free(want);
	p = sendout_free_path(dir, "K.age");
	want = xasprintf("%s/K-2.age", dir);
	cr_expect_str_eq(p, want);
	free(want);
	/* a signature alone also takes the name */
	char *sig = xasprintf("%s.minisig", p);
	cr_assert_eq(sendout_write_new(sig, "s", 1, 0644, err, sizeof err), 0);
	free(sig);
	free(p);
	p = sendout_free_path(dir, "K.age");
	want = xasprintf("%s/K-3.age", dir);
	cr_expect_str_eq(p, want);
	free(want);
	free(p);
}

Test(sendout, sealed_file_and_signature_open_with_the_team_key)
{
	add_response("Musterstadt", true);
	char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE], err[300];
	age_keygen(id, rcpt);
	struct sendout o;
	sendout_init(&o, form);
	cr_assert_eq(sendout_take_all(&o, &st, form, 0, NULL, NULL, err, sizeof err), 0, "%s", err);
	char *path = xasprintf("%s/out.age", dir), *sigpath = xasprintf("%s.minisig", path);
	cr_assert_eq(sendout_write(&o, rcpt, k, "Stadt Muster", false, path, err, sizeof err), 0,
	             "%s", err);
	cr_expect_eq(sendout_write(&o, rcpt, k, "Stadt Muster", false, path, err, sizeof err), -1,
	             "never over a file already sent");
	uint8_t *age;
	size_t agelen;
	char *sig;
	size_t siglen;
	int e;
	cr_assert_eq(fio_read_file(path, 1u << 20, &age, &agelen, &e), 0);
	cr_assert_eq(fio_read_file(sigpath, 1u << 16, (uint8_t **)&sig, &siglen, &e), 0);
	struct bundle b;
	enum bundle_status bs = bundle_open(id, age, agelen, NULL, &b, err, sizeof err);
	cr_assert_eq(bs, BUNDLE_OK, "%s", err);
	cr_expect_eq(b.nresp, 1);
	cr_expect_str_eq(b.sender_name, "Stadt Muster");
	cr_expect_eq(memcmp(b.pub.pk, k->sign_pk, 32), 0, "signed with the store's key");
	cr_expect_eq(sign_verify(&b.pub, age, agelen, sig, siglen, NULL), SIGN_OK,
	             "the .minisig is of this file");
	bundle_free(&b);
	free(age);
	free(sig);
	free(path);
	free(sigpath);
	sendout_free(&o);
}
