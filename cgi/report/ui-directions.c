/* /report/directions: the unit's part of the committee's follow-up.  The
 * owner unit's officers and head report progress on the directions their
 * unit owns (a status, in progress or reported done, and a required note;
 * only the working group confirms "done") and on the plan tasks it owns
 * (progress %, status, budget spent, note); tasks it co-operates on are
 * shown read-only.  The unit always comes from the session: a direction or
 * task of another unit answers 403 (404 when there is no such id) and
 * stores nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/clock.h"
#include "../lib/db.h"
#include "../lib/directions.h"
#include "../lib/hdfdate.h"
#include "../lib/hdfnum.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "../lib/textutil.h"
#include "report.h"

const struct field rdir_fields[] = {
	{"done", F_WORD, 0, 0, 0, "progress|task"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { DF_ID, DF_VERSION, DF_STATUS, DF_NOTE };
const struct field rdir_post_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 1, 4294967295LL, 1, NULL},
	{"status", F_WORD, 0, 0, 0, "in_progress|reported"},
	{"note", F_TEXT, 0, 2000, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { TF_ID, TF_VERSION, TF_STATUS, TF_PROGRESS, TF_SPENT, TF_NOTE };
const struct field rtask_post_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 1, 4294967295LL, 1, NULL},
	{"status", F_WORD, 0, 0, 0, "not_started|in_progress|done"},
	{"progress", F_LINE, 0, 8, 0, NULL},
	{"spent", F_LINE, 0, 32, 0, NULL},
	{"note", F_TEXT, 0, 2000, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_DIRS, Q_NOTES, Q_TASKS, Q_COUNTS, Q_DIR_LOCK, Q_DIR_SET, Q_PROG, Q_TASK_LOCK, Q_TASK_SET, Q_N };
static const char *const sql[Q_N] = {
	"SELECT d.id, d.code, d.body, d.deadline, d.status, d.version, g.display_name, d.given_on, "
	DIR_OVERDUE ", DATEDIFF(?, d.deadline), COALESCE(d.source_doc, '') "
	"FROM direction d JOIN direction_unit du ON du.direction_id = d.id AND du.unit_id = ? "
	"JOIN app_user g ON g.id = d.given_by WHERE d.status IN " DIR_OPEN " ORDER BY d.deadline, d.code",
	/* the unit's own notes, newest first: the first one per direction is shown */
	"SELECT p.direction_id, DATE_FORMAT(p.at + INTERVAL 7 HOUR, '%d/%m/%Y'), p.status_to, p.note "
	"FROM direction_progress p WHERE p.unit_id = ? ORDER BY p.at DESC, p.id DESC",
	"SELECT t.id, t.code, t.title, t.deadline, t.status, t.progress, t.budget_allocated, t.budget_spent, "
	"t.note, t.version, p.year, p.kind, " TASK_OVERDUE ", "
	"t.owner_unit_id = ?, u.name FROM plan_task t JOIN plan p ON p.id = t.plan_id "
	"JOIN unit u ON u.id = t.owner_unit_id "
	"LEFT JOIN plan_task_unit tu ON tu.task_id = t.id AND tu.unit_id = ? "
	"WHERE (t.owner_unit_id = ? OR tu.unit_id IS NOT NULL) AND t.status <> 'dropped' "
	"AND (p.year >= ? OR t.status IN " TASK_OPEN ") ORDER BY p.year DESC, p.kind, t.deadline, t.code",
	"SELECT (SELECT COUNT(*) FROM direction d JOIN direction_unit du ON du.direction_id = d.id "
	"WHERE du.unit_id = ? AND d.status IN " DIR_OPEN "), "
	"(SELECT COUNT(*) FROM direction d JOIN direction_unit du ON du.direction_id = d.id "
	"WHERE du.unit_id = ? AND " DIR_OVERDUE "), "
	"(SELECT COUNT(*) FROM plan_task WHERE owner_unit_id = ? AND status IN " TASK_OPEN "), "
	"(SELECT COUNT(*) FROM plan_task t WHERE t.owner_unit_id = ? AND " TASK_OVERDUE ")",
	/* du.unit_id NULL: the direction exists but is not this unit's */
	"SELECT d.id, d.status, d.version, du.unit_id FROM direction d "
	"LEFT JOIN direction_unit du ON du.direction_id = d.id AND du.unit_id = ? WHERE d.id = ? FOR UPDATE",
	"UPDATE direction SET status = ?, version = version + 1 WHERE id = ? AND version = ?",
	"INSERT INTO direction_progress (direction_id, unit_id, user_id, at, status_from, status_to, note) "
	"VALUES (?, ?, ?, UTC_TIMESTAMP(), ?, ?, ?)",
	"SELECT id, owner_unit_id, version, status, progress, budget_spent FROM plan_task WHERE id = ? FOR UPDATE",
	"UPDATE plan_task SET status = ?, progress = ?, done_on = ?, budget_spent = ?, note = ?, "
	"updated_by = ?, updated_at = UTC_TIMESTAMP(), version = version + 1 WHERE id = ? AND version = ?",
};
static struct stmt_table tab = STMT_TABLE(sql);

