/*
 * agg: merging export files into one data set, and the record of what
 * happened to each file (printed by receipt.c). Knows no output format.
 */
#include "export/agg.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/bundle.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/uuid.h"
#include "util/xmalloc.h"

#define MAX_FILE (64u << 20)   /* a Kommune sends a few responses, not gigabytes */

/* ---- uuid -> row index (open addressing) ---- */

struct entry {
	char uuid[UUID_TEXT];
	int row, revision, file;
	uint8_t hash[BUNDLE_HASH_BYTES];
	bool conflict;
	bool foreign;          /* also sent by another sender: stays out */
};

struct index {
	struct entry *v;
	size_t cap, n;
};

static uint64_t hash_uuid(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 1099511628211u;
	return h;
}

static struct entry *slot(struct index *ix, const char *uuid)
{
	size_t i = (size_t)hash_uuid(uuid) & (ix->cap - 1);
	while (ix->v[i].uuid[0] && strcmp(ix->v[i].uuid, uuid) != 0)
		i = (i + 1) & (ix->cap - 1);
	return &ix->v[i];
}

/* The entry of a uuid, created (row -1) if new. */
static struct entry *lookup(struct index *ix, const char *uuid)
{
	if ((ix->n + 1) * 2 > ix->cap) {
		struct index big = {xcalloc(ix->cap ? ix->cap * 2 : 1024, sizeof *big.v),
		                    ix->cap ? ix->cap * 2 : 1024, ix->n};
		for (size_t i = 0; i < ix->cap; i++)
			if (ix->v[i].uuid[0])
				*slot(&big, ix->v[i].uuid) = ix->v[i];
		free(ix->v);
		*ix = big;
	}
	struct entry *e = slot(ix, uuid);
	if (!e->uuid[0]) {
		memcpy(e->uuid, uuid, UUID_TEXT);
		e->row = -1;
		ix->n++;
	}
	return e;
}

/* ---- one file ---- */

/* Why a file could not be read, in the words of the receipt; 'what' names
 * the file if it is not the one on the receipt's line. */
static void unreadable(char *err, size_t errlen, const char *what, int e)
{
	char why[200];
	snprintf(why, sizeof why, _("Datei lässt sich nicht lesen: %s"),
	         e == EFBIG ? _("zu groß") : strerror(e));
	if (what)
		snprintf(err, errlen, "%s: %s", what, why);
	else
		snprintf(err, errlen, "%s", why);
}

/* A detached signature beside the file must verify, if there is one. */
static int check_minisig(const uint8_t *file, size_t n, const char *sig, size_t sn,
                         const struct sign_pub *pub, char *err, size_t errlen)
{
	enum sign_status st = sign_verify(pub, file, n, sig, sn, NULL);
	if (st == SIGN_OK)
		return 0;
	snprintf(err, errlen, _("die Signaturdatei .minisig passt nicht zur Datei: %s"),
	         sign_message(st));
	return -1;
}

static bool accepted(const struct agg_opts *o, const char *name)
{
	for (int i = 0; i < o->naccept; i++)
		if (strcmp(o->accept[i], name) == 0)
			return true;
	return false;
}

/* Dictionaries seen before and their column maps: most files of a study
 * share one, and matching it again for each file would dominate the time. */
#define CACHE 8
struct dict {
	struct table t;
	int *map;
};

static bool cached_map(struct agg *a, const struct table *t, int *map)
{
	struct dict *c = a->cache;
	for (int i = 0; i < a->ncache; i++)
		if (table_same_columns(&c[i].t, t)) {
			memcpy(map, c[i].map, (size_t)t->ncols * sizeof *map);
			return true;
		}
	return false;
}

