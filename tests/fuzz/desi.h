/*
 * desi: the bundled DESI questionnaire, loaded once per fuzzing process,
 * for the harnesses that read answers against a real form.
 */
#ifndef FB_FUZZ_DESI_H
#define FB_FUZZ_DESI_H

#include <stdlib.h>

#include "form/loader.h"

static struct form *desi(void)
{
	static struct form *f;
	if (!f) {
		struct diag d;
		if (loader_load_file(FORMS_DIR "/desi-kommunen-2016.json", &f, &d) < 0)
			abort();
		diag_free(&d);
	}
	return f;
}

#endif
