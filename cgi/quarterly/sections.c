/* The report's sections, read from the database in one transaction (a
 * concurrent aggregation run or review is seen whole or not at all) and
 * written as the document's XML.  "Today" is the database's date in
 * Asia/Ho_Chi_Minh, so the report and the pages agree on what is overdue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/err.h"
#include "../lib/period.h"
#include "quarterly.h"

enum {
	Q_PERIOD, Q_HAS, Q_RUN, Q_IND, Q_TIMELY, Q_DONE, Q_OVERDUE, Q_PLAN, Q_PLAN_LATE, Q_PROBLEMS,
	Q_AUDIT, Q_COUNT
};

#define KIND_ORDER "FIELD(u.kind, 'district', 'department', 'commune', 'other')"
#define OPEN_DIR "d.status IN ('new', 'in_progress', 'reported')"

static const char *const sql[Q_COUNT] = {
	/* Q_PERIOD */
	"SELECT id, kind, year, seq, cutoff_start, cutoff_end, due_on, "
	"DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) FROM period WHERE id = ?",
	/* Q_HAS */
	"SELECT (SELECT COUNT(*) FROM agg_value WHERE period_id = ?), "
	"(SELECT COUNT(*) FROM submission WHERE period_id = ? AND status IN ('submitted', 'accepted'))",
	/* Q_RUN: when the figures were computed (Hanoi time) */
	"SELECT DATE_FORMAT(MAX(finished_at) + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i') FROM agg_run "
	"WHERE period_id = ? AND status = 'done'",
	/* Q_IND: the city's figure of every numeric indicator, by pillar */
	"SELECT pl.name, i.code, i.name, i.uom, i.vtype, a.value, a.target, a.progress, "
	"a.units_reporting, a.units_asked FROM agg_value a JOIN indicator i ON i.id = a.indicator_id "
	"JOIN pillar pl ON pl.code = i.pillar WHERE a.period_id = ? AND a.scope = 'city' "
	"AND i.vtype IN ('integer', 'decimal', 'percent', 'yesno') "
	"ORDER BY pl.sort, pl.code, i.sort, i.code",
	/* Q_TIMELY: the units that existed and were asked (a join, not a
	 * correlated EXISTS: MariaDB 10.11 crashes re-executing that) */
	"SELECT u.kind, u.name, s.status, DATE(s.submitted_at + INTERVAL 7 HOUR) <= p.due_on, "
	"DATEDIFF(DATE(s.submitted_at + INTERVAL 7 HOUR), p.due_on) "
	"FROM period p JOIN (SELECT DISTINCT unit_kind FROM period_indicator WHERE period_id = ?) k "
	"JOIN unit u ON u.kind = k.unit_kind AND u.valid_from <= p.cutoff_end "
	"AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start) "
	"LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id "
	"WHERE p.id = ? ORDER BY " KIND_ORDER ", u.name",
	/* Q_DONE: directions the working group confirmed done within the window */
	"SELECT d.code, d.body, d.deadline, d.done_on, "
	"COALESCE(GROUP_CONCAT(u.name ORDER BY u.name SEPARATOR '; '), '') "
	"FROM direction d LEFT JOIN direction_unit du ON du.direction_id = d.id "
	"LEFT JOIN unit u ON u.id = du.unit_id WHERE d.status = 'done' AND d.done_on BETWEEN ? AND ? "
	"GROUP BY d.id ORDER BY d.done_on, d.code",
	/* Q_OVERDUE: open directions past their deadline, per owner unit */
	"SELECT COALESCE(u.name, ''), d.code, d.body, d.deadline, DATEDIFF(?, d.deadline), d.status "
	"FROM direction d LEFT JOIN direction_unit du ON du.direction_id = d.id "
	"LEFT JOIN unit u ON u.id = du.unit_id WHERE " OPEN_DIR " AND d.deadline < ? "
	"ORDER BY u.name IS NULL, u.name, d.deadline, d.code",
	/* Q_PLAN: the year's plans; dropped tasks count for nothing */
	"SELECT p.kind, p.title, COALESCE(p.decision, ''), COUNT(t.id), COALESCE(SUM(t.status = 'done'), 0), "
	"AVG(t.progress), SUM(t.budget_estimated), SUM(t.budget_allocated), SUM(t.budget_spent), "
	"COALESCE(SUM(t.status IN ('not_started', 'in_progress') AND t.deadline < ?), 0) "
	"FROM plan p LEFT JOIN plan_task t ON t.plan_id = p.id AND t.status <> 'dropped' "
	"WHERE p.year = ? GROUP BY p.id ORDER BY p.kind",
	/* Q_PLAN_LATE */
	"SELECT t.code, t.title, u.name, t.deadline, t.progress, DATEDIFF(?, t.deadline) "
	"FROM plan_task t JOIN plan p ON p.id = t.plan_id JOIN unit u ON u.id = t.owner_unit_id "
	"WHERE p.year = ? AND t.status IN ('not_started', 'in_progress') AND t.deadline < ? "
	"ORDER BY t.deadline, t.code",
	/* Q_PROBLEMS: what delivered forms say, unit by unit */
	"SELECT u.name, COALESCE(s.problems, ''), COALESCE(s.proposals, '') FROM submission s "
	"JOIN unit u ON u.id = s.unit_id WHERE s.period_id = ? AND s.status IN ('submitted', 'accepted') "
	"AND (TRIM(COALESCE(s.problems, '')) <> '' OR TRIM(COALESCE(s.proposals, '')) <> '') "
	"ORDER BY " KIND_ORDER ", u.name",
	/* Q_AUDIT: the batch has no actor */
	"INSERT INTO audit (at, actor_id, actor_unit_id, action, entity, entity_id, old_value, "
	"new_value, reason, request_id) VALUES (UTC_TIMESTAMP(3), NULL, NULL, 'quarterly_generated', "
	"'period', ?, NULL, ?, NULL, NULL)",
};

