/*
 * aggregate: `fragebogen aggregate` — the study team's command. Decrypts
 * and checks the Kommunen's export files, merges them into one data set
 * (SPSS, Stata, CSV or JSON), and with --report writes the frequency report
 * as HTML or text. Every file is written before anything goes to standard
 * output, which then gets only the short receipt: a closed pipe (`| head`)
 * loses nothing. An existing output is kept unless --force.
 */
#include <errno.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/aggframe.h"
#include "cli/argx.h"
#include "cli/cli.h"
#include "crypto/age.h"
#include "export/agg.h"
#include "export/bundle.h"
#include "export/csvout.h"
#include "export/htmlrep.h"
#include "export/opentext.h"
#include "export/outfile.h"
#include "export/receipt.h"
#include "export/report.h"
#include "export/reptext.h"
#include "export/statfile.h"
#include "form/loader.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const char *const usage =
	N_("Aufruf: fragebogen aggregate -i SCHLÜSSEL -o AUSGABE.sav|.dta|.csv|.json\n"
	   "                             [--report BERICHT.html|.txt]… [--senders DATEI]\n"
	   "                             [--accept-key NAME] [--form FORMULAR] [--force]\n"
	   "                             [--include-simulated] [--no-open-text]\n"
	   "                             [--frame STICHPROBE.csv [--reminders DATEI.csv]\n"
	   "                             [--rates DATEI.csv]]\n"
	   "                             [--csv-profile excel-de|rfc4180] DATEI…\n"
	   "Entschlüsselt und prüft die Exportdateien der Kommunen (.age) und führt sie\n"
	   "zu einem Datensatz zusammen; --report schreibt den Häufigkeitsbericht als\n"
	   "HTML- oder Textdatei, mit den offenen Antworten (außer mit --no-open-text).\n"
	   "Vorhandene Dateien bleiben, außer mit --force. Die Absenderschlüssel merkt\n"
	   "sich die Datei SCHLÜSSEL.senders; ein geänderter Schlüssel wird gemeldet und\n"
	   "die Datei erst mit --accept-key NAME übernommen.\n"
	   "Simulierte Testantworten bleiben draußen, außer mit --include-simulated.\n"
	   "--frame vergleicht mit der Stichprobe: Rücklaufquoten, auffällige Antworten,\n"
	   "die Liste für Erinnerungen (--reminders) und die Quoten nach Land und\n"
	   "Gemeindegrößenklasse (--rates).\n");

struct aargs {
	const char *identity, *out, *senders, *form, *profile;
	const char *frame, *reminders, *rates;
	char **accept, **reports;
	int naccept, nreports;
	bool force, simulated, no_open_text;
};

/* The identity line of an age key file (as age-keygen writes it). */
static char *read_identity(const char *path)
{
	uint8_t *buf;
	size_t n;
	int err;
	if (fio_read_file(path, 1u << 16, &buf, &n, &err) < 0) {
		fprintf(stderr, _("fragebogen: Der Schlüssel „%s“ lässt sich nicht lesen: %s\n"), path,
		        strerror(err));
		return NULL;
	}
	char *id = NULL;
	for (size_t i = 0; i < n && !id;) { /* the buffer has no terminating NUL */
		size_t len = 0;
		while (i + len < n && buf[i + len] != '\n' && buf[i + len] != '\r')
			len++;
		if (len >= 16 && memcmp(buf + i, "AGE-SECRET-KEY-1", 16) == 0) {
			id = xmalloc(len + 1);
			memcpy(id, buf + i, len);
			id[len] = '\0';
		}
		i += len + 1;
	}
	char rec[AGE_RECIPIENT_SIZE];
	if (!id || age_recipient_of(id, rec) < 0) {
		fprintf(stderr, _("fragebogen: „%s“ enthält keinen gültigen age-Schlüssel "
		                  "(AGE-SECRET-KEY-1…; siehe fragebogen keygen).\n"), path);
		free(id);
		id = NULL;
	}
	sodium_memzero(buf, n);
	free(buf);
	return id;
}

