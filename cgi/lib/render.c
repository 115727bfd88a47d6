#include "render.h"

#include <glob.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"

static HDF *lang_vi, *lang_en;

/* Parsed templates, kept for the worker's life: parsing costs more than
 * rendering.  A template is parsed against a base HDF that holds only the
 * configuration (escaping mode, load path); each render points the parse at
 * the request's HDF and back. */
#define TCACHE_MAX 32
static struct {
	char *path;
	CSPARSE *cs;
	HDF *base;
} tcache[TCACHE_MAX];

static void log_neoerr(const char *reqid, const char *what, NEOERR *err)
{
	STRING s;

	string_init(&s);
	nerr_error_string(err, &s);
	log_msg(reqid, "render: %s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

/* lang/vi.hdf, then every lang/vi-*.hdf (one per page group) over it. */
static HDF *load_lang(const char *code)
{
	char path[512];
	HDF *h = NULL;
	NEOERR *err;
	glob_t g;

	snprintf(path, sizeof path, "%s/lang/%s.hdf", config_get("templates", "templates"), code);
	err = hdf_init(&h);
	if (err == STATUS_OK)
		err = hdf_read_file(h, path);
	snprintf(path, sizeof path, "%s/lang/%s-*.hdf", config_get("templates", "templates"), code);
	if (err == STATUS_OK && glob(path, 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc && err == STATUS_OK; i++)
			err = hdf_read_file(h, g.gl_pathv[i]);
		globfree(&g);
	}
	if (err != STATUS_OK) {
		log_neoerr(NULL, path, err);
		hdf_destroy(&h);
		return NULL;
	}
	return h;
}

int render_setup(void)
{
	nerr_init();
	lang_vi = load_lang("vi");
	lang_en = load_lang("en");
	return (lang_vi && lang_en) ? 0 : -1;
}

static void tcache_drop(int i)
{
	cs_destroy(&tcache[i].cs);
	hdf_destroy(&tcache[i].base);
	free(tcache[i].path);
	tcache[i].path = NULL;
}

void render_teardown(void)
{
	for (int i = 0; i < TCACHE_MAX; i++)
		if (tcache[i].path != NULL)
			tcache_drop(i);
	hdf_destroy(&lang_vi);
	hdf_destroy(&lang_en);
}

int render_begin(struct req *r)
{
	NEOERR *err = hdf_init(&r->hdf);

	/* escaping on by default; set before cs_init reads it */
	if (err == STATUS_OK)
		err = hdf_set_value(r->hdf, "Config.VarEscapeMode", "html");
	if (err == STATUS_OK)
		err = hdf_set_value(r->hdf, "hdf.loadpaths.0", config_get("templates", "templates"));
	if (err != STATUS_OK) {
		log_neoerr(r->id, "begin", err);
		return E_INTERNAL;
	}
	hset(r, "Page.lang", r->lang);
	hset(r, "Page.reqid", r->id);
	return E_OK;
}

void render_end(struct req *r)
{
	if (r->hdf != NULL)
		hdf_destroy(&r->hdf);
}

static NEOERR *out_cb(void *ctx, char *s)
{
	struct req *r = ctx;

	if (buf_adds(&r->out, s) != 0)
		return nerr_raise(NERR_NOMEM, "out of memory");
	return STATUS_OK;
}

static int tcache_get(const char *path, NEOERR **errp)
{
	int free_slot = -1;
	NEOERR *err;

	for (int i = 0; i < TCACHE_MAX; i++) {
		if (tcache[i].path != NULL && strcmp(tcache[i].path, path) == 0)
			return i;
		if (tcache[i].path == NULL && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0)
		tcache_drop(free_slot = TCACHE_MAX - 1);
	err = hdf_init(&tcache[free_slot].base);
	if (err == STATUS_OK)
		err = hdf_set_value(tcache[free_slot].base, "Config.VarEscapeMode", "html");
	if (err == STATUS_OK)
		err = hdf_set_value(tcache[free_slot].base, "hdf.loadpaths.0",
				    config_get("templates", "templates"));
	if (err == STATUS_OK)
		err = cs_init(&tcache[free_slot].cs, tcache[free_slot].base);
	/* url_escape() and js_escape() for links and script contexts */
	if (err == STATUS_OK)
		err = cgi_register_strfuncs(tcache[free_slot].cs);
	if (err == STATUS_OK)
		err = cs_parse_file(tcache[free_slot].cs, path);
	tcache[free_slot].path = strdup(path);
	if (err != STATUS_OK || tcache[free_slot].path == NULL) {
		tcache_drop(free_slot);
		*errp = err;
		return -1;
	}
	return free_slot;
}

int render_page(struct req *r)
{
	NEOERR *err = STATUS_OK;
	int t;

	if (r->user.csrf[0])
		hset(r, "Page.csrf", r->user.csrf);
	if (r->authed) {
		hset(r, "User.name", r->user.name);
		hset(r, "User.login", r->user.login);
		hset(r, "User.unit", r->user.unit_name);
		hseti(r, "User.roles", r->user.roles);
	}
	t = tcache_get(r->tmpl, &err);
	if (t >= 0) {
		/* Lang.* is found in the language file's HDF, shared, never copied */
		tcache[t].cs->hdf = r->hdf;
		tcache[t].cs->global_hdf = (r->lang && strcmp(r->lang, "en") == 0) ? lang_en : lang_vi;
		err = cs_render(tcache[t].cs, r, out_cb);
		tcache[t].cs->hdf = tcache[t].base;
		tcache[t].cs->global_hdf = NULL;
		/* a render that stopped half-way may leave locals behind: parse anew next time */
		if (err != STATUS_OK)
			tcache_drop(t);
	}
	if (err != STATUS_OK) {
		log_neoerr(r->id, r->tmpl, err);
		return E_INTERNAL;
	}
	return E_OK;
}

void hset(struct req *r, const char *name, const char *value)
{
	NEOERR *err = hdf_set_value(r->hdf, name, value ? value : "");

	if (err != STATUS_OK)
		log_neoerr(r->id, name, err);
}

void hseti(struct req *r, const char *name, long long v)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%lld", v);
	hset(r, name, tmp);
}

void hsetf(struct req *r, const char *value, const char *namefmt, ...)
{
	char name[256];
	va_list ap;

	va_start(ap, namefmt);
	vsnprintf(name, sizeof name, namefmt, ap);
	va_end(ap);
	hset(r, name, value);
}

void hsetfi(struct req *r, long long v, const char *namefmt, ...)
{
	char name[256];
	va_list ap;

	va_start(ap, namefmt);
	vsnprintf(name, sizeof name, namefmt, ap);
	va_end(ap);
	hseti(r, name, v);
}

HDF *hnode(struct req *r, const char *namefmt, ...)
{
	char name[256];
	va_list ap;
	HDF *node = NULL;
	NEOERR *err;

	va_start(ap, namefmt);
	vsnprintf(name, sizeof name, namefmt, ap);
	va_end(ap);
	err = hdf_get_node(r->hdf, name, &node);
	if (err != STATUS_OK) {
		log_neoerr(r->id, name, err);
		return NULL;
	}
	return node;
}

void nset(struct req *r, HDF *node, const char *name, const char *value)
{
	NEOERR *err;

	if (node == NULL)
		return;
	err = hdf_set_value(node, name, value ? value : "");
	if (err != STATUS_OK)
		log_neoerr(r->id, name, err);
}

void nseti(struct req *r, HDF *node, const char *name, long long v)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%lld", v);
	nset(r, node, name, tmp);
}
