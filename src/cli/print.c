/*
 * print: `fragebogen print [FORM]` — the questionnaire as plain text, for
 * proofreading and for a paper copy: every question with its variable name,
 * type, answers and codes, filters and checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/paths.h"
#include "form/input.h"
#include "form/loader.h"
#include "util/utf8.h"

#define WIDTH 78

/*
 * Print 'text' wrapped at WIDTH characters: the first line starts at column
 * 'first' (the caller has printed that much), later lines are indented by
 * 'indent'.
 */
static void wrap(const char *text, int indent, int first)
{
	int col = first, fresh = 1;
	const char *p = text;
	while (*p) {
		if (*p == '\n') {
			printf("\n%*s", indent, "");
			col = indent;
			fresh = 1;
			p++;
			continue;
		}
		size_t wl = strcspn(p, " \n");
		int chars = (int)utf8_count(p, wl);
		if (!fresh && col + 1 + chars > WIDTH) {
			printf("\n%*s", indent, "");
			col = indent;
			fresh = 1;
		} else if (!fresh) {
			putchar(' ');
			col++;
		}
		fwrite(p, 1, wl, stdout);
		col += chars;
		fresh = 0;
		p += wl;
		while (*p == ' ')
			p++;
	}
	putchar('\n');
}

static void print_choices(const struct choicelist *cl, int indent)
{
	for (int i = 0; cl && i < cl->n; i++) {
		const struct choice *c = &cl->v[i];
		printf("%*s%5d  %s%s%s\n", indent, "", (int)c->code, c->label,
		       c->exclusive ? "  (schließt andere aus)" : "",
		       c->other ? "  (+ Freitext)" : "");
	}
}

static const char *req_name(enum required r)
{
	return r == REQ_HARD ? ", Pflicht" : r == REQ_SOFT ? ", erbeten" : "";
}

/* Type-specific details: answers, rows, ranges. */
static void print_details(const struct form *f, const struct question *q)
{
	if (q->choices)
		print_choices(q->choices, 4);
	if (q->type == Q_MULTI && (q->min_picks || q->max_picks))
		printf("      Auswahl: %d bis %d Antworten\n", q->min_picks,
		       q->max_picks ? q->max_picks : q->choices->n);
	for (int r = 0; r < q->nrows; r++) {
		printf("    %-10s ", q->rows[r].id);
		wrap(q->rows[r].text, 15, 15);
	}
	for (int c = 0; q->type == Q_MATRIX && c < q->ncols; c++) {
		if (q->ncols > 1)
			printf("    Spalte „%s“ (Variablen Zeile + „%s“):\n", q->cols[c].title,
			       q->cols[c].suffix);
		else
			printf("    Antwortskala:\n");
		print_choices(q->cols[c].choices, 4);
	}
	if ((q->type == Q_INTEGER || q->type == Q_DECIMAL) && (q->has_min || q->has_max)) {
		char lo[40] = "…", hi[40] = "…";
		if (q->has_min)
			input_format_number(q->min, q->decimals, 1, lo, sizeof lo);
		if (q->has_max)
			input_format_number(q->max, q->decimals, 1, hi, sizeof hi);
		printf("      Bereich: %s bis %s%s%s\n", lo, hi, q->unit ? " " : "",
		       q->unit ? q->unit : "");
	}
	if (q->pattern)
		printf("      Muster: %s\n", q->pattern);
	if (q->type == Q_TEXT || q->type == Q_TEXTAREA)
		printf("      höchstens %d Zeichen\n", q->maxlength);
}

static void print_question(const struct form *f, const struct question *q)
{
	printf("\n%-8s[%s%s]\n", q->id, form_qtype_name(q->type), req_name(q->req));
	printf("        ");
	wrap(q->text, 8, 8);
	if (q->help) {
		printf("        Hilfe: ");
		wrap(q->help, 15, 15);
	}
	if (q->visible_if)
		printf("        nur wenn: %s\n", q->visible_if->src);
	print_details(f, q);
	if (q->nmissing < f->nmissing && q->type != Q_NOTE) {
		printf("      Fehlwerte:");
		for (int i = 0; i < q->nmissing; i++)
			printf(" %d", (int)q->missing[i]);
		printf("%s\n", q->nmissing ? "" : " keine");
	}
	for (int i = 0; i < q->nchecks; i++) {
		const struct check *c = &q->checks[i];
		printf("      %s %s: %s\n        ", c->sev == SEV_ERROR ? "Prüfung" : "Hinweis",
		       c->id, c->valid_if->src);
		wrap(c->message, 8, 8);
	}
}

int print_main(int argc, char **argv)
{
	if (argc > 2) {
		fprintf(stderr, "Aufruf: fragebogen print [FORMULAR]\n");
		return 2;
	}
	/* Without an argument: the bundled questionnaire. */
	char *path = paths_resolve_form(argc == 2 ? argv[1] : NULL);
	struct form *f;
	struct diag d;
	int rc = loader_load_file(path, &f, &d);
	if (rc < 0)
		diag_print(&d, stderr);
	diag_free(&d);
	free(path);
	if (rc < 0)
		return 1;
	printf("%s\n(%s, Version %s, Sprache %s)\n", f->title, f->id, f->version, f->language);
	for (int i = 0; i < f->nmissing; i++)
		printf("Fehlwert %d: %s (Taste %c)\n", (int)f->missing[i].code, f->missing[i].label,
		       f->missing[i].key);
	for (int s = 0; s < f->nsections; s++) {
		const struct section *sec = &f->sections[s];
		printf("\n== %s: %s ==\n", sec->id, sec->title);
		if (sec->visible_if)
			printf("   nur wenn: %s\n", sec->visible_if->src);
		if (sec->intro) {
			printf("   ");
			wrap(sec->intro, 3, 3);
		}
		for (int q = sec->first; q < sec->first + sec->count; q++)
			print_question(f, &f->questions[q]);
	}
	for (int c = 0; c < f->ncomputed; c++) {
		printf("\nberechnet %s = %s\n", f->computed[c].id, f->computed[c].expr->src);
		print_choices(f->computed[c].choices, 4);
	}
	form_free(&f);
	return 0;
}
