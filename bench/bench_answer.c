/*
 * bench_answer: the time to answer the whole DESI questionnaire by script,
 * against the obvious do-it-yourself alternative — a shell script that asks
 * the same questions one by one with dialog(1).
 *
 * One route through the form is made with a random walk (walk_fill: every
 * answer valid, warnings confirmed). For each question on it, the keys a
 * person would press are sent to the program behind a pseudo-terminal
 * (80x24), and the next question's keys go out once the program has been
 * quiet for 20 ms — the same for both, so the waits cancel out:
 *
 *   fragebogen  unlock, "n", then per question its keys and Tab, at the end
 *               F2 and "a" (finish); every answer is saved encrypted;
 *   dialog      `sh script` with one dialog call per question (menu,
 *               checklist, inputbox; a menu per matrix row), each answer
 *               appended to a plain text file.
 *
 * Printed: wall time and CPU time (the program and its children) of each.
 *
 *   make bench     or     build/bench_answer build/fragebogen
 */
#define _GNU_SOURCE 1
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "form/engine.h"
#include "form/issue.h"
#include "form/loader.h"
#include "form/walk.h"
#include "store/keyring.h"
#include "store/store.h"
#include "util/date.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

#define PASS "Antworten per Skript 2016"
#define DOWN "\033OB" /* keypad mode: what xterm sends for Down */

/* The keys of one question for each program, and dialog's command. */
struct step {
	char *ours, *theirs, *cmd;
};

static int master = -1;

/* Read until the program has been quiet for 'ms'. */
static void quiet(int ms)
{
	char buf[65536];
	struct pollfd p = {master, POLLIN, 0};
	while (poll(&p, 1, ms) > 0)
		if (read(master, buf, sizeof buf) <= 0)
			break;
}

static void send_keys(const char *k)
{
	if (*k && write(master, k, strlen(k)) < 0)
		exit(1);
	quiet(20);
}

/* A shell word in single quotes. */
static void quote(struct sbuf *b, const char *s)
{
	sbuf_addc(b, '\'');
	for (; *s; s++)
		if (*s == '\'')
			sbuf_adds(b, "'\\''");
		else
			sbuf_addc(b, *s);
	sbuf_addc(b, '\'');
}

/* Down n times. */
static void downs(struct sbuf *b, int n)
{
	for (int i = 0; i < n; i++)
		sbuf_adds(b, DOWN);
}

/* Index of a code in a choice list. */
static int index_of(const struct choicelist *l, int32_t code)
{
	for (int i = 0; i < l->n; i++)
		if (l->v[i].code == code)
			return i;
	return 0;
}

/* A menu of a choice list (plus the missing codes) for dialog. */
static void menu_cmd(struct sbuf *c, const struct form *f, const char *text,
                     const struct choicelist *l, bool check)
{
	sbuf_adds(c, check ? "dialog --checklist " : "dialog --menu ");
	quote(c, text);
	sbuf_printf(c, " 22 76 14");
	for (int i = 0; i < l->n; i++) {
		sbuf_printf(c, " %d ", i + 1);
		quote(c, l->v[i].label);
		if (check)
			sbuf_adds(c, " off");
	}
	for (int i = 0; !check && i < f->nmissing; i++) {
		sbuf_printf(c, " %d ", l->n + i + 1);
		quote(c, f->missing[i].label);
	}
	sbuf_adds(c, " 2>>antworten.txt\n");
}

/* The value of an answer as typed. */
static void typed(struct sbuf *b, const struct answer *a)
{
	char d[16];
	if (a->state == ANS_MISSING)
		sbuf_printf(b, "%d", (int)a->missing);
	else if (a->v.type == VT_STR)
		sbuf_adds(b, a->v.u.str);
	else if (a->v.type == VT_DATE)
		date_format_de(a->v.u.date, d), sbuf_adds(b, d);
	else if (a->v.type == VT_NUM) {
		char n[64];
		snprintf(n, sizeof n, "%.10g", a->v.u.num);
		for (char *p = n; *p; p++)
			if (*p == '.')
				*p = ','; /* the interface takes a decimal comma */
		sbuf_adds(b, n);
	}
}

/* The missing key of a code. */
static char missing_key(const struct form *f, int32_t code)
{
	for (int i = 0; i < f->nmissing; i++)
		if (f->missing[i].code == code)
			return f->missing[i].key;
	return '?';
}

