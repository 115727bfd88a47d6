/* GET /export/template.xlsx?period=ID[&unit=CODE]: a unit's form as an XLSX
 * template to fill in offline and import on the form page (egov-report's
 * /report/import).  An officer gets the own unit's form (the unit comes from
 * the session; a unit= naming another unit is refused); the working group
 * names the unit.  One row per indicator the period asks of the unit's kind,
 * in the form's order, with last period's figure and the current draft's
 * figures prefilled; only the input cells are unlocked.  The layout is in
 * template.h, shared with the import.  Audited like every export.
 * Statements: the unit, the form's head, the figures. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "../lib/audit.h"
#include "../lib/db.h"
#include "../lib/indicator.h"
#include "../lib/log.h"
#include "../lib/period.h"
#include "../lib/refdata.h"
#include "export.h"
#include "exportfile.h"

const struct field template_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 1, NULL},
	{"unit", F_LINE, 1, 32, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { TF_PERIOD, TF_UNIT };

static const char *const sql[] = {
#define T_UNIT_CODE 0
	"SELECT id, code, name, kind FROM unit WHERE code = ?",
#define T_UNIT_ID 1
	"SELECT id, code, name, kind FROM unit WHERE id = ?",
#define T_HEAD 2
	/* the period if the unit existed in it, its form, and the form of the
	 * period before (same kind), as the form page finds them */
	"SELECT p.kind, p.year, p.seq, COALESCE(s.id, 0), COALESCE(s.version, 0), s.problems, "
	"s.proposals, COALESCE(ps.id, 0) FROM period p JOIN unit u ON u.id = ? "
	"LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id "
	"LEFT JOIN submission ps ON ps.unit_id = u.id AND ps.period_id = (SELECT q.id FROM period q "
	"WHERE q.kind = p.kind AND (q.year < p.year OR (q.year = p.year AND q.seq < p.seq)) "
	"ORDER BY q.year DESC, q.seq DESC LIMIT 1) "
	"WHERE p.id = ? AND p.cutoff_end >= u.valid_from "
	"AND (u.valid_to IS NULL OR p.cutoff_start <= u.valid_to)",
#define T_FIGURES 3
	"SELECT submission_id, indicator_id, num_value, text_value, not_applicable, note "
	"FROM figure WHERE submission_id IN (?, ?)",
};
static struct stmt_table tab = STMT_TABLE(sql);

#define FIRST_ROW 9      /* the column headings; indicator rows follow */

struct tpl {
	long long unit_id, period_id, sub_id, version, prev_id;
	const char *unit_code, *unit_name, *unit_kind;
	char label[64];
	int kind, year, seq;
	const char *problems, *proposals;
	const struct refdata *rd;
	struct dbres unit, head, fig;
};

struct fmts {
	lxw_format *title, *bold, *head, *wrap, *input, *input_text, *group, *key;
};

/* One figure of a submission, or NULL. */
static unsigned find_fig(const struct tpl *t, long long sub, long long ind)
{
	for (unsigned i = 0; sub != 0 && i < t->fig.nrows; i++)
		if (dbres_int(&t->fig, i, 0) == sub && dbres_int(&t->fig, i, 1) == ind)
			return i + 1;
	return 0;
}

static int numeric(const char *vtype)
{
	return strcmp(vtype, "text") != 0 && strcmp(vtype, "date") != 0;
}

/* A stored figure into a cell: a number cell when 15 significant digits keep
 * it exactly (what a spreadsheet holds), else text, so nothing is rounded. */
