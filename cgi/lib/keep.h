/* A few values a worker keeps between requests (a checked session, a rendered
 * page): each under a key, with the data generation (gen.h) and the time it
 * was read at; given back only while the generation is the same and for at
 * most cache_seconds.  A full table gives up its oldest entry. */
#ifndef EGOV_KEEP_H
#define EGOV_KEEP_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define KEEP_SLOTS 8

struct keep_slot {
	void *key, *val;
	size_t keylen, len;
	uint64_t gen;
	time_t at;
};

struct keep {
	struct keep_slot s[KEEP_SLOTS];
};

/* The value under key if it is still good at generation gen and time now,
 * with its length in *len; NULL otherwise (a stale entry is dropped). */
const void *keep_get(struct keep *k, const void *key, size_t keylen, uint64_t gen, time_t now,
		     size_t *len);
/* Keeps copies of key and val, read at generation gen and time at; 0, or -1
 * when out of memory (nothing kept). */
int keep_put(struct keep *k, const void *key, size_t keylen, const void *val, size_t len, uint64_t gen,
	     time_t at);
/* Forgets everything (memory wiped: sessions hold tokens). */
void keep_clear(struct keep *k);

#endif
