/*
 * Tests of the headless interface (app_run_script), which the fuzzing of
 * the whole interface relies on: scripted keys unlock the store, answer
 * questions and save them as a person at a terminal would; a wrong
 * passphrase saves nothing; tiny windows and idle locks do not lose
 * answers.
 */
#include <sodium.h>

#include "form/response.h"
#include "store/keyring.h"
#include "store/store.h"
#include "tui/app.h"
#include "helpers.h"

#define PASS "Rathaus Musterstadt 2016"

struct fix {
	char dir[64];
	struct form *f;
	struct kdf_cost cost;
};

static void fix_open(struct fix *x)
{
	cr_assert(sodium_init() >= 0);
	strcpy(x->dir, "/tmp/fb_headless.XXXXXX");
	cr_assert_not_null(mkdtemp(x->dir));
	struct diag d;
	cr_assert_eq(loader_load_file(FORMS_DIR "/desi-kommunen-2016.json", &x->f, &d), 0);
	diag_free(&d);
	cr_assert_eq(keyring_cost("test", &x->cost), 0);
	char code[RECOVERY_LEN + 1];
	struct keyring *k;
	int err;
	cr_assert_eq(keyring_create(x->dir, PASS, strlen(PASS), x->cost, code, &k, &err), KR_OK);
	keyring_free(&k);
}

static void fix_close(struct fix *x)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", x->dir);
	cr_expect_eq(system(cmd), 0);
	form_free(&x->f);
}

static void play(struct fix *x, const char *keys, int rows, int cols)
{
	cr_assert_eq(app_run_script(x->f, x->dir, x->cost, (const uint8_t *)keys, strlen(keys),
	                            rows, cols), 0);
}

/* The single stored response as JSON (freed by the caller), or NULL. */
static char *only_response(struct fix *x, int *count)
{
	struct keyring *k;
	int err;
	cr_assert_eq(keyring_unlock(x->dir, PASS, strlen(PASS), &k, &err), KR_OK);
	struct store s;
	store_open(&s, x->dir, k);
	struct store_entry *v;
	int n;
	char msg[300];
	cr_assert_eq(store_list(&s, &v, &n, msg, sizeof msg), 0);
	*count = n;
	char *json = NULL;
	if (n == 1) {
		uint64_t gen;
		const char *note;
		cr_assert_eq(store_load(&s, v[0].uuid, &json, &gen, &note, msg, sizeof msg), 0);
	}
	store_entries_free(v, n);
	store_close(&s);
	keyring_free(&k);
	return json;
}

Test(headless, scripted_keys_answer_and_save)
{
	struct fix x;
	fix_open(&x);
	/* unlock, new response, past the introduction, A1, A2 = 3 (Landkreis);
	 * in a script 0xa2 stands for "ü" */
	play(&x, PASS "\r" "n" "\r" "Kreis S\xa2" "d" "\r" "3\r", 24, 80);
	int n;
	char *json = only_response(&x, &n);
	cr_assert_eq(n, 1);
	cr_expect(strstr(json, "\"A1\":{\"value\":\"Kreis Süd\"") != NULL, "%s", json);
	cr_expect(strstr(json, "\"A2\":{\"value\":3") != NULL, "%s", json);
	free(json);
	fix_close(&x);
}

Test(headless, wrong_passphrase_saves_nothing)
{
	struct fix x;
	fix_open(&x);
	play(&x, "falsch\r" "n\r" "Kreis Süd\r", 24, 80);
	int n;
	free(only_response(&x, &n));
	cr_expect_eq(n, 0);
	fix_close(&x);
}

Test(headless, tiny_window_and_typing_half_a_field)
{
	struct fix x;
	fix_open(&x);
	/* A resize to 8x38 (byte 0x97, then 0x01), keys there do nothing; back
	 * to 23x78 (0x97, 0x56) and the half-typed A1 is kept. */
	play(&x, PASS "\r" "n\r" "\x97" "\x01" "xyz" "\x97" "\x56" "Halb", 24, 80);
	int n;
	char *json = only_response(&x, &n);
	cr_assert_eq(n, 1);
	cr_expect(strstr(json, "Halb") != NULL, "the half-typed text is kept: %s", json);
	cr_expect(strstr(json, "xyz") == NULL, "keys in a tiny window act on nothing: %s", json);
	free(json);
	fix_close(&x);
}

Test(headless, escape_sequences_never_become_text)
{
	struct fix x;
	fix_open(&x);
	/* In A1: "Muster", End as a VT220 sends it (ESC [ 4 ~), an unknown
	 * sequence (ESC [ 9 9 z), a bracketed paste's markers around "stadt",
	 * and F10 as ESC [ 2 1 ~, as under TERM=vt100. */
	play(&x, PASS "\r" "n\r" "Muster" "\x1b[4~" "\x1b[99z" "\x1b[200~stadt\x1b[201~"
	         "\x1b[21~" "more", 24, 80);
	int n;
	char *json = only_response(&x, &n);
	cr_assert_eq(n, 1);
	/* F10 keeps the unconfirmed field as the draft it is on screen */
	cr_expect(strstr(json, "\"draft\":{\"var\":\"A1\",\"text\":\"Musterstadt\"}") != NULL,
	          "%s", json);
	cr_expect(strstr(json, "more") == NULL, "F10 ended the run before \"more\": %s", json);
	free(json);
	fix_close(&x);
}

Test(headless, esc_then_zero_is_f10)
{
	struct fix x;
	fix_open(&x);
	play(&x, PASS "\r" "n\r" "Kreis" "\x1b" "0" "more", 24, 80);
	int n;
	char *json = only_response(&x, &n);
	cr_assert_eq(n, 1);
	cr_expect(strstr(json, "\"draft\":{\"var\":\"A1\",\"text\":\"Kreis\"}") != NULL, "%s",
	          json);
	cr_expect(strstr(json, "more") == NULL, "Esc 0 ended the run: %s", json);
	free(json);
	fix_close(&x);
}
