/* /export/raw.csv and /export/raw.xlsx?from=&to=[&kind=&pillar=&status=]:
 * the raw data of a range of periods (raw.c), audited before anything is
 * sent.  CSV streams as the rows come from the database; XLSX is written to
 * a temporary file (libxlsxwriter in constant-memory mode) and then copied
 * to the client in chunks, with its length known.
 * Statements: raw.c's. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/config.h"
#include "../lib/log.h"
#include "export.h"

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

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

int ui_raw_xlsx(struct req *r)
{
	struct raw_opts o;
	const char *dir = getenv("TMPDIR");
	char who[400], name[96], path[512], chunk[64 * 1024];
	long long n;
	off_t size;
	int rc, fd;
	ssize_t got;

	if ((rc = begin(r, &o, who, sizeof who, 1)) != E_OK)
		return rc;
	raw_filename(&o, name, sizeof name);
	if (r->is_head)
		return req_stream_begin(r, XLSX_TYPE, name);
	if ((rc = raw_audit(r, &o)) != E_OK)
		return rc;
	snprintf(path, sizeof path, "%s/egov-export-XXXXXX", dir ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0) {
		log_msg(r->id, "export: mkstemp %s failed", path);
		return E_INTERNAL;
	}
	close(fd);
	rc = raw_xlsx(&o, path, &n);
	/* read back through a descriptor opened before the name goes */
	fd = rc == E_OK ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	unlink(path);
	if (rc != E_OK)
		return rc;
	if (fd < 0 || (size = lseek(fd, 0, SEEK_END)) < 0 || lseek(fd, 0, SEEK_SET) != 0) {
		if (fd >= 0)
			close(fd);
		return E_INTERNAL;
	}
	req_header(r, "Content-Length: %lld", (long long)size);
	if ((rc = req_stream_begin(r, XLSX_TYPE, name)) != E_OK) {
		close(fd);
		return rc;
	}
	while ((got = read(fd, chunk, sizeof chunk)) > 0)
		if (req_write(r, chunk, (size_t)got) != 0)
			break;
	close(fd);
	return got == 0 && !r->stream_cut ? E_OK : E_INTERNAL;
}
