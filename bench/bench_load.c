/*
 * bench_load: loading and checking a generated form of 5,000 questions,
 * side by side with parsing the same JSON with cJSON alone (the floor any
 * loader built on cJSON stands on). Prints the median of several runs.
 *
 *   make bench        or        build/bench_load [QUESTIONS] [RUNS]
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "form/loader.h"
#include "util/sbuf.h"

/* A realistic mix: choices, numbers with checks, texts, routing, matrices. */
static char *generate(int n)
{
	struct sbuf b = {0};
	sbuf_adds(&b, "{\"id\":\"bench\",\"title\":\"Benchmark\",\"version\":\"1\",\"language\":\"de\","
	              "\"missing\":[{\"code\":-1,\"label\":\"weiß nicht\",\"key\":\"w\"}],"
	              "\"choice_sets\":{\"gut\":[{\"code\":1,\"label\":\"sehr gut\"},{\"code\":2,\"label\":\"gut\"},"
	              "{\"code\":3,\"label\":\"weniger gut\"},{\"code\":4,\"label\":\"schlecht\"}]},"
	              "\"sections\":[");
	int per = 50;
	for (int s = 0; s * per < n; s++) {
		sbuf_printf(&b, "%s{\"id\":\"S%d\",\"title\":\"Abschnitt %d\",\"questions\":[", s ? "," : "", s, s);
		for (int k = 0; k < per && s * per + k < n; k++) {
			int i = s * per + k;
			sbuf_adds(&b, k ? "," : "");
			switch (i % 5) {
			case 0:
				sbuf_printf(&b, "{\"id\":\"Q%d\",\"type\":\"single\",\"text\":\"Wie gut gelingt Teil %d?\","
				            "\"required\":\"soft\",\"choices\":\"gut\"}", i, i);
				break;
			case 1:
				sbuf_printf(&b, "{\"id\":\"Q%d\",\"type\":\"integer\",\"text\":\"Wie viele Personen?\","
				            "\"min\":0,\"max\":100000,\"visible_if\":\"Q%d == 1 or Q%d == 2\","
				            "\"checks\":[{\"valid_if\":\"Q%d < 50000\",\"message\":\"Wirklich {Q%d}?\","
				            "\"severity\":\"warning\"}]}", i, i - 1, i - 1, i, i);
				break;
			case 2:
				sbuf_printf(&b, "{\"id\":\"Q%d\",\"type\":\"text\",\"text\":\"Name?\",\"maxlength\":80,"
				            "\"pattern\":\"[A-Za-zÄÖÜäöüß -]+\"}", i);
				break;
			case 3:
				sbuf_printf(&b, "{\"id\":\"Q%d\",\"type\":\"multi\",\"text\":\"Welche?\",\"choices\":["
				            "{\"code\":1,\"label\":\"a\"},{\"code\":2,\"label\":\"b\"},"
				            "{\"code\":9,\"label\":\"keine\",\"exclusive\":true}]}", i);
				break;
			default:
				sbuf_printf(&b, "{\"id\":\"Q%d\",\"type\":\"matrix\",\"text\":\"Bewertung\",\"choices\":\"gut\","
				            "\"visible_if\":\"not selected(Q%d, 9)\",\"rows\":[{\"id\":\"Q%d_r1\",\"text\":\"eins\"},"
				            "{\"id\":\"Q%d_r2\",\"text\":\"zwei\"}]}", i, i - 1, i, i);
				break;
			}
		}
		sbuf_adds(&b, "]}");
	}
	sbuf_adds(&b, "]}");
	return sbuf_take(&b);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 5000;
	int runs = argc > 2 ? atoi(argv[2]) : 21;
	if (n < 1 || runs < 1 || runs > 1000)
		return 2;
	char *json = generate(n);
	size_t len = strlen(json);
	double *t_cjson = calloc((size_t)runs, sizeof(double));
	double *t_load = calloc((size_t)runs, sizeof(double));
	for (int r = 0; r < runs; r++) {
		double t0 = bench_now_ms();
		cJSON *root = cJSON_ParseWithLength(json, len);
		double t1 = bench_now_ms();
		cJSON_Delete(root);
		struct form *f;
		struct diag d;
		double t2 = bench_now_ms();
		int rc = loader_load_buffer("bench.json", json, len, &f, &d);
		double t3 = bench_now_ms();
		if (rc != 0) {
			diag_print(&d, stderr);
			return 1;
		}
		diag_free(&d);
		form_free(&f);
		t_cjson[r] = t1 - t0;
		t_load[r] = t3 - t2;
	}
	double a = bench_median(t_cjson, runs), b = bench_median(t_load, runs);
	printf("form load, %d questions, %zu bytes, median of %d runs:\n", n, len, runs);
	printf("  cJSON_Parse alone (reference)   %8.2f ms\n", a);
	printf("  loader_load_buffer (full check) %8.2f ms   = %.1f x reference   (target: < 50 ms)\n",
	       b, b / a);
	free(t_cjson);
	free(t_load);
	free(json);
	return 0;
}