static const char *const kinds[] = {"district", "department", "commune", "other"};
#define NKINDS 4

const char *const *sections_sql(int *n)
{
	*n = Q_COUNT;
	return sql;
}

static const char *cell(const struct dbres *r, unsigned row, unsigned col)
{
	const char *s = dbres_get(r, row, col);
	return s ? s : "";
}

/* "<key prefix><word>" looked up in the language file, e.g. kind_district */
static const char *Lw(const char *prefix, const char *word)
{
	static char key[64];   /* L() hands back the key itself when the file lacks it */

	snprintf(key, sizeof key, "%s%s", prefix, word);
	return L(key);
}

static void cat3(char *out, size_t n, const char *a, const char *b, const char *c)
{
	snprintf(out, n, "%s%s%s", a, b, c);
}

int period_load(long long id, struct qperiod *p)
{
	struct dbres r;
	int found;

	memset(p, 0, sizeof *p);
	if (db_exec(Q_PERIOD, &r, "i", id) != E_OK)
		return -1;
	found = r.nrows == 1;
	if (found) {
		p->id = id;
		p->kind = cell(&r, 0, 1)[0];
		p->year = (int)dbres_int(&r, 0, 2);
		p->seq = (int)dbres_int(&r, 0, 3);
		snprintf(p->start, sizeof p->start, "%s", cell(&r, 0, 4));
		snprintf(p->end, sizeof p->end, "%s", cell(&r, 0, 5));
		snprintf(p->due, sizeof p->due, "%s", cell(&r, 0, 6));
		snprintf(p->today, sizeof p->today, "%s", cell(&r, 0, 7));
		period_label(p->kind, p->year, p->seq, "vi", p->label, sizeof p->label);
	}
	dbres_free(&r);
	return found;
}

int period_has_data(const struct qperiod *p)
{
	struct dbres r;
	int has;

	if (db_exec(Q_HAS, &r, "ii", p->id, p->id) != E_OK)
		return -1;
	has = r.nrows == 1 && (dbres_int(&r, 0, 0) > 0 || dbres_int(&r, 0, 1) > 0);
	dbres_free(&r);
	return has;
}

/* ---- title page ---- */

