/*
 * repfmt: the small print of the frequency report — percentages and numbers
 * in the notation of the interface language (i18n_lang(): German "12,5 %"
 * and "12.345,5", English "12.5 %" and "12,345.5"), and text measured and
 * wrapped by display columns.
 *
 * Shared by the terminal report (reptext) and the HTML report (htmlrep,
 * svgbar). It never allocates: every formatter fills a caller's buffer
 * (REPFMT_LEN bytes are always enough) and returns it; repfmt_html writes
 * straight to the stream.
 */
#ifndef FB_REPFMT_H
#define FB_REPFMT_H

#include <stddef.h>
#include <stdio.h>

#define REPFMT_LEN 64

/*
 * A percentage in tenths, rounded half up, from integer counts: 1 of 8 is
 * 125 (12,5 %). -1 when base is 0 (no percentage exists).
 */
long repfmt_pct10(long count, long base);
/* "12,5 %" (English "12.5 %"), or "–" when base is 0. */
char *repfmt_pct(char *buf, long count, long base);
/* Just the number of a percentage, "12,5", or "–" when base is 0. */
char *repfmt_pctnum(char *buf, long count, long base);
/*
 * A number with 'decimals' decimals (0..9), decimal comma, and a dot
 * between thousands from five digits on: 12.345,5 but 2015 (in English
 * the other way round: 12,345.5). Never "-0". NaN prints as "–".
 */
char *repfmt_num(char *buf, double v, int decimals);
/* A count, grouped the same way. */
char *repfmt_int(char *buf, long n);

/* Display columns of a NUL-terminated UTF-8 string, and of s[0, n). */
size_t repfmt_width(const char *s);
size_t repfmt_widthn(const char *s, size_t n);
/*
 * The first line of 's' when wrapped at 'width' columns (at least 1): its
 * length in bytes, breaking after the last space that fits, or inside a
 * word that alone is too long. *next gets the offset where the following
 * line starts (spaces skipped); it equals strlen(s) at the end.
 */
size_t repfmt_wrap(const char *s, size_t width, size_t *next);

/*
 * Write s as HTML text or attribute value: & < > " ' as entities, control
 * characters (but tab and newline) as spaces, bad bytes as U+FFFD.
 */
void repfmt_html(FILE *out, const char *s);

#endif
