/* /export/ranking: the choice (a period or a year); /export/ranking.xlsx
 * (a sheet per kind of unit, then the formula and metadata) and
 * /export/ranking.csv (one kind per file): the units' ranking of
 * cgi/lib/ranking.c, audited before anything is sent; the command line
 * (cli.c) writes the same files.  The files are small (one row per unit):
 * built whole, then sent with their length.
 * Statements: periods and years for the choice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "../lib/audit.h"
#include "../lib/buf.h"
#include "../lib/csv.h"
#include "../lib/db.h"
#include "../lib/log.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "export.h"
#include "exportfile.h"

enum { RH_PERIODS, RH_YEARS };
static const char *const sql[] = {
	/* RH_PERIODS: those the aggregation has scored first */
	"SELECT p.id, p.kind, p.year, p.seq FROM period p ORDER BY p.year DESC, p.cutoff_end DESC, p.kind",
	/* RH_YEARS */
	"SELECT DISTINCT year FROM period WHERE kind = 'Q' ORDER BY year DESC",
};
static struct stmt_table tab = STMT_TABLE(sql);

const struct field rank_home_fields[] = {
	{NULL, 0, 0, 0, 0, NULL},
};

enum { RF_PERIOD, RF_YEAR, RF_KIND };
const struct field rank_file_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{"year", F_INT, 2000, 2100, 0, NULL},
	{"kind", F_WORD, 0, 0, 0, "district|department"},
	{NULL, 0, 0, 0, 0, NULL},
};

static const char *const rank_kinds[2] = {"district", "department"};

static int en(const struct rank_opts *o) { return o->lang != NULL && strcmp(o->lang, "en") == 0; }

static const char *L(const struct rank_opts *o, const char *key) { return ranking_lang(o->lang, key); }

/* ---- the files ---- */

int rank_prepare(struct rank_opts *o)
{
	int rc;

	o->nlists = 0;
	if ((o->period > 0) == (o->year > 0))
		return E_BADREQ;      /* a period or a year, not both */
	if (o->kind == NULL || *o->kind == '\0')
		o->kind = "district";
	if (strcmp(o->kind, "district") != 0 && strcmp(o->kind, "department") != 0)
		return E_BADREQ;
	ranking_weights(&o->w);
	for (int k = 0; k < 2; k++) {
		if (!o->xlsx && strcmp(rank_kinds[k], o->kind) != 0)
			continue;
		rc = ranking_load(o->period, o->year, rank_kinds[k], o->lang, &o->w, &o->list[o->nlists]);
		if (rc != E_OK) {
			rank_done(o);
			return rc;
		}
		o->nlists++;
	}
	return E_OK;
}

void rank_done(struct rank_opts *o)
{
	for (int i = 0; i < o->nlists; i++)
		ranking_free(&o->list[i]);
	o->nlists = 0;
}

int rank_audit(struct req *r, const struct rank_opts *o)
{
	char what[512];
	int units = 0;

	for (int i = 0; i < o->nlists; i++)
		units += o->list[i].n;
	snprintf(what, sizeof what, "format=%s %s=%lld (%s) kind=%s units=%d weights=%d/%d/%d/%d%s%s",
		 o->xlsx ? "xlsx" : "csv", o->period > 0 ? "period" : "year",
		 o->period > 0 ? o->period : (long long)o->year, o->nlists ? o->list[0].label : "",
		 o->xlsx ? "all" : o->kind, units, o->w.w[RK_IND], o->w.w[RK_TIME], o->w.w[RK_DIR],
		 o->w.w[RK_PLAN], r->user.id == 0 ? " by=" : "", r->user.id == 0 ? (o->who ? o->who : "cli") : "");
	return audit(r, "export", "export", "ranking", NULL, what, NULL);
}

void rank_filename(const struct rank_opts *o, char *out, size_t outsz)
{
	char base[48];

	if (o->period > 0)
		snprintf(base, sizeof base, "xep-hang-ky-%lld", o->period);
	else
		snprintf(base, sizeof base, "xep-hang-nam-%d", o->year);
	if (o->xlsx)
		snprintf(out, outsz, "%s.xlsx", base);
	else
		snprintf(out, outsz, "%s-%s.csv", base, o->kind);
}

static const char *header(const struct rank_opts *o, int col)
{
	char key[48];

	snprintf(key, sizeof key, "Col.%s", ranking_col_keys[col]);
	return L(o, key);
}