static void title_page(const struct qperiod *p, struct buf *b, const char *computed)
{
	char s[512], d1[16], d2[16], today[16];
	int y = 0, m = 0, d = 0;

	x_para(b, "Org", config_get("org_name", L("org")));
	x_para(b, "Org", L("wg"));
	x_para(b, "Title", L("title"));
	cat3(s, sizeof s, L("subtitle"), " — ", p->label);
	x_para(b, "Subtitle", s);
	fmt_date(p->start, d1, sizeof d1);
	fmt_date(p->end, d2, sizeof d2);
	snprintf(s, sizeof s, "%s %s %s %s", L("window_from"), d1, L("window_to"), d2);
	x_para(b, "Subtitle", s);
	sscanf(p->today, "%4d-%2d-%2d", &y, &m, &d);
	snprintf(s, sizeof s, "%s %02d %s %02d %s %04d", L("place_date"), d, L("month"), m, L("year"), y);
	x_para(b, "Subtitle", s);
	fmt_date(p->today, today, sizeof today);
	snprintf(s, sizeof s, "%s %s. %s", L("draft_note"), today, L("draft_edit"));
	x_para(b, "Hint", s);
	if (*computed) {
		cat3(s, sizeof s, L("computed_at"), " ", computed);
		x_para(b, "Hint", s);
	}
	x_para(b, "Break", "");
}

/* ---- 1. indicators ---- */

static const char *mark(const char *value, const char *target, const char *progress)
{
	double p, on_track = strtod(config_get("dashboard_on_track", "0.9"), NULL);

	if (!(on_track > 0 && on_track <= 1))
		on_track = 0.9;
	if (value == NULL)
		return L("mark_no_data");
	if (target == NULL || progress == NULL)
		return L("mark_no_target");
	p = strtod(progress, NULL);
	if (p >= 1 - 1e-9)
		return L("mark_met");
	if (p >= on_track - 1e-9)
		return L("mark_on_track");
	return L("mark_behind");
}

static int s_indicators(const struct qperiod *p, struct buf *b)
{
	static const char *const w[] = {"25", "45", "15", "20", "20", "15", "20"};
	const char *h[] = {L("col_code"), L("col_indicator"), L("col_uom"), L("col_value"),
			   L("col_target"), L("col_progress"), L("col_mark")};
	char pillar[256] = "", v[64], t[64], pr[64], tmp[64];
	struct dbres r;

	x_head(b, 1, L("s1"));
	if (db_exec(Q_IND, &r, "i", p->id) != E_OK)
		return -1;
	if (r.nrows == 0) {
		x_para(b, "Text_20_body", L("s1_none"));
		dbres_free(&r);
		return 0;
	}
	x_para(b, "Text_20_body", L("s1_intro"));
	x_table_begin(b, "ChiTieu", w, 7, h);
	for (unsigned i = 0; i < r.nrows; i++) {
		const char *val = dbres_get(&r, i, 5), *tgt = dbres_get(&r, i, 6), *prog = dbres_get(&r, i, 7);
		if (strcmp(pillar, cell(&r, i, 0)) != 0) {
			snprintf(pillar, sizeof pillar, "%s", cell(&r, i, 0));
			x_span_row(b, 7, pillar);
		}
		fmt_num(val, 2, v, sizeof v);
		fmt_num(tgt, 2, t, sizeof t);
		if (prog != NULL && tgt != NULL) {
			snprintf(tmp, sizeof tmp, "%.6f", strtod(prog, NULL) * 100);
			fmt_num(tmp, 0, pr, sizeof pr);
			strncat(pr, " %", sizeof pr - strlen(pr) - 1);
		} else {
			snprintf(pr, sizeof pr, "—");
		}
		x_row_begin(b);
		x_cell(b, cell(&r, i, 1), 0);
		x_cell(b, cell(&r, i, 2), 0);
		x_cell(b, cell(&r, i, 3), 0);
		x_cell(b, v, 1);
		x_cell(b, t, 1);
		x_cell(b, pr, 1);
		x_cell(b, mark(val, tgt, prog), 0);
		x_row_end(b);
	}
	x_table_end(b);
	dbres_free(&r);
	return 0;
}

/* ---- 2. timeliness ---- */

