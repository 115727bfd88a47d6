#include "render.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "log.h"

static HDF *lang_vi, *lang_en;

static void log_neoerr(const char *reqid, const char *what, NEOERR *err)
{
	STRING s;

	string_init(&s);
	nerr_error_string(err, &s);
	log_msg(reqid, "render: %s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

static HDF *load_lang(const char *code)
{
	char path[512];
	HDF *h = NULL;
	NEOERR *err;

	snprintf(path, sizeof path, "%s/lang/%s.hdf", config_get("templates", "templates"), code);
	err = hdf_init(&h);
	if (err == STATUS_OK)
		err = hdf_read_file(h, path);
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

void render_teardown(void)
{
	hdf_destroy(&lang_vi);
	hdf_destroy(&lang_en);
}

int render_begin(struct req *r)
{
	HDF *lang = (r->lang && strcmp(r->lang, "en") == 0) ? lang_en : lang_vi;
	NEOERR *err = hdf_init(&r->hdf);

	if (err == STATUS_OK)
		err = hdf_copy(r->hdf, "Lang", hdf_get_obj(lang, "Lang"));
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

int render_page(struct req *r)
{
	CSPARSE *cs = NULL;
	NEOERR *err;

	if (r->user.csrf[0])
		hset(r, "Page.csrf", r->user.csrf);
	if (r->authed) {
		hset(r, "User.name", r->user.name);
		hset(r, "User.login", r->user.login);
		hset(r, "User.unit", r->user.unit_name);
		hseti(r, "User.roles", r->user.roles);
	}
	err = cs_init(&cs, r->hdf);
	if (err == STATUS_OK)
		err = cs_parse_file(cs, r->tmpl);
	if (err == STATUS_OK)
		err = cs_render(cs, r, out_cb);
	cs_destroy(&cs);
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