static int take_args(int *argc, char **argv, struct aargs *a)
{
	int bad = 0;
	memset(a, 0, sizeof *a);
	a->identity = argx_take(argc, argv, "--identity", "-i", true, &bad);
	a->out = argx_take(argc, argv, "--output", "-o", true, &bad);
	a->senders = argx_take(argc, argv, "--senders", NULL, true, &bad);
	a->form = argx_take(argc, argv, "--form", NULL, true, &bad);
	a->profile = argx_take(argc, argv, "--csv-profile", NULL, true, &bad);
	a->frame = argx_take(argc, argv, "--frame", NULL, true, &bad);
	a->reminders = argx_take(argc, argv, "--reminders", NULL, true, &bad);
	a->rates = argx_take(argc, argv, "--rates", NULL, true, &bad);
	a->force = argx_take(argc, argv, "--force", NULL, false, &bad) != NULL;
	a->simulated = argx_take(argc, argv, "--include-simulated", NULL, false, &bad) != NULL;
	a->no_open_text = argx_take(argc, argv, "--no-open-text", NULL, false, &bad) != NULL;
	a->accept = xcalloc((size_t)*argc + 1, sizeof *a->accept);
	a->reports = xcalloc((size_t)*argc + 1, sizeof *a->reports);
	const char *name;
	while ((name = argx_take(argc, argv, "--accept-key", NULL, true, &bad)) != NULL)
		a->accept[a->naccept++] = (char *)name;
	while ((name = argx_take(argc, argv, "--report", NULL, true, &bad)) != NULL)
		a->reports[a->nreports++] = (char *)name;
	if (argx_take(argc, argv, "--help", "-h", false, &bad)) {
		fputs(_(usage), stdout);
		return 1;
	}
	/* Options end at "--": what follows are files, whatever their names. */
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			memmove(argv + i, argv + i + 1, (size_t)(*argc - i) * sizeof *argv);
			(*argc)--;
			break;
		}
		if (argv[i][0] == '-') {
			fprintf(stderr, _("fragebogen: unbekannte Option „%s“\n"), argv[i]);
			bad = -1;
		}
	}
	if (!bad && (!a->identity || !a->out || *argc < 2)) {
		fputs(_(usage), stderr);
		bad = -1;
	}
	return bad;
}

/* The output format from the file name; NULL if unknown. */
static const char *format_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	static const char *const ok[] = {"sav", "dta", "csv", "json", NULL};
	for (int i = 0; dot && ok[i]; i++)
		if (strcmp(dot + 1, ok[i]) == 0)
			return ok[i];
	return NULL;
}

/* Write a file whole, syncing the folder it is in (not the current one). */
static int write_whole(const char *path, const char *buf, size_t n, mode_t mode, int *e)
{
	char *dir = outfile_folder(path);
	int rc = fio_replace(dir, path, buf, n, mode, true, e);
	free(dir);
	return rc;
}

/* The data set into the output file. */
static int write_data(const struct aargs *a, const struct dataset *d)
{
	const char *fmt = format_of(a->out);
	char err[300];
	int rc = 0;
	if (strcmp(fmt, "sav") == 0 || strcmp(fmt, "dta") == 0) {
		rc = statfile_write(d, a->out, fmt[0] == 's' ? STATFILE_SAV : STATFILE_DTA, err,
		                    sizeof err);
	} else {
		char *buf = NULL;
		size_t n = 0;
		if (strcmp(fmt, "json") == 0) {
			buf = bundle_document(d, NULL, NULL, NULL, (int64_t)time(NULL));
			n = strlen(buf);
		} else {
			FILE *mem = open_memstream(&buf, &n);
			rc = csvout_write(d, mem, a->profile && strcmp(a->profile, "rfc4180") == 0
			                                  ? CSVOUT_RFC4180 : CSVOUT_EXCEL_DE, err,
			                  sizeof err);
			fclose(mem);
		}
		int e = 0;
		if (rc == 0 && write_whole(a->out, buf, n, 0600, &e) < 0) {
			snprintf(err, sizeof err, "%s", strerror(e));
			rc = -1;
		}
		free(buf);
	}
	if (rc < 0)
		fprintf(stderr, _("fragebogen: „%s“ lässt sich nicht schreiben: %s\n"), a->out, err);
	return rc;
}

/* The report's kind from its file name: "html", "txt", or NULL. */
static const char *report_kind(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (dot && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0))
		return "html";
	return dot && strcmp(dot, ".txt") == 0 ? "txt" : NULL;
}

/* The receipt's lines after the files, split: for the report's "Eingang". */
static char **after_lines(const struct agg *g, int *n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	receipt_after(g, mem);
	fclose(mem);
	char **lines = xcalloc(len + 1, sizeof *lines);
	*n = 0;
	for (char *p = buf, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p) - 1;
		lines[(*n)++] = xstrndup(p, (size_t)(nl - p + (nl[0] != '\n')));
	}
	free(buf);
	return lines;
}