static void put_value(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *vtype,
		      const char *num, const char *text, lxw_format *f)
{
	char c[64], back[80], g[40];
	const char *dot;
	double d;

	if (num != NULL) {
		canon_decimal(num, c, sizeof c);
		if (strcmp(vtype, "yesno") == 0) {
			worksheet_write_string(ws, row, col, strcmp(c, "1") == 0 ? TPL_YES : TPL_NO, f);
			return;
		}
		d = strtod(c, NULL);
		dot = strchr(c, '.');
		snprintf(g, sizeof g, "%.15g", d);
		snprintf(back, sizeof back, "%.*f", dot ? (int)strlen(dot + 1) : 0, strtod(g, NULL));
		if (strcmp(back, c) == 0)
			worksheet_write_number(ws, row, col, d, f);
		else
			worksheet_write_string(ws, row, col, c, f);
	} else if (text != NULL && strcmp(vtype, "date") == 0) {
		date_iso_to_vn(text, c, sizeof c);
		worksheet_write_string(ws, row, col, c, f);
	} else if (text != NULL) {
		worksheet_write_string(ws, row, col, text, f);
	} else if (f != NULL) {
		worksheet_write_blank(ws, row, col, f);
	}
}

static void range_text(const struct ref_ind *in, char *out, size_t n)
{
	char lo[40] = "", hi[40] = "";

	out[0] = '\0';
	if (strcmp(in->vtype, "yesno") == 0) {
		snprintf(out, n, "%s / %s", TPL_YES, TPL_NO);
		return;
	}
	if (strcmp(in->vtype, "date") == 0) {
		snprintf(out, n, "dd/mm/yyyy");
		return;
	}
	if (strcmp(in->vtype, "text") == 0) {
		snprintf(out, n, "Văn bản");
		return;
	}
	if (in->min)
		num_display(in->min, lo, sizeof lo);
	if (in->max)
		num_display(in->max, hi, sizeof hi);
	if (in->min || in->max)
		snprintf(out, n, "%s – %s", lo, hi);
	if (strcmp(in->vtype, "integer") == 0)
		snprintf(out + strlen(out), n - strlen(out), "%s(số nguyên)", out[0] ? " " : "");
}

static void header_block(lxw_worksheet *ws, const struct tpl *t, const struct fmts *fm)
{
	static const char *const heads[TPL_COLS - 1] = {
		"Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Khoảng cho phép", "Kỳ trước",
		"Giá trị kỳ này", "Không áp dụng", "Ghi chú (bắt buộc khi không áp dụng)", "Bắt buộc",
	};
	static const double width[TPL_COLS] = {14, 52, 14, 22, 12, 16, 14, 36, 9, 10};
	lxw_row_col_options hidden = {.hidden = 1};
	char key[160], buf[96];

	for (int k = 0; k < TPL_COLS; k++)
		worksheet_set_column_opt(ws, (lxw_col_t)k, (lxw_col_t)k, width[k], NULL,
					 k == TPL_COL_KIND ? &hidden : NULL);
	worksheet_write_string(ws, 0, 0, "BIỂU MẪU NHẬP SỐ LIỆU BÁO CÁO CHÍNH QUYỀN ĐIỆN TỬ", fm->title);
	worksheet_write_string(ws, 1, 0, "Mã đơn vị", fm->bold);
	worksheet_write_string(ws, 1, 1, t->unit_code, NULL);
	worksheet_write_string(ws, 2, 0, "Tên đơn vị", fm->bold);
	worksheet_write_string(ws, 2, 1, t->unit_name, NULL);
	worksheet_write_string(ws, 3, 0, "Kỳ báo cáo", fm->bold);
	worksheet_write_string(ws, 3, 1, t->label, NULL);
	worksheet_write_string(ws, 4, 0, "Mã kỳ báo cáo", fm->bold);
	worksheet_write_number(ws, 4, 1, (double)t->period_id, NULL);
	worksheet_write_string(ws, 5, 0, "Phiên bản", fm->bold);
	snprintf(buf, sizeof buf, "Mẫu 1; báo cáo phiên bản %lld", t->version);
	worksheet_write_string(ws, 5, 1, buf, NULL);
	worksheet_merge_range(ws, 6, 0, 7, TPL_COL_REQUIRED,
			      "Chỉ nhập vào các ô nền vàng. Số thập phân viết 12,5 hoặc 12.5; ô để trống "
			      "là chưa có số liệu (không phải số 0). Sau khi điền, mở báo cáo của kỳ trên "
			      "trang web, chọn \"Nhập từ tệp Excel\": số liệu được kiểm tra như khi nhập "
			      "trên trang và được lưu thành bản nháp; kiểm tra lại rồi gửi báo cáo trên trang web.",
			      fm->wrap);
	worksheet_set_row(ws, 6, 30, NULL);
	worksheet_set_row(ws, 7, 30, NULL);
	/* the key: which unit and period the file is for (the import checks it
	 * against the session and the form; it grants nothing) */
	snprintf(key, sizeof key, TPL_KEY_PREFIX "unit=%lld;period=%lld;code=%s", t->unit_id,
		 t->period_id, t->unit_code);
	worksheet_write_string(ws, 0, TPL_COL_KIND, key, fm->key);
	for (int k = 0; k < TPL_COLS - 1; k++)
		worksheet_write_string(ws, FIRST_ROW - 1, (lxw_col_t)k, heads[k], fm->head);
	worksheet_freeze_panes(ws, FIRST_ROW, 2);
}

