/*
 * bench_tui: what the terminal interface sends per keystroke, and what a
 * keystroke costs, measured on the real binary behind a pseudo-terminal.
 *
 *   bytes per keystroke — typing in a text field and moving through
 *                         choices (median), against a full repaint (Ctrl-L)
 *                         of the same screen (target: median under 64 bytes);
 *   CPU                 — 10,000 scripted keystrokes (typing and deleting in
 *                         a text field), user+system time of the program
 *                         (target: under 1 s);
 *   peak memory         — maximum resident size of the program over the
 *                         whole run on the DESI form (store with the "test"
 *                         KDF cost, so the key derivation's memory is left
 *                         out), against dialog(1) showing one menu of the
 *                         16 Länder in the same terminal.
 *
 *   make bench     or     build/bench_tui build/fragebogen
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

static int master;
static pid_t child;

/* Read until the program has been quiet for 'quiet_ms'; returns bytes read. */
static size_t drain(int quiet_ms, char *last, size_t lastcap)
{
	size_t total = 0;
	char buf[65536];
	struct pollfd p = {master, POLLIN, 0};
	while (poll(&p, 1, quiet_ms) > 0) {
		ssize_t n = read(master, buf, sizeof buf);
		if (n <= 0)
			break;
		if (last) {
			size_t k = (size_t)n < lastcap - 1 ? (size_t)n : lastcap - 1;
			memcpy(last, buf + n - (ssize_t)k, k);
			last[k] = '\0';
		}
		total += (size_t)n;
	}
	return total;
}

static size_t send_keys(const char *keys, int quiet_ms)
{
	if (write(master, keys, strlen(keys)) < 0)
		exit(1);
	return drain(quiet_ms, NULL, 0);
}

/* CPU time (user + system, seconds) the program used so far. */
static double cpu_seconds(void)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)child);
	FILE *f = fopen(path, "r");
	if (!f || !fgets(buf, sizeof buf, f))
		exit(1);
	fclose(f);
	char *p = strrchr(buf, ')');
	unsigned long ut = 0, st = 0;
	sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st);
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static void start(const char *bin, const char *dir)
{
	struct winsize ws = {24, 80, 0, 0};
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0)
		exit(1);
	if (child == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("NO_COLOR");
		execl(bin, bin, "--store", dir, "--kdf-cost", "test", (char *)NULL);
		_exit(127);
	}
	drain(300, NULL, 0);
}

/* Peak RSS of dialog(1) showing a menu of the 16 Länder, in KiB; -1 if
 * there is no dialog. */
static long dialog_rss(void)
{
	if (system("command -v dialog >/dev/null 2>&1") != 0)
		return -1;
	struct winsize ws = {24, 80, 0, 0};
	int fd;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		execlp("dialog", "dialog", "--menu", "In welchem Land liegt Ihre Kommune?", "22", "70",
		       "16", "1", "Schleswig-Holstein", "2", "Hamburg", "3", "Niedersachsen", "4",
		       "Bremen", "5", "Nordrhein-Westfalen", "6", "Hessen", "7", "Rheinland-Pfalz", "8",
		       "Baden-Württemberg", "9", "Bayern", "10", "Saarland", "11", "Berlin", "12",
		       "Brandenburg", "13", "Mecklenburg-Vorpommern", "14", "Sachsen", "15",
		       "Sachsen-Anhalt", "16", "Thüringen", (char *)NULL);
		_exit(127);
	}
	int saved = master;
	master = fd;
	drain(300, NULL, 0);
	send_keys("\033[B\033[B\033[A", 100);
	send_keys("\r", 200);
	master = saved;
	struct rusage ru;
	int st;
	kill(pid, SIGTERM);
	wait4(pid, &st, 0, &ru);
	close(fd);
	return ru.ru_maxrss;
}

int main(int argc, char **argv)
{
	const char *bin = argc > 1 ? argv[1] : "build/fragebogen";
	char dir[] = "/tmp/fbbench-tui-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char store[128];
	snprintf(store, sizeof store, "%s/s", dir);
	start(bin, store);
	send_keys("Passwort fuer den Test\r", 50);
	send_keys("Passwort fuer den Test\r", 300);
	send_keys("\r", 200);      /* past the recovery code */
	send_keys("n", 200);       /* a new response: the introduction */
	send_keys("\r", 200);      /* A1, a text field */
	enum { N = 101 };
	double typing[N], moving[N];
	for (int i = 0; i < N; i++)
		typing[i] = (double)send_keys(i % 2 ? "a" : "\xc3\xa4", 40);
	send_keys("\r", 200);      /* A2, a choice list */
	for (int i = 0; i < N; i++)
		moving[i] = (double)send_keys(i % 2 ? "\033OA" : "\033OB", 40);
	double full = (double)send_keys("\x0c", 100);
	double mt = bench_median(typing, N), mm = bench_median(moving, N);
	printf("terminal output per keystroke, 80x24, median of %d:\n", N);
	printf("  full repaint of the question screen (reference) %6.0f bytes\n", full);
	printf("  typing in a text field                          %6.0f bytes   = %.3f x reference   (target: < 64)\n", mt, mt / full);
	printf("  moving through choices (each move saves)        %6.0f bytes   = %.3f x reference   (target: < 64)\n", mm, mm / full);
	send_keys("\033[Z", 200);  /* back to A1 */
	double c0 = cpu_seconds(), t0 = bench_now_ms();
	char burst[512];
	for (int round = 0; round < 50; round++) { /* 50 x 200 = 10,000 keystrokes */
		size_t o = 0;
		for (int k = 0; k < 100; k++)
			burst[o++] = 'x', burst[o++] = 0x7f;
		burst[o] = '\0';
		if (write(master, burst, o) < 0)
			return 1;
		drain(5, NULL, 0);
	}
	drain(500, NULL, 0);
	double c1 = cpu_seconds(), t1 = bench_now_ms();
	/* The reference: 1,000 full repaints (Ctrl-L) of the same screen. */
	double r0 = cpu_seconds();
	for (int round = 0; round < 10; round++) {
		char redraw[101];
		memset(redraw, 0x0c, 100);
		redraw[100] = '\0';
		if (write(master, redraw, 100) < 0)
			return 1;
		drain(5, NULL, 0);
	}
	drain(500, NULL, 0);
	double r1 = cpu_seconds();
	double per_key = (c1 - c0) / 10000 * 1e6, per_repaint = (r1 - r0) / 1000 * 1e6;
	printf("CPU per keystroke, 10,000 scripted keystrokes (type and delete in a text field):\n");
	printf("  full repaint, Ctrl-L x 1,000 (reference)  %6.1f us\n", per_repaint);
	printf("  keystroke                                 %6.1f us   = %.2f x reference\n",
	       per_key, per_key / per_repaint);
	printf("  CPU of the program for all 10,000: %.3f s (target: < 1 s), wall %.0f ms\n",
	       c1 - c0, t1 - t0);
	send_keys("\033[21~", 300); /* F10 */
	kill(child, SIGTERM);
	struct rusage ru;
	wait4(child, NULL, 0, &ru);
	long ours = ru.ru_maxrss;
	long theirs = dialog_rss();
	printf("peak memory (max RSS) on the DESI form, KDF left out:\n");
	if (theirs > 0)
		printf("  dialog(1) with one menu (reference) %6.1f MB\n  fragebogen                          %6.1f MB   = %.1f x reference\n",
		       (double)theirs / 1024, (double)ours / 1024, (double)ours / (double)theirs);
	else
		printf("  fragebogen %.1f MB (dialog(1) not installed: no reference)\n",
		       (double)ours / 1024);
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
