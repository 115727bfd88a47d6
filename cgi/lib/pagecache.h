/* Rendered pages kept in the worker, for pages that people reload (the
 * dashboard's pages before a meeting, an officer's form).  An entry belongs
 * to one session (its user, roles, name and CSRF token are in the key, so no
 * one is ever served another's page), one path and query, one language and
 * one Hanoi day, and lives while the data generation (gen.h) has not moved
 * and for at most cache_seconds. */
#ifndef EGOV_PAGECACHE_H
#define EGOV_PAGECACHE_H
#include "req.h"

/* Called by a GET handler before it reads anything: 1 when r->out now holds
 * the page (the handler returns E_OK with no template); 0 when the handler
 * must build the page, which the request's end then keeps. */
int pagecache_serve(struct req *r);
/* Called by the request's end after a page rendered: keeps it when the
 * handler asked and the answer is a plain 200 page. */
void pagecache_keep(struct req *r);
/* Drops every entry (tests). */
void pagecache_clear(void);

#endif
