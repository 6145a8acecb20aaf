/*
 * tabjson: a data dictionary (export/table) as JSON, the form in which it
 * travels inside export bundles.
 *
 * Ownership: tabjson_write returns a cJSON object the caller deletes with
 * cJSON_Delete; tabjson_read fills a table the caller frees with
 * table_free (on failure it is left empty).
 * Errors: tabjson_read returns 0, or -1 with a German message in err.
 */
#ifndef FB_TABJSON_H
#define FB_TABJSON_H

#include <stddef.h>

#include "export/table.h"

/* The dictionary as a cJSON object. Never fails. */
void *tabjson_write(const struct table *t);

/* A dictionary from JSON read from outside: checked field by field. */
__attribute__((warn_unused_result))
int tabjson_read(const void *json, struct table *t, char *err, size_t errlen);

#endif
