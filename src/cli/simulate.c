/*
 * simulate: `fragebogen simulate` — random completed responses that follow
 * the routing and the checks, stored like real ones but marked as
 * simulated, so that the study team can try its whole pipeline (export,
 * aggregation, report) before real data arrives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/argx.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "form/walk.h"
#include "store/session.h"
#include "util/i18n.h"

static const char *const usage =
	N_("Aufruf: fragebogen simulate [--form FORMULAR] [--store ORDNER] --count N [--seed ZAHL]\n"
	   "Speichert N zufällige, abgeschlossene Antworten, als Testdaten markiert.\n");

/* Parse a whole number in [lo, hi]; -1 if it is not one. */
static long number(const char *s, long lo, long hi)
{
	char *end;
	long v = s ? strtol(s, &end, 10) : -1;
	return s && *s && !*end && v >= lo && v <= hi ? v : -1;
}

/* Make and store n responses (a route that cannot be finished is dropped
 * and another seed tried); returns how many were stored. */
static int make(struct store *s, const struct form *f, long n, unsigned long seed)
{
	int stored = 0, unfinished = 0;
	char msg[300];
	for (long i = 0; stored < n && i < 2 * n + 20; i++) {
		int64_t now = (int64_t)time(NULL);
		struct response *r = response_new(f, now);
		r->simulated = true;
		if (!walk_fill(f, r, seed + (unsigned long)i, now)) {
			unfinished++;
			response_free(&r);
			continue;
		}
		char detail[64];
		snprintf(detail, sizeof detail, "Startwert %lu", seed + (unsigned long)i);
		response_audit(r, now, "simulated", detail);
		struct session ss;
		if (session_adopt(&ss, s, f, r, msg, sizeof msg) < 0) {
			fprintf(stderr, "fragebogen: %s\n", msg);
			break;
		}
		session_close(&ss);
		stored++;
	}
	if (unfinished)
		fprintf(stderr, P_("Hinweis: %d Durchlauf ließ sich nicht abschließen und wurde "
		                   "verworfen (siehe fragebogen validate --walks).\n",
		                   "Hinweis: %d Durchläufe ließen sich nicht abschließen und wurden "
		                   "verworfen (siehe fragebogen validate --walks).\n",
		                   (unsigned long)unfinished),
		        unfinished);
	return stored;
}

int simulate_main(int argc, char **argv)
{
	int bad = 0;
	const char *count = argx_take(&argc, argv, "--count", "-n", true, &bad);
	const char *seeds = argx_take(&argc, argv, "--seed", NULL, true, &bad);
	struct opts o;
	int rc = opts_parse(&o, argc, argv, _(usage));
	if (rc)
		return rc > 0 ? 0 : 2;
	long n = number(count, 1, 1000000);
	long seed = seeds ? number(seeds, 0, 0x7fffffffL) : (long)(time(NULL) & 0x7fffffff);
	if (bad || n < 0 || seed < 0 || o.argc) {
		fputs(_("fragebogen: --count erwartet eine Zahl von 1 bis 1 000 000 und "
		        "--seed eine Zahl ab 0.\n"), stderr);
		fputs(_(usage), stderr);
		opts_free(&o);
		return 2;
	}
	struct form *f = opts_form(&o);
	struct keyring *k;
	struct store s;
	rc = 1;
	if (f && opts_open_store(&o, &s, &k) == 0) {
		int stored = make(&s, f, n, (unsigned long)seed);
		printf(P_("%d simulierte Antwort gespeichert (Startwert %ld). Sie ist als "
		          "Testdaten markiert (Variable „simulated“).\n",
		          "%d simulierte Antworten gespeichert (Startwert %ld). Sie sind als "
		          "Testdaten markiert (Variable „simulated“).\n", (unsigned long)stored),
		       stored, seed);
		rc = stored == n ? 0 : 1;
		opts_close_store(&s, &k);
	}
	form_free(&f);
	opts_free(&o);
	return rc;
}
