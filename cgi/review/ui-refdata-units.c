/* Reporting units, kept by the working group:
 *   /review/units       list (current, ended, all; by kind)
 *   /review/unit-edit   GET: add form (no id) or one unit's page;
 *                       POST action=save: add, or rename (names, parent, note);
 *                       POST action=validity: valid_from / valid_to
 *   /review/unit-merge  GET/POST: several units merged into a successor on a
 *                       date (the 2025 reform): each merged unit ends the day
 *                       before and points at its successor
 * Units are never deleted (old reports keep pointing at them); a unit's code
 * and kind are fixed once created.  Validity never shrinks past a period the
 * unit has reported for.  Audit: entity "unit", entity_id the code. */
#define REFDATA_IMPL
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/db.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

#define KINDS "department|district|commune|other"
#define ID_MAX 4294967295LL
#define MERGE_MAX 200   /* units in one merger */
#define CHAIN_MAX 100   /* successor / parent links followed */

#define UNIT_COLS "u.id, u.code, u.name, u.name_en, u.kind, u.parent_id, u.valid_from, " \
	"u.valid_to, u.successor_id, u.note"
enum { U_ID, U_CODE, U_NAME, U_NAME_EN, U_KIND, U_PARENT, U_FROM, U_TO, U_SUCC, U_NOTE };

enum {
	Q_LIST, Q_GET, Q_LOCK, Q_CHOICES, Q_PREDS, Q_COUNTS, Q_INSERT, Q_RENAME, Q_VALIDITY,
	Q_MERGE, Q_OUTSIDE, Q_LINK, Q_N
};

static const char *const sql[Q_N] = {
	/* Q_LIST */
	"SELECT u.id, u.code, u.name, u.name_en, u.kind, u.valid_from, u.valid_to, s.id, s.code, "
	"s.name, s.name_en, p.code, p.name, p.name_en, u.note, "
	"(SELECT COUNT(*) FROM app_user a WHERE a.unit_id = u.id AND a.active = 1) "
	"FROM unit u LEFT JOIN unit s ON s.id = u.successor_id LEFT JOIN unit p ON p.id = u.parent_id "
	"ORDER BY FIELD(u.kind, 'department', 'district', 'commune', 'other'), u.name, u.code",
	/* Q_GET */
	"SELECT " UNIT_COLS ", s.code, s.name, s.name_en, p.code, p.name, p.name_en "
	"FROM unit u LEFT JOIN unit s ON s.id = u.successor_id LEFT JOIN unit p ON p.id = u.parent_id "
	"WHERE u.id = ?",
	/* Q_LOCK: a unit about to change, in the transaction */
	"SELECT " UNIT_COLS " FROM unit u WHERE u.id = ? FOR UPDATE",
	/* Q_CHOICES: parents, successors and merged units to choose from */
	"SELECT id, code, name, name_en, kind, valid_from, valid_to FROM unit "
	"ORDER BY FIELD(kind, 'department', 'district', 'commune', 'other'), name, code",
	/* Q_PREDS: the units merged into this one */
	"SELECT id, code, name, name_en, valid_to FROM unit WHERE successor_id = ? ORDER BY name",
	/* Q_COUNTS: its reports and active users */
	"SELECT (SELECT COUNT(*) FROM submission s WHERE s.unit_id = ?), "
	"(SELECT COUNT(*) FROM app_user a WHERE a.unit_id = ? AND a.active = 1)",
	/* Q_INSERT */
	"INSERT INTO unit (code, name, name_en, kind, parent_id, valid_from, valid_to, note) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	/* Q_RENAME */
	"UPDATE unit SET name = ?, name_en = ?, parent_id = ?, note = ? WHERE id = ?",
	/* Q_VALIDITY */
	"UPDATE unit SET valid_from = ?, valid_to = ?, successor_id = ? WHERE id = ?",
	/* Q_MERGE */
	"UPDATE unit SET valid_to = ?, successor_id = ? WHERE id = ?",
	/* Q_OUTSIDE: a period the unit reported for that the new validity leaves out */
	"SELECT p.kind, p.year, p.seq, p.cutoff_end FROM submission s JOIN period p ON p.id = s.period_id "
	"WHERE s.unit_id = ? AND (p.cutoff_end < ? OR p.cutoff_start > COALESCE(?, '9999-12-31')) "
	"ORDER BY p.cutoff_start LIMIT 1",
	/* Q_LINK: one step along the successor (0) or parent (1) chain */
	"SELECT IF(? = 0, successor_id, parent_id) FROM unit WHERE id = ?",
};

