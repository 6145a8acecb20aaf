/*
 * aggprov: where each row of an aggregation came from, as columns of the
 * data set and as flags for the receipt.
 *
 * Four string columns are appended to the data set, labelled, in every
 * output: "sender" (the Kommune's name as on record), "sender_key" (the
 * fingerprint of its signing key), "source_file" (the file's name without
 * its folder) and "received" (when the file was made, as the bundle says).
 * A form variable of one of those names keeps its name; the column then
 * gets the prefix "agg_".
 *
 * Flags: a row whose Kommune name (the form's label column) and the
 * sender's name do not contain one another (case and blanks ignored) counts
 * in its file's 'other_name'; a sender whose rows number more than one is
 * listed in *multi with its count.
 *
 * Ownership: the strings of 'src' are borrowed (copied into the data set);
 * *multi is a new array whose names the caller frees with aggprov_free().
 */
#ifndef FB_AGGPROV_H
#define FB_AGGPROV_H

#include "export/dataset.h"

/* What is known of one file that rows came from. */
struct aggprov_src {
	const char *sender, *fingerprint, *path, *created;
	int other_name;        /* out: its rows naming another Kommune */
};

/* A sender with more than one response in the data set. */
struct aggprov_multi {
	char *name;
	int responses;
};

/*
 * Fill the columns and the flags for the rows of d, where row_file[r] is
 * the index in src of the file row r was taken from (-1: none).
 */
void aggprov_add(struct dataset *d, struct aggprov_src *src, const int *row_file,
                 struct aggprov_multi **multi, int *nmulti);
void aggprov_free(struct aggprov_multi *multi, int n);

#endif
