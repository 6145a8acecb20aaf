/*
 * jpos: where each cJSON node stands in the source text.
 *
 * cJSON keeps no positions, so after a successful parse jpos walks the text
 * and the tree side by side and records, for every node, the offset of its
 * value and (for object members) of its key. It also answers the nesting
 * depth check before parsing. The index borrows the nodes; free it with
 * jpos_free() before the tree.
 */
#ifndef FB_JPOS_H
#define FB_JPOS_H

#include <cjson/cJSON.h>
#include <stddef.h>

struct jpos_ent {
	const cJSON *node;
	size_t key, val;
};

struct jpos {
	struct jpos_ent *tab;
	size_t cap, n;
};

/* Build the index; -1 if text and tree disagree (never for cJSON's own output). */
__attribute__((warn_unused_result))
int jpos_build(struct jpos *jp, const char *text, size_t len, const cJSON *root);
/* Offset of a node's value, or 0 if unknown. */
size_t jpos_val(const struct jpos *jp, const cJSON *node);
/* Offset of an object member's key (its opening quote), else of its value. */
size_t jpos_key(const struct jpos *jp, const cJSON *node);
void jpos_free(struct jpos *jp);

/*
 * Scan raw JSON for nesting deeper than max_depth, outside strings.
 * Returns the offset of the first bracket too deep, or (size_t)-1.
 */
size_t jpos_too_deep(const char *text, size_t len, int max_depth);

#endif
