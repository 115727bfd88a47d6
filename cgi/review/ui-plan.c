/* /review/plan: the annual work programme and inspection plan (Art. 3, 6.1,
 * 9).  The working group creates the year's plans and their tasks (owner
 * unit, co-operating units, deadline, budget estimated and allocated); the
 * owner units report progress, status and spending from /report/directions.
 * The page sums it up: overall progress (mean of the tasks' percentages,
 * dropped tasks left out), overdue tasks, budget used per unit and per
 * quarter of the deadline.  Budgets are million VND. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/clock.h"
#include "../lib/db.h"
#include "../lib/directions.h"
#include "../lib/hdfdate.h"
#include "../lib/hdfnum.h"
#include "../lib/hdfrows.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "../lib/textutil.h"
#include "../lib/typedback.h"
#include "review.h"

#define MAX_COOP 64

enum { PF_YEAR, PF_KIND, PF_TITLE, PF_DECISION, PF_DONE };
const struct field plan_fields[] = {
	{"year", F_INT, 2000, 2100, 0, NULL},
	{"kind", F_WORD, 0, 0, 0, "work|inspection"},
	{"title", F_LINE, 0, 500, 0, NULL},
	{"decision", F_LINE, 0, 255, 0, NULL},
	{"done", F_WORD, 0, 0, 0, "created|task_saved|task_added"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { TF_ID, TF_PLAN, TF_VERSION, TF_CODE, TF_TITLE, TF_OWNER, TF_DEADLINE, TF_EST, TF_ALLOC };
const struct field task_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 0, NULL},
	{"plan", F_INT, 1, 4294967295LL, 0, NULL},
	{"version", F_INT, 1, 4294967295LL, 0, NULL},
	{"code", F_LINE, 0, 32, 0, NULL},
	{"title", F_TEXT, 0, 1000, 0, NULL},
	{"owner", F_INT, 0, 4294967295LL, 0, NULL},
	{"deadline", F_LINE, 0, 10, 0, NULL},
	{"budget_estimated", F_LINE, 0, 32, 0, NULL},
	{"budget_allocated", F_LINE, 0, 32, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

/* what a year's tasks add up to, by one grouping (the plan's overall
 * figures have the constant 0 as their group) */
#define SUMS(key) \
	"SELECT " key ", COUNT(*), ROUND(AVG(t.progress)), " \
	"SUM" TASK_OVERDUE ", SUM(t.budget_estimated), " \
	"SUM(t.budget_allocated), SUM(t.budget_spent), " \
	"ROUND(100 * SUM(t.budget_spent) / NULLIF(SUM(t.budget_allocated), 0), 1) " \
	"FROM plan_task t JOIN plan p ON p.id = t.plan_id JOIN unit u ON u.id = t.owner_unit_id " \
	"WHERE p.year = ? AND t.status <> 'dropped' "

