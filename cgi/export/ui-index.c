/* /export/index: the choices of the per-index export (a GET form: index
 * version and either a period or a year), and the downloads
 * /export/index.xlsx, /export/index.zip (CSV per sheet) and
 * /export/index.json?version=CODE&period=ID|year=YYYY.
 * A download is audited before anything is written, then built into a
 * temporary file (index.c) and copied to the client with its length known.
 * Statements: versions, periods with aggregated data, years. */
#include <stdio.h>
#include <string.h>

#include "../lib/db.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "export.h"
#include "exportfile.h"

enum { US_VERSIONS, US_PERIODS, US_YEARS };
static const char *const sql[] = {
	/* US_VERSIONS */
	"SELECT v.code, v.name, n.code, v.year_from, COALESCE(v.year_to, 0), v.verified "
	"FROM index_version v JOIN nat_index n ON n.code = v.index_code "
	"ORDER BY n.sort, n.code, v.year_from DESC, v.code",
	/* US_PERIODS: what can be exported with figures; others would be empty */
	"SELECT p.id, p.kind, p.year, p.seq, DATE_FORMAT(p.cutoff_start, '%d/%m/%Y'), "
	"DATE_FORMAT(p.cutoff_end, '%d/%m/%Y') FROM period p "
	"WHERE EXISTS (SELECT 1 FROM agg_value a WHERE a.period_id = p.id) "
	"ORDER BY p.cutoff_end DESC, p.kind, p.id",
	/* US_YEARS */
	"SELECT DISTINCT p.year FROM period p "
	"WHERE p.kind = 'Q' AND EXISTS (SELECT 1 FROM agg_value a WHERE a.period_id = p.id) "
	"ORDER BY p.year DESC",
};
static struct stmt_table tab = STMT_TABLE(sql);

const struct field ix_home_fields[] = {
	{NULL, 0, 0, 0, 0, NULL},
};

enum { F_VERSION, F_PERIOD, F_YEAR };
const struct field ix_file_fields[] = {
	{"version", F_LINE, 1, 32, 1, NULL},
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{"year", F_INT, 2000, 2200, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

int ui_index(struct req *r)
{
	struct dbres res;
	int rc;

	if ((rc = db_tab_exec(&tab, US_VERSIONS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Ix.versions.%u", i);
		nset(r, n, "code", dbres_get(&res, i, 0));
		nset(r, n, "name", dbres_get(&res, i, 1));
		nset(r, n, "index", dbres_get(&res, i, 2));
		nset(r, n, "from", dbres_get(&res, i, 3));
		if (dbres_int(&res, i, 4) > 0)
			nset(r, n, "to", dbres_get(&res, i, 4));
		nseti(r, n, "verified", dbres_int(&res, i, 5));
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, US_PERIODS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Ix.periods.%u", i);
		char label[64];

		period_label(dbres_get(&res, i, 1)[0], (int)dbres_int(&res, i, 2), (int)dbres_int(&res, i, 3),
			     r->lang, label, sizeof label);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "label", label);
		nset(r, n, "from", dbres_get(&res, i, 4));
		nset(r, n, "to", dbres_get(&res, i, 5));
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, US_YEARS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++)
		hsetf(r, dbres_get(&res, i, 0), "Ix.years.%u", i);
	dbres_free(&res);
	r->tmpl = "export/index.cs";
	return E_OK;
}

static int download(struct req *r, enum ix_format format)
{
	struct ix_opts o;
	char who[400], name[96], path[512];
	int rc;

	memset(&o, 0, sizeof o);
	o.version = r->fv[F_VERSION].s;
	o.period = r->fv[F_PERIOD].present ? r->fv[F_PERIOD].i : 0;
	o.year = r->fv[F_YEAR].present ? (int)r->fv[F_YEAR].i : 0;
	o.format = format;
	o.lang = r->lang;
	snprintf(who, sizeof who, "%s (%s)", r->user.name, r->user.login);
	o.who = who;
	if ((rc = ix_prepare(&o)) != E_OK) {
		/* the error page says which choice was wrong */
		if (rc == E_NOTFOUND)
			r->message = o.missing;
		else if (rc == E_BADREQ)
			r->message = "index_choice";
		return rc;
	}
	ix_filename(&o, name, sizeof name);
	if (r->is_head)
		return req_stream_begin(r, ix_content_type(format), name);
	if ((rc = ix_audit(r, &o)) != E_OK || (rc = export_tmpfile(r, "index", path, sizeof path)) != E_OK)
		return rc;
	return export_send_tmpfile(r, path, ix_write(&o, path), ix_content_type(format), name);
}

int ui_index_xlsx(struct req *r) { return download(r, IX_XLSX); }
int ui_index_zip(struct req *r) { return download(r, IX_ZIP); }
int ui_index_json(struct req *r) { return download(r, IX_JSON); }