static int write_rows(lxw_worksheet *ws, const struct tpl *t, const struct fmts *fm)
{
	static const char *yesno[] = {TPL_YES, TPL_NO, NULL};
	lxw_data_validation dv = {.validate = LXW_VALIDATION_TYPE_LIST, .value_list = (char **)yesno};
	lxw_row_t row = FIRST_ROW;
	const char *pillar = NULL;
	char range[96];

	for (unsigned i = 0; i < t->rd->nind; i++) {
		const struct ref_ind *in = &t->rd->ind[i];
		unsigned cur, prev;
		lxw_format *inf;

		if (!ref_asked(t->rd, t->period_id, t->unit_kind, in->id))
			continue;
		if (row >= TPL_ROWS_MAX - 4)
			return -1;
		if (pillar == NULL || strcmp(pillar, in->pillar) != 0) {
			pillar = in->pillar;
			worksheet_merge_range(ws, row, 0, row, TPL_COL_REQUIRED, in->pillar_name, fm->group);
			row++;
		}
		cur = find_fig(t, t->sub_id, in->id);
		prev = find_fig(t, t->prev_id, in->id);
		inf = numeric(in->vtype) ? fm->input : fm->input_text;
		worksheet_write_string(ws, row, TPL_COL_CODE, in->code, NULL);
		worksheet_write_string(ws, row, TPL_COL_NAME, in->name, fm->wrap);
		if (in->uom && *in->uom)
			worksheet_write_string(ws, row, TPL_COL_UOM, in->uom, NULL);
		range_text(in, range, sizeof range);
		if (range[0])
			worksheet_write_string(ws, row, TPL_COL_RANGE, range, NULL);
		if (prev && dbres_int(&t->fig, prev - 1, 4))
			worksheet_write_string(ws, row, TPL_COL_PREV, "Không áp dụng", NULL);
		else if (prev)
			put_value(ws, row, TPL_COL_PREV, in->vtype, dbres_get(&t->fig, prev - 1, 2),
				  dbres_get(&t->fig, prev - 1, 3), NULL);
		if (cur && !dbres_int(&t->fig, cur - 1, 4))
			put_value(ws, row, TPL_COL_VALUE, in->vtype, dbres_get(&t->fig, cur - 1, 2),
				  dbres_get(&t->fig, cur - 1, 3), inf);
		else
			worksheet_write_blank(ws, row, TPL_COL_VALUE, inf);
		if (cur && dbres_int(&t->fig, cur - 1, 4))
			worksheet_write_string(ws, row, TPL_COL_NA, TPL_YES, fm->input_text);
		else
			worksheet_write_blank(ws, row, TPL_COL_NA, fm->input_text);
		if (cur && dbres_get(&t->fig, cur - 1, 5))
			worksheet_write_string(ws, row, TPL_COL_NOTE, dbres_get(&t->fig, cur - 1, 5),
					       fm->input_text);
		else
			worksheet_write_blank(ws, row, TPL_COL_NOTE, fm->input_text);
		if (in->required)
			worksheet_write_string(ws, row, TPL_COL_REQUIRED, "*", NULL);
		worksheet_write_string(ws, row, TPL_COL_KIND, TPL_MARK_IND, NULL);
		if (strcmp(in->vtype, "yesno") == 0)
			worksheet_data_validation_cell(ws, row, TPL_COL_VALUE, &dv);
		worksheet_data_validation_cell(ws, row, TPL_COL_NA, &dv);
		row++;
	}
	row++;
	worksheet_write_string(ws, row, 0, "Khó khăn, vướng mắc", fm->bold);
	worksheet_merge_range(ws, row, 1, row, TPL_COL_NOTE, "", fm->input_text);
	if (t->problems)
		worksheet_write_string(ws, row, 1, t->problems, fm->input_text);
	worksheet_write_string(ws, row, TPL_COL_KIND, TPL_MARK_PROBLEMS, NULL);
	worksheet_set_row(ws, row++, 60, NULL);
	worksheet_write_string(ws, row, 0, "Đề xuất, kiến nghị", fm->bold);
	worksheet_merge_range(ws, row, 1, row, TPL_COL_NOTE, "", fm->input_text);
	if (t->proposals)
		worksheet_write_string(ws, row, 1, t->proposals, fm->input_text);
	worksheet_write_string(ws, row, TPL_COL_KIND, TPL_MARK_PROPOSALS, NULL);
	worksheet_set_row(ws, row, 60, NULL);
	return 0;
}