static void remember_map(struct agg *a, const struct table *t, const int *map)
{
	if (a->ncache == CACHE)
		return;
	if (!a->cache)
		a->cache = xcalloc(CACHE, sizeof(struct dict));
	struct dict *c = &((struct dict *)a->cache)[a->ncache++];
	table_copy(&c->t, t);
	c->map = xcalloc((size_t)t->ncols + 1, sizeof *c->map);
	memcpy(c->map, map, (size_t)t->ncols * sizeof *map);
}

/* Columns of the bundle in the data set; -1 with a message on a type clash. */
static int map_columns(struct agg *a, const struct bundle *b, int *map, char *err,
                       size_t errlen)
{
	if (a->have_data && cached_map(a, b->t, map))
		return 0;
	if (!a->have_data) {
		struct table empty = {0};
		dataset_init(&a->d, &empty);
		a->have_data = true;
	}
	for (int k = 0; k < b->t->ncols; k++) {
		int c = table_find(&a->d.t, b->t->cols[k].name);
		if (c >= 0 && (a->d.t.cols[c].type == COL_STRING) != (b->t->cols[k].type == COL_STRING)) {
			snprintf(err, errlen, _("Variable „%s“ hat hier einen anderen Typ als in "
			                        "früheren Dateien"),
			         b->t->cols[k].name);
			return -1;
		}
	}
	for (int k = 0; k < b->t->ncols; k++)
		map[k] = dataset_add_column(&a->d, &b->t->cols[k]);
	remember_map(a, b->t, map);
	if (!a->d.t.form_id && b->t->form_id)
		a->d.t.form_id = xstrdup(b->t->form_id);
	if (!a->d.t.form_title && b->t->form_title)
		a->d.t.form_title = xstrdup(b->t->form_title);
	if (!a->d.t.breakdown && b->t->breakdown)
		a->d.t.breakdown = xstrdup(b->t->breakdown);
	if (!a->d.t.label_column && b->t->label_column)
		a->d.t.label_column = xstrdup(b->t->label_column);
	return 0;
}

static void add_conflict(struct agg *a, const struct entry *e, int file, bool foreign)
{
	a->conflicts = xrealloc(a->conflicts, ((size_t)a->nconflicts + 1) * sizeof *a->conflicts);
	struct agg_conflict *c = &a->conflicts[a->nconflicts++];
	memcpy(c->uuid, e->uuid, UUID_TEXT);
	c->revision = e->revision;
	c->file_a = xstrdup(a->files[e->file].path);
	c->file_b = xstrdup(a->files[file].path);
	c->foreign = foreign;
}

/* Merge response i of b (from file fi) by uuid and revision. */
static void merge_response(struct agg *a, const struct bundle *b, int i, int fi, const int *map)
{
	struct agg_file *f = &a->files[fi];
	const struct bundle_response *r = &b->resp[i];
	struct entry *e = lookup(a->index, r->uuid);
	if (e->row >= 0 && strcmp(a->files[e->file].sender, f->sender) != 0) {
		if (!e->foreign)
			add_conflict(a, e, fi, true);
		e->foreign = e->conflict = true;
		f->conflicts++;
		return;
	}
	if (e->row < 0) {
		e->row = bundle_add_row(b, i, &a->d, map);
		f->added++;
	} else if (r->revision > e->revision) {
		dataset_clear_row(&a->d, e->row);
		bundle_set_row(b, i, &a->d, e->row, map);
		e->conflict = false;
		f->replaced++;
	} else if (r->revision < e->revision) {
		f->older++;
		return;
	} else if (memcmp(r->hash, e->hash, BUNDLE_HASH_BYTES) == 0) {
		f->duplicates++;
		return;
	} else {
		if (!e->conflict)
			add_conflict(a, e, fi, false);
		e->conflict = true;
		f->conflicts++;
		return;
	}
	e->revision = r->revision;
	e->file = fi;
	memcpy(e->hash, r->hash, BUNDLE_HASH_BYTES);
}

/* Whether response i of b is a simulated test response (its "simulated"
 * variable is 1). */
