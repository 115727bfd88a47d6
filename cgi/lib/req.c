/* The worker loop and the dispatcher: reads one request, finds its page,
 * validates, authenticates, calls the handler, and turns the returned error
 * code into the HTTP answer. */
#include <fcgiapp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "gen.h"
#include "log.h"
#include "pagecache.h"
#include "render.h"
#include "req.h"

const char *req_env(struct req *r, const char *name) { return r->io.getenv(r->io.ctx, name); }

const char *req_param(struct req *r, const char *name)
{
	const char *v = NULL;

	for (int i = 0; i < r->nkv; i++)
		if (strcmp(r->kv[i].key, name) == 0 && r->kv[i].filename == NULL)
			v = r->kv[i].val;
	return v;
}

const char *req_body_param(struct req *r, const char *name)
{
	const char *v = NULL;

	for (int i = r->nkv_query; i < r->nkv; i++)
		if (strcmp(r->kv[i].key, name) == 0 && r->kv[i].filename == NULL)
			v = r->kv[i].val;
	return v;
}

const char *req_cookie(struct req *r, const char *name, char *out, size_t outsz)
{
	size_t nl = strlen(name);
	const char *c = r->cookie;

	while (c != NULL && *c) {
		while (*c == ' ' || *c == ';')
			c++;
		if (strncmp(c, name, nl) == 0 && c[nl] == '=') {
			size_t vl = strcspn(c + nl + 1, ";");
			if (vl + 1 > outsz)
				return NULL;
			memcpy(out, c + nl + 1, vl);
			out[vl] = '\0';
			return out;
		}
		c = strchr(c, ';');
	}
	return NULL;
}

void req_header(struct req *r, const char *fmt, ...)
{
	char line[4096];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	/* header values never carry CR/LF: cut them rather than split a header */
	if (n > 0 && strpbrk(line, "\r\n") == NULL) {
		buf_adds(&r->headers, line);
		buf_adds(&r->headers, "\r\n");
	}
}

void req_set_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	char age[48] = "";

	if (max_age >= 0)
		snprintf(age, sizeof age, "; Max-Age=%ld", max_age);
	req_header(r, "Set-Cookie: %s=%s; Path=/; HttpOnly; SameSite=Strict%s%s", name, value,
		   r->https ? "; Secure" : "", age);
}

void req_redirect(struct req *r, const char *location)
{
	r->status = 303;
	r->tmpl = NULL;
	req_header(r, "Location: %s", location);
}

void req_download(struct req *r, const char *content_type, const char *filename)
{
	char ascii[256], enc[3000];
	size_t a = 0, e = 0;

	/* the ASCII fallback keeps letters, digits and . - _ ; the UTF-8 form is
	 * percent-encoded, so neither quotes, CR/LF nor paths survive */
	for (const unsigned char *p = (const unsigned char *)filename; *p; p++) {
		int safe = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			   (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '_';
		if (a + 1 < sizeof ascii)
			ascii[a++] = safe ? (char)*p : '_';
		if (e + 4 < sizeof enc)
			e += (size_t)(safe ? snprintf(enc + e, sizeof enc - e, "%c", *p)
					   : snprintf(enc + e, sizeof enc - e, "%%%02X", *p));
	}
	ascii[a] = '\0';
	enc[e] = '\0';
	r->tmpl = NULL;
	r->content_type = content_type;
	req_header(r, "Content-Disposition: attachment; filename=\"%s\"; filename*=UTF-8''%s",
		   a ? ascii : "download", e ? enc : "download");
}

/* ---- I/O: FastCGI streams or CGI stdio ---- */

static int fcgi_read(void *ctx, char *b, int n) { return FCGX_GetStr(b, n, ((FCGX_Request *)ctx)->in); }
static int fcgi_write(void *ctx, const char *b, int n)
{
	return FCGX_PutStr(b, n, ((FCGX_Request *)ctx)->out);
}
static const char *fcgi_getenv(void *ctx, const char *name)
{
	return FCGX_GetParam(name, ((FCGX_Request *)ctx)->envp);
}
static int cgi_read(void *ctx, char *b, int n)
{
	(void)ctx;
	return (int)fread(b, 1, (size_t)n, stdin);
}
static int cgi_write(void *ctx, const char *b, int n)
{
	(void)ctx;
	return (int)fwrite(b, 1, (size_t)n, stdout);
}
static const char *cgi_getenv(void *ctx, const char *name)
{
	(void)ctx;
	return getenv(name);
}

/* ---- the answer ---- */

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 422: return "Unprocessable Content";
	case 503: return "Service Unavailable";
	default: return "Internal Server Error";
	}
}