enum {
	Q_PLANS, Q_TASKS, Q_BY_UNIT, Q_BY_QUARTER, Q_TOTAL, Q_PLAN_INS, Q_PLAN_GET, Q_TASK_GET,
	Q_TASK_COOP, Q_TASK_INS, Q_TASK_UPD, Q_COOP_DEL, Q_COOP_ADD, Q_UNITS, Q_UNIT_OK, Q_N
};
static const char *const sql[Q_N] = {
	"SELECT id, kind, title, decision FROM plan WHERE year = ? ORDER BY FIELD(kind, 'work', 'inspection')",
	"SELECT t.id, t.plan_id, t.code, t.title, u.name, t.deadline, QUARTER(t.deadline), t.status, "
	"t.progress, t.budget_estimated, t.budget_allocated, t.budget_spent, "
	TASK_OVERDUE ", "
	"GROUP_CONCAT(cu.name ORDER BY cu.name SEPARATOR '; '), t.note "
	"FROM plan_task t JOIN plan p ON p.id = t.plan_id JOIN unit u ON u.id = t.owner_unit_id "
	"LEFT JOIN plan_task_unit tu ON tu.task_id = t.id LEFT JOIN unit cu ON cu.id = tu.unit_id "
	"WHERE p.year = ? GROUP BY t.id ORDER BY t.plan_id, t.deadline, t.code",
	SUMS("u.name") "GROUP BY u.id, u.name ORDER BY u.name",
	SUMS("QUARTER(t.deadline)") "GROUP BY QUARTER(t.deadline) ORDER BY 1",
	SUMS("0"),
	"INSERT INTO plan (year, kind, title, decision) VALUES (?, ?, ?, ?)",
	"SELECT id, year, kind, title FROM plan WHERE id = ?",
	"SELECT t.id, t.plan_id, t.code, t.title, t.owner_unit_id, t.deadline, t.budget_estimated, "
	"t.budget_allocated, t.version, t.status, t.progress, t.budget_spent, t.note "
	"FROM plan_task t WHERE t.id = ?",
	"SELECT unit_id FROM plan_task_unit WHERE task_id = ?",
	"INSERT INTO plan_task (plan_id, code, title, owner_unit_id, deadline, budget_estimated, "
	"budget_allocated, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	/* the version check is the optimistic lock (the owner unit edits the
	 * same row's progress) */
	"UPDATE plan_task SET code = ?, title = ?, owner_unit_id = ?, deadline = ?, budget_estimated = ?, "
	"budget_allocated = ?, updated_by = ?, updated_at = UTC_TIMESTAMP(), version = version + 1 "
	"WHERE id = ? AND version = ?",
	"DELETE FROM plan_task_unit WHERE task_id = ?",
	"INSERT INTO plan_task_unit (task_id, unit_id) VALUES (?, ?)",
	"SELECT id, name FROM unit WHERE valid_to IS NULL OR valid_to >= ? "
	"ORDER BY FIELD(kind, 'department', 'district', 'commune', 'other'), name",
	"SELECT id FROM unit WHERE id = ?",
};
static struct stmt_table tab = STMT_TABLE(sql);

static int this_year(void)
{
	char today[11];

	hanoi_today(today, sizeof today);
	return atoi(today);
}

static int sums(struct req *r, int st, const char *node, const char *today, long long year)
{
	struct dbres res;
	int rc = db_tab_exec(&tab, st, &res, "si", today, year);

	if (rc != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		static const char *const keys[] = {"key", "tasks", "progress", "overdue"};
		HDF *n = hnode(r, "%s.%u", node, i);
		NSET_ROW(r, n, &res, i, keys);
		nset_num(r, n, "estimated", dbres_get(&res, i, 4));
		nset_num(r, n, "allocated", dbres_get(&res, i, 5));
		nset_num(r, n, "spent", dbres_get(&res, i, 6));
		nset_num(r, n, "used", dbres_get(&res, i, 7));
	}
	dbres_free(&res);
	return E_OK;
}

static int plan_page(struct req *r, long long year)
{
	struct dbres res;
	char today[11];
	int rc;

	review_nav(r, "plan");
	r->tmpl = "review/plan.cs";
	hanoi_today(today, sizeof today);
	hseti(r, "Plan.year", year);
	if ((rc = db_tab_exec(&tab, Q_PLANS, &res, "i", year)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Plan.plans.%s", dbres_get(&res, i, 0));
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "kind", dbres_get(&res, i, 1));
		nset(r, n, "title", dbres_get(&res, i, 2));
		nset(r, n, "decision", dbres_get(&res, i, 3));
		hsetf(r, "1", "Plan.has.%s", dbres_get(&res, i, 1));
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_TASKS, &res, "si", today, year)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Plan.plans.%s.tasks.%u", dbres_get(&res, i, 1), i);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 2));
		nset(r, n, "title", dbres_get(&res, i, 3));
		nset(r, n, "owner", dbres_get(&res, i, 4));
		nset_date(r, n, "deadline", dbres_get(&res, i, 5));
		nset(r, n, "quarter", dbres_get(&res, i, 6));
		nset(r, n, "status", dbres_get(&res, i, 7));
		nset(r, n, "progress", dbres_get(&res, i, 8));
		nset_num(r, n, "estimated", dbres_get(&res, i, 9));
		nset_num(r, n, "allocated", dbres_get(&res, i, 10));
		nset_num(r, n, "spent", dbres_get(&res, i, 11));
		nset(r, n, "overdue", dbres_get(&res, i, 12));
		nset(r, n, "coop", dbres_get(&res, i, 13));
		nset(r, n, "note", dbres_get(&res, i, 14));
	}
	dbres_free(&res);
	if ((rc = sums(r, Q_BY_UNIT, "Plan.by_unit", today, year)) != E_OK ||
	    (rc = sums(r, Q_BY_QUARTER, "Plan.by_quarter", today, year)) != E_OK ||
	    (rc = sums(r, Q_TOTAL, "Plan.total", today, year)) != E_OK)
		return rc;
	return E_OK;
}