static bool simulated(const struct bundle *b, int i, int col)
{
	const cJSON *v = col >= 0 ? cJSON_GetArrayItem(b->resp[i].values, col) : NULL;
	return cJSON_IsNumber(v) && v->valuedouble == 1;
}

/* The responses of one accepted file into the data set; test responses
 * only when asked for, counted either way. */
static void merge_file(struct agg *a, const struct agg_opts *o, const struct bundle *b, int fi,
                       const int *map)
{
	int col = table_find(b->t, "simulated");
	for (int i = 0; i < b->nresp; i++) {
		bool sim = simulated(b, i, col);
		a->files[fi].simulated += sim;
		a->files[fi].taken_simulated = o->include_simulated;
		a->simulated += sim;
		if (!sim || o->include_simulated)
			merge_response(a, b, i, fi, map);
	}
	a->took_simulated = o->include_simulated && a->simulated > 0;
}

/* One file on its way in: read by the calling thread, opened by a worker. */
struct job {
	uint8_t *raw;          /* the file, NULL if it could not be read */
	size_t n;
	char *sig;             /* the .minisig beside it, NULL if there is none */
	size_t sn;
	char *sig_path;        /* the .minisig that exists but could not be read */
	int sig_err;
	struct bundle b;
	enum bundle_status st;
	char err[300];
	bool done;
};

/* Read a file and its detached signature into j. All file I/O of an
 * aggregation happens here, on the calling thread and in the order of the
 * files, so that fio's fault injection names the same call every run. */
static void load_file(const char *path, struct job *j)
{
	memset(j, 0, sizeof *j);
	int e = 0;
	if (fio_read_file(path, MAX_FILE, &j->raw, &j->n, &e) < 0) {
		unreadable(j->err, sizeof j->err, NULL, e);
		j->st = BUNDLE_DAMAGED;
		return;
	}
	char *sp = xasprintf("%s.minisig", path);
	uint8_t *sig = NULL;
	if (fio_read_file(sp, MAX_FILE, &sig, &j->sn, &e) == 0) {
		j->sig = (char *)sig;
		free(sp);
	} else if (e == ENOENT) {
		free(sp);
	} else {
		j->sig_path = sp;
		j->sig_err = e;
	}
}

/* Decrypt, verify and parse a loaded file (runs on a worker thread). */
static void open_file(const char *identity, struct bundle_dicts *dicts, struct job *j)
{
	if (j->raw) {
		j->st = bundle_open(identity, j->raw, j->n, dicts, &j->b, j->err, sizeof j->err);
		if (j->st == BUNDLE_OK && j->sig_path) {
			unreadable(j->err, sizeof j->err, j->sig_path, j->sig_err);
			j->st = BUNDLE_BAD_SIGNATURE;
		} else if (j->st == BUNDLE_OK && j->sig &&
		           check_minisig(j->raw, j->n, j->sig, j->sn, &j->b.pub, j->err,
		                         sizeof j->err) < 0) {
			j->st = BUNDLE_BAD_SIGNATURE;
		}
	}
	free(j->raw);
	free(j->sig);
	free(j->sig_path);
	j->raw = NULL;
	j->sig = j->sig_path = NULL;
}

