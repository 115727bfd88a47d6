/* /review/commendation?year=: the year's commendation list (Art. 6.6):
 * districts and departments ranked by cgi/lib/ranking.c with each
 * component and the formula; the working group ticks "proposed" and writes
 * a note per unit (POST, one unit at a time, audited, optimistic check on
 * the row's updated_at); /review/commendation.csv?year= exports the list
 * with the picks and notes (CSV: the review program has no XLSX writer).
 * Statements: default year, years, picks, the unit check, the row, insert, update. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/buf.h"
#include "../lib/csv.h"
#include "../lib/db.h"
#include "../lib/ranking.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

#define NOTE_MAX 1000

/* one table for the page's GET, its POST and the CSV */
enum { CF_YEAR, CF_DONE, CP_UNIT, CP_PICKED, CP_NOTE, CP_SEEN };
const struct field com_fields[] = {
	{"year", F_INT, 2000, 2100, 0, NULL},
	{"done", F_WORD, 0, 0, 0, "saved"},
	{"unit", F_INT, 1, 4294967295LL, 0, NULL},
	{"picked", F_WORD, 0, 0, 0, "1"},
	/* the note's own limit is checked in the handler, for a message on the
	 * page rather than an error page; this one only bounds the request */
	{"note", F_TEXT, 0, 8000, 0, NULL},
	{"seen", F_LINE, 0, 32, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
#define CP_YEAR CF_YEAR

enum { Q_DEFAULT_YEAR, Q_YEARS, Q_PICKS, Q_UNIT, Q_ROW, Q_INSERT, Q_UPDATE, Q_N };
static const char *const sql[Q_N] = {
	/* the latest year whose first quarter has opened */
	"SELECT COALESCE(MAX(year), YEAR(UTC_TIMESTAMP() + INTERVAL 7 HOUR)) FROM period "
	"WHERE kind = 'Q' AND opens_on <= DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR)",
	"SELECT DISTINCT year FROM period WHERE kind = 'Q' ORDER BY year DESC",
	"SELECT c.unit_id, c.picked, COALESCE(c.note, ''), c.updated_at, COALESCE(u.display_name, ''), "
	"DATE_FORMAT(c.updated_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i') "
	"FROM commendation c LEFT JOIN app_user u ON u.id = c.updated_by WHERE c.year = ?",
	/* a unit of the year's ranking: a district or department that existed in it */
	"SELECT id FROM unit WHERE id = ? AND kind IN ('district', 'department') "
	"AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)",
	"SELECT picked, COALESCE(note, ''), updated_at FROM commendation WHERE year = ? AND unit_id = ? FOR UPDATE",
	"INSERT INTO commendation (year, unit_id, picked, note, updated_by, updated_at) "
	"VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	/* updated_at is the version: it must move even within one second */
	"UPDATE commendation SET picked = ?, note = ?, updated_by = ?, "
	"updated_at = GREATEST(UTC_TIMESTAMP(), updated_at + INTERVAL 1 SECOND) WHERE year = ? AND unit_id = ?",
};
static struct stmt_table tab = STMT_TABLE(sql);

static const char *const com_kinds[2] = {"district", "department"};

static int pick_row(const struct dbres *p, long long unit)
{
	for (unsigned i = 0; i < p->nrows; i++)
		if (dbres_int(p, i, 0) == unit)
			return (int)i;
	return -1;
}

static int load_lists(struct req *r, int year, struct rk_list *lists)
{
	struct rk_weights w;
	int rc;

	ranking_weights(&w);
	for (int k = 0; k < 2; k++)
		if ((rc = ranking_load(0, year, com_kinds[k], r->lang, &w, &lists[k])) != E_OK) {
			if (k == 1)
				ranking_free(&lists[0]);
			return rc;
		}
	return E_OK;
}

/* A score as people read it: two decimals, a comma in Vietnamese. */
static void shown(struct req *r, HDF *n, const char *name, const struct rk_unit *u, int col)
{
	char tmp[64], out[64], key[48];
	int num;
	const char *s = ranking_cell(u, col, 0, tmp, sizeof tmp, &num);

	snprintf(key, sizeof key, "%s_raw", name);
	nset(r, n, key, s);
	if (!num) {
		nset(r, n, name, s);
		return;
	}
	snprintf(out, sizeof out, "%.2f", strtod(s, NULL));
	if (strcmp(r->lang, "en") != 0) {
		char *dot = strchr(out, '.');
		if (dot)
			*dot = ',';
	}
	nset(r, n, name, out);
}

/* err_unit/typed: the row whose save was refused keeps what was typed */
static int show(struct req *r, int year, long long err_unit, const char *typed_note, int typed_picked)
{
	struct rk_list lists[2];
	struct dbres p, y;
	char formula[4096];
	int rc;

	review_nav(r, "commendation");
	r->tmpl = "review/commendation.cs";
	hseti(r, "Com.year", year);
	if ((rc = db_tab_exec(&tab, Q_YEARS, &y, "")) != E_OK)
		return rc;
	{
		int ny = 0, listed = 0;
		for (unsigned i = 0; i < y.nrows; i++) {
			listed |= dbres_int(&y, i, 0) == year;
			hsetf(r, dbres_get(&y, i, 0), "Com.years.%d", ny++);
		}
		if (!listed)
			hsetfi(r, year, "Com.years.%d", ny);
	}
	dbres_free(&y);
	if (ranking_formula_text(r->lang, formula, sizeof formula) == 0)
		hset(r, "Com.formula", formula);
	if ((rc = load_lists(r, year, lists)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_PICKS, &p, "i", (long long)year)) != E_OK) {
		ranking_free(&lists[0]);
		ranking_free(&lists[1]);
		return rc;
	}
	for (int k = 0; k < 2; k++) {
		HDF *kn = hnode(r, "Com.kinds.%d", k);
		char key[48];

		nset(r, kn, "kind", com_kinds[k]);
		snprintf(key, sizeof key, "Kind.%s", com_kinds[k]);
		nset(r, kn, "name", ranking_lang(r->lang, key));
		nseti(r, kn, "periods", lists[k].periods);
		for (int i = 0; i < lists[k].n; i++) {
			const struct rk_unit *u = &lists[k].u[i];
			HDF *n = hnode(r, "Com.kinds.%d.rows.%d", k, i);
			int pr = pick_row(&p, u->id);
			char tmp[64];
			int num;

			nseti(r, n, "id", u->id);
			nset(r, n, "code", u->code);
			nset(r, n, "name", strcmp(r->lang, "en") == 0 && u->name_en[0] ? u->name_en : u->name);
			nset(r, n, "rank", ranking_cell(u, RC_RANK, 0, tmp, sizeof tmp, &num));
			shown(r, n, "ind", u, RC_IND);
			shown(r, n, "time", u, RC_TIME);
			shown(r, n, "dir", u, RC_DIR);
			shown(r, n, "plan", u, RC_PLAN);
			shown(r, n, "combined", u, RC_COMBINED);
			nseti(r, n, "on_time", u->on_time);
			nseti(r, n, "late", u->late);
			nseti(r, n, "missing", u->missing);
			nseti(r, n, "forms", u->on_time + u->late + u->missing);
			nseti(r, n, "has_time", u->has[RK_TIME]);
			nseti(r, n, "has_dir", u->has[RK_DIR]);
			nseti(r, n, "has_plan", u->has[RK_PLAN]);
			nseti(r, n, "days_late", u->days_late);
			nseti(r, n, "dir_total", u->dir_total);
			nseti(r, n, "dir_on_time", u->dir_on_time);
			nseti(r, n, "plan_total", u->plan_total);
			nseti(r, n, "plan_on_time", u->plan_on_time);
			if (pr >= 0) {
				nset(r, n, "picked", dbres_get(&p, (unsigned)pr, 1));
				nset(r, n, "note", dbres_get(&p, (unsigned)pr, 2));
				nset(r, n, "seen", dbres_get(&p, (unsigned)pr, 3));
				nset(r, n, "by", dbres_get(&p, (unsigned)pr, 4));
				nset(r, n, "at", dbres_get(&p, (unsigned)pr, 5));
			}
			if (u->id == err_unit) {
				nset(r, n, "error", "1");
				nset(r, n, "note", typed_note ? typed_note : "");
				nseti(r, n, "picked", typed_picked);
			}
		}
	}
	dbres_free(&p);
	ranking_free(&lists[0]);
	ranking_free(&lists[1]);
	return E_OK;
}

static int default_year(int *year)
{
	struct dbres y;
	int rc = db_tab_exec(&tab, Q_DEFAULT_YEAR, &y, "");

	if (rc != E_OK)
		return rc;
	*year = (int)dbres_int(&y, 0, 0);
	dbres_free(&y);
	return E_OK;
}

int ui_com_get(struct req *r)
{
	int year, rc;

	if (r->fv[CF_YEAR].present)
		year = (int)r->fv[CF_YEAR].i;
	else if ((rc = default_year(&year)) != E_OK)
		return rc;
	if (r->fv[CF_DONE].present)
		hset(r, "Com.done", r->fv[CF_DONE].s);
	return show(r, year, 0, NULL, 0);
}

/* The list again with the message and what was typed; nothing stored. */
static int refuse(struct req *r, int status, const char *key)
{
	const char *note = r->fv[CP_NOTE].present ? r->fv[CP_NOTE].s : "";
	int rc = show(r, (int)r->fv[CP_YEAR].i, r->fv[CP_UNIT].i, note, r->fv[CP_PICKED].present);

	hset(r, "Com.error", key);
	hseti(r, "Com.error_unit", r->fv[CP_UNIT].i);
	r->status = status;
	return rc;
}

static void describe(char *out, size_t outsz, int picked, const char *note)
{
	snprintf(out, outsz, "picked=%d; note=%s", picked, note);
}

int ui_com_post(struct req *r)
{
	long long year = r->fv[CP_YEAR].i, unit = r->fv[CP_UNIT].i;
	int picked = r->fv[CP_PICKED].present;
	const char *note = r->fv[CP_NOTE].present ? r->fv[CP_NOTE].s : "";
	const char *seen = r->fv[CP_SEEN].present ? r->fv[CP_SEEN].s : "";
	char from[11], to[11], id[48], loc[96];
	char oldv[NOTE_MAX * 4 + 64], newv[NOTE_MAX * 4 + 64];
	struct dbres res;
	int rc, exists;

	if (!r->fv[CP_YEAR].present || !r->fv[CP_UNIT].present) {
		r->bad_field = r->fv[CP_YEAR].present ? "unit" : "year";
		return E_BADREQ;
	}
	if (utf8_chars(note) > NOTE_MAX)
		return refuse(r, 422, "note_long");
	snprintf(from, sizeof from, "%04lld-01-01", year);
	snprintf(to, sizeof to, "%04lld-12-31", year);
	if ((rc = db_tab_exec(&tab, Q_UNIT, &res, "iss", unit, to, from)) != E_OK)
		return rc;
	exists = res.nrows == 1;
	dbres_free(&res);
	if (!exists)
		return refuse(r, 422, "unit");
	snprintf(id, sizeof id, "%lld:%lld", year, unit);
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_ROW, &res, "ii", year, unit)) != E_OK)
		goto fail;
	exists = res.nrows == 1;
	/* the row as the page showed it: none ("") or its updated_at */
	if (strcmp(exists ? dbres_get(&res, 0, 2) : "", seen) != 0) {
		dbres_free(&res);
		db_rollback();
		return refuse(r, 409, "conflict");
	}
	if (exists && dbres_int(&res, 0, 0) == picked && strcmp(dbres_get(&res, 0, 1), note) == 0) {
		dbres_free(&res);     /* nothing changed: nothing to write or audit */
		db_rollback();
		goto done;
	}
	if (exists)
		describe(oldv, sizeof oldv, (int)dbres_int(&res, 0, 0), dbres_get(&res, 0, 1));
	dbres_free(&res);
	describe(newv, sizeof newv, picked, note);
	if (exists)
		rc = db_tab_exec(&tab, Q_UPDATE, NULL, "isiii", (long long)picked, *note ? note : NULL, r->user.id,
				 year, unit);
	else
		rc = db_tab_exec(&tab, Q_INSERT, NULL, "iiisi", year, unit, (long long)picked, *note ? note : NULL,
				 r->user.id);
	if (rc != E_OK || (rc = audit(r, "commendation", "commendation", id, exists ? oldv : NULL, newv,
				      NULL)) != E_OK)
		goto fail;
	if ((rc = db_commit()) != E_OK)
		return rc;
