/*
 * regen: parse an ERE into a small tree, then walk it with random choices.
 */
#include "form/regen.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/xmalloc.h"

enum kind { N_LIT, N_SET, N_CAT, N_ALT, N_REP };

struct node {
	enum kind kind;
	char lit[5];           /* N_LIT: one character, UTF-8 */
	uint8_t set[32];       /* N_SET: bitmap over bytes 0..255 */
	struct node **kids;    /* N_CAT, N_ALT, N_REP (one) */
	int nkids;
	int min, max;          /* N_REP */
};

struct parser {
	const char *s;
	int depth;
	bool bad;
};

static struct node *new_node(enum kind k)
{
	struct node *n = xcalloc(1, sizeof *n);
	n->kind = k;
	return n;
}

static void add_kid(struct node *n, struct node *k)
{
	n->kids = xreallocarray(n->kids, (size_t)n->nkids + 1, sizeof *n->kids);
	n->kids[n->nkids++] = k;
}

static void free_node(struct node *n)
{
	if (!n)
		return;
	for (int i = 0; i < n->nkids; i++)
		free_node(n->kids[i]);
	free(n->kids);
	free(n);
}

static void set_bit(struct node *n, int c)
{
	n->set[c >> 3] = (uint8_t)(n->set[c >> 3] | (1u << (c & 7)));
}

/* A [:class:] inside brackets. */
static void add_class(struct parser *p, struct node *n)
{
	static const struct { const char *name; int (*fn)(int); } classes[] = {
		{"digit", isdigit}, {"alpha", isalpha}, {"alnum", isalnum}, {"upper", isupper},
		{"lower", islower}, {"space", isspace}, {"punct", ispunct}, {"xdigit", isxdigit},
	};
	const char *end = strstr(p->s, ":]");
	if (!end) {
		p->bad = true;
		return;
	}
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strlen(classes[i].name) == (size_t)(end - p->s) &&
		    strncmp(p->s, classes[i].name, (size_t)(end - p->s)) == 0)
			for (int c = 32; c < 127; c++)
				if (classes[i].fn(c))
					set_bit(n, c);
	p->s = end + 2;
}

/* A bracket expression; p->s is just after '['. */
static struct node *parse_set(struct parser *p)
{
	struct node *n = new_node(N_SET);
	bool neg = *p->s == '^';
	if (neg)
		p->s++;
	bool first = true;
	while (*p->s && (*p->s != ']' || first)) {
		first = false;
		if (p->s[0] == '[' && p->s[1] == ':') {
			p->s += 2;
			add_class(p, n);
			continue;
		}
		int lo = (unsigned char)*p->s++;
		int hi = lo;
		if (p->s[0] == '-' && p->s[1] && p->s[1] != ']') {
			hi = (unsigned char)p->s[1];
			p->s += 2;
		}
		for (int c = lo; c <= hi; c++)
			set_bit(n, c);
	}
	if (*p->s != ']')
		p->bad = true;
	else
		p->s++;
	if (neg)
		for (int i = 0; i < 32; i++)
			n->set[i] = (uint8_t)~n->set[i];
	return n;
}

static struct node *parse_alt(struct parser *p);

static struct node *parse_atom(struct parser *p)
{
	unsigned char c = (unsigned char)*p->s;
	if (c == '(') {
		p->s++;
		struct node *n = parse_alt(p);
		if (*p->s == ')')
			p->s++;
		else
			p->bad = true;
		return n;
	}
	if (c == '[') {
		p->s++;
		return parse_set(p);
	}
	if (c == '.') {
		p->s++;
		struct node *n = new_node(N_SET);
		for (int k = 32; k < 127; k++)
			set_bit(n, k);
		return n;
	}
	if (c == '^' || c == '$') {
		p->s++;
		return new_node(N_CAT);
	}
	struct node *n = new_node(N_LIT);
	if (c == '\\' && p->s[1])
		p->s++;
	size_t len = 1;
	while (len < 4 && ((unsigned char)p->s[len] & 0xC0) == 0x80)
		len++;
	memcpy(n->lit, p->s, len);
	p->s += len;
	return n;
}

/* Quantifiers after an atom. */
static struct node *parse_repeat(struct parser *p)
{
	struct node *n = parse_atom(p);
	for (;;) {
		int min, max;
		char c = *p->s;
		if (c == '*' || c == '+' || c == '?') {
			min = c == '+' ? 1 : 0;
			max = c == '?' ? 1 : min + 8;
			p->s++;
		} else if (c == '{' && isdigit((unsigned char)p->s[1])) {
			char *end;
			min = (int)strtol(p->s + 1, &end, 10);
			max = min;
			if (*end == ',') {
				max = isdigit((unsigned char)end[1]) ? (int)strtol(end + 1, &end, 10)
				                                      : (end++, min + 8);
			}
			if (*end != '}' || min > 1000 || max > 1000 || max < min) {
				p->bad = true;
				return n;
			}
			p->s = end + 1;
		} else {
			return n;
		}
		struct node *r = new_node(N_REP);
		r->min = min;
		r->max = max;
		add_kid(r, n);
		n = r;
	}
}

static struct node *parse_cat(struct parser *p)
{
	struct node *n = new_node(N_CAT);
	while (*p->s && *p->s != '|' && *p->s != ')' && !p->bad)
		add_kid(n, parse_repeat(p));
	return n;
}

static struct node *parse_alt(struct parser *p)
{
	if (++p->depth > 32) {
		p->bad = true;
		return new_node(N_CAT);
	}
	struct node *n = new_node(N_ALT);
	add_kid(n, parse_cat(p));
	while (*p->s == '|' && !p->bad) {
		p->s++;
		add_kid(n, parse_cat(p));
	}
	p->depth--;
	return n;
}

/* Emit a random string for the tree. */
static void gen(const struct node *n, struct rng *rng, struct sbuf *out, int maxlen)
{
	if ((int)out->len > maxlen * 4)
		return;
	switch (n->kind) {
	case N_LIT:
		sbuf_adds(out, n->lit);
		break;
	case N_SET: {
		int cand[256], k = 0;
		for (int c = 32; c < 127; c++)
			if (n->set[c >> 3] & (1u << (c & 7)))
				cand[k++] = c;
		if (k)
			sbuf_addc(out, (char)cand[rng_below(rng, (uint64_t)k)]);
		break;
	}
	case N_CAT:
		for (int i = 0; i < n->nkids; i++)
			gen(n->kids[i], rng, out, maxlen);
		break;
	case N_ALT:
		gen(n->kids[rng_below(rng, (uint64_t)n->nkids)], rng, out, maxlen);
		break;
	case N_REP: {
		int times = (int)rng_range(rng, n->min, n->max);
		for (int i = 0; i < times; i++)
			gen(n->kids[0], rng, out, maxlen);
		break;
	}
	}
}

char *regen_sample(const char *pattern, struct rng *rng, int maxlen)
{
	struct parser p = {pattern, 0, false};
	struct node *root = parse_alt(&p);
	if (*p.s)
		p.bad = true;
	char *res = NULL;
	if (!p.bad) {
		struct sbuf out = {0};
		gen(root, rng, &out, maxlen);
		res = sbuf_take(&out);
	}
	free_node(root);
	return res;
}