int directions_counts(struct req *r)
{
	struct dbres res;
	char today[11];
	long long u = r->user.unit_id;
	int rc;

	if (u == 0)
		return E_OK;
	hanoi_today(today, sizeof today);
	if ((rc = db_tab_exec(&tab, Q_COUNTS, &res, "iisiis", u, u, today, u, u, today)) != E_OK)
		return rc;
	if (res.nrows == 1) {
		hset(r, "Home.dir.open", dbres_get(&res, 0, 0));
		hset(r, "Home.dir.overdue", dbres_get(&res, 0, 1));
		hset(r, "Home.dir.tasks_open", dbres_get(&res, 0, 2));
		hset(r, "Home.dir.tasks_overdue", dbres_get(&res, 0, 3));
	}
	dbres_free(&res);
	return E_OK;
}

static int page(struct req *r)
{
	struct dbres res, notes;
	char today[11];
	long long u = r->user.unit_id;
	int rc;

	r->tmpl = "report/directions.cs";
	if (u == 0) {
		hset(r, "Rep.no_unit", "1");
		return E_OK;
	}
	hanoi_today(today, sizeof today);
	if ((rc = db_tab_exec(&tab, Q_DIRS, &res, "ssi", today, today, u)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_NOTES, &notes, "i", u)) != E_OK) {
		dbres_free(&res);
		return rc;
	}
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Rep.dirs.%u", i);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 1));
		nset(r, n, "body", dbres_get(&res, i, 2));
		nset_date(r, n, "deadline", dbres_get(&res, i, 3));
		nset(r, n, "status", dbres_get(&res, i, 4));
		nset(r, n, "version", dbres_get(&res, i, 5));
		nset(r, n, "giver", dbres_get(&res, i, 6));
		nset_date(r, n, "given_on", dbres_get(&res, i, 7));
		nseti(r, n, "overdue", dbres_int(&res, i, 8));
		if (dbres_int(&res, i, 8))
			nset(r, n, "days", dbres_get(&res, i, 9));
		nset(r, n, "source", dbres_get(&res, i, 10));
		for (unsigned j = 0; j < notes.nrows; j++) {
			if (strcmp(dbres_get(&notes, j, 0), dbres_get(&res, i, 0)) != 0)
				continue;
			nset(r, n, "last.at", dbres_get(&notes, j, 1));
			nset(r, n, "last.status", dbres_get(&notes, j, 2));
			nset(r, n, "last.note", dbres_get(&notes, j, 3));
			break;
		}
	}
	dbres_free(&notes);
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_TASKS, &res, "siiii", today, u, u, u, (long long)atoi(today))) != E_OK)
		return rc;
	for (unsigned i = 0, no = 0, nc = 0; i < res.nrows; i++) {
		int own = dbres_int(&res, i, 13) == 1;
		HDF *n = own ? hnode(r, "Rep.tasks.%u", no++) : hnode(r, "Rep.coop.%u", nc++);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 1));
		nset(r, n, "title", dbres_get(&res, i, 2));
		nset_date(r, n, "deadline", dbres_get(&res, i, 3));
		nset(r, n, "status", dbres_get(&res, i, 4));
		nset(r, n, "progress", dbres_get(&res, i, 5));
		nset_num(r, n, "allocated", dbres_get(&res, i, 6));
		nset_num(r, n, "spent", dbres_get(&res, i, 7));
		nset(r, n, "note", dbres_get(&res, i, 8));
		nset(r, n, "version", dbres_get(&res, i, 9));
		nset(r, n, "year", dbres_get(&res, i, 10));
		nset(r, n, "kind", dbres_get(&res, i, 11));
		nset(r, n, "overdue", dbres_get(&res, i, 12));
		nset(r, n, "owner", dbres_get(&res, i, 14));
	}
	dbres_free(&res);
	return E_OK;
}

int ui_rdir_get(struct req *r)
{
	if (r->fv[0].present)
		hset(r, "Rep.done", r->fv[0].s);
	return page(r);
}

/* The page again, the item's form showing what was typed and why not. */
static int refuse(struct req *r, const char *what, long long id, const char *key, int status)
{
	int rc = page(r);

	hset(r, "Rep.error", key);
	hset(r, "Rep.error_what", what);
	hseti(r, "Rep.error_id", id);
	/* only what the page's field table validated */
	if (strcmp(what, "dir") == 0) {
		hset(r, "Rep.typed.note", r->fv[DF_NOTE].s);
	} else {
		hset(r, "Rep.typed.note", r->fv[TF_NOTE].s);
		hset(r, "Rep.typed.progress", r->fv[TF_PROGRESS].s);
		hset(r, "Rep.typed.spent", r->fv[TF_SPENT].s);
	}
	r->status = status;
	return rc;
}

