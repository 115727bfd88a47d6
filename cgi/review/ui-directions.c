/* /review/directions: the register of the head's and deputies' conclusions
 * and directions (Art. 6.6).  The working group records them with their
 * owner units and deadline, confirms what a unit reports as done (done_on =
 * today in Hanoi), drops one with a reason, or sends a report back; the
 * owner units write their progress from /report/directions.  "Overdue" is
 * never stored: deadline < today in Asia/Ho_Chi_Minh while still open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/clock.h"
#include "../lib/db.h"
#include "../lib/directions.h"
#include "../lib/hdfdate.h"
#include "../lib/hdfrows.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "../lib/textutil.h"
#include "../lib/typedback.h"
#include "review.h"

#define MAX_OWNERS 64

enum { LF_STATUS, LF_UNIT, LF_GIVER, LF_DONE };
const struct field dir_list_fields[] = {
	{"status", F_WORD, 0, 0, 0, "new|in_progress|reported|done|dropped|overdue|open"},
	{"unit", F_INT, 0, 4294967295LL, 0, NULL},
	{"giver", F_INT, 0, 4294967295LL, 0, NULL},
	{"done", F_WORD, 0, 0, 0, "created|saved|done|dropped|returned"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { EF_ID, EF_VERSION, EF_CODE, EF_BODY, EF_MEETING, EF_SOURCE, EF_GIVER, EF_GIVEN, EF_DEADLINE };
const struct field dir_edit_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 0, NULL},
	{"version", F_INT, 1, 4294967295LL, 0, NULL},
	{"code", F_LINE, 0, 32, 0, NULL},
	{"body", F_TEXT, 0, 5000, 0, NULL},
	{"meeting", F_INT, 0, 4294967295LL, 0, NULL},
	{"source_doc", F_LINE, 0, 255, 0, NULL},
	{"given_by", F_INT, 0, 4294967295LL, 0, NULL},
	{"given_on", F_LINE, 0, 10, 0, NULL},
	{"deadline", F_LINE, 0, 10, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { SF_ID, SF_VERSION, SF_ACTION, SF_NOTE };
const struct field dir_state_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 1, 4294967295LL, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "confirm|drop|return"},
	{"note", F_TEXT, 0, 1000, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum {
	Q_LIST, Q_OVERDUE_UNITS, Q_GIVERS, Q_UNITS, Q_MEETINGS, Q_GET, Q_GET_LOCK, Q_OWNERS,
	Q_HISTORY, Q_INS, Q_UPD, Q_DU_DEL, Q_DU_ADD, Q_STATE, Q_PROG, Q_GIVER_OK, Q_UNIT_OK,
	Q_MEETING_OK, Q_N
};
static const char *const sql[Q_N] = {
	/* filters: status ('' any, 'overdue', 'open' or a status), unit, giver;
	 * the unit filter joins a second time rather than a correlated EXISTS
	 * (MariaDB 10.11 and re-executed prepared statements) */
	"SELECT d.id, d.code, d.body, d.given_on, d.deadline, d.status, d.done_on, g.display_name, "
	"COALESCE(m.title, d.source_doc, ''), " DIR_OVERDUE ", "
	"GROUP_CONCAT(u.name ORDER BY u.name SEPARATOR '; '), DATEDIFF(?, d.deadline) "
	"FROM direction d JOIN app_user g ON g.id = d.given_by LEFT JOIN meeting m ON m.id = d.meeting_id "
	"JOIN direction_unit du ON du.direction_id = d.id JOIN unit u ON u.id = du.unit_id "
	"LEFT JOIN direction_unit f ON f.direction_id = d.id AND f.unit_id = ? "
	"WHERE (? = '' OR d.status = ? OR (? = 'open' AND d.status IN " DIR_OPEN ") "
	"OR (? = 'overdue' AND " DIR_OVERDUE ")) "
	"AND (? = 0 OR f.unit_id IS NOT NULL) AND (? = 0 OR d.given_by = ?) "
	"GROUP BY d.id ORDER BY 10 DESC, FIELD(d.status, 'reported', 'new', 'in_progress', 'done', 'dropped'), "
	"d.deadline, d.code",
	"SELECT u.id, u.name, COUNT(*), MIN(d.deadline), DATEDIFF(?, MIN(d.deadline)) "
	"FROM direction d JOIN direction_unit du ON du.direction_id = d.id JOIN unit u ON u.id = du.unit_id "
	"WHERE " DIR_OVERDUE " GROUP BY u.id, u.name ORDER BY 3 DESC, u.name",
	"SELECT id, display_name FROM app_user WHERE active = 1 "
	"AND (FIND_IN_SET('head', roles) OR FIND_IN_SET('deputy', roles)) ORDER BY display_name",
	"SELECT id, name, kind FROM unit WHERE valid_to IS NULL OR valid_to >= ? "
	"ORDER BY FIELD(kind, 'department', 'district', 'commune', 'other'), name",
	"SELECT id, title, DATE(starts_at + INTERVAL 7 HOUR) FROM meeting ORDER BY starts_at DESC",
	"SELECT d.id, d.code, d.body, d.meeting_id, d.source_doc, d.given_by, d.given_on, d.deadline, "
	"d.status, d.done_on, d.drop_reason, d.version, g.display_name, m.title, "
	DIR_OVERDUE " "
	"FROM direction d JOIN app_user g ON g.id = d.given_by LEFT JOIN meeting m ON m.id = d.meeting_id "
	"WHERE d.id = ?",
	"SELECT id, status, version, code FROM direction WHERE id = ? FOR UPDATE",
	"SELECT du.unit_id, u.name FROM direction_unit du JOIN unit u ON u.id = du.unit_id "
	"WHERE du.direction_id = ? ORDER BY u.name",
	"SELECT DATE_FORMAT(p.at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'), COALESCE(u.name, ''), a.display_name, "
	"p.status_from, p.status_to, p.note FROM direction_progress p JOIN app_user a ON a.id = p.user_id "
	"LEFT JOIN unit u ON u.id = p.unit_id WHERE p.direction_id = ? ORDER BY p.at DESC, p.id DESC",
	"INSERT INTO direction (code, body, meeting_id, source_doc, given_by, given_on, deadline, status, "
	"created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?, UTC_TIMESTAMP())",
	/* the version check is the optimistic lock */
	"UPDATE direction SET code = ?, body = ?, meeting_id = ?, source_doc = ?, given_by = ?, "
	"given_on = ?, deadline = ?, version = version + 1 WHERE id = ? AND version = ?",
	"DELETE FROM direction_unit WHERE direction_id = ?",
	"INSERT INTO direction_unit (direction_id, unit_id) VALUES (?, ?)",
	"UPDATE direction SET status = ?, done_on = ?, drop_reason = ?, version = version + 1 "
	"WHERE id = ? AND version = ?",
	"INSERT INTO direction_progress (direction_id, unit_id, user_id, at, status_from, status_to, note) "
	"VALUES (?, NULL, ?, UTC_TIMESTAMP(), ?, ?, ?)",
	"SELECT id FROM app_user WHERE id = ? AND (FIND_IN_SET('head', roles) OR FIND_IN_SET('deputy', roles))",
	"SELECT id FROM unit WHERE id = ?",
	"SELECT id FROM meeting WHERE id = ?",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* Choices of the edit form: givers, current units, meetings. */