static struct stmt_table tab = STMT_TABLE(sql);

const struct field rd_unit_list_fields[] = {
	{"show", F_WORD, 0, 0, 0, "current|ended|all"},
	{"kind", F_WORD, 0, 0, 0, KINDS},
	{"done", F_WORD, 0, 0, 0, "merged"},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FL_SHOW, FL_KIND, FL_DONE };

const struct field rd_unit_fields[] = {
	{"id", F_INT, 1, ID_MAX, 0, NULL},
	{"action", F_WORD, 0, 0, 0, "save|validity"},
	{"done", F_WORD, 0, 0, 0, "created|saved|validity"},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FU_ID, FU_ACTION, FU_DONE };

const struct field rd_merge_fields[] = {
	{"unit", F_INT, 1, ID_MAX, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FM_UNIT };

static int is_en(const struct req *r) { return strcmp(r->lang, "en") == 0; }

static const char *nz(const char *s) { return (s && *s) ? s : NULL; }

/* The name in the page's language (English when there is one). */
static const char *uname(const struct req *r, const struct dbres *res, unsigned row, unsigned vi,
			 unsigned en)
{
	const char *e = dbres_get(res, row, en);

	return (is_en(r) && e && *e) ? e : dbres_get(res, row, vi);
}

/* The day before an ISO date. */
static void day_before(const struct ymd *d, char iso[11])
{
	date_iso(civil_from_days(days_from_civil(*d) - 1), iso, 11);
}

/* Units to choose from (parent, successor, merged units), with the date
 * each ended: an abolished unit may still be given a successor later. */
static int put_choices(struct req *r, const char *node)
{
	struct dbres res = {0};
	char label[400];
	int rc;

	if ((rc = db_tab_exec(&tab, Q_CHOICES, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		const char *to = dbres_get(&res, i, 6);
		HDF *n = hnode(r, "%s.%u", node, i);

		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 1));
		nset(r, n, "kind", dbres_get(&res, i, 4));
		if (to != NULL) {
			char vn[16];
			date_iso_to_vn(to, vn, sizeof vn);
			snprintf(label, sizeof label, "%s (%s, ≤ %s)", uname(r, &res, i, 2, 3),
				 dbres_get(&res, i, 1), vn);
			nseti(r, n, "ended", 1);
		} else {
			snprintf(label, sizeof label, "%s (%s)", uname(r, &res, i, 2, 3),
				 dbres_get(&res, i, 1));
		}
		nset(r, n, "name", uname(r, &res, i, 2, 3));
		nset(r, n, "label", label);
	}
	dbres_free(&res);
	return E_OK;
}

/* ---- the list ---- */

int rd_unit_list(struct req *r)
{
	const char *show = r->fv[FL_SHOW].present ? r->fv[FL_SHOW].s : "current";
	const char *kind = r->fv[FL_KIND].present ? r->fv[FL_KIND].s : "";
	struct dbres res = {0};
	char today[11];
	int rc, k = 0, ncur = 0, nended = 0;

	review_nav(r, "units");
	r->tmpl = "review/refdata-units.cs";
	if (r->fv[FL_DONE].present)
		hset(r, "Page.done", r->fv[FL_DONE].s);
	hset(r, "List.show", show);
	hset(r, "List.kind", kind);
	date_iso(rd_today(), today, sizeof today);
	if ((rc = db_tab_exec(&tab, Q_LIST, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		const char *to = dbres_get(&res, i, 6), *from = dbres_get(&res, i, 5);
		char vn[16];
		int ended = to != NULL && strcmp(to, today) < 0;
		HDF *n;

		if (ended)
			nended++;
		else
			ncur++;
		if ((strcmp(show, "current") == 0 && ended) || (strcmp(show, "ended") == 0 && !ended))
			continue;
		if (*kind && strcmp(kind, dbres_get(&res, i, 4)) != 0)
			continue;
		n = hnode(r, "Units.%d", k++);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 1));
		nset(r, n, "name", uname(r, &res, i, 2, 3));
		nset(r, n, "kind", dbres_get(&res, i, 4));
		date_iso_to_vn(from, vn, sizeof vn);
		nset(r, n, "from", vn);
		vn[0] = '\0';
		if (to != NULL)
			date_iso_to_vn(to, vn, sizeof vn);
		nset(r, n, "to", vn);
		nseti(r, n, "ended", ended);
		nseti(r, n, "future", strcmp(from, today) > 0);
		if (dbres_get(&res, i, 7)) {
			nset(r, n, "succ_id", dbres_get(&res, i, 7));
			nset(r, n, "succ_code", dbres_get(&res, i, 8));
			nset(r, n, "succ_name", uname(r, &res, i, 9, 10));
		}
		if (dbres_get(&res, i, 11)) {
			nset(r, n, "parent_code", dbres_get(&res, i, 11));
			nset(r, n, "parent_name", uname(r, &res, i, 12, 13));
		}
		nset(r, n, "note", dbres_get(&res, i, 14));
		nset(r, n, "users", dbres_get(&res, i, 15));
	}
	hseti(r, "List.ncurrent", ncur);
	hseti(r, "List.nended", nended);
	hseti(r, "List.nshown", k);
	dbres_free(&res);
	return E_OK;
}

/* ---- one unit ---- */

/* The unit's page (id 0: the add form); F.* comes from the caller when a
 * form was posted (posted != 0), else from the database. */
static int show_unit(struct req *r, long long id, int posted_save, int posted_validity)
{
	struct dbres u = {0}, res = {0};
	int rc;

	review_nav(r, "units");
	r->tmpl = "review/refdata-unit.cs";
	if ((rc = put_choices(r, "Choices")) != E_OK)
		return rc;
	if (id == 0) {
		hset(r, "Unit.new", "1");
		return E_OK;
	}
	if ((rc = db_tab_exec(&tab, Q_GET, &u, "i", id)) != E_OK)
		return rc;
	if (u.nrows != 1) {
		dbres_free(&u);
		return E_NOTFOUND;
	}
	hseti(r, "Unit.id", id);
	hset(r, "Unit.code", dbres_get(&u, 0, U_CODE));
	hset(r, "Unit.name", uname(r, &u, 0, U_NAME, U_NAME_EN));
	hset(r, "Unit.kind", dbres_get(&u, 0, U_KIND));
	rd_hdate(r, "Unit.from", dbres_get(&u, 0, U_FROM));
	rd_hdate(r, "Unit.to", dbres_get(&u, 0, U_TO));
	if (dbres_get(&u, 0, U_SUCC)) {
		hset(r, "Unit.succ_id", dbres_get(&u, 0, U_SUCC));
		hset(r, "Unit.succ_code", dbres_get(&u, 0, 10));
		hset(r, "Unit.succ_name", uname(r, &u, 0, 11, 12));
	}
	if (dbres_get(&u, 0, U_PARENT)) {
		hset(r, "Unit.parent_code", dbres_get(&u, 0, 13));
		hset(r, "Unit.parent_name", uname(r, &u, 0, 14, 15));
	}
	if (!posted_save) {
		hset(r, "F.name", dbres_get(&u, 0, U_NAME));
		hset(r, "F.name_en", dbres_get(&u, 0, U_NAME_EN));
		hset(r, "F.parent", dbres_get(&u, 0, U_PARENT));
		hset(r, "F.note", dbres_get(&u, 0, U_NOTE));
	}
	if (!posted_validity) {
		rd_hdate(r, "F.valid_from", dbres_get(&u, 0, U_FROM));
		rd_hdate(r, "F.valid_to", dbres_get(&u, 0, U_TO));
	}
	if ((rc = db_tab_exec(&tab, Q_PREDS, &res, "i", id)) != E_OK)
		goto out;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Preds.%u", i);
		char vn[16];
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 1));
		nset(r, n, "name", uname(r, &res, i, 2, 3));
		date_iso_to_vn(dbres_get(&res, i, 4), vn, sizeof vn);
		nset(r, n, "to", vn);
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_COUNTS, &res, "ii", id, id)) != E_OK)
		goto out;
	hset(r, "Unit.nsubs", dbres_get(&res, 0, 0));
	hset(r, "Unit.nusers", dbres_get(&res, 0, 1));
	dbres_free(&res);
