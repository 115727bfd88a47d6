/* /export/plan.xlsx?year=: the year's work programme and inspection plan
 * as a spreadsheet: every task with all its columns and progress, budget
 * totals per owner unit and per quarter of the deadline, and the metadata
 * (a row above the tasks and a sheet of its own).  A plan has tens of
 * tasks, so it is read whole and written by libxlsxwriter into a temporary
 * file, then sent with its length.  Audited before anything is sent.
 * Budgets are million VND, written as numbers (DECIMAL(14,3) fits a double). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "../lib/audit.h"
#include "../lib/clock.h"
#include "../lib/db.h"
#include "../lib/directions.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "export.h"
#include "exportfile.h"

const struct field plan_xlsx_fields[] = {
	{"year", F_INT, 2000, 2100, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

#define SUMS(key) \
	"SELECT " key ", COUNT(*), ROUND(AVG(t.progress), 1), " \
	"SUM" TASK_OVERDUE ", SUM(t.budget_estimated), " \
	"SUM(t.budget_allocated), SUM(t.budget_spent) " \
	"FROM plan_task t JOIN plan p ON p.id = t.plan_id JOIN unit u ON u.id = t.owner_unit_id " \
	"WHERE p.year = ? AND t.status <> 'dropped' "

enum { Q_PLANS, Q_TASKS, Q_BY_UNIT, Q_BY_QUARTER, Q_TOTAL, Q_N };
static const char *const sql[Q_N] = {
	"SELECT COUNT(*), GROUP_CONCAT(CONCAT(title, COALESCE(CONCAT(' (', decision, ')'), '')) "
	"ORDER BY kind SEPARATOR '; ') FROM plan WHERE year = ?",
	"SELECT p.kind, p.title, t.code, t.title, u.code, u.name, "
	"GROUP_CONCAT(cu.name ORDER BY cu.name SEPARATOR '; '), t.deadline, QUARTER(t.deadline), "
	"t.status, t.progress, t.done_on, t.budget_estimated, t.budget_allocated, t.budget_spent, "
	TASK_OVERDUE ", t.note, "
	"DATE_FORMAT(t.updated_at + INTERVAL 7 HOUR, '%Y-%m-%d %H:%i') "
	"FROM plan_task t JOIN plan p ON p.id = t.plan_id JOIN unit u ON u.id = t.owner_unit_id "
	"LEFT JOIN plan_task_unit tu ON tu.task_id = t.id LEFT JOIN unit cu ON cu.id = tu.unit_id "
	"WHERE p.year = ? GROUP BY t.id ORDER BY FIELD(p.kind, 'work', 'inspection'), t.deadline, t.code",
	SUMS("u.name") "GROUP BY u.id, u.name ORDER BY u.name",
	SUMS("QUARTER(t.deadline)") "GROUP BY QUARTER(t.deadline) ORDER BY 1",
	SUMS("''"),
};
static struct stmt_table tab = STMT_TABLE(sql);

struct book {
	lxw_workbook *wb;
	lxw_format *bold;
	int en;
};

static const char *L(const struct book *b, const char *vi, const char *en)
{
	return b->en ? en : vi;
}

/* A cell from the database: a number where one is expected, else text. */
static void cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, int number)
{
	if (s == NULL || *s == '\0')
		return;
	if (number)
		worksheet_write_number(ws, row, col, strtod(s, NULL), NULL);
	else
		worksheet_write_string(ws, row, col, s, NULL);
}

static const char *status_word(const struct book *b, const char *s)
{
	if (strcmp(s, "not_started") == 0)
		return L(b, "Chưa bắt đầu", "Not started");
	if (strcmp(s, "in_progress") == 0)
		return L(b, "Đang thực hiện", "In progress");
	if (strcmp(s, "done") == 0)
		return L(b, "Hoàn thành", "Done");
	return L(b, "Không thực hiện", "Dropped");
}

static void heads(const struct book *b, lxw_worksheet *ws, lxw_row_t row, const char *const *h, int n)
{
	for (int i = 0; i < n; i++) {
		worksheet_write_string(ws, row, (lxw_col_t)i, h[i], b->bold);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, i < 2 ? 30 : 14, NULL);
	}
	worksheet_freeze_panes(ws, row + 1, 0);
}