int ui_plan_get(struct req *r)
{
	if (r->fv[PF_DONE].present)
		hset(r, "Plan.done", r->fv[PF_DONE].s);
	return plan_page(r, r->fv[PF_YEAR].present ? r->fv[PF_YEAR].i : this_year());
}

int ui_plan_post(struct req *r)
{
	long long year = r->fv[PF_YEAR].present ? r->fv[PF_YEAR].i : 0;
	const char *title = r->fv[PF_TITLE].s, *dec = r->fv[PF_DECISION].s;
	char loc[64], id[24];
	int rc;

	if (year == 0 || !r->fv[PF_KIND].present || blank(title)) {
		rc = plan_page(r, year ? year : this_year());
		hset(r, "Plan.error", year == 0 ? "year_required" : !r->fv[PF_KIND].present ? "kind_required"
			      : "title_required");
		hset(r, "Plan.v.title", title);
		hset(r, "Plan.v.decision", dec);
		r->status = 422;
		return rc;
	}
	if ((rc = db_begin()) != E_OK)
		return rc;
	rc = db_tab_exec(&tab, Q_PLAN_INS, NULL, "isss", year, r->fv[PF_KIND].s, title, blank(dec) ? NULL : dec);
	if (rc == E_DUP) {
		db_rollback();
		rc = plan_page(r, year);
		hset(r, "Plan.error", "plan_exists");
		r->status = 422;
		return rc;
	}
	snprintf(id, sizeof id, "%llu", db_insert_id());
	if (rc == E_OK)
		rc = audit(r, "plan_create", "plan", id, NULL, title, NULL);
	if (rc != E_OK) {
		db_rollback();
		return rc;
	}
	if ((rc = db_commit()) == E_OK) {
		snprintf(loc, sizeof loc, "/review/plan?year=%lld&done=created", year);
		req_redirect(r, loc);
	}
	return rc;
}

