/* /review/completeness: units × status for a period, counts and shares per
 * kind of unit, who is late and by how many days; /review/unit: one unit's
 * timeliness across periods.  Only units that existed in the period and were
 * asked for the form count, so completeness never passes 100 %. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/db.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

const struct field compl_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

const struct field history_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_DEFAULT, Q_PERIOD, Q_GRID, Q_UNIT, Q_HISTORY, Q_N };

/* A unit's status in a period, and days late: after the due date, a missing
 * form is late by today - due, a late one by its submission day - due. */
#define STATUS_COLS \
	"s.status, DATE(s.submitted_at + INTERVAL 7 HOUR) <= p.due_on, " \
	"IF(s.submitted_at IS NOT NULL, DATEDIFF(DATE(s.submitted_at + INTERVAL 7 HOUR), p.due_on), " \
	"DATEDIFF(DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR), p.due_on)), s.id "
/* A join with the kinds a period asks, not EXISTS: MariaDB 10.11 crashes
 * re-executing a prepared statement with such a correlated EXISTS. */
#define EXISTED \
	"u.valid_from <= p.cutoff_end AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start)"

static const char *const sql[Q_N] = {
	/* the latest open period, else the latest */
	"SELECT id FROM period ORDER BY is_open DESC, year DESC, cutoff_end DESC LIMIT 1",
	"SELECT id, kind, year, seq, due_on FROM period WHERE id = ?",
	"SELECT u.id, u.code, u.name, u.kind, " STATUS_COLS
	"FROM period p JOIN (SELECT DISTINCT unit_kind FROM period_indicator WHERE period_id = ?) k "
	"JOIN unit u ON u.kind = k.unit_kind AND " EXISTED " "
	"LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id "
	"WHERE p.id = ? ORDER BY FIELD(u.kind, 'district', 'department', 'commune', 'other'), u.name",
	"SELECT id, code, name, kind, valid_from, valid_to FROM unit WHERE id = ?",
	"SELECT p.id, p.kind, p.year, p.seq, p.due_on, " STATUS_COLS
	"FROM unit u JOIN period p ON " EXISTED " "
	"JOIN (SELECT DISTINCT period_id, unit_kind FROM period_indicator) k "
	"ON k.period_id = p.id AND k.unit_kind = u.kind "
	"LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id "
	"WHERE u.id = ? ORDER BY p.year DESC, p.cutoff_end DESC, p.kind",
};
static struct stmt_table tab = STMT_TABLE(sql);

static const char *const statuses[] = {"not_started", "draft", "on_time", "late", "returned", "accepted"};
#define NSTATUS 6
static const char *const kinds[] = {"district", "department", "commune", "other"};
#define NKIND 4

/* Whether a status counts as delivered (submitted, on time or late, or accepted). */
static int delivered(const char *st)
{
	return strcmp(st, "on_time") == 0 || strcmp(st, "late") == 0 || strcmp(st, "accepted") == 0;
}

static const char *status_of(const struct dbres *res, unsigned i, unsigned col)
{
	return form_status(dbres_get(res, i, col), dbres_get(res, i, col + 1));
}

/* Days late, or 0: submitted after the due date, or still missing after it. */
static long long days_late(const struct dbres *res, unsigned i, unsigned col)
{
	long long d = dbres_int(res, i, col + 2);

	return d > 0 ? d : 0;
}

