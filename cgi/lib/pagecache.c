#include "pagecache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "gen.h"

#define SLOTS 8
#define MAX_PAGE (512 * 1024)

struct slot {
	char *key;
	char *body;
	size_t len;
	uint64_t gen;
	time_t at;
};

static struct slot slots[SLOTS];

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

static void drop(struct slot *s)
{
	free(s->key);
	free(s->body);
	memset(s, 0, sizeof *s);
}

static int fresh(const struct slot *s, uint64_t gen, time_t now)
{
	return s->gen == gen && now >= s->at && now - s->at < gen_max_age();
}

int pagecache_serve(struct req *r)
{
	uint64_t gen = r->gen;
	time_t now = time(NULL);
	char *key;

	r->cache_key = NULL;
	if (gen == 0 || r->method != M_GET || !r->authed)
		return 0;
	key = key_of(r);
	if (key == NULL)
		return 0;
	for (int i = 0; i < SLOTS; i++) {
		struct slot *s = &slots[i];
		if (s->key == NULL || strcmp(s->key, key) != 0)
			continue;
		if (!fresh(s, gen, now)) {
			drop(s);
			break;
		}
		free(key);
		buf_reset(&r->out);
		buf_add(&r->out, s->body, s->len);
		r->tmpl = NULL;
		return 1;
	}
	r->cache_key = key;
	return 0;
}

void pagecache_keep(struct req *r)
{
	struct slot *s = NULL;
	char *body;

	if (r->cache_key == NULL)
		return;
	if (r->status != 200 || r->content_type != NULL || r->headers.len != 0 || r->out.len == 0 ||
	    r->out.len > MAX_PAGE || (body = malloc(r->out.len)) == NULL) {
		free(r->cache_key);
		r->cache_key = NULL;
		return;
	}
	memcpy(body, r->out.p, r->out.len);
	/* a free slot, else the oldest */
	for (int i = 0; i < SLOTS; i++) {
		if (slots[i].key == NULL) {
			s = &slots[i];
			break;
		}
		if (s == NULL || slots[i].at < s->at)
			s = &slots[i];
	}
	drop(s);
	s->key = r->cache_key;
	s->body = body;
	s->len = r->out.len;
	s->gen = r->gen;
	s->at = r->started;
	r->cache_key = NULL;
}

void pagecache_clear(void)
{
	for (int i = 0; i < SLOTS; i++)
		drop(&slots[i]);
}