int rank_csv(const struct rank_opts *o, const struct sink *out)
{
	const struct rk_list *l = &o->list[0];
	struct buf b;
	char tmp[64];
	int num, rc = E_OK;

	if (o->nlists != 1)
		return E_INTERNAL;
	buf_init(&b);
	buf_add(&b, "\xEF\xBB\xBF", 3);
	for (int c = 0; c < RC_N; c++)
		csv_put(&b, header(o, c), c == 0);
	buf_add(&b, "\r\n", 2);
	for (int i = 0; i < l->n; i++) {
		for (int c = 0; c < RC_N; c++)
			csv_put(&b, ranking_cell(&l->u[i], c, en(o), tmp, sizeof tmp, &num), c == 0);
		buf_add(&b, "\r\n", 2);
	}
	if (out->write(out->ctx, b.p, b.len) != 0)
		rc = E_INTERNAL;
	buf_free(&b);
	return rc;
}

static int write_sheet(const struct rank_opts *o, lxw_workbook *wb, lxw_format *bold, const struct rk_list *l)
{
	char key[48], tmp[64];
	lxw_worksheet *ws;
	int num, bad = 0;

	snprintf(key, sizeof key, "Kind.%s", l->kind);
	if ((ws = workbook_add_worksheet(wb, L(o, key))) == NULL)
		return -1;
	worksheet_set_column(ws, RC_NAME, RC_NAME, 40, NULL);
	worksheet_set_column(ws, RC_IND, RC_COMBINED, 14, NULL);
	for (int c = 0; c < RC_N; c++)
		bad |= worksheet_write_string(ws, 0, (lxw_col_t)c, header(o, c), bold) != LXW_NO_ERROR;
	worksheet_freeze_panes(ws, 1, 0);
	for (int i = 0; i < l->n && !bad; i++) {
		for (int c = 0; c < RC_N; c++) {
			const char *s = ranking_cell(&l->u[i], c, en(o), tmp, sizeof tmp, &num);
			lxw_row_t row = (lxw_row_t)(i + 1);
			/* the text of a number is its shortest exact form: strtod gives the same double */
			if (num)
				bad |= worksheet_write_number(ws, row, (lxw_col_t)c, strtod(s, NULL), NULL) != LXW_NO_ERROR;
			else if (*s)
				bad |= worksheet_write_string(ws, row, (lxw_col_t)c, s, NULL) != LXW_NO_ERROR;
		}
	}
	return bad ? -1 : 0;
}

static void meta(lxw_worksheet *ws, lxw_format *bold, lxw_row_t row, const char *k, const char *v)
{
	worksheet_write_string(ws, row, 0, k, bold);
	if (v != NULL && *v)
		worksheet_write_string(ws, row, 1, v, NULL);
}

static int write_meta(const struct rank_opts *o, lxw_workbook *wb, lxw_format *bold, lxw_format *wrap)
{
	const struct rk_list *l = &o->list[0];
	lxw_worksheet *ws = workbook_add_worksheet(wb, L(o, "sheet_formula"));
	char formula[4096], when[32], dates[40], weights[48], periods[16];
	time_t now = time(NULL);
	struct tm tm;
	lxw_row_t i = 0;

	if (ws == NULL || ranking_formula(L(o, "formula"), &o->w, formula, sizeof formula) != 0)
		return -1;
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%d/%m/%Y %H:%M", &tm);
	snprintf(dates, sizeof dates, "%.2s/%.2s/%.4s – %.2s/%.2s/%.4s", l->from + 8, l->from + 5, l->from,
		 l->to + 8, l->to + 5, l->to);
	snprintf(weights, sizeof weights, "%d / %d / %d / %d", o->w.w[RK_IND], o->w.w[RK_TIME],
		 o->w.w[RK_DIR], o->w.w[RK_PLAN]);
	snprintf(periods, sizeof periods, "%d", l->periods);
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 100, wrap);
	meta(ws, bold, i++, L(o, "Meta.export"), L(o, "Meta.export_name"));
	meta(ws, bold, i++, L(o, "Meta.formula"), formula);
	meta(ws, bold, i++, L(o, "Meta.range"), l->label);
	meta(ws, bold, i++, L(o, "Meta.dates"), dates);
	meta(ws, bold, i++, L(o, "Meta.periods"), periods);
	meta(ws, bold, i++, L(o, "Meta.weights"), weights);
	meta(ws, bold, i++, L(o, "Meta.statuses"), L(o, "statuses"));
	meta(ws, bold, i++, L(o, "Meta.at"), when);
	meta(ws, bold, i++, L(o, "Meta.by"), o->who ? o->who : "");
	meta(ws, bold, i++, L(o, "Meta.numbers"), L(o, "Meta.numbers_text"));
	return 0;
}