static int s_timeliness(const struct qperiod *p, struct buf *b)
{
	static const char *const w1[] = {"50", "30", "25", "25", "30"};
	static const char *const w2[] = {"90", "40", "30"};
	static const char *const w3[] = {"100", "60"};
	const char *h1[] = {L("col_kind"), L("col_asked"), L("col_on_time"), L("col_late"), L("col_missing")};
	const char *h2[] = {L("col_unit"), L("col_kind"), L("col_days_late")};
	const char *h3[] = {L("col_unit"), L("col_kind")};
	int n[NKINDS][4] = {{0}};   /* asked, on time, late, missing */
	int late = 0, missing = 0;
	struct dbres r;
	char due[16], s[256], c[4][16];

	x_head(b, 1, L("s2"));
	if (db_exec(Q_TIMELY, &r, "ii", p->id, p->id) != E_OK)
		return -1;
	for (unsigned i = 0; i < r.nrows; i++) {
		const char *st = dbres_get(&r, i, 2);
		int k = 0, delivered = st && (strcmp(st, "submitted") == 0 || strcmp(st, "accepted") == 0);
		while (k < NKINDS - 1 && strcmp(kinds[k], cell(&r, i, 0)) != 0)
			k++;
		n[k][0]++;
		if (!delivered)
			n[k][3]++, missing++;
		else if (dbres_int(&r, i, 3) == 1)
			n[k][1]++;
		else
			n[k][2]++, late++;
	}
	fmt_date(p->due, due, sizeof due);
	snprintf(s, sizeof s, "%s %s.", L("s2_intro"), due);
	x_para(b, "Text_20_body", s);
	x_table_begin(b, "NopBaoCao", w1, 5, h1);
	for (int k = 0; k < NKINDS; k++) {
		if (n[k][0] == 0)
			continue;
		x_row_begin(b);
		x_cell(b, Lw("kind_", kinds[k]), 0);
		for (int j = 0; j < 4; j++) {
			snprintf(c[j], sizeof c[j], "%d", n[k][j]);
			x_cell(b, c[j], 1);
		}
		x_row_end(b);
	}
	x_table_end(b);

	x_head(b, 2, L("s2_late"));
	if (late == 0) {
		x_para(b, "Text_20_body", L("s2_late_none"));
	} else {
		x_table_begin(b, "NopMuon", w2, 3, h2);
		for (unsigned i = 0; i < r.nrows; i++) {
			const char *st = dbres_get(&r, i, 2);
			if (!st || (strcmp(st, "submitted") != 0 && strcmp(st, "accepted") != 0) ||
			    dbres_int(&r, i, 3) == 1)
				continue;
			snprintf(c[0], sizeof c[0], "%lld", dbres_int(&r, i, 4));
			x_row_begin(b);
			x_cell(b, cell(&r, i, 1), 0);
			x_cell(b, Lw("kind_", cell(&r, i, 0)), 0);
			x_cell(b, c[0], 1);
			x_row_end(b);
		}
		x_table_end(b);
	}
	x_head(b, 2, L("s2_missing"));
	if (missing == 0) {
		x_para(b, "Text_20_body", L("s2_missing_none"));
	} else {
		x_table_begin(b, "ChuaNop", w3, 2, h3);
		for (unsigned i = 0; i < r.nrows; i++) {
			const char *st = dbres_get(&r, i, 2);
			if (st && (strcmp(st, "submitted") == 0 || strcmp(st, "accepted") == 0))
				continue;
			x_row_begin(b);
			x_cell(b, cell(&r, i, 1), 0);
			x_cell(b, Lw("kind_", cell(&r, i, 0)), 0);
			x_row_end(b);
		}
		x_table_end(b);
	}
	dbres_free(&r);
	return 0;
}

/* ---- 3. directions ---- */