/* Take an opened file in: sender check, merge; problems go into f->problem. */
static void take_file(struct agg *a, const struct agg_opts *o, int fi, struct job *j)
{
	struct agg_file *f = &a->files[fi];
	struct bundle *b = &j->b;
	char *err = j->err;
	if (j->st == BUNDLE_OK)
		f->nresp = b->nresp;
	if (b->sender_name) {
		f->sender = senders_clean_name(b->sender_name);
		sign_fingerprint(b->pub.pk, f->fingerprint);
	}
	if (j->st == BUNDLE_OK) {
		f->verdict = senders_check(o->senders, f->sender, b->pubkey, accepted(o, f->sender),
		                           o->today);
		if (f->verdict == SENDER_CHANGED)
			snprintf(err, sizeof j->err,
			         _("SCHLÜSSEL GEÄNDERT: „%s“ hat bisher mit einem anderen "
			           "Schlüssel signiert – nicht übernommen (telefonisch prüfen, dann "
			           "--accept-key)"),
			         f->sender);
		else if (f->verdict == SENDER_OTHER_NAME)
			snprintf(err, sizeof j->err,
			         _("ANDERER NAME: dieser Schlüssel gehört bisher zu „%s“, nicht zu „%s“ "
			           "– nicht übernommen (prüfen, dann --accept-key)"),
			         senders_name_of(o->senders, b->pubkey), f->sender);
		f->form_version = b->t->form_version ? xstrdup(b->t->form_version) : NULL;
		f->created = b->created ? xstrdup(b->created) : NULL;
	}
	int *map = j->st == BUNDLE_OK ? xcalloc((size_t)b->t->ncols + 1, sizeof *map) : NULL;
	if (j->st == BUNDLE_OK && f->verdict != SENDER_CHANGED && f->verdict != SENDER_OTHER_NAME &&
	    map_columns(a, b, map, err, sizeof j->err) == 0)
		merge_file(a, o, b, fi, map);
	else
		f->problem = xstrdup(err);
	if (f->problem)
		a->skipped++;
	free(map);
	bundle_free(b);
}

/* Files are read by the calling thread at most WINDOW ahead, opened by
 * worker threads (the expensive part: decryption, signature, JSON), and
 * taken in strictly in order by the calling thread, so the result never
 * depends on timing. */
#define WINDOW 16
struct pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct job *jobs;
	char *const *paths;
	const char *identity;
	struct bundle_dicts *dicts;
	int n, next, loaded;
};

