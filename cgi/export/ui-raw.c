/* /export/raw.csv and /export/raw.xlsx?from=&to=[&kind=&pillar=&status=]:
 * the raw data of a range of periods (raw.c), audited before anything is
 * sent.  CSV streams as the rows come from the database; XLSX is written to
 * a temporary file (libxlsxwriter in constant-memory mode) and then copied
 * to the client in chunks, with its length known.
 * Statements: raw.c's. */
#include <stdio.h>
#include <string.h>

#include "../lib/config.h"
#include "../lib/log.h"
#include "export.h"
#include "exportfile.h"

enum { F_FROM, F_TO, F_KIND, F_PILLAR, F_STATUS };
const struct field raw_fields[] = {
	{"from", F_INT, 1, 4294967295LL, 1, NULL},
	{"to", F_INT, 1, 4294967295LL, 1, NULL},
	{"kind", F_WORD, 0, 0, 0, "department|district|commune|other"},
	{"pillar", F_LINE, 0, 32, 0, NULL},
	{"status", F_WORD, 0, 0, 0, "final|submitted|accepted|draft|returned|all"},
	{NULL, 0, 0, 0, 0, NULL},
};

static int to_client(void *ctx, const char *b, size_t n) { return req_write(ctx, b, n); }

static int begin(struct req *r, struct raw_opts *o, char *who, size_t whosz, int xlsx)
{
	memset(o, 0, sizeof *o);
	o->from = r->fv[F_FROM].i;
	o->to = r->fv[F_TO].i;
	o->kind = r->fv[F_KIND].present ? r->fv[F_KIND].s : "";
	o->pillar = r->fv[F_PILLAR].present ? r->fv[F_PILLAR].s : "";
	o->status = r->fv[F_STATUS].present ? r->fv[F_STATUS].s : "final";
	o->xlsx = xlsx;
	o->lang = r->lang;
	snprintf(who, whosz, "%s (%s)", r->user.name, r->user.login);
	o->who = who;
	return raw_prepare(o);
}

int ui_raw_csv(struct req *r)
{
	struct raw_opts o;
	struct sink out = {to_client, r};
	char who[400], name[96];
	long long n;
	int rc;

	if ((rc = begin(r, &o, who, sizeof who, 0)) != E_OK)
		return rc;
	raw_filename(&o, name, sizeof name);
	if (r->is_head)
		return req_stream_begin(r, "text/csv; charset=utf-8", name);
	if ((rc = raw_audit(r, &o)) != E_OK)
		return rc;
	if ((rc = req_stream_begin(r, "text/csv; charset=utf-8", name)) != E_OK)
		return rc;
	rc = raw_csv(&o, &out, &n);
	if (rc == E_OK && n != o.rows)
		log_msg(r->id, "export: %lld rows counted, %lld written (figures changed meanwhile)", o.rows, n);
	return rc;
}

int ui_raw_xlsx(struct req *r)
{
	struct raw_opts o;
	char who[400], name[96], path[512];
	long long n;
	int rc;

	if ((rc = begin(r, &o, who, sizeof who, 1)) != E_OK)
		return rc;
	raw_filename(&o, name, sizeof name);
	if (r->is_head)
		return req_stream_begin(r, XLSX_TYPE, name);
	if ((rc = raw_audit(r, &o)) != E_OK || (rc = export_tmpfile(r, "export", path, sizeof path)) != E_OK)
		return rc;
	return export_send_tmpfile(r, path, raw_xlsx(&o, path, &n), XLSX_TYPE, name);
}
