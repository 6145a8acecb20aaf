/*
 * Tests of the senders record: trust on first sight, a changed key caught
 * and accepted only on request, a known key under another name, the names
 * as they are compared, and the file itself (owner-only, written whole,
 * a damaged one refused with a message).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/senders.h"
#include "util/fio.h"

#define KEY_A "RWQkeyA"
#define KEY_B "RWQkeyB"

static char dir[64], path[96];

static void make_dir(void)
{
	snprintf(dir, sizeof dir, "/tmp/fb_senders_XXXXXX");
	cr_assert(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/team.key.senders", dir);
}

static void remove_dir(void)
{
	char **names;
	size_t n;
	int e;
	if (fio_list_dir(dir, &names, &n, &e) == 0) {
		for (size_t i = 0; i < n; i++) {
			char p[200];
			snprintf(p, sizeof p, "%s/%s", dir, names[i]);
			unlink(p);
		}
		fio_names_free(names, n);
	}
	rmdir(dir);
}

TestSuite(senders, .init = make_dir, .fini = remove_dir);

static void write_text(const char *text)
{
	FILE *fp = fopen(path, "w");
	cr_assert(fp != NULL);
	fputs(text, fp);
	cr_assert_eq(fclose(fp), 0);
}

/* A record with Stadt A under KEY_A, saved and loaded again. */
static void record_a(struct senders *s)
{
	char err[300];
	cr_assert_eq(senders_load(s, path, err, sizeof err), 0, "%s", err);
	cr_assert_eq(senders_check(s, "Stadt A", KEY_A, false, "2026-01-05"), SENDER_NEW);
	cr_assert_eq(senders_save(s, err, sizeof err), 0, "%s", err);
	senders_free(s);
	cr_assert_eq(senders_load(s, path, err, sizeof err), 0, "%s", err);
}

Test(senders, a_new_key_is_recorded_and_known_next_time)
{
	struct senders s;
	char err[300];
	cr_assert_eq(senders_load(&s, path, err, sizeof err), 0, "a missing file is empty");
	cr_expect_eq(s.n, 0);
	senders_free(&s);
	record_a(&s);
	cr_assert_eq(s.n, 1);
	cr_expect_str_eq(s.v[0].pubkey, KEY_A);
	cr_expect_str_eq(s.v[0].first_seen, "2026-01-05");
	cr_expect_str_eq(s.v[0].name, "Stadt A");
	cr_expect_eq(senders_check(&s, "Stadt A", KEY_A, false, "2026-03-01"), SENDER_KNOWN);
	cr_expect_not(s.dirty, "a known key changes nothing");
	cr_expect_str_eq(senders_name_of(&s, KEY_A), "Stadt A");
	cr_expect_null(senders_name_of(&s, KEY_B));
	senders_free(&s);
}

Test(senders, a_changed_key_is_caught_and_accepted_only_on_request)
{
	struct senders s;
	char err[300];
	record_a(&s);
	cr_expect_eq(senders_check(&s, "Stadt A", KEY_B, false, "2026-02-01"), SENDER_CHANGED);
	cr_expect_str_eq(s.v[0].pubkey, KEY_A, "the record stays as it was");
	cr_expect_not(s.dirty);
	cr_expect_eq(senders_check(&s, "Stadt A", KEY_B, true, "2026-02-01"), SENDER_ACCEPTED);
	cr_assert_eq(s.n, 1);
	cr_expect_str_eq(s.v[0].pubkey, KEY_B);
	cr_expect_str_eq(s.v[0].first_seen, "2026-02-01");
	cr_assert_eq(senders_save(&s, err, sizeof err), 0, "%s", err);
	senders_free(&s);
	cr_assert_eq(senders_load(&s, path, err, sizeof err), 0, "%s", err);
	cr_expect_eq(senders_check(&s, "Stadt A", KEY_B, false, "2026-02-02"), SENDER_KNOWN);
	cr_expect_eq(senders_check(&s, "Stadt A", KEY_A, false, "2026-02-02"), SENDER_CHANGED,
	             "the old key is no longer trusted");
	senders_free(&s);
}

Test(senders, a_known_key_under_another_name_is_flagged)
{
	struct senders s;
	record_a(&s);
	cr_expect_eq(senders_check(&s, "Stadt B", KEY_A, false, "2026-02-01"), SENDER_OTHER_NAME);
	cr_expect_eq(s.n, 1, "the other name is not recorded");
	cr_expect_str_eq(senders_name_of(&s, KEY_A), "Stadt A");
	cr_expect_eq(senders_check(&s, "Stadt B", KEY_B, false, "2026-02-01"), SENDER_NEW,
	             "another key under the new name is a new sender");
	senders_free(&s);
}

/* The cleaned form of 'in' must be 'want'. */
static void clean_is(const char *in, const char *want)
{
	char *c = senders_clean_name(in);
	cr_expect_str_eq(c, want, "cleaning \"%s\"", in);
	free(c);
}