static int tasks_sheet(struct book *b, const struct dbres *t, const char *meta)
{
	static const char *const vi[] = {"Kế hoạch", "Nhiệm vụ", "Mã", "Mã đơn vị chủ trì",
		"Đơn vị chủ trì", "Đơn vị phối hợp", "Hạn", "Quý", "Trạng thái", "Tiến độ (%)",
		"Ngày hoàn thành", "Dự toán (triệu đồng)", "Được giao (triệu đồng)", "Đã chi (triệu đồng)",
		"Quá hạn", "Ghi chú", "Cập nhật lúc"};
	static const char *const en[] = {"Plan", "Task", "Code", "Owner unit code", "Owner unit",
		"Co-operating units", "Deadline", "Quarter", "Status", "Progress (%)", "Done on",
		"Estimated (million VND)", "Allocated (million VND)", "Spent (million VND)", "Overdue",
		"Note", "Updated at"};
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, L(b, "Nhiệm vụ", "Tasks"));

	if (ws == NULL)
		return -1;
	worksheet_write_string(ws, 0, 0, meta, b->bold);
	heads(b, ws, 1, b->en ? en : vi, 17);
	for (unsigned i = 0; i < t->nrows; i++) {
		lxw_row_t row = (lxw_row_t)i + 2;
		const char *kind = dbres_get(t, i, 0);
		char plan[600];
		snprintf(plan, sizeof plan, "%s: %s", strcmp(kind, "work") == 0
			 ? L(b, "Chương trình công tác", "Work programme") : L(b, "Kế hoạch kiểm tra", "Inspection plan"),
			 dbres_get(t, i, 1));
		cell(ws, row, 0, plan, 0);
		cell(ws, row, 1, dbres_get(t, i, 3), 0);
		cell(ws, row, 2, dbres_get(t, i, 2), 0);
		cell(ws, row, 3, dbres_get(t, i, 4), 0);
		cell(ws, row, 4, dbres_get(t, i, 5), 0);
		cell(ws, row, 5, dbres_get(t, i, 6), 0);
		cell(ws, row, 6, dbres_get(t, i, 7), 0);
		cell(ws, row, 7, dbres_get(t, i, 8), 1);
		cell(ws, row, 8, status_word(b, dbres_get(t, i, 9)), 0);
		cell(ws, row, 9, dbres_get(t, i, 10), 1);
		cell(ws, row, 10, dbres_get(t, i, 11), 0);
		cell(ws, row, 11, dbres_get(t, i, 12), 1);
		cell(ws, row, 12, dbres_get(t, i, 13), 1);
		cell(ws, row, 13, dbres_get(t, i, 14), 1);
		cell(ws, row, 14, dbres_int(t, i, 15) ? L(b, "quá hạn", "overdue") : "", 0);
		cell(ws, row, 15, dbres_get(t, i, 16), 0);
		cell(ws, row, 16, dbres_get(t, i, 17), 0);
	}
	return 0;
}

/* Totals per unit or per quarter, and the plan's overall line at the end. */
static int sums_sheet(struct book *b, const char *name, const char *key, int numeric_key,
		      const struct dbres *s, const struct dbres *total)
{
	const char *h[] = {key, L(b, "Số nhiệm vụ", "Tasks"), L(b, "Tiến độ bình quân (%)", "Mean progress (%)"),
		L(b, "Nhiệm vụ quá hạn", "Overdue tasks"), L(b, "Dự toán (triệu đồng)", "Estimated (million VND)"),
		L(b, "Được giao (triệu đồng)", "Allocated (million VND)"), L(b, "Đã chi (triệu đồng)", "Spent (million VND)")};
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	lxw_row_t row = 1;

	if (ws == NULL)
		return -1;
	heads(b, ws, 0, h, 7);
	for (unsigned i = 0; i < s->nrows + total->nrows; i++, row++) {
		const struct dbres *d = i < s->nrows ? s : total;
		unsigned j = i < s->nrows ? i : i - s->nrows;
		if (d == total)
			worksheet_write_string(ws, row, 0, L(b, "Toàn kế hoạch", "Whole plan"), b->bold);
		else
			cell(ws, row, 0, dbres_get(d, j, 0), numeric_key);
		for (int c = 1; c < 7; c++)
			cell(ws, row, (lxw_col_t)c, dbres_get(d, j, (unsigned)c), 1);
	}
	return 0;
}

