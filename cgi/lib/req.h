/* One request: what came in (validated), who asked, and the answer being
 * built.  Handlers receive it explicitly and return an enum err. */
#ifndef EGOV_REQ_H
#define EGOV_REQ_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <ClearSilver.h>

#include "buf.h"
#include "err.h"

/* Roles as bits, in the order of the app_user.roles SET (roles+0 in SQL). */
enum role {
	R_OFFICER = 1 << 0,
	R_UNIT_HEAD = 1 << 1,
	R_WG = 1 << 2,
	R_WG_LEAD = 1 << 3,
	R_DEPUTY = 1 << 4,
	R_HEAD = 1 << 5,
	R_ADMIN = 1 << 6,
	R_MEMBER = 1 << 7     /* a committee member (director of a department, chair of a district) */
};
#define R_ANY_USER 0xff

enum ftype {
	F_INT,    /* decimal integer within [min, max] */
	F_TEXT,   /* UTF-8 text of at most max characters, newlines allowed */
	F_LINE,   /* as F_TEXT, on one line */
	F_WORD    /* one of the words listed in choices ("save|submit") */
};

struct field {
	const char *name;
	enum ftype type;
	long long min, max;
	int required;
	const char *choices;
};

struct fval {
	int present;
	long long i;
	const char *s;
};

struct kv {
	char *key, *val;
	size_t vlen;
	char *filename, *ctype;  /* multipart file parts only */
};

#define FIELDS_MAX 16

struct user {
	long long id;
	char login[65];
	char name[256];
	long long unit_id;     /* 0: no unit */
	char unit_name[256];
	char unit_kind[16];
	unsigned roles;
	char csrf[65];
};

struct req;
typedef int (*handler_fn)(struct req *);

enum method { M_GET = 1, M_POST = 2 };

struct page {
	const char *path;       /* exact match on the request path */
	unsigned methods;
	handler_fn get, post;
	unsigned roles;         /* 0: public; else any of these roles */
	const struct field *fields;   /* query and form fields, NULL-terminated by name */
	size_t max_body;              /* 0: the program's limit */
};

struct app {
	const char *name;             /* "report": config keys, DB account, log */
	const struct page *pages;     /* terminated by path == NULL */
	const char *const *sql;
	int nstmts;
	size_t max_body;
};

struct io {
	int (*read)(void *ctx, char *buf, int n);
	int (*write)(void *ctx, const char *buf, int n);
	const char *(*getenv)(void *ctx, const char *name);
	void *ctx;
};

struct req {
	const struct app *app;
	const struct page *page;
	struct io io;
	char id[17];                  /* request id, shown on error pages */
	enum method method;
	int is_head;                  /* answer without a body */
	int nkv_query;                /* kv[0..nkv_query) came from the query string */
	long long refver;             /* reference data version seen by the session query */
	uint64_t gen;                 /* data generation when the request began (gen.h) */
	time_t started;
	char *cache_key;              /* pagecache.h: the page is to be kept under this key */
	char *path;
	const char *query_string;
	const char *cookie;
	int https;
	char *body;
	size_t body_len;
	struct kv *kv;                /* query then form pairs */
	int nkv;
	struct fval fv[FIELDS_MAX];   /* validated, indexed like page->fields */
	const char *bad_field;        /* which field failed validation */
	struct user user;
	int authed;
	const char *lang;             /* "vi" or "en" */
	HDF *hdf;
	/* the answer */
	int status;
	const char *tmpl;             /* template to render, or NULL */
	struct buf headers;
	struct buf out;
	const char *message;          /* message key for error pages */
	const char *content_type;     /* NULL: text/html; else r->out is sent as it is */
	int streaming;                /* headers sent by req_stream_begin: no r->out */
	int stream_cut;               /* the stream broke: end the connection, no normal end */
};

/* Raw access for fields not declared in the page table (one per indicator);
 * callers validate what they get. */
const char *req_param(struct req *r, const char *name);
/* Only from the POST body (tokens never travel in URLs). */
const char *req_body_param(struct req *r, const char *name);
const char *req_env(struct req *r, const char *name);
const char *req_cookie(struct req *r, const char *name, char *out, size_t outsz);
void req_header(struct req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void req_set_cookie(struct req *r, const char *name, const char *value, long max_age);
void req_redirect(struct req *r, const char *location);
/* Sends r->out as a download: Content-Disposition attachment with the name
 * made safe (ASCII fallback plus RFC 5987 UTF-8 form). */
void req_download(struct req *r, const char *content_type, const char *filename);

/* Streams a large download instead of buffering it in r->out: sends the
 * status and headers now (no Content-Length; Content-Disposition as in
 * req_download) and the handler then writes the body with req_write.  After
 * this, an error code from the handler can no longer become an error page:
 * it is logged and the connection is cut, so the client sees an incomplete
 * download rather than a complete-looking file.  HEAD: headers only,
 * req_write drops the bytes. */
int req_stream_begin(struct req *r, const char *content_type, const char *filename);
/* 0, or -1 when the client went away (the stream is then cut). */
int req_write(struct req *r, const char *buf, size_t n);

/* Parsing, exposed for tests and fuzzing. */
int form_parse_urlencoded(const char *s, size_t len, struct kv **kv, int *n);
int form_parse_multipart(const char *body, size_t len, const char *ctype, struct kv **kv, int *n);
void form_free(struct kv *kv, int n);
int form_validate(const struct field *fields, const struct kv *kv, int n,
		  struct fval *fv, const char **bad);

/* The worker's main loop: FastCGI when started by a FastCGI server, plain CGI
 * otherwise. */
int app_main(const struct app *app, int argc, char **argv);

#endif
