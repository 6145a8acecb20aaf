/*
 * import: `fragebogen import FILE` — responses from JSON (one response or
 * a list, as `show --json` writes) or from CSV (comma or semicolon), checked
 * against the form and stored encrypted. All rows are checked before
 * anything is stored; a bad row is reported with its line and nothing is
 * kept.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "form/csvin.h"
#include "util/fio.h"
#include "store/session.h"
#include "util/csv.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct batch {
	struct response **r;
	int n;
	int errors;
};

static void batch_add(struct batch *b, struct response *r)
{
	b->r = xreallocarray(b->r, (size_t)b->n + 1, sizeof *b->r);
	b->r[b->n++] = r;
}

/* Validate one response; report "FILE:LINE: …" on failure. */
static void check_one(struct batch *b, const struct form *f, struct response *r,
                      const char *file, int line)
{
	struct engine e;
	char msg[400];
	engine_init(&e, f, r);
	int rc = csvin_validate(&e, msg, sizeof msg);
	engine_free(&e);
	for (int i = 0; rc == 0 && i < b->n; i++)
		if (strcmp(b->r[i]->uuid, r->uuid) == 0)
			rc = -1, snprintf(msg, sizeof msg, _("die UUID %s kommt doppelt vor"), r->uuid);
	if (rc < 0) {
		fprintf(stderr, "%s:%d: %s\n", file, line, msg);
		b->errors++;
		response_free(&r);
		return;
	}
	batch_add(b, r);
}

static void from_csv(struct batch *b, const struct form *f, const char *file, const char *text,
                     size_t len)
{
	struct csv c;
	struct csvin_col *cols;
	char msg[400];
	if (csv_parse(text, len, &c, msg, sizeof msg) < 0) {
		fprintf(stderr, "%s: %s\n", file, msg);
		b->errors++;
		return;
	}
	if (c.n == 0 || csvin_columns(f, c.rows[0].f, c.rows[0].n, &cols, msg, sizeof msg) < 0) {
		fprintf(stderr, "%s:1: %s\n", file, c.n ? msg : _("die Datei ist leer"));
		b->errors++;
		csv_free(&c);
		return;
	}
	int64_t now = (int64_t)time(NULL);
	for (int i = 1; i < c.n; i++) {
		struct csv_row *row = &c.rows[i];
		struct response *r;
		if (row->n != c.rows[0].n) {
			fprintf(stderr, P_("%s:%d: die Zeile hat %d Feld, die Kopfzeile %d\n",
			                   "%s:%d: die Zeile hat %d Felder, die Kopfzeile %d\n",
			                   (unsigned long)row->n),
			        file, row->line, row->n, c.rows[0].n);
			b->errors++;
		} else if (csvin_row(f, cols, row->f, row->n, now, &r, msg, sizeof msg) < 0) {
			fprintf(stderr, "%s:%d: %s\n", file, row->line, msg);
			b->errors++;
		} else {
			check_one(b, f, r, file, row->line);
		}
	}
	free(cols);
	csv_free(&c);
}

static void from_json(struct batch *b, const struct form *f, const char *file, const char *text,
                      size_t len)
{
	cJSON *root = cJSON_ParseWithLength(text, len);
	if (!root) {
		fprintf(stderr, _("%s: kein gültiges JSON\n"), file);
		b->errors++;
		return;
	}
	int i = 0;
	cJSON *item;
	cJSON *list = cJSON_IsArray(root) ? root : NULL;
	for (item = list ? list->child : root; item; item = list ? item->next : NULL, i++) {
		char *one = cJSON_PrintUnformatted(item), msg[300];
		struct response *r;
		if (response_from_json(f, one, strlen(one), &r, msg, sizeof msg) < 0) {
			fprintf(stderr, _("%s: Antwort %d: %s\n"), file, i + 1, msg);
			b->errors++;
		} else {
			response_audit(r, (int64_t)time(NULL), "imported", NULL);
			check_one(b, f, r, file, i + 1);
		}
		free(one);
		if (!list)
			break;
	}
	cJSON_Delete(root);
}

