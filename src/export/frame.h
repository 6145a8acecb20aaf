/*
 * frame: the sample frame of a study — every Kommune that was asked to
 * take part — read from the study team's extract of the official
 * Gemeindeverzeichnis (GV-ISys of the Statistisches Bundesamt).
 *
 * File: delimited text as csv_parse() reads it (';' or ',', detected from
 * the header; UTF-8 with or without byte order mark; RFC 4180 quoting).
 * The first row names the columns; names are matched without regard to
 * ASCII case or blanks around them, in any order; other columns (the
 * Gemeindeverzeichnis has many) are ignored. Empty lines are skipped.
 *
 *   column         required  content
 *   AGS            yes       Amtlicher Gemeindeschlüssel: exactly eight
 *                            digits, the first two the Land (01 to 16).
 *                            Kreisfreie Städte and Landkreise end in "000"
 *                            (five-digit Kreisschlüssel plus 000),
 *                            kreisangehörige Gemeinden do not.
 *   Name           yes       name of the Kommune, not empty
 *   Land           yes       name ("Bayern") or number ("09", "9") of the
 *                            Land; may be empty (then taken from the AGS),
 *                            otherwise it must agree with the AGS
 *   Kreis          yes       name of the Kreis (text, may be empty)
 *   Typ            yes       "kreisfreie Stadt" (also "Stadtkreis", 1),
 *                            "kreisangehörige Gemeinde" (also
 *                            "kreisangehörige Stadt", "kreisangehörige
 *                            Stadt oder Gemeinde", "Gemeinde", 2),
 *                            "Landkreis" (also "Kreis", 3); ASCII case
 *                            ignored. The codes are those of DESI's A2.
 *   Einwohner      yes       whole number 0 to FRAME_MAX_EINWOHNER; digits
 *                            may be grouped by '.' or ' ' ("12.345")
 *   Fingerabdruck  no        fingerprint of the Kommune's signing key as
 *                            sign_fingerprint() prints it
 *                            ("XXXX-XXXX-XXXX-XXXX"; lower case accepted,
 *                            kept in upper case), or empty
 *
 * A file from outside: size, number of units and field lengths are
 * bounded; a field with a control character, invalid UTF-8, or a text that
 * starts with '=', '+', '-' or '@' (a formula to a spreadsheet) is refused,
 * so every field can be written back into a CSV file as it is.
 *
 * Land codes: the AGS prefix 01 … 16 is the Land in the official order,
 * which is also the order and code of DESI's question A3 (1 Schleswig-
 * Holstein … 16 Thüringen); frame_land_name() gives the names.
 *
 * Ownership: frame_load()/frame_parse() fill a frame the caller releases
 * with frame_free() (also after a failure; it is then empty). Units are
 * kept in file order; pointers into f->v stay valid until frame_free().
 * Errors: 0, or -1 with a German message "file:line: what is wrong" in
 * 'err'; the first error found is reported and nothing is kept.
 * Never: write files, or look at the answers (that is rates').
 */
#ifndef FB_FRAME_H
#define FB_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include "crypto/sign.h"

/* The type of a Kommune; the values are DESI's A2 codes. */
enum frame_type {
	FRAME_KREISFREI = 1,  /* kreisfreie Stadt */
	FRAME_GEMEINDE = 2,   /* kreisangehörige Stadt oder Gemeinde */
	FRAME_LANDKREIS = 3,  /* Landkreis */
};

/* Gemeindegrößenklassen as DESI's computed value GKL: 1 Großstadt (from
 * 100 000), 2 Mittelstadt (20 000 to 99 999), 3 Kleinstadt (5 000 to
 * 19 999), 4 Gemeinde under 5 000, 5 Landkreis (whatever its size). */
#define FRAME_GKL_N 5
#define FRAME_LANDS 16

/* Limits on a frame file. */
#define FRAME_MAX_BYTES (32u << 20)
#define FRAME_MAX_UNITS 50000
#define FRAME_MAX_FIELD 300          /* bytes in one field */
#define FRAME_MAX_EINWOHNER 10000000L

struct frame_unit {
	char ags[9];              /* eight digits and NUL */
	char *name, *kreis;       /* kreis may be "" */
	int land;                 /* 1 … 16: the AGS prefix, also DESI's A3 code */
	enum frame_type type;
	long einwohner;
	char fingerprint[SIGN_FINGERPRINT_SIZE];  /* "" when none is given */
	int line;                 /* line of the file it was read from */
};

struct frame {
	char *path;               /* the name used in messages */
	struct frame_unit *v;     /* in file order */
	int n;
	int *by_ags;              /* indices into v, ascending by AGS */
};

/* Read and parse 'path' through fio_read_file(). */
__attribute__((warn_unused_result))
int frame_load(const char *path, struct frame *f, char *err, size_t errlen);
/* Parse a frame from memory; 'name' is used in messages (and kept). */
__attribute__((warn_unused_result))
int frame_parse(const char *name, const char *text, size_t len, struct frame *f, char *err,
                size_t errlen);
void frame_free(struct frame *f);

/* The unit with this AGS (eight digits), or NULL. */
const struct frame_unit *frame_find(const struct frame *f, const char *ags);
/* Whether 's' is exactly eight ASCII digits with a Land prefix 01 … 16. */
bool frame_ags_ok(const char *s);

/* Gemeindegrößenklasse 1 … FRAME_GKL_N of a unit (see above). */
int frame_gkl(const struct frame_unit *u);
/* Label of a Gemeindegrößenklasse as in the DESI form, or NULL. */
const char *frame_gkl_label(int gkl);
/* Name of the Land with AGS prefix / code 1 … 16, or NULL. */
const char *frame_land_name(int land);
/* "kreisfreie Stadt", "kreisangehörige Gemeinde" or "Landkreis". */
const char *frame_type_label(enum frame_type t);

#endif