static void formats(lxw_workbook *wb, struct fmts *fm)
{
	fm->title = workbook_add_format(wb);
	format_set_bold(fm->title);
	format_set_font_size(fm->title, 14);
	fm->bold = workbook_add_format(wb);
	format_set_bold(fm->bold);
	fm->head = workbook_add_format(wb);
	format_set_bold(fm->head);
	format_set_text_wrap(fm->head);
	format_set_bg_color(fm->head, 0xD9E1F2);
	format_set_border(fm->head, LXW_BORDER_THIN);
	fm->wrap = workbook_add_format(wb);
	format_set_text_wrap(fm->wrap);
	format_set_align(fm->wrap, LXW_ALIGN_VERTICAL_TOP);
	fm->group = workbook_add_format(wb);
	format_set_bold(fm->group);
	format_set_bg_color(fm->group, 0xEDEDED);
	/* the cells to fill in: unlocked, yellow; text as typed for text and dates */
	fm->input = workbook_add_format(wb);
	format_set_unlocked(fm->input);
	format_set_bg_color(fm->input, 0xFFF2CC);
	format_set_border(fm->input, LXW_BORDER_THIN);
	fm->input_text = workbook_add_format(wb);
	format_set_unlocked(fm->input_text);
	format_set_bg_color(fm->input_text, 0xFFF2CC);
	format_set_border(fm->input_text, LXW_BORDER_THIN);
	format_set_num_format(fm->input_text, "@");
	format_set_text_wrap(fm->input_text);
	format_set_align(fm->input_text, LXW_ALIGN_VERTICAL_TOP);
	fm->key = workbook_add_format(wb);
	format_set_hidden(fm->key);
}

static int write_book(const struct tpl *t, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	struct fmts fm;
	lxw_error le;
	int bad;

	if (wb == NULL)
		return E_INTERNAL;
	formats(wb, &fm);
	ws = workbook_add_worksheet(wb, "Biểu mẫu");
	if (ws == NULL) {
		workbook_close(wb);
		return E_INTERNAL;
	}
	header_block(ws, t, &fm);
	bad = write_rows(ws, t, &fm);
	/* no password: the lock guards against slips, the import checks everything */
	worksheet_protect(ws, NULL, NULL);
	le = workbook_close(wb);
	if (bad || le != LXW_NO_ERROR) {
		log_msg(NULL, "export: template: %s", bad ? "too many rows" : lxw_strerror(le));
		return E_INTERNAL;
	}
	return E_OK;
}