/* Keys for a choice question (single, scale, multi). */
static void choice_keys(struct step *s, const struct form *f, const struct question *q,
                        const struct answer *a)
{
	struct sbuf o = {0}, t = {0}, c = {0};
	const struct choicelist *l = q->choices;
	menu_cmd(&c, f, q->text, l, q->type == Q_MULTI);
	if (a->state == ANS_MISSING) {
		sbuf_printf(&o, "\033%c", missing_key(f, a->missing));
		downs(&t, l->n + (a->missing == f->missing[0].code ? 0 : 1));
	} else if (q->type == Q_MULTI) {
		int at = 0;
		for (uint32_t i = 0; a->state == ANS_VALUE && i < a->v.u.set.n; i++) {
			int k = index_of(l, a->v.u.set.codes[i]);
			downs(&o, k - at);
			downs(&t, k - at);
			sbuf_addc(&o, ' ');
			sbuf_addc(&t, ' ');
			at = k;
		}
	} else if (a->state == ANS_VALUE) {
		int k = index_of(l, (int32_t)a->v.u.num);
		if (k < 9)
			sbuf_addc(&o, (char)('1' + k));
		else
			downs(&o, k + 1); /* the first arrow picks the first option */
		downs(&t, k);
	}
	if (a->other && *a->other)
		sbuf_adds(&o, a->other);
	sbuf_addc(&t, '\r');
	s->ours = sbuf_take(&o), s->theirs = sbuf_take(&t), s->cmd = sbuf_take(&c);
}

/* Keys for a matrix: one cell after the other, dialog a menu per row. */
static void matrix_keys(struct step *s, const struct form *f, const struct question *q,
                        const struct response *r)
{
	struct sbuf o = {0}, t = {0}, c = {0};
	for (int row = 0; row < q->nrows; row++)
		for (int k = 0; k < q->ncols; k++) {
			const struct answer *a = &r->ans[f->vars[q->rows[row].var[k]].slot];
			const struct choicelist *l = q->cols[k].choices;
			char *text = xasprintf("%s – %s", q->text, q->rows[row].text);
			menu_cmd(&c, f, text, l, false);
			free(text);
			if (a->state == ANS_MISSING) {
				sbuf_printf(&o, "\033%c", missing_key(f, a->missing));
				downs(&t, l->n + (a->missing == f->missing[0].code ? 0 : 1));
			} else {
				int i = index_of(l, a->state == ANS_VALUE ? (int32_t)a->v.u.num : 0);
				sbuf_addc(&o, (char)('1' + i));
				downs(&t, i);
			}
			sbuf_addc(&t, '\r');
		}
	s->ours = sbuf_take(&o), s->theirs = sbuf_take(&t), s->cmd = sbuf_take(&c);
}

/* Keys for a question of any type; fragebogen's end with Tab, and 'j'
 * where a warning asks to go on anyway. */
static void question_keys(struct step *s, struct engine *e, int qi)
{
	const struct form *f = e->f;
	const struct question *q = &f->questions[qi];
	const struct answer *a = q->var >= 0 ? &e->r->ans[f->vars[q->var].slot] : NULL;
	struct sbuf o = {0}, t = {0}, c = {0};
	if (q->type == Q_MATRIX)
		matrix_keys(s, f, q, e->r);
	else if (q->type == Q_SINGLE || q->type == Q_SCALE || q->type == Q_MULTI)
		choice_keys(s, f, q, a);
	else {
		if (q->type == Q_NOTE) {
			sbuf_adds(&c, "dialog --msgbox ");
			quote(&c, q->text);
			sbuf_adds(&c, " 20 76\n");
		} else {
			sbuf_adds(&c, "dialog --inputbox ");
			quote(&c, q->text);
			sbuf_adds(&c, " 12 76 2>>antworten.txt\n");
			if (a->state == ANS_MISSING)
				sbuf_printf(&o, "\033%c", missing_key(f, a->missing));
			else
				typed(&o, a);
			typed(&t, a);
		}
		sbuf_addc(&t, '\r');
		s->ours = sbuf_take(&o), s->theirs = sbuf_take(&t), s->cmd = sbuf_take(&c);
	}
	struct issues is = {0};
	issue_collect(e, qi, &is);
	bool warn = false;
	for (int i = 0; i < is.n; i++)
		warn |= is.v[i].sev == SEV_WARNING;
	issue_free_list(&is);
	char *k = xasprintf("%s\t%s", s->ours, warn ? "j" : "");
	free(s->ours);
	s->ours = k;
}

/* Start argv behind a fresh pseudo-terminal (80x24). */
static pid_t spawn(char *const argv[])
{
	struct winsize ws = {24, 80, 0, 0};
	pid_t pid = forkpty(&master, NULL, NULL, &ws);
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0)
		exit(1);
	quiet(300);
	return pid;
}

