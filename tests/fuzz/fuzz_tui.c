/*
 * fuzz_tui: libFuzzer harness for the whole terminal interface, headless
 * (app_run_script): the passphrase unlocks a store with the DESI form, then
 * every input byte is a key — characters, arrows, pages, F-keys, Tab back,
 * resizes down to tiny windows, idle seconds that lock the screen. Every
 * answer is saved to the store as in real use; the store starts empty for
 * each input.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "form/loader.h"
#include "store/keyring.h"
#include "tui/app.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PASS "Fuzzing Passwort 2016"

static struct form *form;
static char dir[] = "/tmp/fuzz_tui.XXXXXX";
static struct kdf_cost cost;

/* A store with the test KDF, made once per process. */
static void setup(void)
{
	if (form)
		return;
	struct diag d;
	if (sodium_init() < 0 || loader_load_file(FORMS_DIR "/desi-kommunen-2016.json", &form, &d) < 0 ||
	    !mkdtemp(dir) || keyring_cost("test", &cost) < 0)
		abort();
	diag_free(&d);
	char code[RECOVERY_LEN + 1];
	struct keyring *k;
	int err;
	if (keyring_create(dir, PASS, strlen(PASS), cost, code, &k, &err) != KR_OK)
		abort();
	keyring_free(&k);
}

/* Remove the responses of the last input, keep the key file. */
static void empty_store(void)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	while (dp && (e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "store.key") == 0)
			continue;
		char path[600];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (dp)
		closedir(dp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 2048)
		return 0;
	setup();
	empty_store();
	size_t n = sizeof PASS + size; /* the passphrase, Enter, then the input */
	uint8_t *keys = malloc(n);
	memcpy(keys, PASS "\r", sizeof PASS);
	memcpy(keys + sizeof PASS, data, size);
	app_run_script(form, dir, cost, keys, n, 24, 80);
	free(keys);
	return 0;
}