out:
	dbres_free(&u);
	return rc;
}

int rd_unit_get(struct req *r)
{
	long long id = r->fv[FU_ID].present ? r->fv[FU_ID].i : 0;

	if (r->fv[FU_DONE].present)
		hset(r, "Page.done", r->fv[FU_DONE].s);
	if (id == 0) {
		char vn[16];
		date_vn(rd_today(), vn, sizeof vn);
		hset(r, "F.valid_from", vn);
		hset(r, "F.kind", "commune");
	}
	return show_unit(r, id, 0, 0);
}

/* Follows the successor (which = 0) or parent (1) links from start; returns
 * 1 when they reach target (a merger or parent that would make a loop). */
static int chain_reaches(long long start, long long target, int which, int *rc)
{
	long long cur = start;

	*rc = E_OK;
	for (int i = 0; i < CHAIN_MAX && cur != 0; i++) {
		struct dbres res = {0};

		if (cur == target)
			return 1;
		if ((*rc = db_tab_exec(&tab, Q_LINK, &res, "ii", (long long)which, cur)) != E_OK)
			return 0;
		cur = res.nrows ? dbres_int(&res, 0, 0) : 0;
		dbres_free(&res);
	}
	return cur == target && cur != 0;
}

/* A unit chosen in a select: 0 for none, -1 (error recorded) when unknown. */
static long long pick_unit(struct req *r, int *nerr, const char *name, int required, int *rc)
{
	struct dbres res = {0};
	const char *s;
	char num[24];
	long long id;

	*rc = E_OK;
	if (!rd_field(r, nerr, name, 12, required, &s))
		return -1;
	if (*s == '\0' || strcmp(s, "0") == 0) {
		if (required) {
			rd_err(r, nerr, name, "choose", 0);
			return -1;
		}
		return 0;
	}
	if (rd_num(s, 1, num, sizeof num) != NULL || (id = atoll(num)) <= 0) {
		rd_err(r, nerr, name, "choose", 0);
		return -1;
	}
	if ((*rc = db_tab_exec(&tab, Q_GET, &res, "i", id)) != E_OK)
		return -1;
	if (res.nrows != 1) {
		rd_err(r, nerr, name, "choose", 0);
		id = -1;
	}
	dbres_free(&res);
	return id;
}

