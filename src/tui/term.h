/*
 * term: the one module that owns curses — locale, start and stop, keys,
 * colours and their monochrome fallback, signals. Nothing else calls
 * initscr/newterm/endwin, sets colours or installs signal handlers.
 *
 * Signal handlers only set flags: term_signal() reports SIGHUP and SIGTERM
 * to the main loop, which saves and leaves. The terminal is restored on
 * every exit path: term_stop() is idempotent and also registered with
 * atexit(); a crash signal (SIGSEGV, SIGABRT, SIGBUS, SIGFPE) restores the
 * saved terminal settings with tcsetattr() alone, then dies as it would.
 */
#ifndef FB_TERM_H
#define FB_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>

enum style {
	ST_NORMAL, ST_TITLE, ST_FOOTER, ST_KEY, ST_SELECTED, ST_FIELD,
	ST_ERROR, ST_WARNING, ST_DIM, ST_OK, ST_HEADING, ST_COUNT,
};

/* Start curses; 0, or -1 with a message on stderr. */
int term_start(void);
void term_stop(void);
/* Attributes (colour pair or monochrome fallback) of a style. */
attr_t term_attr(enum style s);
/* Whether the locale is UTF-8; if not, lines, marks and typographic
 * characters are drawn with ASCII fallbacks. */
bool term_utf8(void);

/*
 * A key: returns KEY_CODE_YES (curses key code in *ch), OK (character; *alt
 * when it came as Alt+key, i.e. after ESC), or ERR on timeout. 'timeout_ms'
 * < 0 waits. Escape sequences the terminal description does not know are
 * read here (keyseq) and never come out as characters; Esc then a digit is
 * F1…F10 (0 = F10). A lone Esc comes out after TERM_ESC_DIGIT_MS.
 */
int term_key(int timeout_ms, wint_t *ch, bool *alt);
/* The rest of a key's escape sequence arrives at once; a person who
 * presses Esc and then a digit takes longer. */
#define TERM_ESC_FOLLOW_MS 25
#define TERM_ESC_DIGIT_MS 1000
/* term_key() when a script has no keys left. */
#define TERM_SCRIPT_END (-2)
/*
 * Headless mode, for tests and fuzzing: no terminal, the screen is drawn
 * into curses' buffers and sent to /dev/null, and term_key() takes its keys
 * from 'keys' (borrowed until term_stop()): bytes below 0x80 are
 * characters, 0x80…0x9f key codes (arrows, pages, F1–F10, Tab back,
 * resize to a size the next byte picks), 0xa0…0xaf non-ASCII characters,
 * and the rest a second without a key. No signal handlers are installed.
 */
int term_start_script(const uint8_t *keys, size_t n, int rows, int cols);
/* SIGHUP or SIGTERM if one arrived, else 0. */
int term_signal(void);

#endif
