/*
 * jpos: a pointer-keyed hash table filled by a walk over the source text.
 */
#include "form/jpos.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

struct walker {
	const char *s;
	size_t len, i;
	struct jpos *jp;
};

static size_t slot_of(const struct jpos *jp, const cJSON *node)
{
	uintptr_t h = (uintptr_t)node;
	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 7) & (jp->cap - 1);
}

static void put(struct jpos *jp, const cJSON *node, size_t key, size_t val)
{
	if ((jp->n + 1) * 2 > jp->cap) {
		struct jpos_ent *old = jp->tab;
		size_t oldcap = jp->cap;
		jp->cap = oldcap ? oldcap * 2 : 256;
		jp->tab = xcalloc(jp->cap, sizeof *jp->tab);
		jp->n = 0;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].node)
				put(jp, old[i].node, old[i].key, old[i].val);
		free(old);
	}
	size_t i = slot_of(jp, node);
	while (jp->tab[i].node && jp->tab[i].node != node)
		i = (i + 1) & (jp->cap - 1);
	if (!jp->tab[i].node)
		jp->n++;
	jp->tab[i] = (struct jpos_ent){node, key, val};
}

static const struct jpos_ent *get(const struct jpos *jp, const cJSON *node)
{
	if (!jp->cap || !node)
		return NULL;
	size_t i = slot_of(jp, node);
	while (jp->tab[i].node) {
		if (jp->tab[i].node == node)
			return &jp->tab[i];
		i = (i + 1) & (jp->cap - 1);
	}
	return NULL;
}

static void skip_ws(struct walker *w)
{
	while (w->i < w->len && strchr(" \t\r\n", w->s[w->i]) && w->s[w->i])
		w->i++;
}

/* Skip a string token starting at its opening quote. */
static int skip_string(struct walker *w)
{
	if (w->i >= w->len || w->s[w->i] != '"')
		return -1;
	for (w->i++; w->i < w->len; w->i++) {
		if (w->s[w->i] == '\\')
			w->i++;
		else if (w->s[w->i] == '"') {
			w->i++;
			return 0;
		}
	}
	return -1;
}

static int walk_value(struct walker *w, const cJSON *node, size_t key);

/* Walk an object or array body; children in cJSON order match text order. */
static int walk_children(struct walker *w, const cJSON *node, int is_obj)
{
	w->i++; /* '{' or '[' */
	for (const cJSON *c = node->child; c; c = c->next) {
		skip_ws(w);
		size_t key = w->i;
		if (is_obj) {
			if (skip_string(w) < 0)
				return -1;
			skip_ws(w);
			if (w->i >= w->len || w->s[w->i] != ':')
				return -1;
			w->i++;
			skip_ws(w);
		}
		if (walk_value(w, c, key) < 0)
			return -1;
		skip_ws(w);
		if (w->i < w->len && w->s[w->i] == ',')
			w->i++;
	}
	skip_ws(w);
	if (w->i >= w->len)
		return -1;
	w->i++; /* '}' or ']' */
	return 0;
}

static int walk_value(struct walker *w, const cJSON *node, size_t key)
{
	skip_ws(w);
	put(w->jp, node, key, w->i);
	if (cJSON_IsObject(node))
		return walk_children(w, node, 1);
	if (cJSON_IsArray(node))
		return walk_children(w, node, 0);
	if (cJSON_IsString(node))
		return skip_string(w);
	while (w->i < w->len && !strchr(",]} \t\r\n", w->s[w->i]))
		w->i++;
	return 0;
}

int jpos_build(struct jpos *jp, const char *text, size_t len, const cJSON *root)
{
	memset(jp, 0, sizeof *jp);
	struct walker w = {text, len, 0, jp};
	return walk_value(&w, root, 0);
}

size_t jpos_val(const struct jpos *jp, const cJSON *node)
{
	const struct jpos_ent *e = get(jp, node);
	return e ? e->val : 0;
}

size_t jpos_key(const struct jpos *jp, const cJSON *node)
{
	const struct jpos_ent *e = get(jp, node);
	return e ? e->key : 0;
}

void jpos_free(struct jpos *jp)
{
	free(jp->tab);
	memset(jp, 0, sizeof *jp);
}

size_t jpos_too_deep(const char *text, size_t len, int max_depth)
{
	int depth = 0, in_str = 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"') {
			in_str = 1;
		} else if (c == '{' || c == '[') {
			if (++depth > max_depth)
				return i;
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return (size_t)-1;
}