/* Which unit: an officer's own; the working group's choice.  A unit= from
 * an officer naming another unit is refused. */
static int which_unit(struct req *r, struct tpl *t)
{
	const char *code = r->fv[TF_UNIT].present ? r->fv[TF_UNIT].s : NULL;
	int wg = (r->user.roles & EXPORT_ROLES) != 0, rc;

	if (code != NULL && wg)
		rc = db_tab_exec(&tab, T_UNIT_CODE, &t->unit, "s", code);
	else if (r->user.unit_id > 0)
		rc = db_tab_exec(&tab, T_UNIT_ID, &t->unit, "i", r->user.unit_id);
	else if (wg) {
		r->bad_field = "unit";
		return E_BADREQ;
	} else
		return E_FORBIDDEN;
	if (rc != E_OK)
		return rc;
	if (t->unit.nrows != 1)
		return E_NOTFOUND;
	if (code != NULL && !wg && strcmp(code, dbres_get(&t->unit, 0, 1)) != 0)
		return E_FORBIDDEN;
	t->unit_id = dbres_int(&t->unit, 0, 0);
	t->unit_code = dbres_get(&t->unit, 0, 1);
	t->unit_name = dbres_get(&t->unit, 0, 2);
	t->unit_kind = dbres_get(&t->unit, 0, 3);
	return E_OK;
}

static int load(struct req *r, struct tpl *t)
{
	struct dbres *h = &t->head;
	int rc;

	if ((rc = which_unit(r, t)) != E_OK || (rc = ref_get(r, &t->rd)) != E_OK)
		return rc;
	t->period_id = r->fv[TF_PERIOD].i;
	if ((rc = db_tab_exec(&tab, T_HEAD, h, "ii", t->unit_id, t->period_id)) != E_OK)
		return rc;
	if (h->nrows != 1)
		return E_NOTFOUND;
	t->kind = dbres_get(h, 0, 0)[0];
	t->year = (int)dbres_int(h, 0, 1);
	t->seq = (int)dbres_int(h, 0, 2);
	t->sub_id = dbres_int(h, 0, 3);
	t->version = dbres_int(h, 0, 4);
	t->problems = dbres_get(h, 0, 5);
	t->proposals = dbres_get(h, 0, 6);
	t->prev_id = dbres_int(h, 0, 7);
	period_label(t->kind, t->year, t->seq, "vi", t->label, sizeof t->label);
	if (t->sub_id == 0 && t->prev_id == 0)
		return E_OK;
	return db_tab_exec(&tab, T_FIGURES, &t->fig, "ii", t->sub_id, t->prev_id);
}

int ui_template(struct req *r)
{
	struct tpl t;
	char path[512], name[128], what[160];
	int rc;

	memset(&t, 0, sizeof t);
	if ((rc = load(r, &t)) != E_OK)
		goto out;
	snprintf(name, sizeof name, "bieu-mau-%s-%c%d-%d.xlsx", t.unit_code, tolower(t.kind), t.seq,
		 t.year);
	snprintf(what, sizeof what, "format=xlsx template unit=%s period=%lld version=%lld",
		 t.unit_code, t.period_id, t.version);
	if (!r->is_head && (rc = audit(r, "export", "export", "template", NULL, what, NULL)) != E_OK)
		goto out;
	if ((rc = export_tmpfile(r, "template", path, sizeof path)) != E_OK)
		goto out;
	rc = write_book(&t, path);
	/* a form is a few dozen rows: the answer is sent as one buffer */
	if (rc == E_OK && buf_read_file(&r->out, path, 8 * 1024 * 1024) != 0)
		rc = E_INTERNAL;
	unlink(path);
	if (rc == E_OK)
		req_download(r, XLSX_TYPE, name);
out:
	dbres_free(&t.unit);
	dbres_free(&t.head);
	dbres_free(&t.fig);
	return rc;
}
