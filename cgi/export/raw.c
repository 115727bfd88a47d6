/* The raw data export: every figure of a range of periods in long form, one
 * row per unit x indicator x period, filterable by unit kind, pillar and
 * submission status (default: submitted and accepted, the statuses the
 * aggregation counts).
 *
 * Full precision: a number is the DECIMAL(20,6) exactly as MariaDB sends it
 * as text ("12.345678", "5.000000"), never through a double, in CSV.  In
 * XLSX a number is written as a number cell only when its double, printed
 * with 15 significant digits (what a spreadsheet keeps and shows), reads
 * back as the very same decimal; otherwise (more than 15 significant digits)
 * it is written as text, so that no figure is silently rounded.  Text
 * figures are text; "not applicable" is its own column (1/0), the value then
 * empty.
 *
 * Times: stored in UTC, shown in Asia/Ho_Chi_Minh as UTC+7 by arithmetic
 * (Vietnam has kept +07:00 without summer time since 1975; CONVERT_TZ would
 * leave dates past 2038 unconverted).
 *
 * Memory stays flat: rows come one at a time (db_tab_stream, no stored
 * result), CSV leaves in chunks of 256 KiB, XLSX is written by libxlsxwriter
 * in constant_memory mode (each row flushed as the next begins; strings
 * inline, no shared string table).  An XLSX sheet holds at most 1,048,576
 * rows: the data continue on "Dữ liệu (2)", "(3)"...; the metadata sheet
 * comes last.
 * Statements: periods, pillar check, count, rows. */
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
#include "export.h"
#include "exportfile.h"

enum { RS_PERIODS, RS_PILLAR, RS_COUNT, RS_ROWS };

/* parameters of both: to, from, statuses, kind, kind, pillar, pillar */
#define RAW_FROM \
	"FROM period pf JOIN period pt ON pt.id = ? " \
	"JOIN period p ON p.kind = pf.kind AND p.cutoff_end BETWEEN pf.cutoff_end AND pt.cutoff_end " \
	"JOIN submission s ON s.period_id = p.id JOIN unit u ON u.id = s.unit_id " \
	"JOIN figure f ON f.submission_id = s.id JOIN indicator i ON i.id = f.indicator_id "
#define RAW_WHERE \
	"WHERE pf.id = ? AND FIND_IN_SET(s.status, ?) AND (? = '' OR u.kind = ?) " \
	"AND (? = '' OR i.pillar = ?) "

