/*
 * fuzz_import: libFuzzer harness for `fragebogen import` of CSV: the CSV
 * reader (separator detection, quotes, line ends), the mapping of header
 * names to the DESI form's variables, and every row turned into a
 * response and checked against the form, as the command does.
 */
#include <stdint.h>
#include <stdlib.h>

#include "form/csvin.h"
#include "form/engine.h"
#include "desi.h"
#include "util/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 16)
		return 0;
	struct form *f = desi();
	struct csv c;
	char msg[300];
	if (csv_parse((const char *)data, size, &c, msg, sizeof msg) < 0)
		return 0;
	struct csvin_col *cols = NULL;
	if (c.n > 0 && csvin_columns(f, c.rows[0].f, c.rows[0].n, &cols, msg, sizeof msg) == 0) {
		for (int i = 1; i < c.n; i++) {
			struct response *r;
			if (c.rows[i].n != c.rows[0].n) /* reported by the command, as here */
				continue;
			if (csvin_row(f, cols, c.rows[i].f, c.rows[i].n, 0, &r, msg, sizeof msg) < 0)
				continue;
			struct engine e;
			engine_init(&e, f, r);
			(void)csvin_validate(&e, msg, sizeof msg);
			engine_free(&e);
			response_free(&r);
		}
	}
	free(cols);
	csv_free(&c);
	return 0;
}