/* Ends a report's transaction: committed and back to the page, or rolled
 * back, a lost race told apart from other failures. */
static int finish(struct req *r, int rc, const char *done)
{
	if (rc == E_OK) {
		if ((rc = db_commit()) == E_OK)
			req_redirect(r, done);
		return rc;
	}
	db_rollback();
	if (rc == E_CONFLICT)
		r->message = "dir_conflict";
	return rc;
}

int ui_rdir_post(struct req *r)
{
	long long id = r->fv[DF_ID].i, unit = r->user.unit_id;
	const char *note = r->fv[DF_NOTE].s, *to = r->fv[DF_STATUS].s;
	struct dbres d;
	char sid[24];
	int rc;

	if (unit == 0)
		return E_FORBIDDEN;
	if (!r->fv[DF_STATUS].present)
		return refuse(r, "dir", id, "status", 422);
	if (blank(note))
		return refuse(r, "dir", id, "note_required", 422);
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_DIR_LOCK, &d, "ii", unit, id)) != E_OK)
		goto fail;
	if (d.nrows != 1 || dbres_get(&d, 0, 3) == NULL) {
		rc = d.nrows != 1 ? E_NOTFOUND : E_FORBIDDEN;
		dbres_free(&d);
		goto fail;
	}
	if (dbres_int(&d, 0, 2) != r->fv[DF_VERSION].i ||
	    !list_has(DIR_OPEN_WORDS, '|', dbres_get(&d, 0, 1))) {
		dbres_free(&d);
		db_rollback();
		return refuse(r, "dir", id, "conflict", 409);
	}
	snprintf(sid, sizeof sid, "%lld", id);
	rc = db_tab_exec(&tab, Q_DIR_SET, NULL, "sii", to, id, r->fv[DF_VERSION].i);
	if (rc == E_OK && db_affected() != 1)
		rc = E_CONFLICT;
	if (rc == E_OK)
		rc = db_tab_exec(&tab, Q_PROG, NULL, "iiisss", id, unit, r->user.id, dbres_get(&d, 0, 1), to, note);
	if (rc == E_OK)
		rc = audit(r, "direction_progress", "direction", sid, dbres_get(&d, 0, 1), to, note);
	dbres_free(&d);
fail:
	return finish(r, rc, "/report/directions?done=progress");
}

int ui_rtask_post(struct req *r)
{
	long long id = r->fv[TF_ID].i, unit = r->user.unit_id, progress;
	const char *st = r->fv[TF_STATUS].s, *note = r->fv[TF_NOTE].s, *ps = r->fv[TF_PROGRESS].s;
	char spent[64], today[11], sid[24], oldv[160], newv[160];
	struct dbres t;
	char *end;
	int rc;

	if (unit == 0)
		return E_FORBIDDEN;
	if (!r->fv[TF_STATUS].present)
		return refuse(r, "task", id, "status", 422);
	progress = blank(ps) ? -1 : strtoll(ps, &end, 10);
	if (blank(ps) || *end != '\0' || progress < 0 || progress > 100)
		return refuse(r, "task", id, "progress", 422);
	if (budget_parse(r->fv[TF_SPENT].s, spent, sizeof spent) != 0)
		return refuse(r, "task", id, "budget", 422);
	/* done means all of it */
	if (strcmp(st, "done") == 0)
		progress = 100;
	hanoi_today(today, sizeof today);
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_TASK_LOCK, &t, "i", id)) != E_OK)
		goto fail;
	if (t.nrows != 1 || dbres_int(&t, 0, 1) != unit) {
		rc = t.nrows != 1 ? E_NOTFOUND : E_FORBIDDEN;
		dbres_free(&t);
		goto fail;
	}
	if (dbres_int(&t, 0, 2) != r->fv[TF_VERSION].i || strcmp(dbres_get(&t, 0, 3), "dropped") == 0) {
		dbres_free(&t);
		db_rollback();
		return refuse(r, "task", id, "conflict", 409);
	}
	snprintf(oldv, sizeof oldv, "%s %s%% spent=%s", dbres_get(&t, 0, 3), dbres_get(&t, 0, 4),
		 dbres_get(&t, 0, 5) ? dbres_get(&t, 0, 5) : "");
	snprintf(newv, sizeof newv, "%s %lld%% spent=%s", st, progress, spent);
	dbres_free(&t);
	snprintf(sid, sizeof sid, "%lld", id);
	rc = db_tab_exec(&tab, Q_TASK_SET, NULL, "sisssiii", st, progress,
			 strcmp(st, "done") == 0 ? today : NULL, spent[0] ? spent : NULL,
			 blank(note) ? NULL : note, r->user.id, id, r->fv[TF_VERSION].i);
	if (rc == E_OK && db_affected() != 1)
		rc = E_CONFLICT;
	if (rc == E_OK)
		rc = audit(r, "plan_task_progress", "plan_task", sid, oldv, newv, blank(note) ? NULL : note);
fail:
	return finish(r, rc, "/report/directions?done=task");
}
