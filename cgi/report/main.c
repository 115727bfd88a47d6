#include "report.h"

#include <string.h>

const char *const report_sql[ST_COUNT] = {
	LIB_SQL,
	/* ST_PERIODS: open periods and those the unit has a form for, within its validity */
	"SELECT p.id, p.kind, p.year, p.seq, p.due_on, p.is_open, p.locked, s.status, "
	"DATE(s.submitted_at + INTERVAL 7 HOUR) <= p.due_on, "
	"DATEDIFF(DATE(s.submitted_at + INTERVAL 7 HOUR), p.due_on) "
	"FROM period p JOIN unit u ON u.id = ? "
	"LEFT JOIN submission s ON s.period_id = p.id AND s.unit_id = u.id "
	"WHERE (p.is_open = 1 OR s.id IS NOT NULL) AND p.cutoff_end >= u.valid_from "
	"AND (u.valid_to IS NULL OR p.cutoff_start <= u.valid_to) "
	"ORDER BY p.year DESC, p.cutoff_end DESC, p.kind",
	/* ST_FORM_HEAD: the period (if the unit existed in it), the unit's submission,
	 * and its submission for the previous period of the same kind */
	"SELECT p.id, p.kind, p.year, p.seq, p.cutoff_start, p.cutoff_end, p.due_on, p.is_open, "
	"p.locked, s.id, s.status, s.version, s.problems, s.proposals, s.review_comment, "
	"DATE(s.submitted_at + INTERVAL 7 HOUR), DATE(s.submitted_at + INTERVAL 7 HOUR) <= p.due_on, "
	"ps.id FROM period p JOIN unit u ON u.id = ? "
	"LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id "
	"LEFT JOIN submission ps ON ps.unit_id = u.id AND ps.period_id = (SELECT q.id FROM period q "
	"WHERE q.kind = p.kind AND (q.year < p.year OR (q.year = p.year AND q.seq < p.seq)) "
	"ORDER BY q.year DESC, q.seq DESC LIMIT 1) "
	"WHERE p.id = ? AND p.cutoff_end >= u.valid_from "
	"AND (u.valid_to IS NULL OR p.cutoff_start <= u.valid_to)",
	/* ST_FIGURES: this period's and the previous period's figures, by primary key */
	"SELECT submission_id, indicator_id, num_value, text_value, not_applicable, note "
	"FROM figure WHERE submission_id IN (?, ?)",
	/* ST_PERIOD_CHECK: inside the save transaction, so a lock wins over a save */
	"SELECT is_open, locked FROM period WHERE id = ? LOCK IN SHARE MODE",
	/* ST_SUB_INSERT */
	"INSERT INTO submission (unit_id, period_id, status, version, problems, proposals, "
	"created_at, created_by, updated_at, updated_by) "
	"VALUES (?, ?, 'draft', 1, ?, ?, UTC_TIMESTAMP(), ?, UTC_TIMESTAMP(), ?)",
	/* ST_SUB_UPDATE: the version check is the optimistic lock */
	"UPDATE submission SET version = version + 1, problems = ?, proposals = ?, "
	"updated_at = UTC_TIMESTAMP(), updated_by = ?, "
	"status = IF(? = 1, 'submitted', status), "
	"submitted_at = IF(? = 1, UTC_TIMESTAMP(), submitted_at), "
	"submitted_by = IF(? = 1, ?, submitted_by) "
	"WHERE id = ? AND version = ? AND status IN ('draft', 'returned')",
};

static const struct field form_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 0, 4294967295LL, 0, NULL},
	{"action", F_WORD, 0, 0, 0, "save|submit"},
	{"problems", F_TEXT, 0, 5000, 0, NULL},
	{"proposals", F_TEXT, 0, 5000, 0, NULL},
	{"done", F_WORD, 0, 0, 0, "saved|submitted"},
	{NULL, 0, 0, 0, 0, NULL},
};


static const struct page pages[] = {
	{"/report/", M_GET, ui_home, NULL, OFFICERS, NULL, 0},
	{"/report/form", M_GET | M_POST, ui_form_get, ui_form_post, OFFICERS, form_fields, 0},
#include "pages-evidence.inc"
#include "pages-import.inc"
#include "pages-meetings.inc"
#include "pages-directions.inc"
	{NULL, 0, NULL, NULL, 0, NULL, 0},
};

static const struct app app = {"report", pages, report_sql, ST_COUNT, 512 * 1024};

int main(int argc, char **argv) { return app_main(&app, argc, argv); }