/* A date field (dd/mm/yyyy); "" stays "" unless required. */
static int pick_date(struct req *r, int *nerr, const char *name, int required, char iso[11],
		     struct ymd *d)
{
	const char *s, *e;

	iso[0] = '\0';
	if (!rd_field(r, nerr, name, 10, required, &s))
		return 0;
	if (*s == '\0')
		return 1;
	if ((e = rd_date(s, iso, d)) != NULL) {
		rd_err(r, nerr, name, e, 0);
		iso[0] = '\0';
		return 0;
	}
	return 1;
}

/* The first period the unit reported for that [from, to] leaves out, as a
 * label into out ("" when none); *early when it lies before from. */
static int reports_outside(struct req *r, long long id, const char *from, const char *to, char *out,
			   size_t n, int *early)
{
	struct dbres res = {0};
	int rc;

	out[0] = '\0';
	if ((rc = db_tab_exec(&tab, Q_OUTSIDE, &res, "iss", id, from, nz(to))) != E_OK)
		return rc;
	if (res.nrows == 1) {
		period_label(dbres_get(&res, 0, 0)[0], (int)dbres_int(&res, 0, 1),
			     (int)dbres_int(&res, 0, 2), r->lang, out, n);
		*early = strcmp(dbres_get(&res, 0, 3), from) < 0;
	}
	dbres_free(&res);
	return E_OK;
}

/* A unit's code (for the audit trail), kept in res; NULL for none. */
static const char *code_of(long long id, struct dbres *res)
{
	dbres_free(res);
	if (id <= 0 || db_tab_exec(&tab, Q_GET, res, "i", id) != E_OK || res->nrows != 1)
		return NULL;
	return dbres_get(res, 0, U_CODE);
}

