/* aggframe: the field phase against the sample frame (see aggframe.h). */
#include "cli/aggframe.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export/outfile.h"
#include "export/repfmt.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/sbuf.h"

/* Write buf whole into path, syncing its folder; -1 after a message. */
static int write_csv(const char *path, const struct sbuf *b)
{
	char *dir = outfile_folder(path);
	int e = 0, rc = fio_replace(dir, path, b->data ? b->data : "", b->len, 0644, true, &e);
	free(dir);
	if (rc < 0)
		fprintf(stderr, _("fragebogen: „%s“ lässt sich nicht schreiben: %s\n"), path,
		        strerror(e));
	return rc;
}

int aggframe_load(struct aggframe *a, const char *frame)
{
	char err[512];
	memset(a, 0, sizeof *a);
	if (frame_load(frame, &a->f, err, sizeof err) < 0) {
		fprintf(stderr, "fragebogen: %s\n", err);
		return -1;
	}
	return 0;
}

int aggframe_run(struct aggframe *a, const struct dataset *d, const char *reminders,
                 const char *rates)
{
	char err[512];
	static const struct rates_cols desi = {"A5", "A3", "A2", "sender_key"};
	if (rates_compute(&a->r, d, &a->f, &desi, err, sizeof err) < 0) {
		fprintf(stderr, "fragebogen: %s\n", err);
		rates_free(&a->r);
		return -1;
	}
	a->ok = true;
	int rc = 0;
	struct sbuf b = {0};
	if (reminders) {
		rates_reminders_csv(&a->r, &a->f, true, &b);
		rc |= write_csv(reminders, &b);
		sbuf_free(&b);
	}
	if (rates) {
		rates_table_csv(&a->r, &b);
		rc |= write_csv(rates, &b);
		sbuf_free(&b);
	}
	return rc ? -1 : 0;
}

/* "40,0 %" of a fraction, or "–". */
static const char *pct(char *buf, double x)
{
	if (isnan(x))
		return strcpy(buf, "–");
	return repfmt_pct(buf, lround(x * 1000), 1000);
}

void aggframe_print(const struct aggframe *a, const struct dataset *d, FILE *out)
{
	if (!a->ok)
		return;
	char r1[REPFMT_LEN], r2[REPFMT_LEN];
	const struct rates_cell *c = &a->r.all;
	/* TRANSLATORS: after the receipt: the sample frame, its units, the
	 * complete and partial responses among them, and the two rates. */
	fprintf(out, _("Stichprobe %s: %d Kommunen, %d vollständig, %d teilweise – RR1 %s, RR2 %s\n"),
	        a->f.path, c->units, c->complete, c->partial, pct(r1, rates_rr1(c)),
	        pct(r2, rates_rr2(c)));
	int lc = d->t.label_column ? table_find(&d->t, d->t.label_column) : -1;
	for (int row = 0; row < a->r.nrows; row++)
		for (int k = 0; k < RATES_NFLAGS; k++)
			if (a->r.flags[row] & (1u << k)) {
				const char *name = lc >= 0 ? dataset_str(d, row, lc) : NULL;
				/* TRANSLATORS: a response the frame casts doubt on: its
				 * Kommune, its id, and why. */
				fprintf(out, _("HINWEIS: „%s“ (%.8s): %s\n"), name ? name : "?",
				        dataset_str(d, row, TCOL_ID), rates_flag_text(1u << k));
			}
}

void aggframe_free(struct aggframe *a)
{
	if (a->ok)
		rates_free(&a->r);
	frame_free(&a->f);
}
