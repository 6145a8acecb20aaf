/*
 * test_input: what people type, and what they are shown — German number
 * input (integers with thousands separators, decimals with comma or point),
 * German number formatting, and calendar dates (TT.MM.JJJJ and ISO parsing
 * and formatting, leap years, days <-> y/m/d over the whole calendar).
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "form/input.h"
#include "util/date.h"

/* ---------------------------------------------------------------- numbers */

struct num_case {
	const char *in;
	double want;
};

static void accepts(const struct num_case *t, size_t n, unsigned flags)
{
	for (size_t i = 0; i < n; i++) {
		double d = -12345.678;
		int rc = input_parse_number(t[i].in, flags, &d);
		cr_expect_eq(rc, 0, "„%s“ (flags %u) should be accepted", t[i].in, flags);
		cr_expect(d == t[i].want, "„%s“ (flags %u) = %.17g, want %.17g", t[i].in, flags, d,
		          t[i].want);
	}
}

static void refuses(const char *const *t, size_t n, unsigned flags)
{
	for (size_t i = 0; i < n; i++) {
		double d = 0;
		cr_expect_eq(input_parse_number(t[i], flags, &d), -1,
		             "„%s“ (flags %u) should be refused, got %.17g", t[i], flags, d);
	}
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

Test(number, integers)
{
	static const struct num_case ok[] = {
		{"12500", 12500}, {"12.500", 12500}, {"12 500", 12500}, {"-3", -3}, {"+4", 4},
		{" 7 ", 7}, {"0", 0}, {"-0", 0}, {"1.000.000", 1000000}, {"1 000 000", 1000000},
		{"999", 999}, {"12\u00a0500", 12500}, {"12\u202f500", 12500}, {"\u22125", -5},
		{"\t42\t", 42}, {"1.000.000.000.000.000", 1e15}, {"-1000000000000000", -1e15},
	};
	static const char *const bad[] = {
		"12,5", "1.23", "1.2345", "abc", "", " ", "1e5", "12,", "3,0", "1.5", "1234.567",
		"12.50.000", "1.000.00", "1 2", "- 5", "--5", "+-5", "5-", ".500", "500.",
		"0x10", "1.000.000.000.000.001", "99999999999999999999", "12a", "١٢",
	};
	accepts(ok, N(ok), INPUT_INTEGER);
	refuses(bad, N(bad), INPUT_INTEGER);
}

Test(number, decimals)
{
	static const struct num_case ok[] = {
		{"3,5", 3.5}, {"3.5", 3.5}, {"1.234,5", 1234.5}, {"-0,25", -0.25}, {"0,5", 0.5},
		{"12500", 12500}, {"1.234.567,89", 1234567.89}, {"1 234,5", 1234.5},
		{"1 234.5", 1234.5}, {" -7 ", -7}, {"+2,75", 2.75}, {"3,50", 3.5},
		/* as a German writes them: dots between groups of three are
		 * thousands, whatever the field; otherwise one dot is a decimal point */
		{"12.500", 12500}, {"1.234", 1234}, {"120.000", 120000}, {"1.500", 1500},
		{"1.234.567", 1234567}, {"1.5", 1.5}, {"1.25", 1.25}, {"1234.567", 1234.567},
		{"0.500", 0.5}, {"-2.5", -2.5},
	};
	/* "3," and ",5" are incomplete: the respondent is asked again rather
	 * than the program guessing. */
	static const char *const bad[] = {
		"3,", ",5", ".5", "3.", "abc", "", "1e5", "1,2,3", "3.5,1", "1.23,4", "3,5.1",
		"12,5 %", "3 ,5", "1.234.56,7", "1,5e3", "inf", "nan", "1,0000000000000001e20",
	};
	accepts(ok, N(ok), 0);
	refuses(bad, N(bad), 0);
}

Test(number, program_text_has_a_decimal_point)
{
	/* a CSV file written by a program: a dot is always the decimal point */
	static const struct num_case ok[] = {
		{"12.500", 12.5}, {"1.234", 1.234}, {"1.5", 1.5}, {"3,5", 3.5}, {"12500", 12500},
	};
	accepts(ok, N(ok), INPUT_DOT_DECIMAL);
	cr_expect(input_is_ambiguous("1.500"));
	cr_expect(input_is_ambiguous("1.5"));
	cr_expect_not(input_is_ambiguous("1.500,5"));
	cr_expect_not(input_is_ambiguous("1500"));
}

Test(number, never_misread)
{
	/* Two dots can only be thousands separators: refusing "1.234.567" is
	 * acceptable, reading it as 1.234 or 1.234567 is not. */
	static const char *const t[] = {"1.234.567", "1.000.000"};
	for (size_t i = 0; i < N(t); i++) {
		double d = 0;
		int rc = input_parse_number(t[i], 0, &d);
		cr_expect(rc == -1 || d == (i == 0 ? 1234567 : 1000000), "„%s“ read as %.17g", t[i],
		          d);
	}
	/* A refused input leaves the output alone. */
	double d = 42;
	cr_expect_eq(input_parse_number("x", 0, &d), -1);
	cr_expect(d == 42);
	/* Negative zero is plain zero. */
	cr_expect_eq(input_parse_number("-0,0", 0, &d), 0);
	cr_expect(d == 0 && !signbit(d));
}

static void fmt_is(double d, int dec, int group, const char *want)
{
	char buf[64];
	memset(buf, 'Z', sizeof buf);
	input_format_number(d, dec, group, buf, sizeof buf);
	cr_expect_str_eq(buf, want, "format(%.17g, %d, %d) = „%s“, want „%s“", d, dec, group, buf,
	                 want);
}

Test(number, format)
{
	fmt_is(12500, 0, 1, "12.500");
	fmt_is(12500, 0, 0, "12500");
	fmt_is(3.5, 2, 1, "3,50");
	fmt_is(-12345.5, 2, 1, "-12.345,50");
	fmt_is(-100000, 0, 1, "-100.000");
	fmt_is(-999, 0, 1, "-999");
	fmt_is(999, 0, 1, "999");
	/* DIN 5008: four digits stay whole, five or more are grouped */
	fmt_is(1980, 0, 1, "1980");
	fmt_is(-5000, 0, 1, "-5000");
	fmt_is(-1234.5, 2, 1, "-1234,50");
	fmt_is(9999, 0, 1, "9999");
	fmt_is(10000, 0, 1, "10.000");
	fmt_is(-10000, 0, 1, "-10.000");
	fmt_is(1e15, 0, 1, "1.000.000.000.000.000");
	fmt_is(1234567.891, 2, 1, "1.234.567,89");
	fmt_is(1234567.891, 2, 0, "1234567,89");
	fmt_is(0, 0, 1, "0");
	fmt_is(0, 3, 1, "0,000");
	fmt_is(-0.0, 0, 1, "0");
	fmt_is(-0.0, 2, 1, "0,00");
	fmt_is(-0.001, 2, 1, "0,00");
	fmt_is(-0.4, 0, 1, "0");
	fmt_is(1.5, 9, 0, "1,500000");  /* at most 6 places */
	fmt_is(7.25, -1, 0, "7");
	/* parse(format(x)) is x for the usual shapes */
	static const double xs[] = {0, 1, -1, 12500, 1234.5, -0.25, 987654321.125, 1e15};
	for (size_t i = 0; i < N(xs); i++) {
		char buf[64];
		double back = -1;
		input_format_number(xs[i], 3, 1, buf, sizeof buf);
		cr_expect_eq(input_parse_number(buf, 0, &back), 0, "„%s“", buf);
		cr_expect(back == xs[i], "„%s“ read back as %.17g", buf, back);
	}
}

Test(number, format_rounds_halves_up)
{
	/* German (and the expression language's round()) rounding: halves go
	 * away from zero, so 2,5 shows as 3 and 0,125 as 0,13. */
	fmt_is(2.5, 0, 1, "3");
	fmt_is(0.5, 0, 1, "1");
	fmt_is(-2.5, 0, 1, "-3");
	fmt_is(0.125, 2, 1, "0,13");
	fmt_is(2.4, 0, 1, "2");
	fmt_is(3.5, 0, 1, "4");
}

Test(number, format_respects_buffer)
{
	/* At most n bytes, NUL included; nothing beyond. */
	for (size_t n = 1; n <= 12; n++) {
		char buf[16];
		memset(buf, 'Z', sizeof buf);
		input_format_number(-1234567.5, 2, 1, buf, n);
		cr_expect_lt(strlen(buf), n, "n = %zu: „%s“", n, buf);
		for (size_t i = n; i < sizeof buf; i++)
			cr_expect_eq(buf[i], 'Z', "n = %zu: byte %zu written", n, i);
	}
	char buf[16];
	input_format_number(-1234567.5, 2, 1, buf, 14);
	cr_expect_str_eq(buf, "-1.234.567,50", "13 characters fit in 14 bytes");
	input_format_number(-1234567.5, 2, 1, buf, 13);
	cr_expect_neq(strcmp(buf, "-1.234.567,50"), 0, "13 characters do not fit in 13 bytes");
}

Test(number, format_keeps_magnitude_of_huge_numbers)
{
	/* Computed values may be any finite number; shortening the digits would
	 * show a different number. 1e70 has 71 digits before the comma. */
	char buf[200];
	input_format_number(1e70, 0, 0, buf, sizeof buf);
	cr_expect_eq(strlen(buf), 71, "got %zu digits: %s", strlen(buf), buf);
	input_format_number(-1e70, 2, 1, buf, sizeof buf);
	cr_expect_eq(strlen(buf), 1 + 71 + 23 + 3, "sign, digits, dots, ',00': %s", buf);
}

/* ------------------------------------------------------------------ dates */

static int32_t ymd(int y, int m, int d)
{
	int32_t days = -1;
	cr_assert_eq(date_from_ymd(y, m, d, &days), 0, "%d-%d-%d", y, m, d);
	return days;
}

Test(date, known_days)
{
	cr_expect_eq(ymd(1970, 1, 1), 0);
	cr_expect_eq(ymd(1970, 1, 2), 1);
	cr_expect_eq(ymd(1969, 12, 31), -1);
	cr_expect_eq(ymd(2000, 3, 1), 11017);
	cr_expect_eq(ymd(2016, 1, 1), 16801);
	cr_expect_eq(ymd(2016, 12, 31), 17166);
	cr_expect_eq(ymd(1, 1, 1), -719162);
	cr_expect_eq(ymd(9999, 12, 31), 2932896);
	int32_t d = 77;
	static const int bad[][3] = {
		{2016, 2, 30}, {2017, 2, 29}, {1900, 2, 29}, {2016, 4, 31}, {2016, 13, 1},
		{2016, 0, 1},  {2016, 1, 0},  {2016, 1, 32}, {0, 1, 1},     {10000, 1, 1},
		{-1, 1, 1},
	};
	for (size_t i = 0; i < N(bad); i++)
		cr_expect_eq(date_from_ymd(bad[i][0], bad[i][1], bad[i][2], &d), -1, "%d-%d-%d",
		             bad[i][0], bad[i][1], bad[i][2]);
	cr_expect_eq(d, 77, "untouched on failure");
	cr_expect_eq(date_from_ymd(2000, 2, 29, &d), 0, "2000 is a leap year");
	cr_expect_gt(date_today(), ymd(2020, 1, 1));
}

Test(date, parse_german)
{
	static const struct { const char *in; int y, m, d; } ok[] = {
		{"29.02.2016", 2016, 2, 29}, {"1.2.2016", 2016, 2, 1}, {"01.02.2016", 2016, 2, 1},
		{" 31.12.1999 ", 1999, 12, 31}, {"01.01.0001", 1, 1, 1},
		{"31.12.9999", 9999, 12, 31},
		{"29.02.2000", 2000, 2, 29}, {"9.09.2016", 2016, 9, 9},
	};
	for (size_t i = 0; i < N(ok); i++) {
		int32_t days = 0;
		cr_expect_eq(date_parse_de(ok[i].in, &days), 0, "„%s“", ok[i].in);
		cr_expect_eq(days, ymd(ok[i].y, ok[i].m, ok[i].d), "„%s“", ok[i].in);
	}
	static const char *const bad[] = {
		"31.02.2016", "29.02.2017", "29.02.1900", "00.01.2016", "32.01.2016", "1.13.2016",
		"1.0.2016",   "1.2.16",     "01.02.20161", "001.02.2016", "01.02.2016x", "",
		"1-2-2016",   "2016-02-01", "01.01.0000", "1..2016", "1.2.", "a.b.cdef", "1,2,2016",
	};
	for (size_t i = 0; i < N(bad); i++) {
		int32_t days = 0;
		cr_expect_eq(date_parse_de(bad[i], &days), -1, "„%s“ should be refused", bad[i]);
	}
}

Test(date, parse_iso)
{
	int32_t days = 0;
	cr_expect_eq(date_parse_iso("2016-02-29", &days), 0);
	cr_expect_eq(days, ymd(2016, 2, 29));
	cr_expect_eq(date_parse_iso("1970-01-01", &days), 0);
	cr_expect_eq(days, 0);
	static const char *const bad[] = {
		"2016-2-29", "2016-02-30", "2017-02-29", " 2016-02-01", "2016-02-01 ", "20160201",
		"16-02-01",  "2016/02/01", "2016-02-1",  "0000-01-01", "2016-00-10", "",
		"01.02.2016", "2016-02-011",
	};
	for (size_t i = 0; i < N(bad); i++)
		cr_expect_eq(date_parse_iso(bad[i], &days), -1, "„%s“ should be refused", bad[i]);
}

Test(date, format)
{
	char buf[DATE_BUF];
	date_format_de(0, buf);
	cr_expect_str_eq(buf, "01.01.1970");
	date_format_iso(0, buf);
	cr_expect_str_eq(buf, "1970-01-01");
	date_format_de(ymd(2016, 2, 29), buf);
	cr_expect_str_eq(buf, "29.02.2016");
	date_format_iso(ymd(1, 1, 1), buf);
	cr_expect_str_eq(buf, "0001-01-01");
	date_format_de(ymd(9999, 12, 31), buf);
	cr_expect_str_eq(buf, "31.12.9999");
}

Test(date, every_day_round_trips)
{
	/* Every day of years 1..9999: y/m/d and back, consecutive, and through
	 * both text forms for a spread of days. */
	int32_t first = ymd(1, 1, 1), last = ymd(9999, 12, 31);
	int py = 0, pm = 12, pd = 31;
	long bad = 0;
	for (int32_t days = first; days <= last; days++) {
		int y, m, d;
		int32_t back = -1;
		date_to_ymd(days, &y, &m, &d);
		int next = (y == py && m == pm && d == pd + 1) ||
		           (y == py && m == pm + 1 && d == 1) ||
		           (y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31);
		if (!next || date_from_ymd(y, m, d, &back) != 0 || back != days) {
			if (bad++ < 5)
				cr_expect_fail("day %d: %d-%d-%d after %d-%d-%d, back %d", (int)days, y, m,
				               d, py, pm, pd, (int)back);
		}
		if (days % 997 == 0) {
			char iso[DATE_BUF], de[DATE_BUF];
			int32_t a = -1, b = -1;
			date_format_iso(days, iso);
			date_format_de(days, de);
			if (date_parse_iso(iso, &a) != 0 || a != days ||
			    date_parse_de(de, &b) != 0 || b != days)
				if (bad++ < 5)
					cr_expect_fail("day %d: „%s“ / „%s“", (int)days, iso, de);
		}
		py = y, pm = m, pd = d;
	}
	cr_expect_eq(bad, 0);
	cr_expect(py == 9999 && pm == 12 && pd == 31);
}