Test(senders, names_lose_invisible_characters_and_extra_spaces)
{
	clean_is("Stadt A", "Stadt A");
	clean_is("  Stadt   A \t", "Stadt A");
	clean_is("Stadt\xc2\xa0\xc2\xa0" "A", "Stadt A");          /* no-break spaces */
	clean_is("Stadt\xe3\x80\x80" "A", "Stadt A");              /* ideographic space */
	clean_is("Stadt\xe2\x80\x8b" "A", "StadtA");               /* zero-width space */
	clean_is("\xe2\x80\x8dStadt A\xe2\x80\x8c", "Stadt A");    /* joiners */
	clean_is("\xe2\x80\xae" "Stadt A\xe2\x80\xac", "Stadt A"); /* bidi override */
	clean_is("\xe2\x81\xa6Stadt A\xe2\x81\xa9", "Stadt A");    /* bidi isolate */
	clean_is("\xef\xbb\xbfStadt A", "Stadt A");                /* byte order mark */
	clean_is("Stadt\nA\r", "StadtA");                          /* controls */
	clean_is("Stadt\x1b[31mA", "Stadt[31mA");
	clean_is("Stadt\xc2\x85" "A", "StadtA");                   /* C1 control */
	clean_is("Gro\xc3\x9f-Gerau", "Gro\xc3\x9f-Gerau");        /* text stays */
	clean_is("Stadt \xff", "Stadt \xef\xbf\xbd");              /* bad UTF-8 */
	clean_is("", "(ohne Namen)");
	clean_is(" \xe2\x80\x8b\t", "(ohne Namen)");
}

Test(senders, the_file_is_the_owners_only_and_left_whole_on_failure)
{
	struct senders s;
	char err[300];
	record_a(&s);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0600, "mode %o", (unsigned)(st.st_mode & 0777));
	cr_expect_eq(senders_check(&s, "Stadt B", KEY_B, false, "2026-02-01"), SENDER_NEW);
	for (long nth = 1; nth <= 3; nth++) { /* open, write, fsync of the new file */
		fio_fault_set(nth, ENOSPC);
		cr_expect_eq(senders_save(&s, err, sizeof err), -1, "call %ld", nth);
		cr_expect(strstr(err, "voll") != NULL, "%s", err);
		cr_expect(s.dirty, "still to be saved");
	}
	fio_fault_set(0, 0);
	struct senders old;
	cr_assert_eq(senders_load(&old, path, err, sizeof err), 0, "%s", err);
	cr_expect_eq(old.n, 1, "the file on disk is the old one");
	senders_free(&old);
	cr_assert_eq(senders_save(&s, err, sizeof err), 0, "%s", err);
	senders_free(&s);
	cr_assert_eq(senders_load(&s, path, err, sizeof err), 0, "%s", err);
	cr_expect_eq(s.n, 2);
	senders_free(&s);
	char **names;
	size_t n;
	int e;
	cr_assert_eq(fio_list_dir(dir, &names, &n, &e), 0);
	cr_expect_eq(n, 1, "no temporary file left behind");
	fio_names_free(names, n);
}

Test(senders, comments_and_windows_line_ends_are_read)
{
	write_text("# Absender\r\n\r\n" KEY_A "\t2026-01-05\tStadt A\r\n" KEY_B "\t2026-01-06\tStadt B");
	struct senders s;
	char err[300];
	cr_assert_eq(senders_load(&s, path, err, sizeof err), 0, "%s", err);
	cr_assert_eq(s.n, 2);
	cr_expect_str_eq(s.v[0].name, "Stadt A");
	cr_expect_str_eq(s.v[1].name, "Stadt B", "the last line needs no line end");
	senders_free(&s);
}

Test(senders, a_damaged_file_is_an_error_not_a_crash)
{
	struct senders s;
	char err[300] = "";
	write_text(KEY_A "\t2026-01-05\tStadt A\nkein Tabulator hier\n");
	cr_expect_eq(senders_load(&s, path, err, sizeof err), -1);
	cr_expect(strstr(err, "Zeile 2") != NULL, "%s", err);
	senders_free(&s);
	FILE *fp = fopen(path, "wb");
	cr_assert(fp != NULL);
	for (int i = 0; i < 4096; i++)
		fputc((i * 7919) & 0xff, fp);
	fclose(fp);
	cr_expect_eq(senders_load(&s, path, err, sizeof err), -1);
	senders_free(&s);
	/* A folder where the file should be. */
	unlink(path);
	cr_assert_eq(mkdir(path, 0700), 0);
	err[0] = '\0';
	cr_expect_eq(senders_load(&s, path, err, sizeof err), -1);
	cr_expect(strstr(err, "lässt sich nicht lesen") != NULL, "%s", err);
	senders_free(&s);
	rmdir(path);
}
