/*
 * test_desi: the bundled DESI questionnaire walked along the paths that
 * matter to the study — the Integrationskonzept routing, the AGS/Land check,
 * the plausibility warning on refugee numbers, the exclusive "keine", the
 * size class and the piped name of the Kommune.
 */
#include <stdio.h>

#include "form/issue.h"
#include "form/pipe.h"
#include "form/progress.h"
#include "helpers.h"

struct desi {
	struct form *f;
	struct response *r;
	struct engine e;
};

static void open_desi(struct desi *d)
{
	char path[512];
	snprintf(path, sizeof path, "%s/desi-kommunen-2016.json", FORMS_DIR);
	struct diag dg;
	cr_assert_eq(loader_load_file(path, &d->f, &dg), 0, "%s", dg.n ? dg.v[0].text : "");
	diag_free(&dg);
	d->r = response_new(d->f, 1480000000);
	engine_init(&d->e, d->f, d->r);
}

static void close_desi(struct desi *d)
{
	engine_free(&d->e);
	response_free(&d->r);
	form_free(&d->f);
}

static bool visible(struct desi *d, const char *id)
{
	return engine_visible(&d->e, q_of(d->f, id));
}

/* Whether question 'id' currently has an issue whose message contains 'text'. */
static bool has_issue(struct desi *d, const char *id, const char *text, enum severity *sev)
{
	struct issues l = {0};
	issue_collect(&d->e, q_of(d->f, id), &l);
	bool found = false;
	for (int i = 0; i < l.n; i++)
		if (strstr(l.v[i].msg, text)) {
			found = true;
			if (sev)
				*sev = l.v[i].sev;
		}
	issue_free_list(&l);
	return found;
}

/* The basics every path starts from: a kreisfreie Stadt in Bayern. */
static void basics(struct desi *d)
{
	set_str(&d->e, "A1", "Musterstadt");
	set_num(&d->e, "A2", 1);
	set_num(&d->e, "A3", 9);
	set_num(&d->e, "A4", 120000);
}

Test(desi, integrationskonzept_routing)
{
	struct desi d;
	open_desi(&d);
	basics(&d);
	cr_assert_not(visible(&d, "G2"));
	cr_assert_not(visible(&d, "G3"));
	set_num(&d.e, "G1", 1); /* beschlossen */
	cr_assert(visible(&d, "G2"));
	cr_assert(visible(&d, "G3"));
	set_num(&d.e, "G1", 2); /* in Erarbeitung */
	cr_assert_not(visible(&d, "G2"), "no year for a concept not yet adopted");
	cr_assert(visible(&d, "G3"));
	set_num(&d.e, "G1", 4); /* nein */
	cr_assert_not(visible(&d, "G2"));
	cr_assert_not(visible(&d, "G3"));
	engine_set_missing(&d.e, slot_of(d.f, "G1"), -1);
	cr_assert_not(visible(&d, "G3"), "weiß nicht leads past the follow-ups");
	cr_assert_eq(engine_next(&d.e, q_of(d.f, "G1")), q_of(d.f, "G4"));
	close_desi(&d);
}

Test(desi, ags_must_match_land_and_landkreis)
{
	struct desi d;
	open_desi(&d);
	basics(&d);
	enum severity sev;
	set_str(&d.e, "A5", "09162000"); /* München, Bayern */
	cr_assert_not(has_issue(&d, "A5", "", NULL), "a matching AGS has no issue");
	set_str(&d.e, "A5", "05315000"); /* Köln, Nordrhein-Westfalen */
	cr_assert(has_issue(&d, "A5", "passen nicht zu Bayern", &sev));
	cr_assert_eq(sev, SEV_ERROR);
	set_str(&d.e, "A5", "0916200");
	cr_assert(has_issue(&d, "A5", "genau acht Ziffern", NULL));
	set_num(&d.e, "A2", 3); /* Landkreis */
	set_str(&d.e, "A5", "09184119");
	cr_assert(has_issue(&d, "A5", "endet auf „000“", &sev));
	cr_assert_eq(sev, SEV_ERROR);
	set_str(&d.e, "A5", "09184000");
	cr_assert_not(has_issue(&d, "A5", "", NULL));
	close_desi(&d);
}

