/*
 * print: `fragebogen print [FORM]` — the questionnaire as plain text, for
 * proofreading and for a paper copy: every question with its variable name,
 * type, answers and codes, filters and checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/para.h"
#include "cli/paths.h"
#include "form/input.h"
#include "form/form.h"
#include "util/i18n.h"
#include "util/utf8.h"

static void print_choices(const struct choicelist *cl, int indent)
{
	for (int i = 0; cl && i < cl->n; i++) {
		const struct choice *c = &cl->v[i];
		printf("%*s%5d  %s", indent, "", (int)c->code, c->label);
		if (c->exclusive)
			/* TRANSLATORS: after an answer that cannot be combined with others. */
			printf("  %s", _("(schließt andere aus)"));
		if (c->other)
			/* TRANSLATORS: after an answer that comes with a text field. */
			printf("  %s", _("(+ Freitext)"));
		putchar('\n');
	}
}

/* How strongly an answer is required, after the type: "[single, Pflicht]". */
static const char *req_name(enum required r)
{
	/* TRANSLATORS: a question that must be answered. */
	return r == REQ_HARD ? _(", Pflicht")
	       /* TRANSLATORS: a question that should be answered (a warning if not). */
	       : r == REQ_SOFT ? _(", erbeten") : "";
}

/* Type-specific details: answers, rows, ranges. */
static void print_details(const struct form *f, const struct question *q)
{
	if (q->choices)
		print_choices(q->choices, 4);
	if (q->type == Q_MULTI && (q->min_picks || q->max_picks)) {
		int most = q->max_picks ? q->max_picks : q->choices->n;
		/* TRANSLATORS: how many answers of a multiple choice may be picked. */
		printf(P_("      Auswahl: %d bis %d Antwort\n", "      Auswahl: %d bis %d Antworten\n",
		          (unsigned long)most),
		       q->min_picks, most);
	}
	for (int r = 0; r < q->nrows; r++) {
		printf("    %-10s ", q->rows[r].id);
		para_print(q->rows[r].text, 15, 15);
	}
	for (int c = 0; q->type == Q_MATRIX && c < q->ncols; c++) {
		if (q->ncols > 1)
			/* TRANSLATORS: a column of a matrix; its variables are named after the
			   row with the suffix appended. */
			printf(_("    Spalte „%s“ (Variablen Zeile + „%s“):\n"), q->cols[c].title,
			       q->cols[c].suffix);
		else
			fputs(_("    Antwortskala:\n"), stdout);
		print_choices(q->cols[c].choices, 4);
	}
	if ((q->type == Q_INTEGER || q->type == Q_DECIMAL) && (q->has_min || q->has_max)) {
		char lo[40] = "…", hi[40] = "…";
		if (q->has_min)
			input_format_number(q->min, q->decimals, 1, lo, sizeof lo);
		if (q->has_max)
			input_format_number(q->max, q->decimals, 1, hi, sizeof hi);
		if (q->unit)
			/* TRANSLATORS: the lowest and highest number allowed, and the unit. */
			printf(_("      Bereich: %s bis %s %s\n"), lo, hi, q->unit);
		else
			printf(_("      Bereich: %s bis %s\n"), lo, hi);
	}
	if (q->pattern)
		printf(_("      Muster: %s\n"), q->pattern);
	if (q->type == Q_TEXT || q->type == Q_TEXTAREA)
		printf(P_("      höchstens %d Zeichen\n", "      höchstens %d Zeichen\n",
		          (unsigned long)q->maxlength),
		       q->maxlength);
}

static void print_question(const struct form *f, const struct question *q)
{
	printf("\n%-8s[%s%s]\n", q->id, form_qtype_name(q->type), req_name(q->req));
	printf("        ");
	para_print(q->text, 8, 8);
	if (q->help) {
		/* TRANSLATORS: before the help text of a question. */
		const char *label = _("Hilfe:");
		int at = 8 + (int)utf8_count(label, strlen(label)) + 1;
		printf("        %s ", label);
		para_print(q->help, at, at);
	}
	if (q->visible_if)
		/* TRANSLATORS: before the condition under which a question is shown. */
		printf(_("        nur wenn: %s\n"), q->visible_if->src);
	print_details(f, q);
	if (q->nmissing < f->nmissing && q->type != Q_NOTE) {
		/* TRANSLATORS: the missing-value codes this question offers. */
		fputs(_("      Fehlwerte:"), stdout);
		for (int i = 0; i < q->nmissing; i++)
			printf(" %d", (int)q->missing[i]);
		/* TRANSLATORS: no missing-value codes at all. */
		printf("%s\n", q->nmissing ? "" : _(" keine"));
	}
	for (int i = 0; i < q->nchecks; i++) {
		const struct check *c = &q->checks[i];
		/* TRANSLATORS: a check whose failure blocks (Prüfung) or only warns (Hinweis),
		   with its name and condition. */
		printf(c->sev == SEV_ERROR ? _("      Prüfung %s: %s\n")
		                           : _("      Hinweis %s: %s\n"),
		       c->id, c->valid_if->src);
		printf("        ");
		para_print(c->message, 8, 8);
	}
}

int print_main(int argc, char **argv)
{
	if (argc > 2) {
		fputs(_("Aufruf: fragebogen print [FORMULAR]\n"), stderr);
		return 2;
	}
	/* Without an argument: the bundled questionnaire. */
	char *path = paths_resolve_form(argc == 2 ? argv[1] : NULL);
	struct form *f = cli_load_form(path, NULL, NULL);
	free(path);
	if (!f)
		return 1;
	/* TRANSLATORS: the form's title, then its id, version and language code. */
	printf(_("%s\n(%s, Version %s, Sprache %s)\n"), f->title, f->id, f->version, f->language);
	for (int i = 0; i < f->nmissing; i++)
		/* TRANSLATORS: a missing-value code, its label and the key that sets it. */
		printf(_("Fehlwert %d: %s (Taste %c)\n"), (int)f->missing[i].code,
		       f->missing[i].label, f->missing[i].key);
	for (int s = 0; s < f->nsections; s++) {
		const struct section *sec = &f->sections[s];
		printf("\n== %s: %s ==\n", sec->id, sec->title);
		if (sec->visible_if)
			printf(_("   nur wenn: %s\n"), sec->visible_if->src);
		if (sec->intro) {
			printf("   ");
			para_print(sec->intro, 3, 3);
		}
		for (int q = sec->first; q < sec->first + sec->count; q++)
			print_question(f, &f->questions[q]);
	}
	for (int c = 0; c < f->ncomputed; c++) {
		/* TRANSLATORS: a computed variable and its formula. */
		printf(_("\nberechnet %s = %s\n"), f->computed[c].id, f->computed[c].expr->src);
		print_choices(f->computed[c].choices, 4);
	}
	form_free(&f);
	return 0;
}