int rank_xlsx(const struct rank_opts *o, const char *path)
{
	lxw_workbook *wb = export_workbook(path, LXW_FALSE);
	lxw_format *bold, *wrap;
	lxw_error le;
	int rc = E_OK;

	if (wb == NULL)
		return E_INTERNAL;
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	for (int i = 0; i < o->nlists && rc == E_OK; i++)
		if (write_sheet(o, wb, bold, &o->list[i]) != 0)
			rc = E_INTERNAL;
	if (rc == E_OK && (o->nlists == 0 || write_meta(o, wb, bold, wrap) != 0))
		rc = E_INTERNAL;
	le = workbook_close(wb);
	if (rc == E_OK && le != LXW_NO_ERROR) {
		log_msg(NULL, "export: xlsx: %s", lxw_strerror(le));
		rc = E_INTERNAL;
	}
	return rc;
}

/* ---- pages ---- */

int ui_rank_home(struct req *r)
{
	struct dbres res;
	char formula[4096];
	int rc;

	r->tmpl = "export/ranking.cs";
	if ((rc = db_tab_exec(&tab, RH_PERIODS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Rank.periods.%u", i);
		char label[64];

		period_label(dbres_get(&res, i, 1)[0], (int)dbres_int(&res, i, 2), (int)dbres_int(&res, i, 3),
			     r->lang, label, sizeof label);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "label", label);
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, RH_YEARS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++)
		hsetf(r, dbres_get(&res, i, 0), "Rank.years.%u", i);
	dbres_free(&res);
	if (ranking_formula_text(r->lang, formula, sizeof formula) == 0)
		hset(r, "Rank.formula", formula);
	return E_OK;
}

static int to_client(void *ctx, const char *b, size_t n) { return req_write(ctx, b, n); }

static int begin(struct req *r, struct rank_opts *o, char *who, size_t whosz, int xlsx)
{
	memset(o, 0, sizeof *o);
	o->period = r->fv[RF_PERIOD].present ? r->fv[RF_PERIOD].i : 0;
	o->year = r->fv[RF_YEAR].present ? (int)r->fv[RF_YEAR].i : 0;
	o->kind = r->fv[RF_KIND].present ? r->fv[RF_KIND].s : "district";
	o->xlsx = xlsx;
	o->lang = r->lang;
	snprintf(who, whosz, "%s (%s)", r->user.name, r->user.login);
	o->who = who;
	if (o->period == 0 && o->year == 0)
		r->bad_field = "period";
	return rank_prepare(o);
}

int ui_rank_csv(struct req *r)
{
	struct rank_opts o;
	struct sink out = {to_client, r};
	char who[400], name[96];
	int rc;

	if ((rc = begin(r, &o, who, sizeof who, 0)) != E_OK)
		return rc;
	rank_filename(&o, name, sizeof name);
	if (r->is_head)
		rc = req_stream_begin(r, "text/csv; charset=utf-8", name);
	else if ((rc = rank_audit(r, &o)) == E_OK &&
		 (rc = req_stream_begin(r, "text/csv; charset=utf-8", name)) == E_OK)
		rc = rank_csv(&o, &out);
	rank_done(&o);
	return rc;
}

int ui_rank_xlsx(struct req *r)
{
	struct rank_opts o;
	char who[400], name[96], path[512];
	int rc;

	if ((rc = begin(r, &o, who, sizeof who, 1)) != E_OK)
		return rc;
	rank_filename(&o, name, sizeof name);
	if (r->is_head) {
		rank_done(&o);
		return req_stream_begin(r, XLSX_TYPE, name);
	}
	if ((rc = rank_audit(r, &o)) != E_OK || (rc = export_tmpfile(r, "ranking", path, sizeof path)) != E_OK) {
		rank_done(&o);
		return rc;
	}
	rc = rank_xlsx(&o, path);
	rank_done(&o);
	return export_send_tmpfile(r, path, rc, XLSX_TYPE, name);
}
