/* /dashboard/directions: the follow-up of the committee's conclusions and
 * directions and of the year's plan, read only (Art. 6.6, 6.7): overdue and
 * open directions per owner unit, each overdue one by name, and the plan's
 * progress.  "Today" is the date in Hanoi, bound as a parameter.  The
 * overview's block of overdue directions comes from load_overdue_dirs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/clock.h"
#include "../lib/directions.h"
#include "../lib/hdfdate.h"
#include "../lib/hdfnum.h"
#include "../lib/hdfrows.h"
#include "../lib/render.h"
#include "dashboard.h"

const struct field ddirs_fields[] = {
	{"year", F_INT, 2000, 2100, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_OVERDUE, Q_PER_UNIT, Q_PLAN, Q_N };
static const char *const sql[Q_N] = {
	/* one row per overdue direction and owner unit, units with the most
	 * first; the columns in the order of enum dirs_col */
	"SELECT u.id, d.code, u.name, d.body, d.status, d.deadline, DATEDIFF(?, d.deadline), "
	"COUNT(*) OVER (PARTITION BY u.id) AS n, d.id "
	"FROM direction d JOIN direction_unit du ON du.direction_id = d.id JOIN unit u ON u.id = du.unit_id "
	"WHERE " DIR_OVERDUE " ORDER BY n DESC, u.name, d.deadline, d.code",
	"SELECT u.id, u.name, SUM(d.status IN " DIR_OPEN "), "
	"SUM" DIR_OVERDUE ", SUM(d.status = 'reported'), "
	"SUM(d.status = 'done'), COUNT(*) "
	"FROM direction d JOIN direction_unit du ON du.direction_id = d.id JOIN unit u ON u.id = du.unit_id "
	"GROUP BY u.id, u.name ORDER BY 4 DESC, 3 DESC, u.name",
	"SELECT p.id, p.kind, p.title, COUNT(t.id), ROUND(AVG(t.progress)), "
	"SUM" TASK_OVERDUE ", SUM(t.status = 'done'), "
	"SUM(t.budget_allocated), SUM(t.budget_spent), "
	"ROUND(100 * SUM(t.budget_spent) / NULLIF(SUM(t.budget_allocated), 0), 1) "
	"FROM plan p LEFT JOIN plan_task t ON t.plan_id = p.id AND t.status <> 'dropped' "
	"WHERE p.year = ? GROUP BY p.id, p.kind, p.title ORDER BY FIELD(p.kind, 'work', 'inspection')",
};
static struct stmt_table tab = STMT_TABLE(sql);

void dirs_begin(struct req *r, struct dirs_acc *a, char *today)
{
	memset(a, 0, sizeof *a);
	hanoi_today(today, 11);
	nset_date(r, hnode(r, "Dash.dirs"), "today", today);
	hseti(r, "Dash.dirs.overdue", 0);
}

void dirs_add(struct req *r, struct dirs_acc *a, const char *const *c)
{
	HDF *n;
	long long id = atoll(c[DC_DIR]);
	int seen = 0;

	if (strcmp(a->last, c[DC_UNIT]) != 0) {
		snprintf(a->last, sizeof a->last, "%s", c[DC_UNIT]);
		n = hnode(r, "Dash.dirs.units.%d", a->nu++);
		nset(r, n, "id", c[DC_UNIT]);
		nset(r, n, "name", c[DC_UNIT_NAME]);
		nset(r, n, "count", c[DC_COUNT]);
		a->nd = 0;
	}
	n = hnode(r, "Dash.dirs.units.%d.list.%d", a->nu - 1, a->nd++);
	nset(r, n, "id", c[DC_DIR]);
	nset(r, n, "code", c[DC_CODE]);
	nset(r, n, "body", c[DC_BODY]);
	nset_date(r, n, "deadline", c[DC_DEADLINE]);
	nset(r, n, "days", c[DC_DAYS]);
	nset(r, n, "status", c[DC_STATUS]);
	/* a direction owned by two units counts once */
	for (int i = 0; i < a->nseen && !seen; i++)
		seen = a->seen[i] == id;
	if (!seen && a->nseen < DIRS_MAX)
		a->seen[a->nseen++] = id;
	hseti(r, "Dash.dirs.overdue", a->nseen);
}

int load_overdue_dirs(struct req *r)
{
	struct dirs_acc a;
	struct dbres res;
	char today[11];
	int rc;

	dirs_begin(r, &a, today);
	if ((rc = db_tab_exec(&tab, Q_OVERDUE, &res, "ss", today, today)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		const char *c[DC_N];
		for (int k = 0; k < DC_N; k++)
			c[k] = dbres_get(&res, i, (unsigned)k);
		dirs_add(r, &a, c);
	}
	dbres_free(&res);
	return E_OK;
}

int ui_ddirs(struct req *r)
{
	struct dbres res;
	char today[11];
	long long year;
	int rc;

	if (dash_page(r, "directions", "dashboard/directions.cs"))
		return E_OK;
	hanoi_today(today, sizeof today);
	year = r->fv[0].present ? r->fv[0].i : atoi(today);
	hseti(r, "Dash.year", year);
	if ((rc = load_overdue_dirs(r)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_PER_UNIT, &res, "s", today)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		static const char *const keys[] = {"id", "name", "open", "overdue", "reported", "done", "total"};
		NSET_ROW(r, hnode(r, "Dash.dirs.per_unit.%u", i), &res, i, keys);
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_PLAN, &res, "si", today, year)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		static const char *const keys[] = {"id", "kind", "title", "tasks", "progress", "overdue", "done"};
		HDF *n = hnode(r, "Dash.plans.%u", i);
		NSET_ROW(r, n, &res, i, keys);
		nset_num(r, n, "allocated", dbres_get(&res, i, 7));
		nset_num(r, n, "spent", dbres_get(&res, i, 8));
		nset_num(r, n, "used", dbres_get(&res, i, 9));
	}
	dbres_free(&res);
	return E_OK;
}
