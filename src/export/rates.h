/*
 * rates: the field phase seen against the sample frame — which rows of a
 * data set belong to which Kommune of the frame, which rows need a second
 * look, the response rates, and the Kommunen still to be reminded.
 *
 * Matching: each row's AGS (a string column, or a whole-number column
 * written with eight digits; blanks around it ignored) is looked up in the
 * frame. Flags per row (a bit set, several may hold):
 *   RATES_BAD_AGS       the AGS is empty or not eight digits with a Land
 *                       prefix 01 … 16: the row belongs to no unit
 *   RATES_NOT_IN_FRAME  a well-formed AGS that is not in the frame
 *   RATES_DUPLICATE     another row gives the same AGS (all such rows are
 *                       flagged, in or out of the frame)
 *   RATES_LAND          the Land answered (e.g. A3) is not the Land of the
 *                       AGS. The frame's Land (AGS prefix 1 … 16) is turned
 *                       into the column's code through its value labels
 *                       (the label that is the Land's name, as in DESI);
 *                       a column without any Land name as a label takes
 *                       the numbers 1 … 16 as they are; in one with some,
 *                       a Land without a label is not checked.
 *   RATES_TYPE          the type answered (e.g. A2) is not the frame's
 *                       (codes 1 kreisfreie Stadt, 2 kreisangehörige Stadt
 *                       oder Gemeinde, 3 Landkreis, as DESI's A2)
 *   RATES_KEY           the row's signing-key fingerprint (aggregate's
 *                       column "sender_key") is not the one the frame
 *                       records for that AGS
 * A Land, type or key that is empty, system-missing or a declared missing
 * code is no contradiction. Flags never change the counts below, except
 * that a row without a unit counts for none.
 *
 * Rates (AAPOR Standard Definitions, with every unit of the frame eligible
 * and none of unknown eligibility): for each unit its best row decides —
 * status 2 (TCOL_STATUS) a complete interview I, status 1 a partial P, no
 * row a non-response. Two rows of one unit count once.
 *   RR1 = I / N          RR2 = (I + P) / N        N = units of the frame
 * overall, by Land of the frame unit and by its Gemeindegrößenklasse
 * (frame_gkl(), the bounds of DESI's GKL). Simulated rows are counted like
 * any other: leave them out of the data set if they should not be.
 *
 * Output: the list of units without a (complete) response, and the rates
 * table, as CSV text for German spreadsheets (UTF-8 with byte order mark,
 * ';', CRLF), into memory or onto a stream the caller opened; this module
 * never opens a file. The list has the frame's columns
 * "AGS;Name;Land;Kreis;Typ;Einwohner" (Land by name, Typ as text), so it
 * can be read back with frame_load() as the frame of a reminder wave.
 *
 * Ownership: rates_compute() fills a struct the caller releases with
 * rates_free() (also after a failure). It borrows neither the data set nor
 * the frame after it returns; the unit indices refer to frame->v, so the
 * output functions need the same frame.
 * Errors: 0, or -1 with a German message (a column missing or of the
 * wrong kind; a stream that fails).
 */
#ifndef FB_RATES_H
#define FB_RATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "export/dataset.h"
#include "export/frame.h"
#include "util/sbuf.h"

enum rates_flag {
	RATES_BAD_AGS = 1u << 0,
	RATES_NOT_IN_FRAME = 1u << 1,
	RATES_DUPLICATE = 1u << 2,
	RATES_LAND = 1u << 3,
	RATES_TYPE = 1u << 4,
	RATES_KEY = 1u << 5,
};
#define RATES_NFLAGS 6

/* What a unit of the frame has sent: its best row. */
enum rates_status { RATES_NONE = 0, RATES_PARTIAL = 1, RATES_COMPLETE = 2 };

/* The columns to read; names as in the data set. For DESI:
 * {"A5", "A3", "A2", "sender_key"}. All but 'ags' may be NULL (no check). */
struct rates_cols {
	const char *ags, *land, *type, *key;
};

/* Units N, complete interviews I and partials P of one group. */
struct rates_cell {
	int units, complete, partial;
};

struct rates {
	int nrows, nunits;         /* rows of the data set, units of the frame */
	unsigned *flags;           /* per row: enum rates_flag bits */
	int *unit;                 /* per row: index into frame->v, or -1 */
	int *nresp;                /* per unit: rows that name it */
	enum rates_status *status; /* per unit */
	int nflag[RATES_NFLAGS];   /* rows with flag 1 << k */
	struct rates_cell all;
	struct rates_cell land[FRAME_LANDS + 1];  /* [1 … 16] by AGS prefix */
	struct rates_cell gkl[FRAME_GKL_N + 1];   /* [1 … 5] by frame_gkl() */
};

/* Match the rows of d to f and count. */
__attribute__((warn_unused_result))
int rates_compute(struct rates *r, const struct dataset *d, const struct frame *f,
                  const struct rates_cols *cols, char *err, size_t errlen);
void rates_free(struct rates *r);

/* RR1 = I/N and RR2 = (I+P)/N as fractions; NaN for a group without units. */
double rates_rr1(const struct rates_cell *c);
double rates_rr2(const struct rates_cell *c);

/* What a flag means, in one German sentence (for reports and receipts). */
const char *rates_flag_text(enum rates_flag flag);

/*
 * The units to remind, in frame order, appended to 'out' as CSV: those
 * without any row, and with 'with_partial' also those with a partial only.
 */
void rates_reminders_csv(const struct rates *r, const struct frame *f, bool with_partial,
                         struct sbuf *out);
/* The same onto 'out' (left open, flushed). */
__attribute__((warn_unused_result))
int rates_reminders_write(const struct rates *r, const struct frame *f, bool with_partial,
                          FILE *out, char *err, size_t errlen);

/*
 * The rates as CSV: "Gruppe;Kommunen;vollständig;teilweise;RR1;RR2", one
 * row "Gesamt", then each Land and each Gemeindegrößenklasse with units in
 * the frame; RR1 and RR2 in percent with one decimal and a decimal comma.
 */
void rates_table_csv(const struct rates *r, struct sbuf *out);

#endif