int ui_completeness(struct req *r)
{
	long long pid = r->fv[0].present ? r->fv[0].i : 0;
	long long count[NKIND][NSTATUS] = {{0}}, total[NKIND] = {0}, done[NKIND] = {0};
	struct dbres res, p;
	char label[64], due[16];
	int rc, nlate = 0;

	review_nav(r, "completeness");
	r->tmpl = "review/completeness.cs";
	if (pid == 0) {
		if ((rc = db_tab_exec(&tab, Q_DEFAULT, &res, "")) != E_OK)
			return rc;
		pid = dbres_int(&res, 0, 0);
		dbres_free(&res);
		if (pid == 0)
			return E_OK;
	}
	if ((rc = review_period_choice(r, pid)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_PERIOD, &p, "i", pid)) != E_OK)
		return rc;
	if (p.nrows != 1) {
		dbres_free(&p);
		return E_NOTFOUND;
	}
	period_label(dbres_get(&p, 0, 1)[0], (int)dbres_int(&p, 0, 2), (int)dbres_int(&p, 0, 3),
		     r->lang, label, sizeof label);
	date_iso_to_vn(dbres_get(&p, 0, 4), due, sizeof due);
	dbres_free(&p);
	hseti(r, "Compl.period.id", pid);
	hset(r, "Compl.period.label", label);
	hset(r, "Compl.period.due", due);
	if ((rc = db_tab_exec(&tab, Q_GRID, &res, "ii", pid, pid)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		const char *st = status_of(&res, i, 4);
		long long late = days_late(&res, i, 4);
		HDF *n = hnode(r, "Compl.units.%u", i);
		int k, s;

		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 1));
		nset(r, n, "name", dbres_get(&res, i, 2));
		nset(r, n, "kind", dbres_get(&res, i, 3));
		nset(r, n, "status", st);
		nset(r, n, "sub", dbres_get(&res, i, 7));
		if (late > 0) {
			HDF *l = hnode(r, "Compl.late.%d", nlate++);
			nseti(r, n, "days_late", late);
			nset(r, l, "name", dbres_get(&res, i, 2));
			nset(r, l, "status", st);
			nseti(r, l, "days", late);
		}
		for (k = 0; k < NKIND && strcmp(kinds[k], dbres_get(&res, i, 3)) != 0; k++)
			;
		for (s = 0; s < NSTATUS && strcmp(statuses[s], st) != 0; s++)
			;
		if (k < NKIND && s < NSTATUS) {
			count[k][s]++;
			total[k]++;
			done[k] += delivered(st);
		}
	}
	dbres_free(&res);
	for (int k = 0, row = 0; k < NKIND; k++) {
		HDF *n;
		if (total[k] == 0)
			continue;
		n = hnode(r, "Compl.summary.%d", row++);
		nset(r, n, "kind", kinds[k]);
		nseti(r, n, "total", total[k]);
		nseti(r, n, "delivered", done[k]);
		/* per mille, shown with one decimal: integer arithmetic, never above 100 % */
		{
			char pct[48];
			long long pm = done[k] * 1000 / total[k];
			snprintf(pct, sizeof pct, "%lld,%lld", pm / 10, pm % 10);
			nset(r, n, "pct", pct);
		}
		for (int s = 0; s < NSTATUS; s++) {
			char key[32];
			snprintf(key, sizeof key, "count.%s", statuses[s]);
			nseti(r, n, key, count[k][s]);
		}
	}
	hseti(r, "Compl.nlate", nlate);
	return E_OK;
}

int ui_history(struct req *r)
{
	struct dbres u, res;
	int rc;

	review_nav(r, "completeness");
	if ((rc = db_tab_exec(&tab, Q_UNIT, &u, "i", r->fv[0].i)) != E_OK)
		return rc;
	if (u.nrows != 1) {
		dbres_free(&u);
		return E_NOTFOUND;
	}
	hset(r, "Hist.unit.code", dbres_get(&u, 0, 1));
	hset(r, "Hist.unit.name", dbres_get(&u, 0, 2));
	hset(r, "Hist.unit.kind", dbres_get(&u, 0, 3));
	{
		char d[16];
		date_iso_to_vn(dbres_get(&u, 0, 4), d, sizeof d);
		hset(r, "Hist.unit.valid_from", d);
		if (dbres_get(&u, 0, 5)) {
			date_iso_to_vn(dbres_get(&u, 0, 5), d, sizeof d);
			hset(r, "Hist.unit.valid_to", d);
		}
	}
	dbres_free(&u);
	if ((rc = db_tab_exec(&tab, Q_HISTORY, &res, "i", r->fv[0].i)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		const char *st = status_of(&res, i, 5);
		HDF *n = hnode(r, "Hist.periods.%u", i);
		char label[64], due[16];

		period_label(dbres_get(&res, i, 1)[0], (int)dbres_int(&res, i, 2),
			     (int)dbres_int(&res, i, 3), r->lang, label, sizeof label);
		date_iso_to_vn(dbres_get(&res, i, 4), due, sizeof due);
		nset(r, n, "label", label);
		nset(r, n, "due", due);
		nset(r, n, "status", st);
		nseti(r, n, "days_late", days_late(&res, i, 5));
		nset(r, n, "sub", dbres_get(&res, i, 8));
	}
	dbres_free(&res);
	r->tmpl = "review/unit.cs";
	return E_OK;
}