Test(desi, implausible_refugee_numbers_warn)
{
	struct desi d;
	open_desi(&d);
	basics(&d);
	set_num(&d.e, "A4", 1000);
	set_num(&d.e, "A7", 40);
	cr_assert_not(has_issue(&d, "A7", "10 %", NULL));
	set_num(&d.e, "A7", 200);
	enum severity sev;
	cr_assert(has_issue(&d, "A7", "mehr als 10 % der Einwohner_innen (1000)", &sev));
	cr_assert_eq(sev, SEV_WARNING);
	struct issues l = {0};
	issue_blockers(&d.e, &l);
	bool blocks = false;
	for (int i = 0; i < l.n; i++)
		blocks |= l.v[i].question == q_of(d.f, "A7") && !l.v[i].confirmed;
	issue_free_list(&l);
	cr_assert(blocks, "an unconfirmed warning blocks finishing");
	engine_confirm(&d.e, "A7.1");
	issue_blockers(&d.e, &l);
	for (int i = 0; i < l.n; i++)
		cr_assert_neq(l.v[i].question, q_of(d.f, "A7"), "confirmed: no longer blocks");
	issue_free_list(&l);
	set_num(&d.e, "A8", 10);
	cr_assert(has_issue(&d, "A8", "mehr als 10 %", NULL), "2015 and 2016 together");
	close_desi(&d);
}

Test(desi, exclusive_keine_and_cooperation_follow_ups)
{
	struct desi d;
	open_desi(&d);
	basics(&d);
	int h1 = q_of(d.f, "H1"), slot = slot_of(d.f, "H1");
	cr_assert_not(visible(&d, "H2"), "no partners named yet");
	engine_toggle(&d.e, h1, 1);
	engine_toggle(&d.e, h1, 4);
	cr_assert(visible(&d, "H2"));
	cr_assert(visible(&d, "H3"));
	engine_toggle(&d.e, h1, 8); /* keine */
	const struct answer *a = &d.r->ans[slot];
	cr_assert_eq(a->v.u.set.n, 1);
	cr_assert_eq(a->v.u.set.codes[0], 8);
	cr_assert_not(visible(&d, "H2"), "no cooperation to rate");
	cr_assert_not(visible(&d, "H3"));
	engine_toggle(&d.e, h1, 2);
	cr_assert_eq(a->v.u.set.n, 1, "naming a partner clears „keine“");
	cr_assert_eq(a->v.u.set.codes[0], 2);
	cr_assert(visible(&d, "H2"));
	close_desi(&d);
}

Test(desi, size_class_and_piped_name)
{
	struct desi d;
	open_desi(&d);
	basics(&d);
	int gkl = form_var(d.f, "GKL");
	struct value v = engine_value(&d.e, gkl);
	cr_assert_eq(v.u.num, 1, "120 000: Großstadt");
	char *label = pipe_value_text(d.f, gkl, &v);
	cr_assert(strstr(label, "Großstadt"), "%s", label);
	free(label);
	set_num(&d.e, "A4", 4000);
	v = engine_value(&d.e, gkl);
	cr_assert_eq(v.u.num, 4);
	set_num(&d.e, "A2", 3);
	v = engine_value(&d.e, gkl);
	cr_assert_eq(v.u.num, 5, "a Landkreis is its own class");
	char *text = pipe_render(&d.e, d.f->questions[q_of(d.f, "B1")].text);
	cr_assert(strstr(text, "Wie gut hat Musterstadt "), "%s", text);
	free(text);
	close_desi(&d);
}

Test(desi, shortest_route_to_finishing)
{
	struct desi d;
	open_desi(&d);
	basics(&d);
	struct issues l = {0};
	issue_blockers(&d.e, &l);
	for (int i = 0; i < l.n; i++)
		cr_assert_eq(l.v[i].sev, SEV_WARNING, "only soft questions remain: %s", l.v[i].msg);
	for (int i = 0; i < l.n; i++)
		engine_confirm(&d.e, l.v[i].id);
	issue_free_list(&l);
	issue_blockers(&d.e, &l);
	cr_assert_eq(l.n, 0, "everything confirmed: the response can be finished");
	issue_free_list(&l);
	int answered, total;
	progress_count(&d.e, &answered, &total);
	cr_assert_eq(answered, 4);
	cr_assert_gt(total, 40);
	close_desi(&d);
}