/* Status line and headers; Content-Length only for a buffered answer. */
static void head_of(struct req *r, struct buf *h, int with_length)
{
	buf_printf(h, "Status: %d %s\r\n", r->status, reason(r->status));
	buf_printf(h, "Content-Type: %s\r\n",
		   r->content_type ? r->content_type : "text/html; charset=utf-8");
	buf_adds(h, "Cache-Control: no-store\r\n"
		     "X-Content-Type-Options: nosniff\r\n"
		     "X-Frame-Options: DENY\r\n"
		     "Referrer-Policy: same-origin\r\n"
		     "Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; "
		     "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'\r\n");
	if (with_length)
		buf_printf(h, "Content-Length: %zu\r\n", r->out.len);
	if (r->headers.len)
		buf_add(h, r->headers.p, r->headers.len);
	buf_adds(h, "\r\n");
}

int req_stream_begin(struct req *r, const char *content_type, const char *filename)
{
	struct buf h;
	int n, len;

	req_download(r, content_type, filename);
	buf_init(&h);
	head_of(r, &h, 0);
	len = (int)h.len;
	n = r->io.write(r->io.ctx, h.p, len);
	r->streaming = 1;
	buf_free(&h);
	if (n != len) {
		r->stream_cut = 1;
		return E_INTERNAL;
	}
	return E_OK;
}

int req_write(struct req *r, const char *b, size_t n)
{
	if (r->stream_cut)
		return -1;
	if (r->is_head)
		return 0;
	while (n > 0) {
		int k = n > (1 << 20) ? (1 << 20) : (int)n;
		if (r->io.write(r->io.ctx, b, k) != k) {
			r->stream_cut = 1;
			return -1;
		}
		b += k;
		n -= (size_t)k;
	}
	return 0;
}

static void emit(struct req *r)
{
	struct buf h;

	buf_init(&h);
	head_of(r, &h, 1);
	r->io.write(r->io.ctx, h.p, (int)h.len);
	if (r->out.len && !r->is_head)
		r->io.write(r->io.ctx, r->out.p, (int)r->out.len);
	buf_free(&h);
}

static int status_of(int rc, const char **key)
{
	switch (rc) {
	case E_BADREQ: *key = "bad_request"; return 400;
	case E_UNAUTH: *key = "unauth"; return 401;
	case E_FORBIDDEN: *key = "forbidden"; return 403;
	case E_CSRF: *key = "csrf"; return 403;
	case E_NOTFOUND: *key = "not_found"; return 404;
	case E_METHOD: *key = "method"; return 405;
	case E_CONFLICT: *key = "conflict"; return 409;
	case E_TOOBIG: *key = "too_big"; return 413;
	case E_DBDOWN: *key = "db_down"; return 503;
	default: *key = "internal"; return 500;
	}
}

static void error_page(struct req *r, int rc)
{
	const char *key;

	r->status = status_of(rc, &key);
	r->content_type = NULL;
	if (r->message == NULL)
		r->message = key;
	buf_reset(&r->out);
	if (rc == E_DBDOWN)
		req_header(r, "Retry-After: 5");
	if (rc == E_METHOD)
		req_header(r, "Allow: %s%s", (r->page && (r->page->methods & M_GET)) ? "GET" : "POST",
			   (r->page && r->page->methods == (M_GET | M_POST)) ? ", POST" : "");
	if (r->hdf == NULL && render_begin(r) != E_OK)
		goto plain;
	hset(r, "Error.key", r->message);
	hseti(r, "Error.status", r->status);
	if (r->bad_field)
		hset(r, "Error.field", r->bad_field);
	r->tmpl = "error.cs";
	if (render_page(r) == E_OK)
		return;
plain:
	buf_reset(&r->out);
	buf_printf(&r->out, "<!doctype html><title>%d</title><p>%d %s. Error id: %s</p>\n",
		   r->status, r->status, reason(r->status), r->id);
}