static int unit_add(struct req *r)
{
	static const char *const keep[] = {"code", "name", "name_en", "kind", "parent", "valid_from",
					   "valid_to", "note"};
	const char *code, *name, *name_en, *kind, *note;
	char from[11], to[11], loc[96];
	struct dbres pc = {0};
	long long parent;
	struct buf b;
	int nerr = 0, rc;

	if (rd_field(r, &nerr, "code", 32, 1, &code) && !rd_code_ok(code))
		rd_err(r, &nerr, "code", "code", 0);
	rd_field(r, &nerr, "name", 255, 1, &name);
	rd_field(r, &nerr, "name_en", 255, 0, &name_en);
	if (rd_field(r, &nerr, "kind", 16, 1, &kind) && !list_has(KINDS, '|', kind))
		rd_err(r, &nerr, "kind", "choose", 0);
	parent = pick_unit(r, &nerr, "parent", 0, &rc);
	if (rc != E_OK)
		return rc;
	pick_date(r, &nerr, "valid_from", 1, from, NULL);
	if (pick_date(r, &nerr, "valid_to", 0, to, NULL) && to[0] && from[0] && strcmp(to, from) < 0)
		rd_err(r, &nerr, "valid_to", "to_before_from", 0);
	rd_field(r, &nerr, "note", 500, 0, &note);
	if (nerr == 0) {
		struct dbparam p[8];
		memset(p, 0, sizeof p);
		p[0] = (struct dbparam){'s', 0, 0, code, 0};
		p[1] = (struct dbparam){'s', 0, 0, name, 0};
		p[2] = (struct dbparam){'s', 0, 0, nz(name_en), 0};
		p[3] = (struct dbparam){'s', 0, 0, kind, 0};
		p[4] = parent > 0 ? (struct dbparam){'i', parent, 0, NULL, 0}
				  : (struct dbparam){'s', 0, 0, NULL, 0};
		p[5] = (struct dbparam){'s', 0, 0, from, 0};
		p[6] = (struct dbparam){'s', 0, 0, nz(to), 0};
		p[7] = (struct dbparam){'s', 0, 0, nz(note), 0};
		buf_init(&b);
		rd_kv(&b, "name", name);
		rd_kv(&b, "name_en", name_en);
		rd_kv(&b, "kind", kind);
		rd_kv(&b, "parent", code_of(parent, &pc));
		rd_kv(&b, "valid_from", from);
		rd_kv(&b, "valid_to", to);
		rd_kv(&b, "note", note);
		if ((rc = db_begin()) == E_OK) {
			rc = db_tab_execv(&tab, Q_INSERT, NULL, p, 8);
			if (rc == E_OK) {
				long long id = (long long)db_insert_id();
				if ((rc = audit(r, "unit_add", "unit", code, NULL, buf_str(&b), NULL)) == E_OK)
					rc = db_commit();
				snprintf(loc, sizeof loc, "/review/unit-edit?id=%lld&done=created", id);
			}
			if (rc != E_OK)
				db_rollback();
		}
		buf_free(&b);
		dbres_free(&pc);
		if (rc == E_OK) {
			req_redirect(r, loc);
			return E_OK;
		}
		if (rc != E_DUP)
			return rc;
		rd_err(r, &nerr, "code", "code_exists", 0);
	}
	rd_refuse(r, keep, sizeof keep / sizeof keep[0], nerr);
	return show_unit(r, 0, 1, 1);
}