/* Wait for the program; its CPU time and its children's, in seconds. */
static double finish(pid_t pid)
{
	struct rusage ru;
	int st;
	kill(pid, SIGTERM);
	if (wait4(pid, &st, 0, &ru) < 0)
		return -1;
	close(master);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static int count_complete(const char *dir)
{
	struct keyring *k;
	int err, n = 0, done = 0;
	if (keyring_unlock(dir, PASS, strlen(PASS), &k, &err) != KR_OK)
		return -1;
	struct store s;
	store_open(&s, dir, k);
	struct store_entry *v;
	char msg[300];
	if (store_list(&s, &v, &n, msg, sizeof msg) == 0) {
		for (int i = 0; i < n; i++)
			done += v[i].summary && strstr(v[i].summary, "\"complete\"") != NULL;
		store_entries_free(v, n);
	}
	store_close(&s);
	keyring_free(&k);
	return done;
}

int main(int argc, char **argv)
{
	char *bin = realpath(argc > 1 ? argv[1] : "build/fragebogen", NULL);
	if (!bin)
		return 2;
	struct form *f;
	struct diag d;
	if (sodium_init() < 0 ||
	    loader_load_file(FRAGEBOGEN_FORMS_DIR "/desi-kommunen-2016.json", &f, &d) < 0)
		return 1;
	diag_free(&d);
	struct response *r = response_new(f, 0);
	uint64_t seed = 1;
	while (!walk_fill(f, r, seed, 0)) { /* a route that can be finished */
		response_free(&r);
		r = response_new(f, 0);
		seed++;
	}
	struct engine e;
	engine_init(&e, f, r);
	struct step *steps = xcalloc((size_t)f->nquestions + 1, sizeof *steps);
	int n = 0, cells = 0;
	struct sbuf script = {0};
	sbuf_adds(&script, ": >antworten.txt\n");
	for (int q = engine_first(&e); q >= 0; q = engine_next(&e, q), n++) {
		question_keys(&steps[n], &e, q);
		if (getenv("BENCH_DEBUG")) {
			printf("%s", f->questions[q].id);
			for (const char *p = steps[n].ours; *p; p++)
				printf(" %02x", (unsigned char)*p);
			printf("\n");
		}
		sbuf_adds(&script, steps[n].cmd);
		cells += f->questions[q].type == Q_MATRIX ? f->questions[q].nrows * f->questions[q].ncols : 1;
	}
	char dir[] = "/tmp/fbbench-answer-XXXXXX";
	if (!mkdtemp(dir) || chdir(dir) != 0 || mkdir("st", 0700) != 0)
		return 1;
	FILE *sf = fopen("fragen.sh", "w");
	fputs(sbuf_str(&script), sf);
	fclose(sf);
	struct kdf_cost cost;
	struct keyring *k;
	char code[RECOVERY_LEN + 1];
	int err;
	if (keyring_cost("test", &cost) < 0 || keyring_create("st", PASS, strlen(PASS), cost, code, &k, &err) != KR_OK)
		return 1;
	keyring_free(&k);

	char *ours[] = {bin, "--store", "st", NULL};
	double t0 = bench_now_ms();
	pid_t pid = spawn(ours);
	send_keys(PASS "\r");
	send_keys("n");
	for (int i = 0; i < n; i++)
		send_keys(steps[i].ours);
	send_keys("\033[12~"); /* F2: review */
	send_keys("a");        /* finish */
	double wall_ours = bench_now_ms() - t0;
	double cpu_ours = finish(pid);
	int done = count_complete("st");

	double cpu_theirs = -1, wall_theirs = -1;
	if (system("command -v dialog >/dev/null 2>&1") == 0) {
		char *theirs[] = {"sh", "fragen.sh", NULL};
		t0 = bench_now_ms();
		pid = spawn(theirs);
		for (int i = 0; i < n; i++) {
			const char *p = steps[i].theirs;
			/* one dialog per menu: send up to each Enter, then wait */
			while (*p) {
				const char *cr = strchr(p, '\r');
				size_t len = cr ? (size_t)(cr - p) + 1 : strlen(p);
				char *part = xasprintf("%.*s", (int)len, p);
				send_keys(part);
				free(part);
				p += len;
			}
		}
		wall_theirs = bench_now_ms() - t0;
		struct rusage before;
		getrusage(RUSAGE_CHILDREN, &before);
		finish(pid);
		struct rusage after;
		getrusage(RUSAGE_CHILDREN, &after);
		cpu_theirs = (double)(after.ru_utime.tv_sec - before.ru_utime.tv_sec) +
		             (double)(after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6 +
		             (double)(after.ru_stime.tv_sec - before.ru_stime.tv_sec) +
		             (double)(after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;
	}
	printf("answering the DESI questionnaire by script: %d questions on the route, %d answers "
	       "(random walk, seed %llu), 20 ms quiet after each question\n", n, cells,
	       (unsigned long long)seed);
	if (wall_theirs > 0)
		printf("  dialog(1) shell script (reference)  wall %6.2f s   CPU %5.2f s   answers in plain text\n",
		       wall_theirs / 1e3, cpu_theirs);
	printf("  fragebogen                          wall %6.2f s   CPU %5.2f s   every answer checked and saved encrypted%s\n",
	       wall_ours / 1e3, cpu_ours, done == 1 ? "" : " — NOT finished: the key script went wrong");
	if (wall_theirs > 0)
		printf("  = %.2f x the reference's wall time, %.2f x its CPU\n", wall_ours / wall_theirs,
		       cpu_ours / cpu_theirs);
	if (getenv("BENCH_KEEP")) {
		printf("files kept in %s\n", dir);
		return done != 1;
	}
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0 || done != 1;
}