static int s_directions(const struct qperiod *p, struct buf *b)
{
	static const char *const w1[] = {"25", "65", "45", "25"};
	static const char *const w2[] = {"25", "65", "22", "20", "28"};
	const char *h1[] = {L("col_dir_code"), L("col_dir_body"), L("col_units"), L("col_done_on")};
	const char *h2[] = {L("col_dir_code"), L("col_dir_body"), L("col_deadline"), L("col_days_over"),
			    L("col_status")};
	char unit[256] = "\x01", d[16], today[16], s[256], days[24];
	struct dbres r;

	x_head(b, 1, L("s3"));
	x_head(b, 2, L("s3_done"));
	if (db_exec(Q_DONE, &r, "ss", p->start, p->end) != E_OK)
		return -1;
	if (r.nrows == 0) {
		x_para(b, "Text_20_body", L("s3_done_none"));
	} else {
		x_table_begin(b, "ChiDaoXong", w1, 4, h1);
		for (unsigned i = 0; i < r.nrows; i++) {
			fmt_date(cell(&r, i, 3), d, sizeof d);
			x_row_begin(b);
			x_cell(b, cell(&r, i, 0), 0);
			x_cell(b, cell(&r, i, 1), 0);
			x_cell(b, cell(&r, i, 4), 0);
			x_cell(b, d, 0);
			x_row_end(b);
		}
		x_table_end(b);
	}
	dbres_free(&r);

	x_head(b, 2, L("s3_overdue"));
	fmt_date(p->today, today, sizeof today);
	if (db_exec(Q_OVERDUE, &r, "ss", p->today, p->today) != E_OK)
		return -1;
	if (r.nrows == 0) {
		snprintf(s, sizeof s, "%s %s.", L("s3_overdue_none"), today);
		x_para(b, "Text_20_body", s);
		dbres_free(&r);
		return 0;
	}
	snprintf(s, sizeof s, "%s %s.", L("s3_overdue_intro"), today);
	x_para(b, "Text_20_body", s);
	x_table_begin(b, "ChiDaoQuaHan", w2, 5, h2);
	for (unsigned i = 0; i < r.nrows; i++) {
		if (strcmp(unit, cell(&r, i, 0)) != 0) {
			snprintf(unit, sizeof unit, "%s", cell(&r, i, 0));
			x_span_row(b, 5, *unit ? unit : L("no_unit"));
		}
		fmt_date(cell(&r, i, 3), d, sizeof d);
		snprintf(days, sizeof days, "%lld", dbres_int(&r, i, 4));
		x_row_begin(b);
		x_cell(b, cell(&r, i, 1), 0);
		x_cell(b, cell(&r, i, 2), 0);
		x_cell(b, d, 0);
		x_cell(b, days, 1);
		x_cell(b, Lw("dir_", cell(&r, i, 5)), 0);
		x_row_end(b);
	}
	x_table_end(b);
	dbres_free(&r);
	return 0;
}

/* ---- 4. the annual plan ---- */

static void plan_summary(struct buf *b, const struct dbres *r, unsigned i)
{
	char s[512], pct[32], est[64], alloc[64], spent[64], used[32];
	const char *avg = dbres_get(r, i, 5), *a = dbres_get(r, i, 7), *sp = dbres_get(r, i, 8);

	snprintf(s, sizeof s, "%s", cell(r, i, 1));
	if (*cell(r, i, 2))
		snprintf(s + strlen(s), sizeof s - strlen(s), " (%s)", cell(r, i, 2));
	x_head(b, 2, s);
	fmt_num(avg ? avg : "0", 1, pct, sizeof pct);
	snprintf(s, sizeof s, "%s %s %%; %s %lld/%lld; %s %lld.", L("plan_progress"), pct, L("plan_done"),
		 dbres_int(r, i, 4), dbres_int(r, i, 3), L("plan_overdue"), dbres_int(r, i, 9));
	x_para(b, "Text_20_body", s);
	fmt_num(dbres_get(r, i, 6), 3, est, sizeof est);
	fmt_num(a, 3, alloc, sizeof alloc);
	fmt_num(sp, 3, spent, sizeof spent);
	if (a != NULL && sp != NULL && strtod(a, NULL) > 0) {
		char tmp[32];
		snprintf(tmp, sizeof tmp, "%.6f", strtod(sp, NULL) / strtod(a, NULL) * 100);
		fmt_num(tmp, 1, used, sizeof used);
		strncat(used, " %", sizeof used - strlen(used) - 1);
	} else {
		snprintf(used, sizeof used, "—");
	}
	snprintf(s, sizeof s, "%s %s; %s %s; %s %s (%s %s).", L("budget_estimated"), est,
		 L("budget_allocated"), alloc, L("budget_spent"), spent, L("budget_used"), used);
	x_para(b, "Text_20_body", s);
}