/* The HTML report into mem, with the whole receipt in its first section. */
static int html_report(const struct aargs *a, const struct agg *g, FILE *mem)
{
	struct htmlrep_file *rows = xcalloc((size_t)g->nfiles + 1, sizeof *rows);
	char **notes = xcalloc((size_t)g->nfiles + 1, sizeof *notes);
	for (int i = 0; i < g->nfiles; i++) {
		const struct agg_file *f = &g->files[i];
		const char *slash = strrchr(f->path, '/');
		notes[i] = receipt_notes(f);
		rows[i] = (struct htmlrep_file){slash ? slash + 1 : f->path, f->sender,
		                                f->fingerprint[0] ? f->fingerprint : NULL,
		                                receipt_key(f), notes[i], f->nresp,
		                                f->added + f->replaced, f->problem != NULL};
	}
	int nl;
	char **lines = after_lines(g, &nl);
	struct htmlrep_meta m = {
		.title = NULL, .generated = time(NULL), .nfiles = g->nfiles, .nresponses = g->d.nrows,
		.files = rows, .nrows = g->nfiles, .problems = (const char *const *)lines,
		.nproblems = nl, .nsimulated = g->took_simulated ? g->simulated : 0,
		.open_text = !a->no_open_text,
	};
	int rc = htmlrep_write(&g->d, &m, mem);
	for (int i = 0; i < g->nfiles; i++)
		free(notes[i]);
	for (int i = 0; i < nl; i++)
		free(lines[i]);
	free(lines);
	free(notes);
	free(rows);
	return rc;
}

/* One report file, HTML or text (the frequency tables, then the open
 * answers unless --no-open-text) by its name. */
static int write_report(const struct aargs *a, const char *path, const struct agg *g)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&buf, &n);
	int rc = 0;
	if (strcmp(report_kind(path), "html") == 0) {
		rc = html_report(a, g, mem);
	} else {
		if (g->took_simulated)
			fprintf(mem, P_("ACHTUNG: Enthält %d simulierte Testantwort – keine echten "
			                "Ergebnisse.\n\n",
			                "ACHTUNG: Enthält %d simulierte Testantworten – keine echten "
			                "Ergebnisse.\n\n", (unsigned long)g->simulated),
			        g->simulated);
		reptext_write(&g->d, mem);
		if (!a->no_open_text)
			opentext_text(&g->d, mem);
	}
	fclose(mem);
	int e = 0;
	if (rc == 0 && write_whole(path, buf, n, 0644, &e) < 0) {
		fprintf(stderr, _("fragebogen: „%s“ lässt sich nicht schreiben: %s\n"), path,
		        strerror(e));
		rc = -1;
	}
	free(buf);
	return rc;
}

/* Outputs that exist already are kept (as export keeps them) unless
 * --force: -1 after naming each one. */
static int refuse_existing(const struct aargs *a)
{
	int rc = 0;
	const char *more[] = {a->out, a->reminders, a->rates};
	for (int i = -3; !a->force && i < a->nreports; i++) {
		const char *path = i < 0 ? more[i + 3] : a->reports[i];
		if (!path)
			continue;
		struct stat st;
		int e;
		if (fio_stat(path, &st, &e) == 0) {
			fprintf(stderr, _("fragebogen: „%s“ gibt es schon und wird nicht überschrieben "
			                  "(mit --force doch).\n"), path);
			rc = -1;
		}
	}
	return rc;
}

/* The form given with --form fixes the column order; NULL on error. */
static int base_table(const char *path, struct table *t)
{
	struct form *f = cli_load_form(path, NULL, NULL);
	if (!f)
		return -1;
	table_from_form(f, t);
	form_free(&f);
	return 0;
}

/* What was written: the data set and its size, and the report. */
static void print_written(const struct aargs *a, const struct dataset *d)
{
	putchar('\n');
	printf(P_("Datensatz: %s (%d Antwort, %d Variablen)\n",
	          "Datensatz: %s (%d Antworten, %d Variablen)\n", (unsigned long)d->nrows),
	       a->out, d->nrows, d->t.ncols);
	for (int i = 0; i < a->nreports; i++)
		printf(_("Bericht: %s\n"), a->reports[i]);
}

/* What a run reads before the files: the senders record, the form's
 * column order, the sample frame. */
struct inputs {
	struct senders snd;
	struct table base;
	struct aggframe fr;
	char *spath;
};

static void inputs_free(const struct aargs *a, struct inputs *in)
{
	if (a->frame)
		aggframe_free(&in->fr);
	senders_free(&in->snd);
	table_free(&in->base);
	free(in->spath);
}

