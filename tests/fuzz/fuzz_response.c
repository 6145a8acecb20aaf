/*
 * fuzz_response: libFuzzer harness for the response JSON (the plaintext of
 * every stored response, and what `import` reads). Whatever parses must
 * serialise, and the serialisation must parse back to itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form/engine.h"
#include "desi.h"
#include "form/response.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 18)
		return 0;
	struct form *f = desi();
	struct response *r;
	char err[300];
	if (response_from_json(f, (const char *)data, size, &r, err, sizeof err) < 0)
		return 0;
	struct engine e;
	engine_init(&e, f, r);
	engine_free(&e);
	char *once = response_to_json(r);
	response_free(&r);
	if (response_from_json(f, once, strlen(once), &r, err, sizeof err) < 0)
		abort(); /* what we write we must read */
	char *twice = response_to_json(r);
	if (strcmp(once, twice) != 0)
		abort(); /* and it must not change on the way */
	free(once);
	free(twice);
	response_free(&r);
	return 0;
}
