/*
 * term: curses set-up and teardown, styles, keys and signals.
 */
#include "tui/term.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "tui/keyseq.h"
#include "util/i18n.h"

static volatile sig_atomic_t got_signal;
static bool started, utf8, colours;
static struct termios saved;
static bool have_saved;
static SCREEN *scr;
/* Headless mode: keys come from a script, the screen goes to /dev/null. */
static const uint8_t *script;
static size_t script_len, script_pos, script_last;
static FILE *null_out, *null_in;

static void on_quit_signal(int sig)
{
	got_signal = sig;
}

/* A crash: put the terminal back with the one async-signal-safe call, then die. */
static void on_crash(int sig)
{
	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	static const char reset[] = "\033[?1049l\033[0m\r\n";
	(void)!write(STDOUT_FILENO, reset, sizeof reset - 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sa.sa_handler = on_crash;
	sa.sa_flags = (int)SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
}

/* The style table: monochrome attribute, foreground, background. */
static const struct {
	attr_t mono;
	short fg, bg;
} styles[ST_COUNT] = {
	[ST_NORMAL] = {A_NORMAL, -1, -1},
	[ST_TITLE] = {A_REVERSE | A_BOLD, COLOR_WHITE, COLOR_BLUE},
	[ST_FOOTER] = {A_REVERSE, COLOR_BLACK, COLOR_CYAN},
	[ST_KEY] = {A_BOLD, COLOR_WHITE, COLOR_BLACK},
	[ST_SELECTED] = {A_REVERSE, COLOR_BLACK, COLOR_YELLOW},
	[ST_FIELD] = {A_UNDERLINE, COLOR_WHITE, COLOR_BLUE},
	[ST_ERROR] = {A_BOLD, COLOR_RED, -1},
	[ST_WARNING] = {A_BOLD, COLOR_YELLOW, -1},
	[ST_DIM] = {A_DIM, COLOR_BLUE, -1},
	[ST_OK] = {A_NORMAL, COLOR_GREEN, -1},
	[ST_HEADING] = {A_BOLD, -1, -1},
};

static void init_colours(void)
{
	const char *nc = getenv("NO_COLOR");
	colours = has_colors() && !(nc && *nc);
	if (!colours)
		return;
	start_color();
	use_default_colors();
	for (int i = 1; i < ST_COUNT; i++)
		init_pair((short)i, styles[i].fg, styles[i].bg);
}

attr_t term_attr(enum style s)
{
	if (!colours || s == ST_NORMAL)
		return styles[s].mono;
	attr_t extra = s == ST_TITLE || s == ST_KEY || s == ST_ERROR || s == ST_WARNING ||
	               s == ST_HEADING ? A_BOLD : A_NORMAL;
	return COLOR_PAIR(s) | extra;
}

bool term_utf8(void)
{
	return utf8;
}

int term_start(void)
{
	/* Only the character type: main() has set the rest, and LC_MESSAGES or
	 * LC_NUMERIC taken afresh from the environment would undo the language
	 * chosen with --lang and the decimal point of the number formats. */
	setlocale(LC_CTYPE, "");
	const char *cs = nl_langinfo(CODESET);
	utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	/* In the plain C locale the terminal is most likely UTF-8 all the same:
	 * take a UTF-8 ctype for the texts, but draw lines and marks in ASCII.
	 * A locale with another character set (ISO-8859-1, say) is kept, and the
	 * wide-character output lets curses convert the texts to it. */
	if (!utf8 && cs && strcmp(cs, "ANSI_X3.4-1968") == 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs(_("fragebogen: Die Oberfläche braucht ein Terminal.\n"), stderr);
		return -1;
	}
	have_saved = tcgetattr(STDIN_FILENO, &saved) == 0;
	set_escdelay(25);
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, _("fragebogen: Das Terminal „%s“ ist unbekannt.\n"),
		        getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	started = true;
	atexit(term_stop);
	install_signals();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	init_colours();
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	curs_set(0);
	return 0;
}

void term_stop(void)
{
	if (!started)
		return;
	started = false;
	endwin();
	delscreen(scr);
	scr = NULL;
	if (script) {
		script = NULL;
		fclose(null_out);
		fclose(null_in);
		null_out = null_in = NULL;
		return;
	}
	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
}

/* Keys the script's bytes 0x80…0x9f stand for. */
static const int script_codes[] = {
	KEY_UP,     KEY_DOWN,  KEY_LEFT,  KEY_RIGHT, KEY_NPAGE, KEY_PPAGE, KEY_HOME,
	KEY_END,    KEY_DC,    KEY_BACKSPACE, KEY_BTAB, KEY_ENTER, KEY_F(1), KEY_F(2),
	KEY_F(3),   KEY_F(4),  KEY_F(5),  KEY_F(6),  KEY_F(7),  KEY_F(8),  KEY_F(9),
	KEY_F(10),  KEY_IC,    KEY_RESIZE,
};
/* Characters the script's bytes 0xa0…0xaf stand for: umlauts, wide, combining. */
static const wint_t script_chars[] = {0xe4, 0xf6, 0xfc, 0xdf, 0xc4, 0x4e2d, 0x1f600, 0x301,
                                      0x20ac, 0x3000, 0x200d, 0xa0, 0x2013, 0x201e, 0x201c,
                                      0xfffd};

/* The next scripted key: OK with a character, KEY_CODE_YES with a key code,
 * ERR (a timeout) for bytes 0xb0…0xff, or TERM_SCRIPT_END. A KEY_RESIZE
 * changes the size to one the next byte picks. */
static int script_key(wint_t *ch)
{
	if (script_pos >= script_len)
		return TERM_SCRIPT_END;
	uint8_t b = script[script_pos++];
	if (b < 0x80) {
		*ch = b;
		return OK;
	}
	if (b < 0xa0) {
		size_t i = (size_t)(b - 0x80) % (sizeof script_codes / sizeof *script_codes);
		*ch = (wint_t)script_codes[i];
		if (*ch == KEY_RESIZE && script_pos < script_len) {
			uint8_t z = script[script_pos++];
			resizeterm(8 + (z >> 4) * 3, 30 + (z & 15) * 8);
		}
		return KEY_CODE_YES;
	}
	if (b < 0xb0) {
		*ch = script_chars[b - 0xa0];
		return OK;
	}
	return ERR;
}

/* One key as the terminal (or the script) gives it, before ESC is read. */
static int raw_key(int timeout_ms, wint_t *ch)
{
	if (script) {
		size_t at = script_pos;
		int rc = script_key(ch);
		script_last = script_pos - at;
		return rc;
	}
	timeout(timeout_ms);
	return get_wch(ch);
}

/* Give back the key raw_key() returned last, for the next read. */
static void unread_key(int rc, wint_t ch)
{
	if (script)
		script_pos -= script_last;
	else if (rc == KEY_CODE_YES)
		ungetch((int)ch);
	else
		unget_wch((wchar_t)ch);
}

/* The rest of an escape sequence that began with 'first'; its key, or 0
 * when the sequence is unknown (it is dropped). */
static int read_sequence(wint_t first)
{
	char seq[KEYSEQ_MAX];
	size_t n = 0;
	seq[n++] = (char)first;
	while (!keyseq_complete(seq, n)) {
		wint_t c;
		int rc = raw_key(TERM_ESC_FOLLOW_MS, &c);
		if (rc != OK || c < 0x20 || c > 0x7e) { /* cut short: drop what came */
			if (rc == OK || rc == KEY_CODE_YES)
				unread_key(rc, c);
			return 0;
		}
		seq[n++] = (char)c;
	}
	return keyseq_key(seq, n);
}

/*
 * What follows an ESC: the rest of a key's sequence (sent at once), a
 * digit for F1–F10 (Esc then 1…0, for terminals without F-keys, as a person
 * types it), Alt plus a key, or nothing (Esc alone). ERR: a dropped sequence.
 */
static int after_esc(wint_t *ch, bool *alt)
{
	wint_t c;
	int rc = raw_key(TERM_ESC_FOLLOW_MS, &c);
	bool slow = rc == ERR;
	if (slow)
		rc = raw_key(TERM_ESC_DIGIT_MS, &c);
	if (rc == OK && c >= '0' && c <= '9') {
		*ch = (wint_t)KEY_F(c == '0' ? 10 : (int)(c - '0'));
		return KEY_CODE_YES;
	}
	if (rc == OK && !slow && keyseq_starts((int)c)) {
		int key = read_sequence(c);
		*ch = (wint_t)key;
		return key ? KEY_CODE_YES : ERR;
	}
	if ((rc == OK || rc == KEY_CODE_YES) && !slow) {
		*ch = c;
		*alt = rc == OK;
		return rc;
	}
	if (rc == OK || rc == KEY_CODE_YES) /* a key of its own, after Esc alone */
		unread_key(rc, c);
	*ch = 27;
	return OK;
}

int term_key(int timeout_ms, wint_t *ch, bool *alt)
{
	*alt = false;
	for (;;) {
		int rc = raw_key(timeout_ms, ch);
		if (rc != OK || *ch != 27)
			return rc;
		rc = after_esc(ch, alt);
		if (rc != ERR)
			return rc;
	}
}

int term_start_script(const uint8_t *keys, size_t n, int rows, int cols)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	utf8 = true;
	null_out = fopen("/dev/null", "w");
	null_in = fopen("/dev/null", "r");
	scr = null_out && null_in ? newterm("xterm-256color", null_out, null_in) : NULL;
	if (!scr) {
		if (null_out)
			fclose(null_out);
		if (null_in)
			fclose(null_in);
		null_out = null_in = NULL;
		return -1;
	}
	script = keys;
	script_len = n;
	script_pos = 0;
	started = true;
	keypad(stdscr, TRUE);
	init_colours();
	resizeterm(rows, cols);
	return 0;
}

int term_signal(void)
{
	return (int)got_signal;
}
