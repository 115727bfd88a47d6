/* /review/: where the reporting cycle stands, period by period. */
#include <stdio.h>
#include <string.h>

#include "../lib/db.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

enum { Q_PERIODS, Q_ASKED, Q_CHOICE, Q_N };
static const char *const sql[Q_N] = {
	/* per period: how many forms are at each step */
	"SELECT p.id, p.kind, p.year, p.seq, p.due_on, p.is_open, p.locked, 0, "
	"SUM(s.status = 'submitted'), SUM(s.status = 'accepted'), SUM(s.status = 'returned'), "
	"SUM(s.status = 'draft') "
	"FROM period p LEFT JOIN submission s ON s.period_id = p.id "
	"GROUP BY p.id ORDER BY p.year DESC, p.cutoff_end DESC, p.kind",
	/* per period: the units that existed and were asked (a join, not a
	 * correlated EXISTS: MariaDB 10.11 crashes re-executing that) */
	"SELECT k.period_id, COUNT(*) FROM (SELECT DISTINCT period_id, unit_kind FROM period_indicator) k "
	"JOIN period p ON p.id = k.period_id JOIN unit u ON u.kind = k.unit_kind "
	"AND u.valid_from <= p.cutoff_end AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start) "
	"GROUP BY k.period_id",
	"SELECT id, kind, year, seq, is_open FROM period ORDER BY year DESC, cutoff_end DESC, kind",
};
static struct stmt_table tab = STMT_TABLE(sql);

const struct field home_fields[] = {
	{"done", F_WORD, 0, 0, 0, "aggregate"},
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

void review_nav(struct req *r, const char *active)
{
	hset(r, "Nav.active", active);
	/* user management is for the working group's lead and the administrators */
	hseti(r, "Nav.users", (r->user.roles & (R_WG_LEAD | R_ADMIN)) != 0);
}

int review_period_choice(struct req *r, long long selected)
{
	struct dbres res;
	int rc = db_tab_exec(&tab, Q_CHOICE, &res, "");

	if (rc != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		char label[64];
		HDF *n = hnode(r, "Periods.%u", i);

		period_label(dbres_get(&res, i, 1)[0], (int)dbres_int(&res, i, 2),
			     (int)dbres_int(&res, i, 3), r->lang, label, sizeof label);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "label", label);
		nseti(r, n, "open", dbres_int(&res, i, 4));
		if (dbres_int(&res, i, 0) == selected)
			nset(r, n, "selected", "1");
	}
	dbres_free(&res);
	return E_OK;
}

int ui_home(struct req *r)
{
	struct dbres res, asked;
	int rc;

	review_nav(r, "home");
	r->tmpl = "review/home.cs";
	if (r->fv[0].present)
		hset(r, "Home.done", r->fv[0].s);
	if ((rc = db_tab_exec(&tab, Q_ASKED, &asked, "")) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_PERIODS, &res, "")) != E_OK) {
		dbres_free(&asked);
		return rc;
	}
	for (unsigned i = 0; i < res.nrows; i++) {
		char label[64], due[16];
		HDF *n = hnode(r, "Home.periods.%u", i);

		period_label(dbres_get(&res, i, 1)[0], (int)dbres_int(&res, i, 2),
			     (int)dbres_int(&res, i, 3), r->lang, label, sizeof label);
		date_iso_to_vn(dbres_get(&res, i, 4), due, sizeof due);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "label", label);
		nset(r, n, "due", due);
		nseti(r, n, "open", dbres_int(&res, i, 5));
		nseti(r, n, "locked", dbres_int(&res, i, 6));
		nseti(r, n, "units", 0);
		for (unsigned j = 0; j < asked.nrows; j++)
			if (dbres_int(&asked, j, 0) == dbres_int(&res, i, 0))
				nseti(r, n, "units", dbres_int(&asked, j, 1));
		nseti(r, n, "submitted", dbres_int(&res, i, 8));
		nseti(r, n, "accepted", dbres_int(&res, i, 9));
		nseti(r, n, "returned", dbres_int(&res, i, 10));
		nseti(r, n, "draft", dbres_int(&res, i, 11));
	}
	dbres_free(&res);
	dbres_free(&asked);
	return E_OK;
}
