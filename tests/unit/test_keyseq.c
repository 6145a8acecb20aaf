/*
 * Tests of keyseq: the escape sequences of the usual terminals map to their
 * keys, whatever TERM says; unknown ones are recognised as complete so that
 * they can be dropped whole.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "tui/keyseq.h"
#include "tui/term.h"

static int key_of(const char *s)
{
	size_t n = strlen(s);
	cr_assert(keyseq_complete(s, n), "\"%s\" should be complete", s);
	for (size_t i = 1; i < n; i++)
		cr_assert_not(keyseq_complete(s, i), "\"%.*s\" is only a start", (int)i, s);
	return keyseq_key(s, n);
}

Test(keyseq, function_keys_of_every_family)
{
	/* VT220/xterm, xterm's SS3 F1–F4, the Linux console */
	cr_expect_eq(key_of("[21~"), KEY_F(10));
	cr_expect_eq(key_of("[11~"), KEY_F(1));
	cr_expect_eq(key_of("[17~"), KEY_F(6));
	cr_expect_eq(key_of("[24~"), KEY_F(12));
	cr_expect_eq(key_of("OP"), KEY_F(1));
	cr_expect_eq(key_of("OS"), KEY_F(4));
	cr_expect_eq(key_of("[[A"), KEY_F(1));
	cr_expect_eq(key_of("[[E"), KEY_F(5));
	cr_expect_eq(key_of("[1;2Q"), KEY_F(2)); /* with Shift: the key all the same */
}

Test(keyseq, cursor_and_editing_keys)
{
	cr_expect_eq(key_of("[4~"), KEY_END);
	cr_expect_eq(key_of("[8~"), KEY_END); /* rxvt */
	cr_expect_eq(key_of("[F"), KEY_END);
	cr_expect_eq(key_of("OF"), KEY_END);
	cr_expect_eq(key_of("[1~"), KEY_HOME);
	cr_expect_eq(key_of("OH"), KEY_HOME);
	cr_expect_eq(key_of("[3~"), KEY_DC);
	cr_expect_eq(key_of("[5~"), KEY_PPAGE);
	cr_expect_eq(key_of("[6~"), KEY_NPAGE);
	cr_expect_eq(key_of("[A"), KEY_UP);
	cr_expect_eq(key_of("OD"), KEY_LEFT);
	cr_expect_eq(key_of("[1;5C"), KEY_RIGHT); /* Ctrl+Right */
	cr_expect_eq(key_of("[Z"), KEY_BTAB);
	cr_expect_eq(key_of("OM"), KEY_ENTER);
}

Test(keyseq, unknown_sequences_are_complete_and_keyless)
{
	cr_expect_eq(key_of("[200~"), 0); /* bracketed paste */
	cr_expect_eq(key_of("[99z"), 0);
	cr_expect_eq(key_of("[M"), 0);    /* a mouse report is no Enter */
	cr_expect_eq(key_of("[<0;3;4M"), 0);
	cr_expect_eq(key_of("[16~"), 0);  /* a gap in the VT220 numbering */
	cr_expect_eq(key_of("[9999999~"), 0);
	cr_expect_eq(key_of("Ox"), 0);
	cr_expect(keyseq_starts('['));
	cr_expect(keyseq_starts('O'));
	cr_expect_not(keyseq_starts('a'));
	char longseq[KEYSEQ_MAX + 1];
	memset(longseq, '1', sizeof longseq);
	longseq[0] = '[';
	cr_expect(keyseq_complete(longseq, KEYSEQ_MAX), "a runaway sequence ends");
	cr_expect_eq(keyseq_key(longseq, KEYSEQ_MAX), 0);
}