static int unit_rename(struct req *r, long long id)
{
	static const char *const keep[] = {"name", "name_en", "parent", "note"};
	struct dbres cur = {0}, op = {0}, np = {0};
	struct audit_row rows[4];
	const char *name, *name_en, *note, *code;
	char loc[96];
	long long parent;
	int nerr = 0, rc, n = 0, loop;

	rd_field(r, &nerr, "name", 255, 1, &name);
	rd_field(r, &nerr, "name_en", 255, 0, &name_en);
	parent = pick_unit(r, &nerr, "parent", 0, &rc);
	if (rc != E_OK)
		return rc;
	rd_field(r, &nerr, "note", 500, 0, &note);
	if (parent > 0) {
		loop = chain_reaches(parent, id, 1, &rc);
		if (rc != E_OK)
			return rc;
		if (loop)
			rd_err(r, &nerr, "parent", "parent_loop", 0);
	}
	if (nerr > 0)
		goto bad;
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_LOCK, &cur, "i", id)) != E_OK)
		goto fail;
	if (cur.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	code = dbres_get(&cur, 0, U_CODE);
	if (!rd_same(dbres_get(&cur, 0, U_NAME), name))
		rows[n++] = (struct audit_row){"set_name", "unit", code, dbres_get(&cur, 0, U_NAME), name,
					       NULL};
	if (!rd_same(dbres_get(&cur, 0, U_NAME_EN), name_en))
		rows[n++] = (struct audit_row){"set_name_en", "unit", code, dbres_get(&cur, 0, U_NAME_EN),
					       nz(name_en), NULL};
	if (dbres_int(&cur, 0, U_PARENT) != (parent > 0 ? parent : 0))
		rows[n++] = (struct audit_row){"set_parent", "unit", code,
					       code_of(dbres_int(&cur, 0, U_PARENT), &op),
					       code_of(parent, &np), NULL};
	if (!rd_same(dbres_get(&cur, 0, U_NOTE), note))
		rows[n++] = (struct audit_row){"set_note", "unit", code, dbres_get(&cur, 0, U_NOTE),
					       nz(note), NULL};
	if (n > 0) {
		struct dbparam p[5];
		memset(p, 0, sizeof p);
		p[0] = (struct dbparam){'s', 0, 0, name, 0};
		p[1] = (struct dbparam){'s', 0, 0, nz(name_en), 0};
		p[2] = parent > 0 ? (struct dbparam){'i', parent, 0, NULL, 0}
				  : (struct dbparam){'s', 0, 0, NULL, 0};
		p[3] = (struct dbparam){'s', 0, 0, nz(note), 0};
		p[4] = (struct dbparam){'i', id, 0, NULL, 0};
		if ((rc = db_tab_execv(&tab, Q_RENAME, NULL, p, 5)) != E_OK ||
		    (rc = audit_many(r, rows, n)) != E_OK || (rc = db_commit()) != E_OK)
			goto fail;
	} else {
		db_rollback();
	}
	dbres_free(&cur);
	dbres_free(&op);
	dbres_free(&np);
	snprintf(loc, sizeof loc, "/review/unit-edit?id=%lld&done=saved", id);
	req_redirect(r, loc);
	return E_OK;
fail:
	db_rollback();
	dbres_free(&cur);
	dbres_free(&op);
	dbres_free(&np);
	return rc;
bad:
	rd_refuse(r, keep, sizeof keep / sizeof keep[0], nerr);
	return show_unit(r, id, 1, 0);
}

/* valid_from / valid_to; clearing valid_to clears the successor too (the unit
 * exists again). */
static int unit_validity(struct req *r, long long id)
{
	static const char *const keep[] = {"valid_from", "valid_to"};
	struct dbres cur = {0}, succ = {0}, sc = {0};
	struct audit_row rows[3];
	char from[11], to[11], next[11], label[64], loc[96];
	struct ymd tod;
	const char *code;
	long long succ_id;
	int nerr = 0, rc, n = 0, early = 0;

	pick_date(r, &nerr, "valid_from", 1, from, NULL);
	if (pick_date(r, &nerr, "valid_to", 0, to, &tod) && to[0] && from[0] && strcmp(to, from) < 0)
		rd_err(r, &nerr, "valid_to", "to_before_from", 0);
	if (nerr > 0)
		goto bad;
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_LOCK, &cur, "i", id)) != E_OK)
		goto fail;
	if (cur.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	code = dbres_get(&cur, 0, U_CODE);
	succ_id = to[0] ? dbres_int(&cur, 0, U_SUCC) : 0;
	if ((rc = reports_outside(r, id, from, to, label, sizeof label, &early)) != E_OK)
		goto fail;
	if (label[0]) {
		db_rollback();
		rd_err(r, &nerr, early ? "valid_from" : "valid_to", "has_reports", 0);
		hset(r, "Page.period", label);
		goto bad;
	}
	if (succ_id) {
		/* the successor must exist the day after */
		date_iso(civil_from_days(days_from_civil(tod) + 1), next, sizeof next);
		if ((rc = db_tab_exec(&tab, Q_LOCK, &succ, "i", succ_id)) != E_OK)
			goto fail;
		if (succ.nrows == 1) {
			const char *sf = dbres_get(&succ, 0, U_FROM), *st = dbres_get(&succ, 0, U_TO);
			if (strcmp(sf, next) > 0 || (st != NULL && strcmp(st, next) < 0)) {
				db_rollback();
				rd_err(r, &nerr, "valid_to", "successor_invalid", 0);
				goto bad;
			}
		}
	}
	if (!rd_same(dbres_get(&cur, 0, U_FROM), from))
		rows[n++] = (struct audit_row){"set_valid_from", "unit", code, dbres_get(&cur, 0, U_FROM),
					       from, NULL};
	if (!rd_same(dbres_get(&cur, 0, U_TO), to))
		rows[n++] = (struct audit_row){"set_valid_to", "unit", code, dbres_get(&cur, 0, U_TO),
					       nz(to), NULL};
	if (dbres_int(&cur, 0, U_SUCC) && !succ_id)
		rows[n++] = (struct audit_row){"set_successor", "unit", code,
					       code_of(dbres_int(&cur, 0, U_SUCC), &sc), NULL, NULL};
	if (n > 0) {
		struct dbparam p[4];
		memset(p, 0, sizeof p);
		p[0] = (struct dbparam){'s', 0, 0, from, 0};
		p[1] = (struct dbparam){'s', 0, 0, nz(to), 0};
		p[2] = succ_id ? (struct dbparam){'i', succ_id, 0, NULL, 0}
			       : (struct dbparam){'s', 0, 0, NULL, 0};
		p[3] = (struct dbparam){'i', id, 0, NULL, 0};
		if ((rc = db_tab_execv(&tab, Q_VALIDITY, NULL, p, 4)) != E_OK ||
		    (rc = audit_many(r, rows, n)) != E_OK || (rc = db_commit()) != E_OK)
			goto fail;
	} else {
		db_rollback();
	}
	dbres_free(&cur);
	dbres_free(&succ);
	dbres_free(&sc);
	snprintf(loc, sizeof loc, "/review/unit-edit?id=%lld&done=validity", id);
	req_redirect(r, loc);
	return E_OK;
fail:
	db_rollback();
	dbres_free(&cur);
	dbres_free(&succ);
	dbres_free(&sc);
	return rc;
bad:
	dbres_free(&cur);
	dbres_free(&succ);
	rd_refuse(r, keep, sizeof keep / sizeof keep[0], nerr);
	return show_unit(r, id, 0, 1);
}