/* ---- dispatch ---- */

static const struct page *find_page(const struct app *app, const char *path)
{
	for (const struct page *p = app->pages; p->path != NULL; p++)
		if (strcmp(p->path, path) == 0)
			return p;
	return NULL;
}

static int read_body(struct req *r)
{
	const char *cl = req_env(r, "CONTENT_LENGTH");
	const char *ct = req_env(r, "CONTENT_TYPE");
	char *end;
	unsigned long long len = 0;
	size_t got = 0;

	if (cl != NULL && *cl != '\0') {
		len = strtoull(cl, &end, 10);
		if (*end != '\0' || *cl == '-')
			return E_BADREQ;
	}
	if (len > (r->page->max_body ? r->page->max_body : r->app->max_body))
		return E_TOOBIG;
	if (len == 0)
		return E_OK;
	r->body = malloc((size_t)len + 1);
	if (r->body == NULL)
		return E_INTERNAL;
	while (got < len) {
		int n = r->io.read(r->io.ctx, r->body + got, (int)(len - got));
		if (n <= 0)
			return E_BADREQ;
		got += (size_t)n;
	}
	r->body[len] = '\0';
	r->body_len = (size_t)len;
	if (ct != NULL && strncasecmp(ct, "multipart/form-data", 19) == 0)
		return form_parse_multipart(r->body, r->body_len, ct, &r->kv, &r->nkv) == 0 ? E_OK
											   : E_BADREQ;
	if (ct == NULL || strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0)
		return form_parse_urlencoded(r->body, r->body_len, &r->kv, &r->nkv) == 0 ? E_OK
											  : E_BADREQ;
	return E_BADREQ;
}

static int dispatch(struct req *r)
{
	const char *m = req_env(r, "REQUEST_METHOD");
	const char *uri = req_env(r, "REQUEST_URI");
	handler_fn h;
	int rc;

	if (m == NULL || uri == NULL)
		return E_BADREQ;
	r->is_head = strcmp(m, "HEAD") == 0;
	if (strcmp(m, "GET") == 0 || r->is_head)
		r->method = M_GET;
	else if (strcmp(m, "POST") == 0)
		r->method = M_POST;
	r->path = strndup(uri, strcspn(uri, "?"));
	if (r->path == NULL)
		return E_INTERNAL;
	r->page = find_page(r->app, r->path);
	if (r->page == NULL)
		return E_NOTFOUND;
	if (r->method == 0 || !(r->page->methods & r->method))
		return E_METHOD;
	r->query_string = req_env(r, "QUERY_STRING");
	if (r->query_string && form_parse_urlencoded(r->query_string, strlen(r->query_string),
						      &r->kv, &r->nkv) != 0)
		return E_BADREQ;
	r->nkv_query = r->nkv;
	if (r->method == M_POST && (rc = read_body(r)) != E_OK)
		return rc;
	if ((rc = render_begin(r)) != E_OK)
		return rc;
	if (form_validate(r->page->fields, r->kv, r->nkv, r->fv, &r->bad_field) != 0)
		return E_BADREQ;
	if ((rc = db_ensure()) != E_OK)
		return rc;
	if (r->page->roles != 0) {
		if ((rc = auth_load(r)) != E_OK)
			return rc;
		if (!(r->user.roles & r->page->roles))
			return E_FORBIDDEN;
	} else {
		/* a public page may still know who is asking (e.g. "/") */
		rc = auth_load(r);
		if (rc == E_DBDOWN)
			return rc;
		if (!r->authed)
			auth_pre_token(r);
	}
	if (r->method == M_POST && !auth_csrf_ok(r))
		return E_CSRF;
	h = r->method == M_POST ? r->page->post : r->page->get;
	return h(r);
}

