/*
 * agg: aggregation — many export files of many Kommunen into one data set.
 *
 * Each file is decrypted with the team's identity, its signature checked,
 * its sender's key compared with the record (senders.h), and its responses
 * merged by variable name into one data set:
 *  - a response UUID seen again with a higher revision replaces the row;
 *    a lower revision is ignored; the same revision with the same values is
 *    a duplicate; the same revision with other values is a conflict: both
 *    are left out of the data and listed; so is a response UUID that two
 *    different senders send (one Kommune cannot overwrite another's);
 *  - columns are matched by name (never by position), value labels by code,
 *    so mixing form versions shifts nothing; new columns are appended;
 *  - a damaged, foreign or untrusted file is reported and skipped, and the
 *    rest goes on;
 *  - a simulated test response (`fragebogen simulate`) is counted and left
 *    out, unless the options include them.
 * What happened is kept in 'files' and 'conflicts'; receipt.h prints it.
 * Each row's provenance (sender, key, file, when) is added as columns and
 * flagged where doubtful (aggprov.h).
 *
 * Ownership: agg_free() releases everything agg_run() filled.
 */
#ifndef FB_AGG_H
#define FB_AGG_H

#include <stdbool.h>

#include "export/aggprov.h"
#include "export/dataset.h"
#include "export/senders.h"
#include "util/uuid.h"

struct agg_file {
	char *path;
	char *sender;          /* the Kommune, or NULL if the file could not be read */
	char fingerprint[20];
	enum senders_verdict verdict;
	char *form_version;
	int nresp;             /* responses in the file */
	int added, replaced;   /* rows it added, rows it brought up to date */
	int duplicates, older, conflicts;
	int simulated;         /* test responses in it */
	bool taken_simulated;  /* … and they were taken in (include_simulated) */
	char *created;         /* when the bundle was made, as it says, or NULL */
	int other_name;        /* its rows whose Kommune name is not the sender's */
	char *problem;         /* why the file was skipped, or NULL */
};

struct agg_conflict {
	char uuid[UUID_TEXT];
	int revision;
	char *file_a, *file_b;
	bool foreign;          /* the same response from two senders */
	bool stands;           /* still holds after all files: a foreign response
	                          always; a conflict unless a higher revision came */
};

struct agg {
	struct dataset d;
	bool have_data;
	struct agg_file *files;
	int nfiles;
	struct agg_conflict *conflicts;
	int nconflicts;
	int skipped;           /* files skipped */
	int simulated;         /* test responses in all files, left out or taken */
	bool took_simulated;   /* they were taken in (include_simulated) */
	struct aggprov_multi *multi; /* senders of more than one response */
	int nmulti;
	void *index;           /* uuid -> row, internal */
	void *cache;           /* dictionaries seen and their column maps, internal */
	int ncache;
};

struct agg_opts {
	const char *identity;          /* "AGE-SECRET-KEY-1…" */
	struct senders *senders;
	char *const *accept;           /* names whose changed key is accepted */
	int naccept;
	const struct table *base;      /* column order to start from, or NULL */
	const char *today;             /* "YYYY-MM-DD", for the senders record */
	bool include_simulated;        /* take simulated test responses in too */
};

/* Read and merge the files; never stops early. */
void agg_run(struct agg *a, const struct agg_opts *o, char *const *paths, int n);
void agg_free(struct agg *a);

#endif
