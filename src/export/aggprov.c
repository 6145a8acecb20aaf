/* aggprov: the provenance columns and flags of an aggregation (see aggprov.h). */
#include "export/aggprov.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xmalloc.h"

/* The file name without its folder. */
static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* A string column named 'name' (or "agg_" + name if a form variable has
 * that name), labelled; its index. */
static int add_column(struct dataset *d, const char *name, const char *label)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%s%s", table_find(&d->t, name) >= 0 ? "agg_" : "", name);
	struct column c = {.name = buf, .label = (char *)label, .type = COL_STRING,
	                   .role = ROLE_META, .var = -1};
	return dataset_add_column(d, &c);
}

/* s lower-cased, without blanks: names compared as a person would. */
static char *folded(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			*o++ = (char)tolower((unsigned char)*s);
	*o = '\0';
	return out;
}

/* Whether the Kommune's own name and the sender's name fit: one contains
 * the other ("Musterstadt" in "Stadt Musterstadt"). */
static bool names_fit(const char *label, const char *sender)
{
	char *l = folded(label), *s = folded(sender);
	bool fit = !*l || strstr(s, l) || strstr(l, s);
	free(l);
	free(s);
	return fit;
}

/* Count the rows per sender; senders with more than one go to *multi. */
static void count_senders(int nrows, const struct aggprov_src *src, const int *row_file,
                          struct aggprov_multi **multi, int *nmulti)
{
	struct aggprov_multi *m = NULL;
	int nm = 0;
	for (int r = 0; r < nrows; r++) {
		if (row_file[r] < 0 || !src[row_file[r]].sender)
			continue;
		const char *name = src[row_file[r]].sender;
		int k = 0;
		while (k < nm && strcmp(m[k].name, name) != 0)
			k++;
		if (k == nm) {
			m = xrealloc(m, ((size_t)k + 1) * sizeof *m);
			m[nm++] = (struct aggprov_multi){xstrdup(name), 0};
		}
		m[k].responses++;
	}
	int n = 0;
	for (int k = 0; k < nm; k++)
		if (m[k].responses > 1)
			m[n++] = m[k];
		else
			free(m[k].name);
	*multi = m;
	*nmulti = n;
}

void aggprov_free(struct aggprov_multi *multi, int n)
{
	for (int i = 0; i < n; i++)
		free(multi[i].name);
	free(multi);
}

void aggprov_add(struct dataset *d, struct aggprov_src *src, const int *row_file,
                 struct aggprov_multi **multi, int *nmulti)
{
	int lc = d->t.label_column ? table_find(&d->t, d->t.label_column) : -1;
	/* TRANSLATORS: labels of the columns an aggregation adds to the data set. */
	int cs = add_column(d, "sender", _("Absender (Name laut Absenderliste)"));
	int ck = add_column(d, "sender_key", _("Fingerabdruck des Signaturschlüssels"));
	int cf = add_column(d, "source_file", _("Eingesandte Datei"));
	int cr = add_column(d, "received", _("Datei erstellt am (UTC)"));
	for (int r = 0; r < d->nrows; r++) {
		if (row_file[r] < 0)
			continue;
		struct aggprov_src *f = &src[row_file[r]];
		dataset_set_str(d, r, cs, f->sender);
		dataset_set_str(d, r, ck, f->fingerprint);
		dataset_set_str(d, r, cf, base_name(f->path));
		dataset_set_str(d, r, cr, f->created);
		const char *label = lc >= 0 ? dataset_str(d, r, lc) : NULL;
		if (label && f->sender && !names_fit(label, f->sender))
			f->other_name++;
	}
	count_senders(d->nrows, src, row_file, multi, nmulti);
}
