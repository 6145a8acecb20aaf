/*
 * date: calendar dates as days since 1970-01-01 (proleptic Gregorian),
 * valid for the years 1 to 9999. No time zones: a date is a day.
 *
 * Parsers return 0 on success and -1 on malformed or impossible dates
 * (31.02.2016). Formatters write into caller buffers of DATE_BUF bytes.
 */
#ifndef FB_DATE_H
#define FB_DATE_H

#include <stdint.h>

#define DATE_BUF 16

/* Days for y-m-d; -1 if the date does not exist. */
int date_from_ymd(int y, int m, int d, int32_t *days);
void date_to_ymd(int32_t days, int *y, int *m, int *d);
/* "YYYY-MM-DD" exactly. */
int date_parse_iso(const char *s, int32_t *days);
/* "T.M.JJJJ" / "TT.MM.JJJJ", surrounding blanks allowed. */
int date_parse_de(const char *s, int32_t *days);
void date_format_iso(int32_t days, char buf[DATE_BUF]);
void date_format_de(int32_t days, char buf[DATE_BUF]);
/* Today in local time. */
int32_t date_today(void);

#endif