static int choices(struct req *r, const char *today)
{
	/* a giver's columns are the first two of a unit's */
	static const char *const keys[] = {"id", "name", "kind"};
	struct dbres res;
	int rc;

	if ((rc = db_tab_exec(&tab, Q_GIVERS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++)
		nset_row(r, hnode(r, "Dir.givers.%u", i), &res, i, keys, 2);
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_UNITS, &res, "s", today)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++)
		nset_row(r, hnode(r, "Dir.units.%u", i), &res, i, keys, 3);
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_MEETINGS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		static const char *const mkeys[] = {"id", "title"};
		HDF *n = hnode(r, "Dir.meetings.%u", i);
		NSET_ROW(r, n, &res, i, mkeys);
		nset_date(r, n, "date", dbres_get(&res, i, 2));
	}
	dbres_free(&res);
	return E_OK;
}

int ui_dir_list(struct req *r)
{
	struct dbres res;
	char today[11];
	const char *st = r->fv[LF_STATUS].present ? r->fv[LF_STATUS].s : "";
	long long unit = r->fv[LF_UNIT].present ? r->fv[LF_UNIT].i : 0;
	long long giver = r->fv[LF_GIVER].present ? r->fv[LF_GIVER].i : 0;
	int rc;

	review_nav(r, "directions");
	r->tmpl = "review/directions.cs";
	hanoi_today(today, sizeof today);
	hset(r, "Dir.f.status", st);
	hseti(r, "Dir.f.unit", unit);
	hseti(r, "Dir.f.giver", giver);
	if (r->fv[LF_DONE].present)
		hset(r, "Dir.done", r->fv[LF_DONE].s);
	nset_date(r, hnode(r, "Dir"), "today", today);
	if ((rc = choices(r, today)) != E_OK)
		return rc;
	rc = db_tab_exec(&tab, Q_LIST, &res, "ssisssssiii", today, today, unit, st, st, st, st, today,
			 unit, giver, giver);
	if (rc != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Dir.rows.%u", i);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 1));
		nset(r, n, "body", dbres_get(&res, i, 2));
		nset_date(r, n, "given_on", dbres_get(&res, i, 3));
		nset_date(r, n, "deadline", dbres_get(&res, i, 4));
		nset(r, n, "status", dbres_get(&res, i, 5));
		nset_date(r, n, "done_on", dbres_get(&res, i, 6));
		nset(r, n, "giver", dbres_get(&res, i, 7));
		nset(r, n, "source", dbres_get(&res, i, 8));
		nseti(r, n, "overdue", dbres_int(&res, i, 9));
		nset(r, n, "units", dbres_get(&res, i, 10));
		if (dbres_int(&res, i, 9))
			nset(r, n, "days", dbres_get(&res, i, 11));
	}
	hseti(r, "Dir.count", res.nrows);
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_OVERDUE_UNITS, &res, "ss", today, today)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Dir.overdue_units.%u", i);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "name", dbres_get(&res, i, 1));
		nset(r, n, "count", dbres_get(&res, i, 2));
		nset_date(r, n, "oldest", dbres_get(&res, i, 3));
		nset(r, n, "days", dbres_get(&res, i, 4));
	}
	dbres_free(&res);
	return E_OK;
}

