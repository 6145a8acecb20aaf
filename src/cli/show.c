/*
 * show: `fragebogen show ID` — one response as readable text, or
 * as its JSON with --json. Read-only: it neither locks nor writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/para.h"
#include "form/engine.h"
#include "form/pipe.h"
#include "form/progress.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/sbuf.h"

/* The answer in slot 'slot' as text a person reads, after 'lead' ("→ ",
 * or a matrix row's name), from column 4, wrapped with later lines at 6. */
static void print_answer(struct engine *e, const struct question *q, int slot, const char *lead)
{
	const struct form *f = e->f;
	const struct answer *a = &e->r->ans[slot];
	struct sbuf b = {0};
	sbuf_printf(&b, "%s", lead);
	if (a->state == ANS_MISSING) {
		const struct missing *m = form_missing(f, a->missing);
		/* TRANSLATORS: an answer given as a missing-value code of unknown label. */
		sbuf_printf(&b, "(%s)", m ? m->label : _("Fehlwert"));
	} else if (a->state == ANS_VALUE) {
		char *s = pipe_value_text(f, f->slot_var[slot], &a->v);
		sbuf_printf(&b, "%s", s ? s : "");
		free(s);
		if (q->unit)
			sbuf_printf(&b, " %s", q->unit);
	} else {
		sbuf_printf(&b, "–");
	}
	/* the text of "Sonstiges, und zwar:" follows its colon; a label
	   without one gets it */
	if (a->other)
		sbuf_printf(&b, "%s%s", b.len && b.data[b.len - 1] == ':' ? " " : ": ", a->other);
	fputs("    ", stdout);
	char *text = sbuf_take(&b);
	para_print(text, 6, 4);
	free(text);
}

static void print_response(struct engine *e)
{
	const struct form *f = e->f;
	const struct response *r = e->r;
	int answered, visible;
	progress_count(e, &answered, &visible);
	printf(_("Antwort %s\n"), r->uuid);
	/* TRANSLATORS: the status (abgeschlossen or Entwurf), then the revision and progress. */
	printf(P_("%s, Revision %d, %d von %d Frage beantwortet\n",
	          "%s, Revision %d, %d von %d Fragen beantwortet\n", (unsigned long)visible),
	       r->status == RESP_COMPLETE ? _("abgeschlossen") : _("Entwurf"), r->revision,
	       answered, visible);
	for (int qi = 0; qi < f->nquestions; qi++) {
		const struct question *q = &f->questions[qi];
		if (q->type == Q_NOTE || !engine_visible(e, qi))
			continue;
		char *text = pipe_render(e, q->text);
		printf("\n%s  ", q->id);
		para_print(text, 4, (int)strlen(q->id) + 2);
		free(text);
		if (q->type != Q_MATRIX) {
			print_answer(e, q, f->vars[q->var].slot, "→ ");
			continue;
		}
		for (int row = 0; row < q->nrows; row++)
			for (int c = 0; c < q->ncols; c++) {
				char lead[300];
				snprintf(lead, sizeof lead, "%s%s%s: ", q->rows[row].text,
				         q->ncols > 1 ? " – " : "", q->ncols > 1 ? q->cols[c].title : "");
				print_answer(e, q, f->vars[q->rows[row].var[c]].slot, lead);
			}
	}
}

int show_main(int argc, char **argv)
{
	struct opts o;
	int rc = opts_parse(&o, argc, argv, _("Aufruf: fragebogen show [--json] [--form FORMULAR] "
	                                      "[--store ORDNER] ID\n"));
	if (rc)
		return rc > 0 ? 0 : 2;
	if (o.argc != 1) {
		fputs(_("Aufruf: fragebogen show [--json] ID\n"), stderr);
		opts_free(&o);
		return 2;
	}
	struct keyring *k;
	struct store s;
	struct form *f = opts_form(&o);
	rc = 1;
	if (f && opts_open_store(&o, &s, &k) == 0) {
		char uuid[UUID_TEXT], msg[300] = "";
		char *json;
		uint64_t gen;
		const char *note;
		if (opts_resolve_id(&s, o.argv[0], uuid) == 0 &&
		    store_load(&s, uuid, &json, &gen, &note, msg, sizeof msg) == 0) {
			struct response *r;
			if (note)
				fprintf(stderr, _("Hinweis: %s\n"), note);
			if (o.json) {
				puts(json);
				rc = 0;
			} else if (response_from_json(f, json, strlen(json), &r, msg, sizeof msg) == 0) {
				struct engine e;
				engine_init(&e, f, r);
				print_response(&e);
				engine_free(&e);
				response_free(&r);
				rc = 0;
			} else {
				fprintf(stderr, "fragebogen: %s\n", msg);
			}
			free(json);
		} else if (msg[0]) {
			fprintf(stderr, "fragebogen: %s\n", msg);
		}
		opts_close_store(&s, &k);
	}
	form_free(&f);
	opts_free(&o);
	return rc;
}
