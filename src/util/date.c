/*
 * date: civil-from-days and days-from-civil conversions.
 */
#include "util/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Days from 1970-01-01 to y-m-d (after H. Hinnant's public-domain algorithm). */
static int32_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dim[m - 1];
}

int date_from_ymd(int y, int m, int d, int32_t *days)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*days = days_from_civil(y, m, d);
	return 0;
}

void date_to_ymd(int32_t days, int *y, int *m, int *d)
{
	int z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* Read exactly 'n' digits (n == 0: one or two) at *s into *out. */
static int digits(const char **s, int n, int *out)
{
	int v = 0, k = 0, max = n ? n : 2;
	while (k < max && isdigit((unsigned char)**s)) {
		v = v * 10 + (**s - '0');
		(*s)++;
		k++;
	}
	if (k == 0 || (n && k != n))
		return -1;
	*out = v;
	return 0;
}

int date_parse_iso(const char *s, int32_t *days)
{
	int y, m, d;
	if (digits(&s, 4, &y) || *s++ != '-' || digits(&s, 2, &m) || *s++ != '-' ||
	    digits(&s, 2, &d) || *s)
		return -1;
	return date_from_ymd(y, m, d, days);
}

int date_parse_de(const char *s, int32_t *days)
{
	int y, m, d;
	while (*s == ' ')
		s++;
	if (digits(&s, 0, &d) || *s++ != '.' || digits(&s, 0, &m) || *s++ != '.' ||
	    digits(&s, 4, &y))
		return -1;
	while (*s == ' ')
		s++;
	if (*s)
		return -1;
	return date_from_ymd(y, m, d, days);
}

/*
 * The fields of a date as the formatters print them: the year brought into
 * 0..9999 (a day number out of that range has no four-digit form), month
 * and day as the calendar gives them. Unsigned, so that the compiler can
 * see that each field fits its width.
 */
static void ymd_fields(int32_t days, unsigned *y, unsigned *m, unsigned *d)
{
	int yy, mm, dd;
	date_to_ymd(days, &yy, &mm, &dd);
	*y = (unsigned)(yy < 0 ? 0 : yy > 9999 ? 9999 : yy);
	*m = (unsigned)mm % 100u;
	*d = (unsigned)dd % 100u;
}

void date_format_iso(int32_t days, char buf[DATE_BUF])
{
	unsigned y, m, d;
	ymd_fields(days, &y, &m, &d);
	snprintf(buf, DATE_BUF, "%04u-%02u-%02u", y, m, d);
}

void date_format_de(int32_t days, char buf[DATE_BUF])
{
	unsigned y, m, d;
	ymd_fields(days, &y, &m, &d);
	snprintf(buf, DATE_BUF, "%02u.%02u.%04u", d, m, y);
}

int32_t date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	int32_t days = 0;
	if (localtime_r(&now, &tm) &&
	    date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &days) == 0)
		return days;
	return (int32_t)(now / 86400);
}
