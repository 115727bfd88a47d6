/* The data generation (gen.c) and the page cache built on it (pagecache.c):
 * what is kept is served back only to the same session, path, language and
 * generation, and never after cache_seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../cgi/lib/config.h"
#include "../../cgi/lib/gen.h"
#include "../../cgi/lib/keep.h"
#include "../../cgi/lib/pagecache.h"
#include "check.h"

static char dir[] = "/tmp/egov-unit-cache-XXXXXX";

static void load_conf(const char *counter, int seconds)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/egov.conf", dir);
	f = fopen(path, "w");
	if (f == NULL)
		return;
	fprintf(f, "cache_file = %s\ncache_seconds = %d\n", counter, seconds);
	fclose(f);
	config_free();
	gen_close();
	pagecache_clear();
	CHECK(config_load(path) == 0);
}

static void counter_file(const char *path)
{
	FILE *f = fopen(path, "w");

	if (f != NULL) {
		fwrite("\0\0\0\0\0\0\0\0", 1, 8, f);
		fclose(f);
	}
}

static void request(struct req *r, const char *csrf, const char *lang)
{
	buf_free(&r->out);
	free(r->cache_key);
	memset(r, 0, sizeof *r);
	r->method = M_GET;
	r->authed = 1;
	r->path = "/dashboard/";
	r->query_string = "period=7";
	r->lang = lang;
	r->status = 200;
	r->started = time(NULL);
	r->gen = gen_now();
	r->user.id = 5;
	snprintf(r->user.login, sizeof r->user.login, "pho.truongban");
	snprintf(r->user.name, sizeof r->user.name, "Phó Trưởng ban");
	snprintf(r->user.csrf, sizeof r->user.csrf, "%s", csrf);
	buf_init(&r->out);
	buf_init(&r->headers);
}

/* Renders "page" as the handler would when nothing was served. */
static int serve_or_render(struct req *r, const char *page)
{
	if (pagecache_serve(r))
		return 1;
	buf_adds(&r->out, page);
	pagecache_keep(r);
	return 0;
}

void test_cache(void)
{
	char counter[128], missing[128], conf[128];
	struct req r;
	uint64_t g;

	memset(&r, 0, sizeof r);
	if (mkdtemp(dir) == NULL) {
		CHECK(!"mkdtemp");
		return;
	}
	snprintf(counter, sizeof counter, "%s/generation", dir);
	snprintf(missing, sizeof missing, "%s/none", dir);
	snprintf(conf, sizeof conf, "%s/egov.conf", dir);
	counter_file(counter);

	/* no counter file: no generation, nothing kept */
	load_conf(missing, 10);
	CHECK(gen_now() == 0);
	request(&r, "aaaa", "vi");
	CHECK(serve_or_render(&r, "one") == 0);
	request(&r, "aaaa", "vi");
	CHECK(serve_or_render(&r, "two") == 0);
	CHECK(r.cache_key == NULL);

	/* cache_seconds = 0 turns it off even with the file */
	load_conf(counter, 0);
	CHECK(gen_now() == 0);

	/* the counter moves with every bump, across "processes" (mappings) */
	load_conf(counter, 10);
	g = gen_now();
	CHECK(g != 0);
	gen_bump();
	CHECK(gen_now() == g + 1);
	gen_close();
	CHECK(gen_now() == g + 1);   /* read back from the file */

	/* kept, then served back to the same session only */
	request(&r, "aaaa", "vi");
	CHECK(serve_or_render(&r, "page for aaaa") == 0);
	request(&r, "aaaa", "vi");
	CHECK(serve_or_render(&r, "not rendered") == 1);
	CHECK(r.out.len == strlen("page for aaaa") && memcmp(r.out.p, "page for aaaa", r.out.len) == 0);
	CHECK(r.tmpl == NULL);
	request(&r, "bbbb", "vi");           /* another session (token) */
	CHECK(serve_or_render(&r, "page for bbbb") == 0);
	request(&r, "aaaa", "en");           /* another language */
	CHECK(serve_or_render(&r, "english page") == 0);
	request(&r, "aaaa", "vi");
	r.user.roles = 1;                    /* roles changed since */
	CHECK(serve_or_render(&r, "other roles") == 0);
	request(&r, "aaaa", "vi");
	r.query_string = "period=8";         /* another period */
	CHECK(serve_or_render(&r, "period 8") == 0);
	request(&r, "bbbb", "vi");
	CHECK(serve_or_render(&r, "x") == 1);
	CHECK(r.out.len == strlen("page for bbbb"));

	/* a bump (a POST, a commit somewhere) and nothing old is served */
	gen_bump();
	request(&r, "bbbb", "vi");
	CHECK(serve_or_render(&r, "fresh bbbb") == 0);
	request(&r, "bbbb", "vi");
	CHECK(serve_or_render(&r, "x") == 1);
	CHECK(r.out.len == strlen("fresh bbbb"));

	/* never older than cache_seconds */
	request(&r, "cccc", "vi");
	r.started -= 10;
	CHECK(serve_or_render(&r, "kept 10 s ago") == 0);
	request(&r, "cccc", "vi");
	CHECK(serve_or_render(&r, "now") == 0);

	/* only plain 200 pages are kept, and only for a GET by someone logged in */
	request(&r, "dddd", "vi");
	r.status = 404;
	CHECK(serve_or_render(&r, "not found") == 0);
	request(&r, "dddd", "vi");
	CHECK(serve_or_render(&r, "found") == 0);
	request(&r, "eeee", "vi");
	r.method = M_POST;
	CHECK(serve_or_render(&r, "posted") == 0);
	CHECK(r.cache_key == NULL);
	request(&r, "eeee", "vi");
	r.authed = 0;
	CHECK(serve_or_render(&r, "anonymous") == 0);
	CHECK(r.cache_key == NULL);

	/* a full table gives up its oldest entry, and only that one */
	pagecache_clear();
	for (int i = 0; i <= KEEP_SLOTS; i++) {
		char tok[16];
		snprintf(tok, sizeof tok, "t%d", i);
		request(&r, tok, "vi");
		r.started -= KEEP_SLOTS - i;      /* t0 is the oldest */
		CHECK(serve_or_render(&r, tok) == 0);
	}
	request(&r, "t0", "vi");
	CHECK(serve_or_render(&r, "t0 again") == 0);   /* gone (and kept anew, evicting t1) */
	request(&r, "t2", "vi");
	CHECK(serve_or_render(&r, "x") == 1);
	CHECK(r.out.len == 2 && memcmp(r.out.p, "t2", 2) == 0);
	request(&r, "t8", "vi");
	CHECK(serve_or_render(&r, "x") == 1);

	buf_free(&r.out);
	free(r.cache_key);
	config_free();
	gen_close();
	pagecache_clear();
	unlink(counter);
	unlink(conf);
	rmdir(dir);
}