/* Read them all, or say why not (-1, nothing kept): before the long part. */
static int inputs_read(const struct aargs *a, struct inputs *in)
{
	char err[300];
	memset(in, 0, sizeof *in);
	in->spath = a->senders ? xstrdup(a->senders) : xasprintf("%s.senders", a->identity);
	int rc = 0;
	if (senders_load(&in->snd, in->spath, err, sizeof err) < 0) {
		fprintf(stderr, "fragebogen: %s\n", err);
		rc = -1;
	} else if (a->form && base_table(a->form, &in->base) < 0) { /* the loader said why */
		rc = -1;
	} else if (a->frame && aggframe_load(&in->fr, a->frame) < 0) {
		rc = -1;
	}
	if (rc < 0)
		inputs_free(a, in);
	return rc;
}

/* Every file of the run: data set, reports, senders record, the frame's
 * lists; whether the data set and reports were written. *rc gets 1 where
 * the rest failed. */
static bool write_outputs(const struct aargs *a, struct agg *g, struct inputs *in, int *rc)
{
	char err[300];
	bool wrote = false;
	if (g->have_data && g->d.nrows > 0) {
		wrote = write_data(a, &g->d) == 0;
		for (int i = 0; wrote && i < a->nreports; i++)
			wrote = write_report(a, a->reports[i], g) == 0;
	}
	if (senders_save(&in->snd, err, sizeof err) < 0) {
		fprintf(stderr, _("fragebogen: Absenderliste: %s\n"), err);
		*rc = 1;
	}
	if (a->frame && aggframe_run(&in->fr, &g->d, a->reminders, a->rates) < 0)
		*rc = 1;
	return wrote;
}

/* Merge, write and report; the exit status. */
static int run(const struct aargs *a, char *identity, char **files, int nfiles)
{
	char today[16];
	time_t now = time(NULL);
	strftime(today, sizeof today, "%Y-%m-%d", localtime(&now));
	struct inputs in;
	if (inputs_read(a, &in) < 0)
		return 1;
	struct agg_opts o = {.identity = identity, .senders = &in.snd, .accept = a->accept,
	                     .naccept = a->naccept, .base = a->form ? &in.base : NULL,
	                     .today = today, .include_simulated = a->simulated};
	struct agg g;
	agg_run(&g, &o, files, nfiles);
	/* the files first: what goes to standard output afterwards may meet a
	   closed pipe, and nothing written may depend on it */
	int rc = g.skipped || g.nconflicts ? 1 : 0;
	bool wrote = write_outputs(a, &g, &in, &rc);
	receipt_print(&g, stdout);
	aggframe_print(&in.fr, &g.d, stdout);
	if (!g.have_data || g.d.nrows == 0) {
		fprintf(stderr, _("fragebogen: Keine Antworten übernommen; es wurde nichts geschrieben.\n"));
		rc = 1;
	} else if (!wrote) {
		rc = 1;
	} else {
		print_written(a, &g.d);
	}
	agg_free(&g);
	inputs_free(a, &in);
	return rc;
}

int aggregate_main(int argc, char **argv)
{
	struct aargs a;
	int rc = take_args(&argc, argv, &a);
	if (rc) {
		free(a.accept);
		free(a.reports);
		return rc > 0 ? 0 : 2;
	}
	if (!format_of(a.out)) {
		fprintf(stderr, _("fragebogen: -o braucht die Endung .sav, .dta, .csv oder .json\n"));
		rc = 2;
	}
	if (!rc && (a.reminders || a.rates) && !a.frame) {
		fprintf(stderr, _("fragebogen: --reminders und --rates brauchen --frame\n"));
		rc = 2;
	}
	for (int i = 0; i < a.nreports && !rc; i++)
		if (!report_kind(a.reports[i])) {
			fprintf(stderr, _("fragebogen: --report braucht die Endung .html oder .txt\n"));
			rc = 2;
		}
	if (!rc && refuse_existing(&a) < 0)
		rc = 1;
	if (rc) {
		free(a.accept);
		free(a.reports);
		return rc;
	}
	/* a reader that closes the pipe early (| head) gets EPIPE, not a kill:
	   the run goes on and the files are complete */
	signal(SIGPIPE, SIG_IGN);
	char *identity = read_identity(a.identity);
	rc = identity ? run(&a, identity, argv + 1, argc - 1) : 1;
	if (identity) {
		sodium_memzero(identity, strlen(identity));
		free(identity);
	}
	free(a.accept);
	free(a.reports);
	return rc;
}
