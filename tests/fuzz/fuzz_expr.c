/*
 * fuzz_expr: libFuzzer harness for the expression language. The input is
 * put into the visible_if of a small fixed form, so parsing, name
 * resolution and type checking all run; if it loads, it is evaluated.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "form/loader.h"
#include "form/walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char head[] =
	"{\"id\":\"f\",\"title\":\"t\",\"version\":\"1\",\"language\":\"de\","
	"\"missing\":[{\"code\":-1,\"label\":\"weiß nicht\",\"key\":\"w\"}],"
	"\"computed\":[{\"id\":\"K\",\"expr\":\"coalesce(N, 0) * 2\"}],"
	"\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":["
	"{\"id\":\"N\",\"type\":\"integer\",\"text\":\"n\",\"min\":0,\"max\":100},"
	"{\"id\":\"T\",\"type\":\"text\",\"text\":\"t\"},"
	"{\"id\":\"D\",\"type\":\"date\",\"text\":\"d\"},"
	"{\"id\":\"C\",\"type\":\"single\",\"text\":\"c\",\"choices\":[{\"code\":1,\"label\":\"a\"},{\"code\":2,\"label\":\"b\"}]},"
	"{\"id\":\"M\",\"type\":\"multi\",\"text\":\"m\",\"choices\":[{\"code\":1,\"label\":\"a\"},{\"code\":2,\"label\":\"b\"}]},"
	"{\"id\":\"Z\",\"type\":\"note\",\"text\":\"z\",\"visible_if\":";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *expr = malloc(size + 1);
	memcpy(expr, data, size);
	expr[size] = '\0';
	cJSON *s = cJSON_CreateString(expr);
	char *quoted = cJSON_PrintUnformatted(s);
	cJSON_Delete(s);
	free(expr);
	if (!quoted)
		return 0;
	size_t n = strlen(head) + strlen(quoted) + 8;
	char *text = malloc(n);
	strcpy(text, head);
	strcat(text, quoted);
	strcat(text, "}]}]}");
	free(quoted);
	struct form *f;
	struct diag d;
	if (loader_load_buffer("expr.json", text, strlen(text), &f, &d) == 0) {
		struct walk_report rep;
		walk_run(f, 3, 7, &rep);
		walk_free(f, &rep);
		form_free(&f);
	}
	diag_free(&d);
	free(text);
	return 0;
}