done:
	snprintf(loc, sizeof loc, "/review/commendation?year=%lld&done=saved#u-%lld", year, unit);
	req_redirect(r, loc);
	return E_OK;
fail:
	db_rollback();
	return rc == E_DUP ? refuse(r, 409, "conflict") : rc;
}

int ui_com_csv(struct req *r)
{
	struct rk_list lists[2];
	struct dbres p;
	struct buf *b = &r->out;
	char tmp[64], name[48], what[96];
	int year, rc, num, en = strcmp(r->lang, "en") == 0;

	if (r->fv[CF_YEAR].present)
		year = (int)r->fv[CF_YEAR].i;
	else if ((rc = default_year(&year)) != E_OK)
		return rc;
	if ((rc = load_lists(r, year, lists)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_PICKS, &p, "i", (long long)year)) != E_OK)
		goto out;
	/* UTF-8 with a byte order mark, so spreadsheet programs read the Vietnamese */
	buf_add(b, "\xEF\xBB\xBF", 3);
	csv_put(b, ranking_lang(r->lang, "Col.kind"), 1);
	for (int c = 0; c < RC_N; c++) {
		char key[48];
		snprintf(key, sizeof key, "Col.%s", ranking_col_keys[c]);
		csv_put(b, ranking_lang(r->lang, key), 0);
	}
	csv_put(b, ranking_lang(r->lang, "Col.picked"), 0);
	csv_put(b, ranking_lang(r->lang, "Col.note"), 0);
	buf_adds(b, "\r\n");
	for (int k = 0; k < 2; k++) {
		char key[48];
		snprintf(key, sizeof key, "Kind.%s", com_kinds[k]);
		for (int i = 0; i < lists[k].n; i++) {
			const struct rk_unit *u = &lists[k].u[i];
			int pr = pick_row(&p, u->id);

			csv_put(b, ranking_lang(r->lang, key), 1);
			for (int c = 0; c < RC_N; c++)
				csv_put(b, ranking_cell(u, c, en, tmp, sizeof tmp, &num), 0);
			csv_put(b, pr >= 0 && dbres_int(&p, (unsigned)pr, 1) ? "1" : "0", 0);
			csv_put(b, pr >= 0 ? dbres_get(&p, (unsigned)pr, 2) : "", 0);
			buf_adds(b, "\r\n");
		}
	}
	dbres_free(&p);
	snprintf(name, sizeof name, "de-xuat-khen-thuong-%d.csv", year);
	req_download(r, "text/csv; charset=utf-8", name);
	snprintf(what, sizeof what, "format=csv year=%d units=%d", year, lists[0].n + lists[1].n);
	rc = audit(r, "export", "commendation", "csv", NULL, what, NULL);
out:
	ranking_free(&lists[0]);
	ranking_free(&lists[1]);
	return rc;
}