static int meta_sheet(struct book *b, long long year, const char *plans, const char *who, const char *when,
		      unsigned ntasks, const char *today)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, L(b, "Thông tin", "Metadata"));
	char y[16], n[16];
	lxw_row_t i = 0;
	const char *rows[][2] = {
		{L(b, "Bảng xuất", "Export"), L(b, "Kế hoạch năm và tiến độ thực hiện", "Annual plan and its progress")},
		{L(b, "Năm", "Year"), y},
		{L(b, "Kế hoạch", "Plans"), plans},
		{L(b, "Số nhiệm vụ", "Tasks"), n},
		{L(b, "Quá hạn tính đến ngày (giờ Việt Nam)", "Overdue as of (Asia/Ho_Chi_Minh)"), today},
		{L(b, "Thời điểm xuất (giờ Việt Nam)", "Exported at (Asia/Ho_Chi_Minh)"), when},
		{L(b, "Người xuất", "Exported by"), who},
		{L(b, "Đơn vị tiền", "Currency"), L(b, "triệu đồng", "million VND")},
		{L(b, "Tiến độ bình quân", "Mean progress"),
		 L(b, "bình quân tiến độ các nhiệm vụ, không tính nhiệm vụ không thực hiện",
		   "mean of the tasks' progress, dropped tasks left out")},
	};

	if (ws == NULL)
		return -1;
	snprintf(y, sizeof y, "%lld", year);
	snprintf(n, sizeof n, "%u", ntasks);
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 70, NULL);
	for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++, i++) {
		worksheet_write_string(ws, i, 0, rows[k][0], b->bold);
		if (rows[k][1] != NULL && *rows[k][1])
			worksheet_write_string(ws, i, 1, rows[k][1], NULL);
	}
	return 0;
}

static int write_book(struct req *r, const char *path, long long year, const char *today, const char *plans,
		      struct dbres *q, const char *who)
{
	const char *tmp = getenv("TMPDIR");
	lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = (char *)(tmp ? tmp : "/tmp")};
	struct book b = {NULL, NULL, strcmp(r->lang, "en") == 0};
	char when[32], meta[700], td[16];
	struct tm tm;
	time_t now = time(NULL) + 7 * 3600;   /* Hanoi, whatever the host's zone */
	int bad;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%d/%m/%Y %H:%M", &tm);
	date_iso_to_vn(today, td, sizeof td);
	snprintf(meta, sizeof meta, "%s %lld – %s %s – %s %s", L(&b, "Kế hoạch năm", "Annual plan"), year,
		 L(&b, "xuất lúc", "exported"), when, L(&b, "quá hạn tính đến", "overdue as of"), td);
	b.wb = workbook_new_opt(path, &opt);
	if (b.wb == NULL)
		return E_INTERNAL;
	b.bold = workbook_add_format(b.wb);
	format_set_bold(b.bold);
	bad = tasks_sheet(&b, &q[Q_TASKS], meta) != 0 ||
	      sums_sheet(&b, L(&b, "Theo đơn vị", "Per unit"), L(&b, "Đơn vị chủ trì", "Owner unit"), 0,
			 &q[Q_BY_UNIT], &q[Q_TOTAL]) != 0 ||
	      sums_sheet(&b, L(&b, "Theo quý", "Per quarter"), L(&b, "Quý", "Quarter"), 1, &q[Q_BY_QUARTER],
			 &q[Q_TOTAL]) != 0 ||
	      meta_sheet(&b, year, plans, who, when, q[Q_TASKS].nrows, td) != 0;
	if (workbook_close(b.wb) != LXW_NO_ERROR || bad)
		return E_INTERNAL;
	return E_OK;
}

int ui_plan_xlsx(struct req *r)
{
	struct dbres q[Q_N];
	long long year = r->fv[0].i;
	char today[11], who[400], what[128], name[64], path[512];
	int rc, nq = 0;

	memset(q, 0, sizeof q);
	hanoi_today(today, sizeof today);
	if ((rc = db_tab_exec(&tab, Q_PLANS, &q[Q_PLANS], "i", year)) != E_OK)
		return rc;
	nq = 1;
	if (dbres_int(&q[Q_PLANS], 0, 0) == 0) {
		rc = E_NOTFOUND;
		goto out;
	}
	if ((rc = db_tab_exec(&tab, Q_TASKS, &q[Q_TASKS], "si", today, year)) != E_OK)
		goto out;
	nq++;
	for (int s = Q_BY_UNIT; s <= Q_TOTAL; s++, nq++)
		if ((rc = db_tab_exec(&tab, s, &q[s], "si", today, year)) != E_OK)
			goto out;
	snprintf(name, sizeof name, "ke-hoach-%lld.xlsx", year);
	if (r->is_head) {
		rc = req_stream_begin(r, XLSX_TYPE, name);
		goto out;
	}
	snprintf(what, sizeof what, "format=xlsx year=%lld tasks=%u", year, q[Q_TASKS].nrows);
	if ((rc = audit(r, "export", "export", "plan", NULL, what, NULL)) != E_OK)
		goto out;
	snprintf(who, sizeof who, "%s (%s)", r->user.name, r->user.login);
	if ((rc = export_tmpfile(r, "plan", path, sizeof path)) != E_OK)
		goto out;
	rc = write_book(r, path, year, today, dbres_get(&q[Q_PLANS], 0, 1), q, who);
	rc = export_send_tmpfile(r, path, rc, XLSX_TYPE, name);
out:
	for (int i = 0; i < nq; i++)
		dbres_free(&q[i]);
	return rc;
}