/* Store every response; on a failure remove what this run stored. */
static int store_all(struct batch *b, struct store *s, const struct form *f)
{
	char msg[400];
	struct store_entry *v;
	int n;
	if (store_list(s, &v, &n, msg, sizeof msg) < 0) {
		fprintf(stderr, "fragebogen: %s\n", msg);
		return -1;
	}
	for (int i = 0; i < b->n; i++)
		for (int k = 0; k < n; k++)
			if (strcmp(b->r[i]->uuid, v[k].uuid) == 0) {
				fprintf(stderr, _("fragebogen: Die Antwort %s ist schon im Speicher; es wurde "
				                  "nichts importiert.\n"), v[k].uuid);
				store_entries_free(v, n);
				return -1;
			}
	store_entries_free(v, n);
	/* Every response stays locked until the whole batch is stored, so a
	 * rollback never removes a file another process has opened meanwhile. */
	struct session *ss = xcalloc((size_t)b->n + 1, sizeof *ss);
	char (*ids)[UUID_TEXT] = xcalloc((size_t)b->n + 1, sizeof *ids);
	int rc = 0, held = 0, tried = 0;
	for (int i = 0; i < b->n && rc == 0; i++) {
		struct response *r = b->r[i];
		b->r[i] = NULL;
		memcpy(ids[tried++], r->uuid, UUID_TEXT);
		if (session_adopt(&ss[i], s, f, r, msg, sizeof msg) < 0) {
			fprintf(stderr, _("fragebogen: %s\nEs wurde nichts importiert.\n"), msg);
			rc = -1;
		} else {
			held++;
		}
	}
	for (int k = 0; rc < 0 && k < tried; k++) { /* take back what was written */
		static const char *const ext[] = {"", ".prev", ".tmp"};
		for (int e = 0; e < 3; e++) {
			char *p = xasprintf("%s/%s.fbr%s", s->dir, ids[k], ext[e]);
			int err;
			(void)fio_unlink(p, &err);
			free(p);
		}
	}
	for (int k = 0; k < held; k++)
		session_close(&ss[k]);
	free(ids);
	free(ss);
	return rc;
}

int import_main(int argc, char **argv)
{
	struct opts o;
	int rc = opts_parse(&o, argc, argv, _("Aufruf: fragebogen import [--form FORMULAR] "
	                                      "[--store ORDNER] DATEI\n"));
	if (rc)
		return rc > 0 ? 0 : 2;
	if (o.argc != 1) {
		fputs(_("Aufruf: fragebogen import DATEI\n"), stderr);
		opts_free(&o);
		return 2;
	}
	const char *file = o.argv[0];
	struct form *f = opts_form(&o);
	uint8_t *text = NULL;
	size_t len;
	int err;
	struct batch b = {0};
	rc = 1;
	if (!f)
		goto out;
	if (fio_read_file(file, 64u << 20, &text, &len, &err) < 0) {
		fprintf(stderr, _("fragebogen: „%s“ lässt sich nicht lesen: %s\n"), file, strerror(err));
		goto out;
	}
	size_t i = 0;
	while (i < len && strchr(" \t\r\n", text[i]))
		i++;
	if (i < len && (text[i] == '{' || text[i] == '['))
		from_json(&b, f, file, (char *)text, len);
	else
		from_csv(&b, f, file, (char *)text, len);
	if (b.errors) {
		fprintf(stderr, P_("fragebogen: %d fehlerhafter Eintrag; es wurde nichts importiert.\n",
		                   "fragebogen: %d fehlerhafte Einträge; es wurde nichts importiert.\n",
		                   (unsigned long)b.errors),
		        b.errors);
		goto out;
	}
	struct keyring *k;
	struct store s;
	if (opts_open_store(&o, &s, &k) == 0) {
		if (store_all(&b, &s, f) == 0) {
			printf(P_("%d Antwort importiert.\n", "%d Antworten importiert.\n", (unsigned long)b.n), b.n);
			rc = 0;
		}
		opts_close_store(&s, &k);
	}
out:
	for (int k2 = 0; k2 < b.n; k2++)
		response_free(&b.r[k2]);
	free(b.r);
	free(text);
	form_free(&f);
	opts_free(&o);
	return rc;
}