static int task_form(struct req *r, long long id, long long plan, int keep_typed)
{
	struct dbres res;
	char today[11];
	int rc;

	review_nav(r, "plan");
	r->tmpl = "review/plan-task.cs";
	hanoi_today(today, sizeof today);
	if ((rc = db_tab_exec(&tab, Q_UNITS, &res, "s", today)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		static const char *const keys[] = {"id", "name"};
		NSET_ROW(r, hnode(r, "Task.units.%u", i), &res, i, keys);
	}
	dbres_free(&res);
	if (id != 0) {
		if ((rc = db_tab_exec(&tab, Q_TASK_GET, &res, "i", id)) != E_OK)
			return rc;
		if (res.nrows != 1) {
			dbres_free(&res);
			return E_NOTFOUND;
		}
		plan = dbres_int(&res, 0, 1);
		hset(r, "Task.id", dbres_get(&res, 0, 0));
		hset(r, "Task.status", dbres_get(&res, 0, 9));
		hset(r, "Task.progress", dbres_get(&res, 0, 10));
		hset(r, "Task.note", dbres_get(&res, 0, 12));
		nset_num(r, hnode(r, "Task"), "spent", dbres_get(&res, 0, 11));
		if (!keep_typed) {
			HDF *n = hnode(r, "Task.v");
			nset(r, n, "code", dbres_get(&res, 0, 2));
			nset(r, n, "title", dbres_get(&res, 0, 3));
			nset(r, n, "owner", dbres_get(&res, 0, 4));
			nset_date(r, n, "deadline", dbres_get(&res, 0, 5));
			nset_num(r, n, "budget_estimated", dbres_get(&res, 0, 6));
			nset_num(r, n, "budget_allocated", dbres_get(&res, 0, 7));
			nset(r, n, "version", dbres_get(&res, 0, 8));
		}
		dbres_free(&res);
		if (!keep_typed) {
			if ((rc = db_tab_exec(&tab, Q_TASK_COOP, &res, "i", id)) != E_OK)
				return rc;
			for (unsigned i = 0; i < res.nrows; i++)
				hsetf(r, "1", "Task.v.coop.%s", dbres_get(&res, i, 0));
			dbres_free(&res);
		}
	}
	if ((rc = db_tab_exec(&tab, Q_PLAN_GET, &res, "i", plan)) != E_OK)
		return rc;
	if (res.nrows != 1) {
		dbres_free(&res);
		return E_NOTFOUND;
	}
	hset(r, "Task.plan.id", dbres_get(&res, 0, 0));
	hset(r, "Task.plan.year", dbres_get(&res, 0, 1));
	hset(r, "Task.plan.kind", dbres_get(&res, 0, 2));
	hset(r, "Task.plan.title", dbres_get(&res, 0, 3));
	dbres_free(&res);
	return E_OK;
}

int ui_task_get(struct req *r)
{
	long long id = r->fv[TF_ID].present ? r->fv[TF_ID].i : 0;

	if (id == 0 && !r->fv[TF_PLAN].present)
		return E_NOTFOUND;
	return task_form(r, id, r->fv[TF_PLAN].present ? r->fv[TF_PLAN].i : 0, 0);
}

static int task_refuse(struct req *r, const char *field, const char *key, int status)
{
	static const char *const names[] = {"code", "title", "owner", "deadline", "budget_estimated",
					    "budget_allocated", "version"};
	static const int idx[] = {TF_CODE, TF_TITLE, TF_OWNER, TF_DEADLINE, TF_EST, TF_ALLOC, TF_VERSION};
	int rc, fresh = status == 409;

	/* a conflict shows the task as it now is (and its new version) */
	if (!fresh)
		typed_back(r, "Task.v", names, idx, sizeof idx / sizeof idx[0], "coop");
	rc = task_form(r, r->fv[TF_ID].present ? r->fv[TF_ID].i : 0,
		       r->fv[TF_PLAN].present ? r->fv[TF_PLAN].i : 0, !fresh);
	hset(r, "Task.error", key);
	hset(r, "Task.error_field", field);
	r->status = status;
	return rc;
}

int ui_task_post(struct req *r)
{
	long long id = r->fv[TF_ID].present ? r->fv[TF_ID].i : 0, plan = 0, coop[MAX_COOP], year;
	long long owner = r->fv[TF_OWNER].present ? r->fv[TF_OWNER].i : 0;
	char est[64], alloc[64], ds[11], sid[24], loc[96];
	struct ymd deadline;
	struct dbres res;
	int rc, ncoop = 0;

	if (id != 0) {
		if (!r->fv[TF_VERSION].present)
			return E_BADREQ;
		if ((rc = db_tab_exec(&tab, Q_TASK_GET, &res, "i", id)) != E_OK)
			return rc;
		plan = res.nrows == 1 ? dbres_int(&res, 0, 1) : 0;
		dbres_free(&res);
	} else if (r->fv[TF_PLAN].present) {
		plan = r->fv[TF_PLAN].i;
	}
	if (plan == 0)
		return E_NOTFOUND;
	if ((rc = db_tab_exec(&tab, Q_PLAN_GET, &res, "i", plan)) != E_OK)
		return rc;
	year = res.nrows == 1 ? dbres_int(&res, 0, 1) : 0;
	dbres_free(&res);
	if (year == 0)
		return E_NOTFOUND;
	if (blank(r->fv[TF_CODE].s))
		return task_refuse(r, "code", "code_required", 422);
	if (blank(r->fv[TF_TITLE].s))
		return task_refuse(r, "title", "title_required", 422);
	if (owner == 0)
		return task_refuse(r, "owner", "owner_required", 422);
	if (blank(r->fv[TF_DEADLINE].s) || date_parse(r->fv[TF_DEADLINE].s, &deadline) != 0)
		return task_refuse(r, "deadline", "date", 422);
	if (budget_parse(r->fv[TF_EST].s, est, sizeof est) != 0)
		return task_refuse(r, "budget_estimated", "budget", 422);
	if (budget_parse(r->fv[TF_ALLOC].s, alloc, sizeof alloc) != 0)
		return task_refuse(r, "budget_allocated", "budget", 422);
	for (int i = r->nkv_query; i < r->nkv; i++) {
		char *end;
		long long u;
		if (strcmp(r->kv[i].key, "coop") != 0 || r->kv[i].filename != NULL)
			continue;
		u = strtoll(r->kv[i].val, &end, 10);
		if (r->kv[i].val[0] == '\0' || *end != '\0' || u <= 0 || u > 4294967295LL || ncoop == MAX_COOP)
			return task_refuse(r, "coop", "owner_required", 422);
		if (u != owner)   /* the owner is not its own co-operator */
			coop[ncoop++] = u;
	}
	for (int i = -1; i < ncoop; i++) {
		if ((rc = db_tab_exec(&tab, Q_UNIT_OK, &res, "i", i < 0 ? owner : coop[i])) != E_OK)
			return rc;
		rc = res.nrows == 1;
		dbres_free(&res);
		if (!rc)
			return task_refuse(r, i < 0 ? "owner" : "coop", "owner_required", 422);
	}
	date_iso(deadline, ds, sizeof ds);
	if ((rc = db_begin()) != E_OK)
		return rc;
	if (id == 0) {
		rc = db_tab_exec(&tab, Q_TASK_INS, NULL, "ississsi", plan, r->fv[TF_CODE].s, r->fv[TF_TITLE].s,
				 owner, ds, est[0] ? est : NULL, alloc[0] ? alloc : NULL, r->user.id);
		id = (long long)db_insert_id();
	} else {
		rc = db_tab_exec(&tab, Q_TASK_UPD, NULL, "ssisssiii", r->fv[TF_CODE].s, r->fv[TF_TITLE].s,
				 owner, ds, est[0] ? est : NULL, alloc[0] ? alloc : NULL, r->user.id, id,
				 r->fv[TF_VERSION].i);
		if (rc == E_OK && db_affected() != 1) {
			db_rollback();
			return task_refuse(r, "", "conflict", 409);
		}
		if (rc == E_OK)
			rc = db_tab_exec(&tab, Q_COOP_DEL, NULL, "i", id);
	}
	if (rc == E_DUP) {
		db_rollback();
		return task_refuse(r, "code", "code_exists", 422);
	}
	for (int i = 0; rc == E_OK && i < ncoop; i++) {
		int dup = 0;
		for (int j = 0; j < i; j++)
			dup |= coop[j] == coop[i];
		if (!dup)
			rc = db_tab_exec(&tab, Q_COOP_ADD, NULL, "ii", id, coop[i]);
	}
	snprintf(sid, sizeof sid, "%lld", id);
	if (rc == E_OK) {
		char nv[256];
		snprintf(nv, sizeof nv, "owner=%lld deadline=%s estimated=%s allocated=%s", owner, ds, est, alloc);
		rc = audit(r, r->fv[TF_ID].present ? "plan_task_edit" : "plan_task_create", "plan_task", sid,
			   NULL, nv, NULL);
	}
	if (rc != E_OK) {
		db_rollback();
		return rc;
	}
	if ((rc = db_commit()) == E_OK) {
		snprintf(loc, sizeof loc, "/review/plan?year=%lld&done=%s", year,
			 r->fv[TF_ID].present ? "task_saved" : "task_added");
		req_redirect(r, loc);
	}
	return rc;
}