/* Returns 1 when a streamed answer broke and the connection must be cut. */
static int handle(const struct app *app, struct io *io)
{
	int cut;
	struct req r;
	int rc;

	memset(&r, 0, sizeof r);
	r.app = app;
	r.io = *io;
	r.status = 200;
	r.started = time(NULL);
	/* before anything is read: what is read after it may be newer, never older */
	r.gen = gen_now();
	buf_init(&r.headers);
	buf_init(&r.out);
	/* a form page is ~40 KiB: one allocation instead of a dozen doublings */
	buf_reserve(&r.out, 64 * 1024);
	random_hex(r.id, 8);
	{
		const char *https = req_env(&r, "HTTPS");
		char lang[8];
		r.https = https != NULL && strcasecmp(https, "on") == 0;
		r.cookie = req_env(&r, "HTTP_COOKIE");
		r.lang = config_get("lang", "vi");
		if (req_cookie(&r, "lang", lang, sizeof lang) != NULL)
			r.lang = strcmp(lang, "en") == 0 ? "en" : "vi";
	}
	rc = dispatch(&r);
	/* whatever a POST changed is committed by now: cached reads of every
	 * worker give way before the answer reaches the browser */
	if (r.method == M_POST)
		gen_bump();
	if (r.streaming) {
		/* the headers are out: no error page any more, only the log and a cut */
		if (rc != E_OK || r.stream_cut) {
			db_rollback();
			log_msg(r.id, "%s %s: streamed answer cut (error %d%s)", req_env(&r, "REQUEST_METHOD"),
				r.path ? r.path : "?", rc, r.stream_cut ? ", client gone" : "");
			r.stream_cut = 1;
		}
		goto done;
	}
	if (rc == E_OK && r.tmpl != NULL && (rc = render_page(&r)) == E_OK)
		pagecache_keep(&r);
	if (rc == E_UNAUTH && !auth_remote_mode() && r.method == M_GET) {
		req_redirect(&r, "/login");
	} else if (rc != E_OK) {
		db_rollback();
		if (rc == E_INTERNAL || rc == E_DUP || rc == E_DBDOWN)
			log_msg(r.id, "%s %s: error %d", req_env(&r, "REQUEST_METHOD"),
				r.path ? r.path : "?", rc);
		if (rc == E_UNAUTH && auth_remote_mode())
			req_header(&r, "WWW-Authenticate: Basic realm=\"egov\"");
		error_page(&r, rc);
	}
	if (r.status == 303)
		buf_reset(&r.out);
	emit(&r);
done:
	cut = r.stream_cut;
	free(r.cache_key);
	render_end(&r);
	form_free(r.kv, r.nkv);
	free(r.body);
	free(r.path);
	buf_free(&r.headers);
	buf_free(&r.out);
	return cut;
}

int app_main(const struct app *app, int argc, char **argv)
{
	const char *cfg = getenv("EGOV_CONFIG");
	struct io io;

	if (argc > 1)
		cfg = argv[1];
	if (cfg == NULL)
		cfg = "/etc/egov-progress/egov.conf";
	if (config_load(cfg) != 0)
		return 1;
	/* dates are shown in Vietnam's time whatever the server's zone */
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	log_open(app->name, config_get("log_file", NULL));
	if (auth_setup() != 0 || render_setup() != 0) {
		log_msg(NULL, "start-up failed (crypto or language files)");
		return 1;
	}
	if (db_setup(app->name, app->sql, app->nstmts) != E_OK)
		return 1;
	if (FCGX_IsCGI()) {
		io.read = cgi_read;
		io.write = cgi_write;
		io.getenv = cgi_getenv;
		io.ctx = NULL;
		handle(app, &io);
		fflush(stdout);
	} else {
		FCGX_Request fr;

		if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0)
			return 1;
		io.read = fcgi_read;
		io.write = fcgi_write;
		io.getenv = fcgi_getenv;
		io.ctx = &fr;
		while (FCGX_Accept_r(&fr) >= 0) {
			if (handle(app, &io)) {
				/* a broken stream: close without FCGI_END_REQUEST, so the
				 * web server aborts the response instead of ending it */
				FCGX_Free(&fr, 1);
				continue;
			}
			FCGX_Finish_r(&fr);
		}
	}
	db_shutdown();
	render_teardown();
	config_free();
	return 0;
}
