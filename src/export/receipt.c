/*
 * receipt: the aggregation's receipt as aligned text. Reads struct agg
 * only; never changes it and never looks at its internal index.
 */
#include "export/receipt.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/sign.h"
#include "export/repfmt.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* What the list of senders says about a sender's key. */
static const char *verdict_name(enum senders_verdict v)
{
	switch (v) {
	/* TRANSLATORS: the receipt's "Schlüssel" column: the sender's key is
	 * new and now recorded, known, CHANGED, or newly confirmed with
	 * --accept-key. */
	case SENDER_NEW: return _("neu gemerkt");
	case SENDER_KNOWN: return _("bekannt");
	case SENDER_CHANGED: return _("GEÄNDERT");
	case SENDER_ACCEPTED: return _("neu bestätigt");
	/* TRANSLATORS: receipt: a known key under a new name. */
	case SENDER_OTHER_NAME: return _("ANDERER NAME");
	}
	return "–";
}

/* The key column of a file: a dash where no key was judged. */
const char *receipt_key(const struct agg_file *f)
{
	if (!f->sender || !f->nresp)
		return "–";
	return verdict_name(f->verdict);
}

/* Pad 's' to 'w' display columns. */
static void cell(FILE *out, const char *s, size_t w)
{
	fputs(s, out);
	for (size_t i = repfmt_width(s); i < w; i++)
		fputc(' ', out);
	fputs("  ", out);
}

/* The file name without its folder: the receipt names files, not paths. */
static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* Its simulated test responses, and whether they were taken in. */
static void test_responses(FILE *out, const struct agg_file *f)
{
	/* TRANSLATORS: receipt: simulated test responses of this file, and
	 * whether they were taken in (--include-simulated) or left out. */
	fprintf(out, f->taken_simulated
	        ? P_("%d Testantwort, übernommen", "%d Testantworten, übernommen",
	             (unsigned long)f->simulated)
	        : P_("%d Testantwort, nicht übernommen", "%d Testantworten, nicht übernommen",
	             (unsigned long)f->simulated),
	        f->simulated);
}

/* The notes on a file that was taken in: what happened to its responses. */
static void notes(FILE *out, const struct agg_file *f)
{
	const char *sep = "";
	if (f->replaced) {
		fputs(sep, out);
		/* TRANSLATORS: receipt: responses of this file that replace an
		 * older revision of the same response (taken from another file). */
		fprintf(out, P_("%d ersetzt eine ältere Revision", "%d ersetzen ältere Revisionen",
		                (unsigned long)f->replaced),
		        f->replaced);
		sep = "; ";
	}
	if (f->duplicates) {
		fputs(sep, out);
		/* TRANSLATORS: receipt: responses that came in before, unchanged. */
		fprintf(out, P_("%d doppelt, einmal gezählt", "%d doppelt, einmal gezählt",
		                (unsigned long)f->duplicates),
		        f->duplicates);
		sep = "; ";
	}
	if (f->older) {
		fputs(sep, out);
		fprintf(out, P_("%d ältere Revision ignoriert", "%d ältere Revisionen ignoriert",
		                (unsigned long)f->older),
		        f->older);
		sep = "; ";
	}
	if (f->conflicts) {
		fputs(sep, out);
		/* TRANSLATORS: receipt: responses whose revision came in before with
		 * other answers. */
		fprintf(out, P_("%d im KONFLIKT, nicht übernommen", "%d im KONFLIKT, nicht übernommen",
		                (unsigned long)f->conflicts),
		        f->conflicts);
		sep = "; ";
	}
	if (f->other_name) {
		fputs(sep, out);
		/* TRANSLATORS: receipt: responses whose Kommune (as typed in the
		 * form) is not the sender's name. */
		fprintf(out, P_("%d nennt eine andere Kommune als der Absender",
		                "%d nennen eine andere Kommune als der Absender",
		                (unsigned long)f->other_name),
		        f->other_name);
		sep = "; ";
	}
	if (f->simulated) {
		fputs(sep, out);
		test_responses(out, f);
		sep = "; ";
	}
	if (!*sep)
		/* TRANSLATORS: receipt: nothing to note about a file. */
		fputs(_("in Ordnung"), out);
}

/* Column widths: the wider of each heading and its widest entry. */
struct widths {
	size_t file, sender, fpr, key;
	int resp, taken;
};