int rd_unit_post(struct req *r)
{
	long long id = r->fv[FU_ID].present ? r->fv[FU_ID].i : 0;
	int validity = r->fv[FU_ACTION].present && strcmp(r->fv[FU_ACTION].s, "validity") == 0;

	if (id == 0)
		return validity ? E_BADREQ : unit_add(r);
	return validity ? unit_validity(r, id) : unit_rename(r, id);
}

/* ---- mergers ---- */

static int show_merge(struct req *r)
{
	review_nav(r, "units");
	r->tmpl = "review/refdata-merge.cs";
	return put_choices(r, "Choices");
}

int rd_merge_get(struct req *r)
{
	if (r->fv[FM_UNIT].present)
		hsetf(r, "1", "F.merge.%lld", r->fv[FM_UNIT].i);
	return show_merge(r);
}

static int cmp_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

int rd_merge_post(struct req *r)
{
	static const char *const keep[] = {"successor", "m_date", "m_reason"};
	long long ids[MERGE_MAX], succ;
	struct dbres locked[MERGE_MAX], sres = {0};
	struct audit_row rows[MERGE_MAX];
	char *olds[MERGE_MAX], *news[MERGE_MAX];
	char date[11], last[11] = "", label[64];
	const char *reason, *bad_unit = NULL;
	struct ymd d;
	int n = 0, nerr = 0, rc = E_OK, nlocked = 0, toomany = 0, badid = 0;

	memset(olds, 0, sizeof olds);
	memset(news, 0, sizeof news);
	/* the merged units: repeated checkboxes */
	for (int i = r->nkv_query; i < r->nkv; i++) {
		char num[24];
		long long id;
		int dup = 0;

		if (strcmp(r->kv[i].key, "merge") != 0 || r->kv[i].filename != NULL)
			continue;
		if (rd_num(r->kv[i].val, 1, num, sizeof num) != NULL || (id = atoll(num)) <= 0) {
			badid = 1;
			continue;
		}
		for (int k = 0; k < n; k++)
			dup |= ids[k] == id;
		if (dup)
			continue;
		if (n == MERGE_MAX) {
			toomany = 1;
			break;
		}
		ids[n++] = id;
		hsetf(r, "1", "F.merge.%lld", id);
	}
	if (n == 0 || badid || toomany)
		rd_err(r, &nerr, "merge", toomany ? "too_many" : "choose_units", 0);
	succ = pick_unit(r, &nerr, "successor", 1, &rc);
	if (rc != E_OK)
		return rc;
	for (int k = 0; k < n && succ > 0; k++)
		if (ids[k] == succ) {
			rd_err(r, &nerr, "successor", "self_merge", 0);
			break;
		}
	if (pick_date(r, &nerr, "m_date", 1, date, &d) && date[0])
		day_before(&d, last);
	rd_field(r, &nerr, "m_reason", 500, 0, &reason);
	if (nerr > 0)
		goto bad;
	/* the successor, then the merged units in id order: two mergers queue
	 * (a deadlock between them answers 409) */
	qsort(ids, (size_t)n, sizeof ids[0], cmp_id);
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_LOCK, &sres, "i", succ)) != E_OK)
		goto fail;
	if (sres.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	{
		const char *sf = dbres_get(&sres, 0, U_FROM), *st = dbres_get(&sres, 0, U_TO);
		if (strcmp(sf, date) > 0 || (st != NULL && strcmp(st, date) < 0)) {
			rd_err(r, &nerr, "successor", "successor_invalid", 0);
			goto refused;
		}
	}
	for (int k = 0; k < n; k++) {
		const char *from, *to;
		int loop;

		memset(&locked[k], 0, sizeof locked[k]);
		nlocked++;
		if ((rc = db_tab_exec(&tab, Q_LOCK, &locked[k], "i", ids[k])) != E_OK)
			goto fail;
		if (locked[k].nrows != 1) {
			rd_err(r, &nerr, "merge", "choose_units", 0);
			goto refused;
		}
		from = dbres_get(&locked[k], 0, U_FROM);
		to = dbres_get(&locked[k], 0, U_TO);
		bad_unit = dbres_get(&locked[k], 0, U_NAME);
		if (strcmp(from, last) > 0) {
			rd_err(r, &nerr, "merge", "merge_before_start", 0);
			goto refused;
		}
		if (to != NULL && strcmp(to, last) < 0) {
			rd_err(r, &nerr, "merge", "already_ended", 0);
			goto refused;
		}
		if ((rc = reports_outside(r, ids[k], from, last, label, sizeof label, &loop)) != E_OK)
			goto fail;
		if (label[0]) {
			rd_err(r, &nerr, "merge", "has_reports", 0);
			hset(r, "Page.period", label);
			goto refused;
		}
		/* the successor must not lead back to a merged unit */
		loop = chain_reaches(dbres_int(&sres, 0, U_SUCC), ids[k], 0, &rc);
		if (rc != E_OK)
			goto fail;
		if (loop) {
			rd_err(r, &nerr, "successor", "merge_loop", 0);
			goto refused;
		}
	}
	bad_unit = NULL;
	for (int k = 0; k < n; k++) {
		struct dbres oc = {0};
		const char *old_succ = code_of(dbres_int(&locked[k], 0, U_SUCC), &oc);
		struct buf ob, nb;

		buf_init(&ob);
		buf_init(&nb);
		rd_kv(&ob, "valid_to", dbres_get(&locked[k], 0, U_TO));
		rd_kv(&ob, "successor", old_succ);
		rd_kv(&nb, "valid_to", last);
		rd_kv(&nb, "successor", dbres_get(&sres, 0, U_CODE));
		olds[k] = strdup(buf_str(&ob));
		news[k] = strdup(buf_str(&nb));
		buf_free(&ob);
		buf_free(&nb);
		dbres_free(&oc);
		if (olds[k] == NULL || news[k] == NULL) {
			rc = E_INTERNAL;
			goto fail;
		}
		rows[k] = (struct audit_row){"unit_merge", "unit", dbres_get(&locked[k], 0, U_CODE), olds[k],
					     news[k], nz(reason)};
		if ((rc = db_tab_exec(&tab, Q_MERGE, NULL, "sii", last, succ, ids[k])) != E_OK)
			goto fail;
	}
	if ((rc = audit_many(r, rows, n)) != E_OK || (rc = db_commit()) != E_OK)
		goto fail;
	req_redirect(r, "/review/units?done=merged");
	goto out;
refused:
	db_rollback();
	goto bad;
fail:
	db_rollback();
	goto out;
bad:
	if (bad_unit)
		hset(r, "Page.unit", bad_unit);
	rd_refuse(r, keep, sizeof keep / sizeof keep[0], nerr);
	rc = show_merge(r);
out:
	for (int k = 0; k < nlocked; k++)
		dbres_free(&locked[k]);
	for (int k = 0; k < n; k++) {
		free(olds[k]);
		free(news[k]);
	}
	dbres_free(&sres);
	return rc;
}