static const char *const sql[] = {
	/* RS_PERIODS */
	"SELECT id, kind, year, seq, DATE_FORMAT(cutoff_start, '%d/%m/%Y'), "
	"DATE_FORMAT(cutoff_end, '%d/%m/%Y'), cutoff_end FROM period WHERE id IN (?, ?)",
	/* RS_PILLAR */
	"SELECT code FROM pillar WHERE code = ?",
	/* RS_COUNT */
	"SELECT COUNT(*) " RAW_FROM RAW_WHERE,
	/* RS_ROWS */
	"SELECT p.kind, p.year, p.seq, DATE_FORMAT(p.cutoff_start, '%d/%m/%Y'), "
	"DATE_FORMAT(p.cutoff_end, '%d/%m/%Y'), u.code, u.name, u.name_en, u.kind, "
	"i.code, i.name, i.name_en, i.pillar, pl.name, pl.name_en, i.vtype, "
	"f.num_value, f.text_value, f.not_applicable, i.uom, f.note, s.status, su.display_name, "
	"DATE_FORMAT(s.submitted_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i') "
	RAW_FROM "JOIN pillar pl ON pl.code = i.pillar LEFT JOIN app_user su ON su.id = s.submitted_by "
	RAW_WHERE "ORDER BY p.cutoff_end, p.id, u.code, pl.sort, i.sort, i.code",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* the columns of RS_ROWS */
enum { C_PKIND, C_PYEAR, C_PSEQ, C_CSTART, C_CEND, C_UCODE, C_UNAME, C_UNAME_EN, C_UKIND,
       C_ICODE, C_INAME, C_INAME_EN, C_PILLAR, C_PLNAME, C_PLNAME_EN, C_VTYPE, C_NUM, C_TEXT,
       C_NA, C_UOM, C_NOTE, C_STATUS, C_BY, C_AT, C_COUNT };

#define NCOLS 17
static const char *const head_vi[NCOLS] = {
	"Kỳ báo cáo", "Đầu kỳ số liệu", "Cuối kỳ số liệu", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị",
	"Mã chỉ tiêu", "Tên chỉ tiêu", "Mã trụ cột", "Trụ cột", "Giá trị", "Không áp dụng",
	"Đơn vị tính", "Ghi chú", "Trạng thái", "Người gửi", "Thời điểm gửi",
};
static const char *const head_en[NCOLS] = {
	"Period", "Cut-off start", "Cut-off end", "Unit code", "Unit", "Unit kind",
	"Indicator code", "Indicator", "Pillar code", "Pillar", "Value", "Not applicable",
	"Unit of measure", "Note", "Status", "Submitted by", "Submitted at",
};

static int en(const struct raw_opts *o) { return o->lang != NULL && strcmp(o->lang, "en") == 0; }

static const char *const kinds[] = {"department", "district", "commune", "other", NULL};

static int valid_kind(const char *k)
{
	if (*k == '\0')
		return 1;
	for (int i = 0; kinds[i]; i++)
		if (strcmp(k, kinds[i]) == 0)
			return 1;
	return 0;
}

static void params(const struct raw_opts *o, struct dbparam *p)
{
	memset(p, 0, sizeof(struct dbparam) * 7);
	p[0] = (struct dbparam){'i', o->to, 0, NULL, 0};
	p[1] = (struct dbparam){'i', o->from, 0, NULL, 0};
	p[2] = (struct dbparam){'s', 0, 0, o->statuses, 0};
	p[3] = (struct dbparam){'s', 0, 0, o->kind, 0};
	p[4] = (struct dbparam){'s', 0, 0, o->kind, 0};
	p[5] = (struct dbparam){'s', 0, 0, o->pillar, 0};
	p[6] = (struct dbparam){'s', 0, 0, o->pillar, 0};
}

int raw_prepare(struct raw_opts *o)
{
	struct dbres res;
	struct dbparam p[7];
	const char *fk = NULL, *tk = NULL, *fend = NULL, *tend = NULL;
	int rc;

	if (o->kind == NULL)
		o->kind = "";
	if (o->pillar == NULL)
		o->pillar = "";
	if (o->status == NULL || *o->status == '\0' || strcmp(o->status, "final") == 0)
		snprintf(o->statuses, sizeof o->statuses, "submitted,accepted");
	else if (strcmp(o->status, "all") == 0)
		snprintf(o->statuses, sizeof o->statuses, "draft,submitted,returned,accepted");
	else if (strcmp(o->status, "draft") == 0 || strcmp(o->status, "submitted") == 0 ||
		 strcmp(o->status, "returned") == 0 || strcmp(o->status, "accepted") == 0)
		snprintf(o->statuses, sizeof o->statuses, "%s", o->status);
	else
		return E_BADREQ;
	if (!valid_kind(o->kind) || strlen(o->pillar) > 32)
		return E_BADREQ;

	if ((rc = db_tab_exec(&tab, RS_PERIODS, &res, "ii", o->from, o->to)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		long long id = dbres_int(&res, i, 0);
		char label[64], window[32];

		period_label(dbres_get(&res, i, 1)[0], (int)dbres_int(&res, i, 2), (int)dbres_int(&res, i, 3),
			     o->lang, label, sizeof label);
		snprintf(window, sizeof window, "%s", dbres_get(&res, i, 4));
		if (id == o->from) {
			fk = dbres_get(&res, i, 1);
			fend = dbres_get(&res, i, 6);
			snprintf(o->from_label, sizeof o->from_label, "%s", label);
			snprintf(o->from_window, sizeof o->from_window, "%s", window);
		}
		if (id == o->to) {
			tk = dbres_get(&res, i, 1);
			tend = dbres_get(&res, i, 6);
			snprintf(o->to_label, sizeof o->to_label, "%s", label);
			snprintf(o->to_window, sizeof o->to_window, "%s", dbres_get(&res, i, 5));
		}
	}
	rc = E_OK;
	if (fk == NULL || tk == NULL)
		rc = E_NOTFOUND;
	else if (strcmp(fk, tk) != 0 || strcmp(fend, tend) > 0)
		rc = E_BADREQ;    /* periods of one kind, the first one first */
	dbres_free(&res);
	if (rc != E_OK)
		return rc;

	if (*o->pillar) {
		if ((rc = db_tab_exec(&tab, RS_PILLAR, &res, "s", o->pillar)) != E_OK)
			return rc;
		rc = res.nrows == 1 ? E_OK : E_BADREQ;
		dbres_free(&res);
		if (rc != E_OK)
			return rc;
	}
	params(o, p);
	if ((rc = db_tab_execv(&tab, RS_COUNT, &res, p, 7)) != E_OK)
		return rc;
	o->rows = dbres_int(&res, 0, 0);
	dbres_free(&res);
	return E_OK;
}

int raw_audit(struct req *r, const struct raw_opts *o)
{
	char what[512];

	snprintf(what, sizeof what,
		 "format=%s from=%lld (%s) to=%lld (%s) kind=%s pillar=%s status=%s rows=%lld%s%s",
		 o->xlsx ? "xlsx" : "csv", o->from, o->from_label, o->to, o->to_label,
		 *o->kind ? o->kind : "all", *o->pillar ? o->pillar : "all", o->statuses, o->rows,
		 r->user.id == 0 ? " by=" : "", r->user.id == 0 ? (o->who ? o->who : "cli") : "");
	return audit(r, "export", "export", "raw", NULL, what, NULL);
}

void raw_filename(const struct raw_opts *o, char *out, size_t outsz)
{
	snprintf(out, outsz, "du-lieu-tho-%lld-%lld.%s", o->from, o->to, o->xlsx ? "xlsx" : "csv");
}

/* a row's text cells as shown, in the reader's language */
struct shown {
	char period[64];
	const char *v[NCOLS];
};

static void show(const struct raw_opts *o, char **c, struct shown *s)
{
	int e = en(o);

	period_label(c[C_PKIND][0], atoi(c[C_PYEAR]), atoi(c[C_PSEQ]), o->lang, s->period, sizeof s->period);
	s->v[0] = s->period;
	s->v[1] = c[C_CSTART];
	s->v[2] = c[C_CEND];
	s->v[3] = c[C_UCODE];
	s->v[4] = e && c[C_UNAME_EN] && *c[C_UNAME_EN] ? c[C_UNAME_EN] : c[C_UNAME];
	s->v[5] = c[C_UKIND];
	s->v[6] = c[C_ICODE];
	s->v[7] = e && c[C_INAME_EN] && *c[C_INAME_EN] ? c[C_INAME_EN] : c[C_INAME];
	s->v[8] = c[C_PILLAR];
	s->v[9] = e && c[C_PLNAME_EN] && *c[C_PLNAME_EN] ? c[C_PLNAME_EN] : c[C_PLNAME];
	s->v[10] = NULL;   /* the value: by the caller */
	s->v[11] = c[C_NA] && strcmp(c[C_NA], "0") != 0 ? "1" : "0";
	s->v[12] = c[C_UOM];
	s->v[13] = c[C_NOTE];
	s->v[14] = c[C_STATUS];
	s->v[15] = c[C_BY];
	s->v[16] = c[C_AT];
}

/* ---- CSV ---- */

#define CHUNK (256 * 1024)

struct csvctx {
	const struct raw_opts *o;
	const struct sink *out;
	struct buf b;
	long long rows;
};

static int flush(struct csvctx *x)
{
	if (x->b.len == 0)
		return 0;
	if (x->out->write(x->out->ctx, x->b.p, x->b.len) != 0)
		return -1;
	buf_reset(&x->b);
	return 0;
}

static int csv_row(void *ctx, char **c, const unsigned long *len, unsigned n)
{
	struct csvctx *x = ctx;
	struct shown s;

	(void)len;
	if (n != C_COUNT)
		return E_INTERNAL;
	show(x->o, c, &s);
	for (int k = 0; k < NCOLS; k++) {
		if (k == 10 && c[C_NUM] != NULL) {
			/* a DECIMAL as sent: digits, a dot, a sign: no quoting, no neutralising */
			buf_add(&x->b, ",", 1);
			buf_adds(&x->b, c[C_NUM]);
		} else {
			csv_put(&x->b, k == 10 ? c[C_TEXT] : s.v[k], k == 0);
		}
	}
	buf_add(&x->b, "\r\n", 2);
	x->rows++;
	if (x->b.len >= CHUNK && flush(x) != 0)
		return E_INTERNAL;
	return 0;
}

int raw_csv(const struct raw_opts *o, const struct sink *out, long long *written)
{
	struct csvctx x = {o, out, {0}, 0};
	struct dbparam p[7];
	const char *const *head = en(o) ? head_en : head_vi;
	int rc;

	buf_init(&x.b);
	buf_reserve(&x.b, CHUNK + 64 * 1024);
	buf_add(&x.b, "\xEF\xBB\xBF", 3);
	for (int k = 0; k < NCOLS; k++)
		csv_put(&x.b, head[k], k == 0);
	buf_add(&x.b, "\r\n", 2);
	params(o, p);
	rc = db_tab_stream(&tab, RS_ROWS, p, 7, csv_row, &x);
	if (rc == E_OK && flush(&x) != 0)
		rc = E_INTERNAL;
	buf_free(&x.b);
	*written = x.rows;
	return rc;
}

/* ---- XLSX ---- */

#define SHEET_ROWS 1048576

struct xctx {
	const struct raw_opts *o;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold;
	int sheets;
	lxw_row_t row;             /* next row of the current sheet */
	long long rows;
	int failed;
};

static int new_sheet(struct xctx *x)
{
	const char *const *head = en(x->o) ? head_en : head_vi;
	const char *base = en(x->o) ? "Data" : "Dữ liệu";
	char name[32];
	static const double width[NCOLS] = {14, 12, 12, 12, 36, 11, 12, 48, 10, 28, 14, 8, 14, 30, 11, 24, 16};

	x->sheets++;
	if (x->sheets == 1)
		snprintf(name, sizeof name, "%s", base);
	else
		snprintf(name, sizeof name, "%s (%d)", base, x->sheets);
	x->ws = workbook_add_worksheet(x->wb, name);
	if (x->ws == NULL)
		return -1;
	for (int k = 0; k < NCOLS; k++)
		worksheet_set_column(x->ws, (lxw_col_t)k, (lxw_col_t)k, width[k], NULL);
	for (int k = 0; k < NCOLS; k++)
		if (worksheet_write_string(x->ws, 0, (lxw_col_t)k, head[k], x->bold) != LXW_NO_ERROR)
			return -1;
	worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
	return 0;
}

static int put_text(struct xctx *x, int k, const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	return worksheet_write_string(x->ws, x->row, (lxw_col_t)k, s, NULL) == LXW_NO_ERROR ? 0 : -1;
}

static int xlsx_row(void *ctx, char **c, const unsigned long *len, unsigned n)
{
	struct xctx *x = ctx;
	struct shown s;
	int bad = 0;
	double d;

	(void)len;
	if (n != C_COUNT)
		return E_INTERNAL;
	if (x->row >= SHEET_ROWS && new_sheet(x) != 0)
		return E_INTERNAL;
	show(x->o, c, &s);
	for (int k = 0; k < NCOLS && !bad; k++) {
		if (k == 10) {
			if (c[C_NUM] != NULL && export_exact_double(c[C_NUM], &d))
				bad = worksheet_write_number(x->ws, x->row, 10, d, NULL) != LXW_NO_ERROR;
			else
				bad = put_text(x, k, c[C_NUM] ? c[C_NUM] : c[C_TEXT]);
		} else if (k == 11) {
			bad = worksheet_write_number(x->ws, x->row, 11, s.v[11][0] == '1', NULL) != LXW_NO_ERROR;
		} else {
			bad = put_text(x, k, s.v[k]);
		}
	}
	if (bad)
		return E_INTERNAL;
	x->row++;
	x->rows++;
	return 0;
}

static void meta_row(struct xctx *x, lxw_worksheet *ws, lxw_row_t row, const char *k, const char *v)
{
	worksheet_write_string(ws, row, 0, k, x->bold);
	if (v != NULL && *v)
		worksheet_write_string(ws, row, 1, v, NULL);
}

static int write_meta(struct xctx *x)
{
	const struct raw_opts *o = x->o;
	int e = en(o);
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, e ? "Metadata" : "Thông tin");
	char range[160], window[80], when[32], rows[32], sheets[16];
	time_t now = time(NULL);
	struct tm tm;
	lxw_row_t i = 0;

	if (ws == NULL)
		return -1;
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%d/%m/%Y %H:%M", &tm);
	snprintf(range, sizeof range, "%s – %s", o->from_label, o->to_label);
	snprintf(window, sizeof window, "%s – %s", o->from_window, o->to_window);
	snprintf(rows, sizeof rows, "%lld", x->rows);
	snprintf(sheets, sizeof sheets, "%d", x->sheets);
	worksheet_set_column(ws, 0, 0, 28, NULL);
	worksheet_set_column(ws, 1, 1, 60, NULL);
	meta_row(x, ws, i++, e ? "Export" : "Bảng xuất", e ? "Raw data" : "Dữ liệu thô");
	meta_row(x, ws, i++, e ? "Periods" : "Kỳ báo cáo", range);
	meta_row(x, ws, i++, e ? "Data cut-off window" : "Thời gian chốt số liệu", window);
	meta_row(x, ws, i++, e ? "Unit kind" : "Loại đơn vị", *o->kind ? o->kind : (e ? "all" : "tất cả"));
	meta_row(x, ws, i++, e ? "Pillar" : "Trụ cột", *o->pillar ? o->pillar : (e ? "all" : "tất cả"));
	meta_row(x, ws, i++, e ? "Statuses counted" : "Trạng thái được tính", o->statuses);
	meta_row(x, ws, i++, e ? "Exported at (Asia/Ho_Chi_Minh)" : "Thời điểm xuất (giờ Việt Nam)", when);
	meta_row(x, ws, i++, e ? "Exported by" : "Người xuất", o->who ? o->who : "");
	meta_row(x, ws, i++, e ? "Rows" : "Số dòng", rows);
	meta_row(x, ws, i++, e ? "Data sheets" : "Số trang dữ liệu", sheets);
	meta_row(x, ws, i++, e ? "Numbers" : "Số liệu",
		 e ? "full precision; a figure with more than 15 significant digits is kept as text"
		   : "giữ nguyên độ chính xác; số có hơn 15 chữ số có nghĩa được ghi dạng văn bản");
	return 0;
}

int raw_xlsx(const struct raw_opts *o, const char *path, long long *written)
{
	struct xctx x;
	struct dbparam p[7];
	lxw_error le;
	int rc;

	memset(&x, 0, sizeof x);
	x.o = o;
	if ((x.wb = export_workbook(path, LXW_TRUE)) == NULL)
		return E_INTERNAL;
	x.bold = workbook_add_format(x.wb);
	format_set_bold(x.bold);
	if (new_sheet(&x) != 0) {
		workbook_close(x.wb);
		return E_INTERNAL;
	}
	params(o, p);
	rc = db_tab_stream(&tab, RS_ROWS, p, 7, xlsx_row, &x);
	if (rc == E_OK && write_meta(&x) != 0)
		rc = E_INTERNAL;
	le = workbook_close(x.wb);
	if (rc == E_OK && le != LXW_NO_ERROR) {
		log_msg(NULL, "export: xlsx: %s", lxw_strerror(le));
		rc = E_INTERNAL;
	}
	*written = x.rows;
	return rc;
}
