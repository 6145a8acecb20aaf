/*
 * test_docdir: which folder the user's files go to, from user-dirs.dirs
 * in a temporary home folder.
 */
#include <criterion/criterion.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/docdir.h"

static char home[64], cfg[128];

static void mkhome(void)
{
	cr_assert_not_null(mkdtemp(strcpy(home, "/tmp/fbhome-XXXXXX")));
	snprintf(cfg, sizeof cfg, "%s/cfg", home);
	cr_assert_eq(mkdir(cfg, 0700), 0);
	cr_assert_eq(setenv("HOME", home, 1), 0);
	cr_assert_eq(setenv("XDG_CONFIG_HOME", cfg, 1), 0);
}

/* Remove 'sub' of home, if there. */
static void rm_in_home(const char *sub)
{
	char p[256];
	snprintf(p, sizeof p, "%s/%s", home, sub);
	if (unlink(p) < 0)
		rmdir(p);
}

static void rmhome(void)
{
	const char *subs[] = {"cfg/user-dirs.dirs", ".config/user-dirs.dirs", "cfg", ".config",
	                      "Dokumente", "Meine Dokumente", "abs"};
	for (size_t i = 0; i < sizeof subs / sizeof *subs; i++)
		rm_in_home(subs[i]);
	rmdir(home);
}

TestSuite(docdir, .init = mkhome, .fini = rmhome);

/* Write user-dirs.dirs into folder 'in' (relative to home). */
static void user_dirs(const char *in, const char *text)
{
	char p[256];
	snprintf(p, sizeof p, "%s/%s/user-dirs.dirs", home, in);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

/* Make folder 'sub' of home. */
static void mk_in_home(const char *sub)
{
	char p[256];
	snprintf(p, sizeof p, "%s/%s", home, sub);
	cr_assert_eq(mkdir(p, 0700), 0);
}

/* docdir_find() must give home/sub (sub NULL: home itself). */
static void expect(const char *sub)
{
	char want[256];
	if (sub)
		snprintf(want, sizeof want, "%s/%s", home, sub);
	else
		snprintf(want, sizeof want, "%s", home);
	char *got = docdir_find();
	cr_assert_str_eq(got, want);
	free(got);
}

static const char typical[] = "# This file is written by xdg-user-dirs-update\n"
                              "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\n"
                              "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n"
                              "XDG_DOWNLOAD_DIR=\"$HOME/Downloads\"\n";

Test(docdir, documents_folder_that_exists)
{
	mk_in_home("Dokumente");
	user_dirs("cfg", typical);
	expect("Dokumente");
}

Test(docdir, documents_folder_missing_gives_home)
{
	user_dirs("cfg", typical);
	expect(NULL);
}

Test(docdir, absolute_path)
{
	mk_in_home("abs");
	char text[300];
	snprintf(text, sizeof text, "XDG_DOCUMENTS_DIR=\"%s/abs/\"\r\n", home);
	user_dirs("cfg", text);
	expect("abs");
}

Test(docdir, no_file_gives_home)
{
	mk_in_home("Dokumente");
	expect(NULL);
}

Test(docdir, commented_line_ignored)
{
	mk_in_home("Dokumente");
	user_dirs("cfg", "# XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n"
	                 "  #XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n");
	expect(NULL);
}

Test(docdir, garbage_lines_ignored)
{
	mk_in_home("Dokumente");
	mk_in_home("abs");
	user_dirs("cfg", "XDG_DOCUMENTS_DIR=\"$HOME/abs\"\n"
	                 "XDG_DOCUMENTS_DIR=$HOME/Dokumente\n"
	                 "XDG_DOCUMENTS_DIR=\"Dokumente\"\n"
	                 "XDG_DOCUMENTS_DIR=\"~/Dokumente\"\n"
	                 "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\n"
	                 "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\" rm -rf /\n"
	                 "XDG_DOCUMENTS_DIRX=\"$HOME/Dokumente\"\n"
	                 "\x01\xff garbage \"\"\"\n");
	expect("abs"); /* the one valid line, not the later broken ones */
	user_dirs("cfg", "\x01\xff garbage \"\"\"\nXDG_DOCUMENTS_DIR=\n");
	expect(NULL);
}

Test(docdir, home_itself_means_none)
{
	user_dirs("cfg", "XDG_DOCUMENTS_DIR=\"$HOME/\"\n");
	expect(NULL);
	user_dirs("cfg", "XDG_DOCUMENTS_DIR=\"$HOME\"\n");
	expect(NULL);
}

Test(docdir, escapes_blanks_and_the_last_line)
{
	mk_in_home("Meine Dokumente");
	mk_in_home("Dokumente");
	user_dirs("cfg", "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n"
	                 "XDG_DOCUMENTS_DIR=\"$HOME/Meine\\ Dokumente\"  \n");
	expect("Meine Dokumente");
}

Test(docdir, default_config_folder)
{
	mk_in_home(".config");
	mk_in_home("Dokumente");
	user_dirs(".config", typical);
	cr_assert_eq(unsetenv("XDG_CONFIG_HOME"), 0);
	expect("Dokumente");
	cr_assert_eq(setenv("XDG_CONFIG_HOME", "relativ", 1), 0);
	expect("Dokumente");
}

Test(docdir, home_unset_or_empty_uses_the_passwd_entry)
{
	/* XDG_CONFIG_HOME stays on the empty test folder: no documents folder */
	const struct passwd *pw = getpwuid(getuid());
	const char *want = pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : ".";
	size_t wlen = strlen(want);
	while (wlen > 1 && want[wlen - 1] == '/')
		wlen--;
	cr_assert_eq(unsetenv("HOME"), 0);
	char *got = docdir_find();
	cr_assert(strlen(got) == wlen && strncmp(got, want, wlen) == 0, "%s, want %s", got, want);
	free(got);
	cr_assert_eq(setenv("HOME", "", 1), 0);
	got = docdir_find();
	cr_assert(strlen(got) == wlen && strncmp(got, want, wlen) == 0, "%s, want %s", got, want);
	free(got);
}
