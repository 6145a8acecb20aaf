/*
 * rng: a small seedable pseudo-random generator (xoshiro256**) for random
 * walks and simulations, where runs must be repeatable from a seed. Not for
 * keys or nonces: those come from libsodium's randombytes.
 */
#ifndef FB_RNG_H
#define FB_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform integer in [0, n); n > 0. */
uint64_t rng_below(struct rng *r, uint64_t n);
/* Uniform integer in [lo, hi]; lo <= hi. */
int64_t rng_range(struct rng *r, int64_t lo, int64_t hi);
/* Uniform double in [0, 1). */
double rng_unit(struct rng *r);
/* True with probability percent/100. */
int rng_chance(struct rng *r, unsigned percent);

#endif
