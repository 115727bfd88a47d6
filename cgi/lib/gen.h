/* The data generation: one counter shared by every program of the
 * installation through a small memory-mapped file (config key cache_file).
 * Whatever changes data moves it: every POST answered by a web program, every
 * commit, every admin command.  A worker may keep what it read from the
 * database (a session, a rendered page) only while the counter stays where it
 * was when it read it, and never longer than cache_seconds: so a logout or a
 * submitted form reaches every worker's next request without a database round
 * trip for the check.  Writers outside the programs (SQL typed by hand) are
 * covered by cache_seconds alone, or by `egov-admin cache-flush`.
 * Without the file (not configured, not readable) nothing is ever cached. */
#ifndef EGOV_GEN_H
#define EGOV_GEN_H
#include <stdint.h>

/* The current generation; 0 when there is no shared counter (no caching). */
uint64_t gen_now(void);
/* Moves the counter on (nothing when there is no shared counter). */
void gen_bump(void);
/* How long a cached read may be kept, in seconds (0: caching off). */
int gen_max_age(void);
/* Forgets the mapping; the next call maps the file again (tests). */
void gen_close(void);

#endif