/* The edit page of one direction (id) or an empty one; leaves the typed
 * values alone when a refused post already set them. */
static int show(struct req *r, long long id, int keep_typed)
{
	struct dbres d, res;
	char today[11];
	int rc;

	review_nav(r, "directions");
	r->tmpl = "review/directions-edit.cs";
	hanoi_today(today, sizeof today);
	if ((rc = choices(r, today)) != E_OK)
		return rc;
	if (id == 0)
		return E_OK;
	if ((rc = db_tab_exec(&tab, Q_GET, &d, "si", today, id)) != E_OK)
		return rc;
	if (d.nrows != 1) {
		dbres_free(&d);
		return E_NOTFOUND;
	}
	hset(r, "Dir.d.id", dbres_get(&d, 0, 0));
	hset(r, "Dir.d.status", dbres_get(&d, 0, 8));
	nset_date(r, hnode(r, "Dir.d"), "done_on", dbres_get(&d, 0, 9));
	hset(r, "Dir.d.drop_reason", dbres_get(&d, 0, 10));
	hset(r, "Dir.d.version", dbres_get(&d, 0, 11));
	hset(r, "Dir.d.overdue", dbres_get(&d, 0, 14));
	if (!keep_typed) {
		HDF *n = hnode(r, "Dir.v");
		nset(r, n, "code", dbres_get(&d, 0, 1));
		nset(r, n, "body", dbres_get(&d, 0, 2));
		nset(r, n, "meeting", dbres_get(&d, 0, 3));
		nset(r, n, "source_doc", dbres_get(&d, 0, 4));
		nset(r, n, "given_by", dbres_get(&d, 0, 5));
		nset_date(r, n, "given_on", dbres_get(&d, 0, 6));
		nset_date(r, n, "deadline", dbres_get(&d, 0, 7));
		nset(r, n, "version", dbres_get(&d, 0, 11));
	}
	dbres_free(&d);
	if ((rc = db_tab_exec(&tab, Q_OWNERS, &res, "i", id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		if (!keep_typed)
			hsetf(r, "1", "Dir.v.owner.%s", dbres_get(&res, i, 0));
		hsetf(r, dbres_get(&res, i, 1), "Dir.d.owners.%u", i);
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_HISTORY, &res, "i", id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		static const char *const keys[] = {"at", "unit", "user", "from", "to", "note"};
		NSET_ROW(r, hnode(r, "Dir.history.%u", i), &res, i, keys);
	}
	dbres_free(&res);
	return E_OK;
}

int ui_dir_get(struct req *r)
{
	return show(r, r->fv[EF_ID].present ? r->fv[EF_ID].i : 0, 0);
}

/* Shows the form again with what was typed and why it was refused. */
static int refuse(struct req *r, const char *field, const char *key, int status)
{
	static const char *const names[] = {"code", "body", "meeting", "source_doc", "given_by",
					    "given_on", "deadline", "version"};
	static const int idx[] = {EF_CODE, EF_BODY, EF_MEETING, EF_SOURCE, EF_GIVER, EF_GIVEN,
				  EF_DEADLINE, EF_VERSION};
	int rc, fresh = status == 409;

	/* a conflict shows the row as it now is (and its new version) */
	if (!fresh)
		typed_back(r, "Dir.v", names, idx, sizeof idx / sizeof idx[0], "owner");
	rc = show(r, r->fv[EF_ID].present ? r->fv[EF_ID].i : 0, !fresh);
	hset(r, "Dir.error", key);
	hset(r, "Dir.error_field", field);
	r->status = status;
	return rc;
}

/* The owner units ticked: owner=<unit id>, each a unit that exists. */
static int owners(struct req *r, long long *ids, int *n)
{
	*n = 0;
	for (int i = r->nkv_query; i < r->nkv; i++) {
		const char *v = r->kv[i].val;
		char *end;
		long long id;
		int dup = 0;

		if (strcmp(r->kv[i].key, "owner") != 0 || r->kv[i].filename != NULL)
			continue;
		id = strtoll(v, &end, 10);
		if (*v == '\0' || *end != '\0' || id <= 0 || id > 4294967295LL || *n == MAX_OWNERS)
			return -1;
		for (int j = 0; j < *n; j++)
			dup |= ids[j] == id;
		if (!dup)
			ids[(*n)++] = id;
	}
	return 0;
}

static int exists(int st, long long id)
{
	struct dbres res;
	int rc = db_tab_exec(&tab, st, &res, "i", id);

	if (rc != E_OK)
		return rc;
	rc = res.nrows == 1 ? E_OK : E_NOTFOUND;
	dbres_free(&res);
	return rc;
}

int ui_dir_post(struct req *r)
{
	long long own[MAX_OWNERS], id = r->fv[EF_ID].present ? r->fv[EF_ID].i : 0;
	long long meeting = r->fv[EF_MEETING].present ? r->fv[EF_MEETING].i : 0;
	const char *code = r->fv[EF_CODE].s, *body = r->fv[EF_BODY].s, *src = r->fv[EF_SOURCE].s;
	struct ymd given, deadline;
	char gs[11], ds[11], mid[24], sid[24];
	int rc, nown;

	if (blank(code))
		return refuse(r, "code", "code_required", 422);
	if (blank(body))
		return refuse(r, "body", "body_required", 422);
	if (meeting == 0 && blank(src))
		return refuse(r, "meeting", "source_required", 422);
	if (!r->fv[EF_GIVER].present || r->fv[EF_GIVER].i == 0)
		return refuse(r, "given_by", "giver_required", 422);
	if (blank(r->fv[EF_GIVEN].s) || date_parse(r->fv[EF_GIVEN].s, &given) != 0)
		return refuse(r, "given_on", "date", 422);
	if (blank(r->fv[EF_DEADLINE].s) || date_parse(r->fv[EF_DEADLINE].s, &deadline) != 0)
		return refuse(r, "deadline", "date", 422);
	if (days_from_civil(deadline) < days_from_civil(given))
		return refuse(r, "deadline", "deadline_before_given", 422);
	if (owners(r, own, &nown) != 0 || nown == 0)
		return refuse(r, "owner", "owner_required", 422);
	if (id != 0 && !r->fv[EF_VERSION].present)
		return E_BADREQ;
	date_iso(given, gs, sizeof gs);
	date_iso(deadline, ds, sizeof ds);
	snprintf(mid, sizeof mid, "%lld", meeting);
	if ((rc = exists(Q_GIVER_OK, r->fv[EF_GIVER].i)) == E_NOTFOUND)
		return refuse(r, "given_by", "giver_required", 422);
	if (rc == E_OK && meeting != 0 && (rc = exists(Q_MEETING_OK, meeting)) == E_NOTFOUND)
		return refuse(r, "meeting", "source_required", 422);
	for (int i = 0; rc == E_OK && i < nown; i++)
		if ((rc = exists(Q_UNIT_OK, own[i])) == E_NOTFOUND)
			return refuse(r, "owner", "owner_required", 422);
	if (rc != E_OK)
		return rc;
	if ((rc = db_begin()) != E_OK)
		return rc;
	if (id == 0) {
		rc = db_tab_exec(&tab, Q_INS, NULL, "ssssissi", code, body, meeting ? mid : NULL,
				 blank(src) ? NULL : src, r->fv[EF_GIVER].i, gs, ds, r->user.id);
		id = (long long)db_insert_id();
	} else {
		rc = db_tab_exec(&tab, Q_UPD, NULL, "ssssissii", code, body, meeting ? mid : NULL,
				 blank(src) ? NULL : src, r->fv[EF_GIVER].i, gs, ds, id, r->fv[EF_VERSION].i);
		if (rc == E_OK && db_affected() != 1) {
			db_rollback();
			/* gone or changed by someone else since the form was read */
			return refuse(r, "", "conflict", 409);
		}
		if (rc == E_OK)
			rc = db_tab_exec(&tab, Q_DU_DEL, NULL, "i", id);
	}
	if (rc == E_DUP) {
		db_rollback();
		return refuse(r, "code", "code_exists", 422);
	}
	for (int i = 0; rc == E_OK && i < nown; i++)
		rc = db_tab_exec(&tab, Q_DU_ADD, NULL, "ii", id, own[i]);
	snprintf(sid, sizeof sid, "%lld", id);
	if (rc == E_OK) {
		char nv[256];
		int k = snprintf(nv, sizeof nv, "code=%s given_by=%lld given_on=%s deadline=%s owners=", code,
				 r->fv[EF_GIVER].i, gs, ds);
		for (int i = 0; i < nown && k > 0 && (size_t)k < sizeof nv; i++)
			k += snprintf(nv + k, sizeof nv - (size_t)k, "%s%lld", i ? "," : "", own[i]);
		rc = audit(r, r->fv[EF_ID].present ? "direction_edit" : "direction_create", "direction", sid,
			   NULL, nv, NULL);
	}
	if (rc != E_OK) {
		db_rollback();
		return rc;
	}
	if ((rc = db_commit()) == E_OK)
		req_redirect(r, r->fv[EF_ID].present ? "/review/directions?done=saved"
						     : "/review/directions?done=created");
	return rc;
}

/* confirm: reported (or still open) -> done, done_on today in Hanoi;
 * drop: any open one, with a reason; return: reported -> in_progress,
 * with a note telling the unit what is missing. */
int ui_dir_state(struct req *r)
{
	const char *a = r->fv[SF_ACTION].s, *note = r->fv[SF_NOTE].s, *to, *from;
	struct dbres d;
	char today[11], sid[24], loc[64];
	int rc;

	hanoi_today(today, sizeof today);
	if (strcmp(a, "confirm") != 0 && blank(note)) {
		rc = show(r, r->fv[SF_ID].i, 0);
		hset(r, "Dir.error", strcmp(a, "drop") == 0 ? "reason_required" : "note_required");
		hset(r, "Dir.error_field", "note");
		r->status = 422;
		return rc;
	}
	to = strcmp(a, "confirm") == 0 ? "done" : strcmp(a, "drop") == 0 ? "dropped" : "in_progress";
	snprintf(sid, sizeof sid, "%lld", r->fv[SF_ID].i);
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_GET_LOCK, &d, "i", r->fv[SF_ID].i)) != E_OK)
		goto fail;
	if (d.nrows != 1) {
		dbres_free(&d);
		rc = E_NOTFOUND;
		goto fail;
	}
	from = dbres_get(&d, 0, 1);
	if (dbres_int(&d, 0, 2) != r->fv[SF_VERSION].i ||
	    strcmp(from, "done") == 0 || strcmp(from, "dropped") == 0 ||
	    (strcmp(a, "return") == 0 && strcmp(from, "reported") != 0)) {
		dbres_free(&d);
		db_rollback();
		rc = show(r, r->fv[SF_ID].i, 0);
		hset(r, "Dir.error", "conflict");
		r->status = 409;
		return rc;
	}
	rc = db_tab_exec(&tab, Q_STATE, NULL, "sssii", to, strcmp(to, "done") == 0 ? today : NULL,
			 strcmp(to, "dropped") == 0 ? note : NULL, r->fv[SF_ID].i, r->fv[SF_VERSION].i);
	if (rc == E_OK)
		rc = db_tab_exec(&tab, Q_PROG, NULL, "iisss", r->fv[SF_ID].i, r->user.id, from, to,
				 blank(note) ? "" : note);
	if (rc == E_OK)
		rc = audit(r, strcmp(a, "confirm") == 0 ? "direction_done" : strcmp(a, "drop") == 0
			   ? "direction_drop" : "direction_return", "direction", sid, from, to,
			   blank(note) ? NULL : note);
	dbres_free(&d);
	if (rc != E_OK)
		goto fail;
	if ((rc = db_commit()) == E_OK) {
		snprintf(loc, sizeof loc, "/review/directions?done=%s",
			 strcmp(a, "confirm") == 0 ? "done" : strcmp(a, "drop") == 0 ? "dropped" : "returned");
		req_redirect(r, loc);
	}
	return rc;
fail:
	db_rollback();
	return rc;
}
