/*
 * fuzz_form: libFuzzer harness for the form loader. Any input must end in
 * a form or in positioned messages; a loaded form is also walked once, so
 * the engine meets whatever the loader let through.
 */
#include <stddef.h>
#include <stdint.h>

#include "form/loader.h"
#include "form/walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form *f;
	struct diag d;
	if (loader_load_buffer("fuzz.json", (const char *)data, size, &f, &d) == 0) {
		struct walk_report rep;
		walk_run(f, 2, 1, &rep);
		walk_free(f, &rep);
		form_free(&f);
	}
	diag_free(&d);
	return 0;
}