static void *worker(void *arg)
{
	struct pool *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (p->next < p->n && p->next >= p->loaded)
			pthread_cond_wait(&p->cv, &p->mu);
		int i = p->next < p->n ? p->next++ : -1;
		pthread_mutex_unlock(&p->mu);
		if (i < 0)
			return NULL;
		struct job *j = &p->jobs[i % WINDOW]; /* free: its last file was taken */
		open_file(p->identity, p->dicts, j);
		pthread_mutex_lock(&p->mu);
		j->done = true;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

/* Read the files up to WINDOW ahead of file 'taken', the next to be taken
 * in; their slots are free, as every earlier file has been taken. Only the
 * calling thread changes p->loaded. */
static void load_ahead(struct pool *p, int taken)
{
	for (int i = p->loaded; i < p->n && i < taken + WINDOW; i++) {
		load_file(p->paths[i], &p->jobs[i % WINDOW]);
		pthread_mutex_lock(&p->mu);
		p->loaded = i + 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

/* Take every file in, in order, as the workers (or, with none, this
 * thread) open them. */
static void take_all(struct agg *a, const struct agg_opts *o, struct pool *p, int nw)
{
	for (int i = 0; i < p->n; i++) {
		struct job *j = &p->jobs[i % WINDOW];
		load_ahead(p, i);
		pthread_mutex_lock(&p->mu);
		while (!(p->next > i && j->done)) {
			if (nw == 0 && p->next <= i) {
				p->next++;
				pthread_mutex_unlock(&p->mu);
				open_file(p->identity, p->dicts, j);
				pthread_mutex_lock(&p->mu);
				j->done = true;
			} else {
				pthread_cond_wait(&p->cv, &p->mu);
			}
		}
		pthread_mutex_unlock(&p->mu);
		take_file(a, o, i, j);
		pthread_mutex_lock(&p->mu);
		j->done = false;
		pthread_mutex_unlock(&p->mu);
	}
}

/* Number of worker threads: the processors, at most 8. */
static int workers(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

/* Whether a listed conflict still stands (no higher revision came later). */
static bool still_conflict(const struct agg *a, const struct agg_conflict *c)
{
	struct index *ix = a->index;
	struct entry *e = slot(ix, c->uuid);
	return e->uuid[0] && e->conflict && (c->foreign || e->revision == c->revision);
}

/* Each row's sender, key, file and time as columns, and the doubtful ones
 * flagged (aggprov.h). */
static void provenance(struct agg *a, const int *row_file)
{
	struct aggprov_src *src = xcalloc((size_t)a->nfiles + 1, sizeof *src);
	for (int i = 0; i < a->nfiles; i++)
		src[i] = (struct aggprov_src){a->files[i].sender, a->files[i].fingerprint,
		                              a->files[i].path, a->files[i].created, 0};
	aggprov_add(&a->d, src, row_file, &a->multi, &a->nmulti);
	for (int i = 0; i < a->nfiles; i++)
		a->files[i].other_name = src[i].other_name;
	free(src);
}

void agg_run(struct agg *a, const struct agg_opts *o, char *const *paths, int n)
{
	memset(a, 0, sizeof *a);
	a->index = xcalloc(1, sizeof(struct index));
	if (o->base) {
		dataset_init(&a->d, o->base);
		a->have_data = true;
	}
	a->files = xcalloc((size_t)n + 1, sizeof *a->files);
	a->nfiles = n;
	for (int i = 0; i < n; i++)
		a->files[i].path = xstrdup(paths[i]);
	struct bundle_dicts dicts;
	bundle_dicts_init(&dicts);
	struct pool p = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	                 xcalloc(WINDOW, sizeof(struct job)), paths, o->identity, &dicts, n, 0, 0};
	int nw = workers();
	pthread_t th[8];
	for (int i = 0; i < nw; i++)
		if (pthread_create(&th[i], NULL, worker, &p) != 0)
			nw = i;
	take_all(a, o, &p, nw);
	for (int i = 0; i < nw; i++)
		pthread_join(th[i], NULL);
	free(p.jobs);
	bundle_dicts_free(&dicts);
	/* Conflicting responses stay out of the data; they are listed instead. */
	struct index *ix = a->index;
	bool *keep = xmalloc((size_t)a->d.nrows + 1);
	int *row_file = xmalloc(((size_t)a->d.nrows + 1) * sizeof *row_file);
	memset(keep, 1, (size_t)a->d.nrows + 1);
	for (int r = 0; r < a->d.nrows; r++)
		row_file[r] = -1;
	for (size_t i = 0; i < ix->cap; i++)
		if (ix->v[i].uuid[0] && ix->v[i].row >= 0) {
			keep[ix->v[i].row] = !ix->v[i].conflict;
			row_file[ix->v[i].row] = ix->v[i].conflict ? -1 : ix->v[i].file;
		}
	if (a->have_data) {
		provenance(a, row_file);
		dataset_keep(&a->d, keep);
	}
	free(row_file);
	free(keep);
	for (int i = 0; i < a->nconflicts; i++)
		a->conflicts[i].stands = a->conflicts[i].foreign || still_conflict(a, &a->conflicts[i]);
}

void agg_free(struct agg *a)
{
	for (int i = 0; i < a->nfiles; i++) {
		free(a->files[i].path);
		free(a->files[i].sender);
		free(a->files[i].form_version);
		free(a->files[i].created);
		free(a->files[i].problem);
	}
	free(a->files);
	for (int i = 0; i < a->nconflicts; i++) {
		free(a->conflicts[i].file_a);
		free(a->conflicts[i].file_b);
	}
	free(a->conflicts);
	aggprov_free(a->multi, a->nmulti);
	struct index *ix = a->index;
	if (ix)
		free(ix->v);
	struct dict *c = a->cache;
	for (int i = 0; i < a->ncache; i++) {
		table_free(&c[i].t);
		free(c[i].map);
	}
	free(c);
	free(ix);
	if (a->have_data)
		dataset_free(&a->d);
	memset(a, 0, sizeof *a);
}
