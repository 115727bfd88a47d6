#include "pagecache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "keep.h"

#define MAX_PAGE (512 * 1024)

static struct keep pages;

/* Everything the page's bytes depend on besides the data: who (render_page
 * puts the user's name, login, unit, roles and CSRF token on every page),
 * what was asked, in which language, on which day (overdue counts). */
static char *key_of(const struct req *r)
{
	char today[11], *k = NULL;
	const struct user *u = &r->user;

	hanoi_today(today, sizeof today);
	if (asprintf(&k, "%s?%s\n%s\n%s\n%lld\n%s\n%s\n%s\n%u\n%s\n%lld", r->path,
		     r->query_string ? r->query_string : "", r->lang ? r->lang : "", today, u->id,
		     u->login, u->name, u->unit_name, u->roles, u->csrf, r->refver) < 0)
		return NULL;
	return k;
}

int pagecache_serve(struct req *r)
{
	const void *body;
	size_t len;
	char *key;

	r->cache_key = NULL;
	if (r->gen == 0 || r->method != M_GET || !r->authed || (key = key_of(r)) == NULL)
		return 0;
	body = keep_get(&pages, key, strlen(key), r->gen, r->started, &len);
	if (body == NULL) {
		r->cache_key = key;
		return 0;
	}
	free(key);
	buf_reset(&r->out);
	buf_add(&r->out, body, len);
	r->tmpl = NULL;
	return 1;
}

void pagecache_keep(struct req *r)
{
	if (r->cache_key != NULL && r->status == 200 && r->content_type == NULL && r->headers.len == 0 &&
	    r->out.len > 0 && r->out.len <= MAX_PAGE)
		keep_put(&pages, r->cache_key, strlen(r->cache_key), r->out.p, r->out.len, r->gen, r->started);
	free(r->cache_key);
	r->cache_key = NULL;
}

void pagecache_clear(void)
{
	keep_clear(&pages);
}