static int s_plan(const struct qperiod *p, struct buf *b)
{
	static const char *const w[] = {"20", "50", "45", "25", "20"};
	const char *h[] = {L("col_task_code"), L("col_task"), L("col_owner"), L("col_deadline"),
			   L("col_task_progress")};
	struct dbres r;
	char s[256], d[16], pr[16], today[16];

	x_head(b, 1, L("s4"));
	fmt_date(p->today, today, sizeof today);
	if (db_exec(Q_PLAN, &r, "si", p->today, (long long)p->year) != E_OK)
		return -1;
	if (r.nrows == 0) {
		snprintf(s, sizeof s, "%s %d.", L("s4_none"), p->year);
		x_para(b, "Text_20_body", s);
		dbres_free(&r);
		return 0;
	}
	snprintf(s, sizeof s, "%s %s.", L("s4_intro"), today);
	x_para(b, "Text_20_body", s);
	for (unsigned i = 0; i < r.nrows; i++)
		plan_summary(b, &r, i);
	dbres_free(&r);

	x_head(b, 2, L("s4_late"));
	if (db_exec(Q_PLAN_LATE, &r, "sis", p->today, (long long)p->year, p->today) != E_OK)
		return -1;
	if (r.nrows == 0) {
		x_para(b, "Text_20_body", L("s4_late_none"));
	} else {
		x_table_begin(b, "NhiemVuQuaHan", w, 5, h);
		for (unsigned i = 0; i < r.nrows; i++) {
			fmt_date(cell(&r, i, 3), d, sizeof d);
			snprintf(pr, sizeof pr, "%lld %%", dbres_int(&r, i, 4));
			x_row_begin(b);
			x_cell(b, cell(&r, i, 0), 0);
			x_cell(b, cell(&r, i, 1), 0);
			x_cell(b, cell(&r, i, 2), 0);
			x_cell(b, d, 0);
			x_cell(b, pr, 1);
			x_row_end(b);
		}
		x_table_end(b);
	}
	dbres_free(&r);
	return 0;
}

/* ---- 5. problems and proposals, 6. proposals to the committee ---- */

static int s_problems(const struct qperiod *p, struct buf *b)
{
	struct dbres r;

	x_head(b, 1, L("s5"));
	if (db_exec(Q_PROBLEMS, &r, "i", p->id) != E_OK)
		return -1;
	if (r.nrows == 0)
		x_para(b, "Text_20_body", L("s5_none"));
	else
		x_para(b, "Text_20_body", L("s5_intro"));
	for (unsigned i = 0; i < r.nrows; i++) {
		x_head(b, 2, cell(&r, i, 0));
		if (*cell(&r, i, 1)) {
			x_labelled(b, L("problems"), "");
			x_para(b, "Quote", cell(&r, i, 1));
		}
		if (*cell(&r, i, 2)) {
			x_labelled(b, L("proposals"), "");
			x_para(b, "Quote", cell(&r, i, 2));
		}
	}
	dbres_free(&r);
	return 0;
}

static void s_to_committee(struct buf *b)
{
	x_head(b, 1, L("s6"));
	x_para(b, "Hint", L("s6_hint"));
	for (int i = 0; i < 3; i++)
		x_para(b, "Text_20_body", "");
}

int sections_write(const struct qperiod *p, struct buf *b, char *err, size_t errsz)
{
	struct dbres r;
	char computed[32] = "", title[256];

	if (db_begin() != E_OK) {
		snprintf(err, errsz, "cannot start a read transaction");
		return -1;
	}
	if (db_exec(Q_RUN, &r, "i", p->id) != E_OK)
		goto fail;
	if (r.nrows == 1 && dbres_get(&r, 0, 0) != NULL)
		snprintf(computed, sizeof computed, "%s", dbres_get(&r, 0, 0));
	dbres_free(&r);
	cat3(title, sizeof title, L("title"), " — ", p->label);
	x_doc_begin(b, title);
	title_page(p, b, computed);
	if (s_indicators(p, b) || s_timeliness(p, b) || s_directions(p, b) || s_plan(p, b) ||
	    s_problems(p, b))
		goto fail;
	s_to_committee(b);
	x_doc_end(b);
	db_commit();
	return 0;
fail:
	db_rollback();
	snprintf(err, errsz, "cannot read the report's data from the database (see the log)");
	return -1;
}

int record_run(const struct qperiod *p, const char *files)
{
	char id[24];

	snprintf(id, sizeof id, "%lld", p->id);
	return db_exec(Q_AUDIT, NULL, "ss", id, files) == E_OK ? 0 : -1;
}