/* The headings line, and the widths every later line pads to. */
static struct widths heading(const struct agg *a, FILE *out)
{
	/* TRANSLATORS: column headings of the receipt of an aggregation: file,
	 * sender, the fingerprint of the sender's key, the key's status, the
	 * responses in the file, those taken in, notes. */
	const char *h_file = _("Datei"), *h_sender = _("Absender"), *h_fpr = _("Fingerabdruck");
	const char *h_key = _("Schlüssel"), *h_resp = _("Antworten"), *h_taken = _("übernommen");
	const char *h_note = _("Hinweise");
	struct widths w = {repfmt_width(h_file), repfmt_width(h_sender),
	                   max_size(repfmt_width(h_fpr), SIGN_FINGERPRINT_SIZE - 1),
	                   repfmt_width(h_key), (int)repfmt_width(h_resp),
	                   (int)repfmt_width(h_taken)};
	static const enum senders_verdict verdicts[] = {SENDER_NEW, SENDER_KNOWN, SENDER_CHANGED,
	                                                SENDER_ACCEPTED, SENDER_OTHER_NAME};
	for (size_t i = 0; i < sizeof verdicts / sizeof *verdicts; i++)
		w.key = max_size(w.key, repfmt_width(verdict_name(verdicts[i])));
	for (int i = 0; i < a->nfiles; i++) {
		w.file = max_size(w.file, repfmt_width(base_name(a->files[i].path)));
		w.sender = max_size(w.sender,
		                    a->files[i].sender ? repfmt_width(a->files[i].sender) : 1);
	}
	cell(out, h_file, w.file);
	cell(out, h_sender, w.sender);
	cell(out, h_fpr, w.fpr);
	cell(out, h_key, w.key);
	fprintf(out, "%s  %s  %s\n", h_resp, h_taken, h_note);
	return w;
}

/* One line per conflict that still stands. */
static void conflicts(const struct agg *a, FILE *out)
{
	for (int i = 0; i < a->nconflicts; i++) {
		const struct agg_conflict *c = &a->conflicts[i];
		if (!c->stands)
			continue;
		if (c->foreign)
			fprintf(out, _("KONFLIKT: Antwort %s kommt von zwei Absendern (%s und %s) – "
			               "nicht übernommen; bitte prüfen, wem sie gehört."),
			        c->uuid, base_name(c->file_a), base_name(c->file_b));
		else
			fprintf(out, _("KONFLIKT: Antwort %s, Revision %d, ist in %s und %s "
			               "verschieden – beide nicht übernommen; bitte bei der Kommune "
			               "nachfragen."),
			        c->uuid, c->revision, base_name(c->file_a), base_name(c->file_b));
		fputc('\n', out);
	}
}

/* One line per sender with more than one response in the data set. */
static void multi(const struct agg *a, FILE *out)
{
	for (int i = 0; i < a->nmulti; i++) {
		/* TRANSLATORS: receipt: one Kommune, several different responses
		 * (never fewer than two). */
		fprintf(out, _("HINWEIS: „%s“ hat %d verschiedene Antworten gesandt – bitte prüfen, "
		               "ob das so gewollt ist."),
		        a->multi[i].name, a->multi[i].responses);
		fputc('\n', out);
	}
}

/* Whether test responses were left out or taken in, if there were any. */
static void simulated_line(const struct agg *a, FILE *out)
{
	if (a->took_simulated)
		/* TRANSLATORS: receipt: test responses taken in on request. */
		fprintf(out, P_("ACHTUNG: %d simulierte Testantwort ist im Datensatz "
		                "(--include-simulated).\n",
		                "ACHTUNG: %d simulierte Testantworten sind im Datensatz "
		                "(--include-simulated).\n", (unsigned long)a->simulated),
		        a->simulated);
	else if (a->simulated)
		/* TRANSLATORS: receipt: test responses left out, and how to take them. */
		fprintf(out, P_("%d simulierte Testantwort nicht übernommen (mit --include-simulated "
		                "käme sie hinzu).\n",
		                "%d simulierte Testantworten nicht übernommen (mit --include-simulated "
		                "kämen sie hinzu).\n", (unsigned long)a->simulated),
		        a->simulated);
}

char *receipt_notes(const struct agg_file *f)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&buf, &n);
	if (f->problem)
		/* TRANSLATORS: receipt: a file that was not taken in, and why. */
		fprintf(mem, _("ÜBERSPRUNGEN: %s"), f->problem);
	else
		notes(mem, f);
	fclose(mem);
	return buf;
}

void receipt_after(const struct agg *a, FILE *out)
{
	conflicts(a, out);
	multi(a, out);
	char *files = xasprintf(P_("%d Datei", "%d Dateien", (unsigned long)a->nfiles), a->nfiles);
	char *rows = xasprintf(P_("%d Antwort", "%d Antworten", (unsigned long)a->d.nrows),
	                       a->d.nrows);
	/* TRANSLATORS: the last line of the receipt: files read, files skipped,
	 * responses in the data set. */
	fprintf(out, _("%s, %d übersprungen, %s im Datensatz."), files, a->skipped, rows);
	fputc('\n', out);
	free(files);
	free(rows);
	simulated_line(a, out);
}

void receipt_print(const struct agg *a, FILE *out)
{
	struct widths w = heading(a, out);
	for (int i = 0; i < a->nfiles; i++) {
		const struct agg_file *f = &a->files[i];
		cell(out, base_name(f->path), w.file);
		cell(out, f->sender ? f->sender : "–", w.sender);
		cell(out, f->fingerprint[0] ? f->fingerprint : "–", w.fpr);
		cell(out, receipt_key(f), w.key);
		fprintf(out, "%*d  %*d  ", w.resp, f->nresp, w.taken, f->added + f->replaced);
		char *note = receipt_notes(f);
		fputs(note, out);
		free(note);
		fputc('\n', out);
	}
	receipt_after(a, out);
}
