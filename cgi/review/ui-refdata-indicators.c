/* The indicator catalogue, kept by the working group:
 *   /review/indicators         list by pillar (active, retired, all)
 *   /review/indicator          GET: add form (no id) or one indicator's page;
 *                              POST: add or edit its fields
 *   /review/indicator-state    POST: retire or reactivate (nothing is deleted)
 *   /review/indicator-rule     POST: add or delete a cross-field rule
 *   /review/indicator-target   POST: add, edit or delete a target for a year
 * An indicator's code is fixed once created (forms, exports and the audit
 * trail refer to it); its value type is fixed once figures exist.  Every
 * change is audited in its own transaction, entity "indicator", entity_id
 * the code. */
#define REFDATA_IMPL
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/db.h"
#include "../lib/indicator.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

#define VTYPES "integer|decimal|percent|yesno|text|date"
#define DIRECTIONS "up|down|none"
#define AGGREGATIONS "sum|mean|wmean|count_yes|share_yes|none"
#define OPS "<=|<|>=|>|="
#define DONE_WORDS "created|saved|retired|reactivated|rule_added|rule_deleted|target_added|" \
	"target_saved|target_deleted"
#define ID_MAX 4294967295LL

/* The editable fields: form names, HDF names (F.<name>, E.<name>), audit
 * actions (set_<name>) and the first columns of Q_GET, in this order. */
enum {
	I_CODE, I_NAME, I_NAME_EN, I_PILLAR, I_UOM, I_VTYPE, I_MIN, I_MAX, I_REQUIRED, I_KINDS,
	I_DIRECTION, I_AGG, I_ICT, I_PAR, I_DTI, I_VERIFIED, I_SOURCE, I_SORT, I_N
};
enum { C_ID = I_N, C_ACTIVE, C_NFIG };

static const char *const iname[I_N] = {
	"code", "name", "name_en", "pillar", "uom", "vtype", "min_value", "max_value", "required",
	"unit_kinds", "direction", "aggregation", "ict_code", "par_code", "dti_code", "verified",
	"source", "sort"};

#define IND_COLS "i.code, i.name, i.name_en, i.pillar, i.uom, i.vtype, i.min_value, i.max_value, " \
	"i.required, i.unit_kinds, i.direction, i.aggregation, i.ict_code, i.par_code, i.dti_code, " \
	"i.verified, i.source, i.sort, i.id, i.active, " \
	"(SELECT COUNT(*) FROM figure f WHERE f.indicator_id = i.id)"

enum {
	Q_LIST, Q_PILLARS, Q_GET, Q_LOCK, Q_MAXSORT, Q_INSERT, Q_UPDATE, Q_STATE,
	Q_RULES, Q_INDS, Q_IND_CODE, Q_RULE_GET, Q_RULE_DUP, Q_RULE_INSERT, Q_RULE_DELETE,
	Q_TARGETS, Q_UNITS, Q_UNIT_GET, Q_TARGET_FIND, Q_TARGET_GET, Q_TARGET_INSERT,
	Q_TARGET_UPDATE, Q_TARGET_DELETE, Q_N
};

static const char *const sql[Q_N] = {
	/* Q_LIST */
	"SELECT i.id, i.code, i.name, i.name_en, i.pillar, p.name, p.name_en, i.uom, i.vtype, "
	"i.verified, i.active, i.ict_code, i.par_code, i.dti_code, i.unit_kinds, i.required, "
	"(SELECT COUNT(*) FROM indicator_rule r WHERE r.left_id = i.id OR r.right_id = i.id), "
	"(SELECT COUNT(*) FROM target t WHERE t.indicator_id = i.id) "
	"FROM indicator i JOIN pillar p ON p.code = i.pillar ORDER BY p.sort, p.code, i.sort, i.code",
	/* Q_PILLARS */
	"SELECT code, name, name_en FROM pillar ORDER BY sort, code",
	/* Q_GET */
	"SELECT " IND_COLS " FROM indicator i WHERE i.id = ?",
	/* Q_LOCK: the row about to change, in the transaction (a figure's foreign
	 * key check waits for it, so the figure count stays true) */
	"SELECT " IND_COLS " FROM indicator i WHERE i.id = ? FOR UPDATE",
	/* Q_MAXSORT: a new indicator goes last in its pillar */
	"SELECT COALESCE(MAX(sort), 0) + 10 FROM indicator WHERE pillar = ?",
	/* Q_INSERT */
	"INSERT INTO indicator (code, name, name_en, pillar, uom, vtype, min_value, max_value, "
	"required, unit_kinds, direction, aggregation, ict_code, par_code, dti_code, verified, "
	"source, sort, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
	/* Q_UPDATE */
	"UPDATE indicator SET name = ?, name_en = ?, pillar = ?, uom = ?, vtype = ?, min_value = ?, "
	"max_value = ?, required = ?, unit_kinds = ?, direction = ?, aggregation = ?, ict_code = ?, "
	"par_code = ?, dti_code = ?, verified = ?, source = ?, sort = ? WHERE id = ?",
	/* Q_STATE */
	"UPDATE indicator SET active = ? WHERE id = ?",
	/* Q_RULES: the rules the indicator takes part in */
	"SELECT r.id, l.id, l.code, l.name, l.name_en, r.op, rr.id, rr.code, rr.name, rr.name_en, "
	"r.message, r.message_en FROM indicator_rule r JOIN indicator l ON l.id = r.left_id "
	"JOIN indicator rr ON rr.id = r.right_id WHERE r.left_id = ? OR r.right_id = ? ORDER BY r.id",
	/* Q_INDS: the choices of a rule's sides */
	"SELECT id, code, name, name_en, vtype, active FROM indicator ORDER BY code",
	/* Q_IND_CODE */
	"SELECT code FROM indicator WHERE id = ?",
	/* Q_RULE_GET */
	"SELECT id, left_id, op, right_id, message, message_en FROM indicator_rule "
	"WHERE id = ? FOR UPDATE",
	/* Q_RULE_DUP */
	"SELECT id FROM indicator_rule WHERE left_id = ? AND op = ? AND right_id = ?",
	/* Q_RULE_INSERT */
	"INSERT INTO indicator_rule (left_id, op, right_id, message, message_en) "
	"VALUES (?, ?, ?, ?, ?)",
	/* Q_RULE_DELETE */
	"DELETE FROM indicator_rule WHERE id = ?",
	/* Q_TARGETS */
	"SELECT t.id, t.year, COALESCE(t.unit_id, 0), u.code, u.name, u.name_en, t.target_value, "
	"t.source FROM target t LEFT JOIN unit u ON u.id = t.unit_id WHERE t.indicator_id = ? "
	"ORDER BY t.year DESC, t.unit_id IS NOT NULL, u.name",
	/* Q_UNITS: a target's unit choices */
	"SELECT id, code, name, name_en, YEAR(valid_from), YEAR(valid_to) FROM unit "
	"ORDER BY valid_to IS NOT NULL, FIELD(kind, 'department', 'district', 'commune', 'other'), "
	"name",
	/* Q_UNIT_GET */
	"SELECT code, valid_from, valid_to FROM unit WHERE id = ?",
	/* Q_TARGET_FIND: the indicator row is locked first, so this is exact
	 * (the unique key does not stop a second city-wide NULL) */
	"SELECT id FROM target WHERE indicator_id = ? AND year = ? AND unit_id <=> ?",
	/* Q_TARGET_GET */
	"SELECT id, indicator_id, year, COALESCE(unit_id, 0), target_value, source FROM target "
	"WHERE id = ? FOR UPDATE",
	/* Q_TARGET_INSERT */
	"INSERT INTO target (indicator_id, year, unit_id, target_value, source) VALUES (?, ?, ?, ?, ?)",
	/* Q_TARGET_UPDATE */
	"UPDATE target SET target_value = ?, source = ? WHERE id = ?",
	/* Q_TARGET_DELETE */
	"DELETE FROM target WHERE id = ?",
};

static struct stmt_table tab = STMT_TABLE(sql);

const struct field rd_ind_list_fields[] = {
	{"show", F_WORD, 0, 0, 0, "active|retired|all"},
	{"pillar", F_LINE, 0, 32, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FL_SHOW, FL_PILLAR };

const struct field rd_ind_fields[] = {
	{"id", F_INT, 1, ID_MAX, 0, NULL},
	{"done", F_WORD, 0, 0, 0, DONE_WORDS},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FI_ID, FI_DONE };

const struct field rd_ind_state_fields[] = {
	{"id", F_INT, 1, ID_MAX, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "retire|reactivate"},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FS_ID, FS_ACTION };

const struct field rd_rule_fields[] = {
	{"id", F_INT, 1, ID_MAX, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "add|delete"},
	{"rule", F_INT, 1, ID_MAX, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FR_ID, FR_ACTION, FR_RULE };

const struct field rd_target_fields[] = {
	{"id", F_INT, 1, ID_MAX, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "add|save|delete"},
	{"target", F_INT, 1, ID_MAX, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FT_ID, FT_ACTION, FT_TARGET };

static int is_en(const struct req *r) { return strcmp(r->lang, "en") == 0; }

static const char *nz(const char *s) { return (s && *s) ? s : NULL; }

/* ---- one indicator's fields ---- */

struct indf {
	const char *v[I_N];     /* as stored: canonical numbers, "" for NULL */
	const char *show[I_N];  /* as shown in the form */
	char min[64], max[64], mins[64], maxs[64], kinds[64], sort[24];
};

static void from_row(struct indf *f, const struct dbres *res)
{
	memset(f, 0, sizeof *f);
	for (int i = 0; i < I_N; i++) {
		const char *v = dbres_get(res, 0, (unsigned)i);
		f->v[i] = f->show[i] = v ? v : "";
	}
	canon_decimal(dbres_get(res, 0, I_MIN), f->min, sizeof f->min);
	canon_decimal(dbres_get(res, 0, I_MAX), f->max, sizeof f->max);
	rd_num_show(dbres_get(res, 0, I_MIN), f->mins, sizeof f->mins);
	rd_num_show(dbres_get(res, 0, I_MAX), f->maxs, sizeof f->maxs);
	f->v[I_MIN] = f->min;
	f->v[I_MAX] = f->max;
	f->show[I_MIN] = f->mins;
	f->show[I_MAX] = f->maxs;
}

static int is_numeric(const char *vtype)
{
	return list_has("integer|decimal|percent", '|', vtype);
}

static int in_rows(const struct dbres *res, unsigned col, const char *v)
{
	for (unsigned i = 0; i < res->nrows; i++)
		if (rd_same(dbres_get(res, i, col), v))
			return 1;
	return 0;
}

/* A range bound as typed, checked against the value type. */
static void bound(struct req *r, int *nerr, struct indf *f, int which, char *canon, size_t n)
{
	const char *s, *e, *vtype = f->v[I_VTYPE];

	canon[0] = '\0';
	f->v[which] = canon;
	e = rd_line(r, iname[which], 40, 0, &s);
	f->show[which] = s;
	if (e != NULL) {
		rd_err(r, nerr, iname[which], e, 40);
		return;
	}
	if (*s == '\0')
		return;
	if (strcmp(vtype, "text") == 0 || strcmp(vtype, "date") == 0) {
		rd_err(r, nerr, iname[which], "no_range", 0);
		return;
	}
	e = rd_num(s, strcmp(vtype, "integer") == 0 || strcmp(vtype, "yesno") == 0, canon, n);
	if (e == NULL && strcmp(vtype, "yesno") == 0 && strcmp(canon, which == I_MIN ? "0" : "1") != 0)
		e = "yesno_range";
	if (e != NULL)
		rd_err(r, nerr, iname[which], e, 0);
}

/* Reads and checks the posted fields; returns the number of errors (each
 * recorded as E.<field>). */
static int from_post(struct req *r, struct indf *f, int creating, const char *old_sort,
		     const struct dbres *pillars)
{
	const char *s;
	int nerr = 0;

	memset(f, 0, sizeof *f);
	for (int i = 0; i < I_N; i++)
		f->v[i] = f->show[i] = "";
	if (creating && rd_field(r, &nerr, "code", 32, 1, &f->v[I_CODE]) && !rd_code_ok(f->v[I_CODE]))
		rd_err(r, &nerr, "code", "code", 0);
	rd_field(r, &nerr, "name", 500, 1, &f->v[I_NAME]);
	rd_field(r, &nerr, "name_en", 500, 1, &f->v[I_NAME_EN]);
	if (rd_field(r, &nerr, "pillar", 32, 1, &f->v[I_PILLAR]) && !in_rows(pillars, 0, f->v[I_PILLAR]))
		rd_err(r, &nerr, "pillar", "choose", 0);
	rd_field(r, &nerr, "uom", 64, 1, &f->v[I_UOM]);
	if (rd_field(r, &nerr, "vtype", 16, 1, &f->v[I_VTYPE]) && !list_has(VTYPES, '|', f->v[I_VTYPE])) {
		rd_err(r, &nerr, "vtype", "choose", 0);
		f->v[I_VTYPE] = "";
	}
	bound(r, &nerr, f, I_MIN, f->min, sizeof f->min);
	bound(r, &nerr, f, I_MAX, f->max, sizeof f->max);
	if (strcmp(f->v[I_VTYPE], "yesno") == 0) {
		/* a yes/no figure is 0 or 1: the range says so when left blank */
		if (!f->min[0])
			snprintf(f->min, sizeof f->min, "0");
		if (!f->max[0])
			snprintf(f->max, sizeof f->max, "1");
	}
	if (f->min[0] && f->max[0] && strtod(f->min, NULL) > strtod(f->max, NULL))
		rd_err(r, &nerr, "max_value", "min_max", 0);
	s = rd_body(r, "required");
	f->v[I_REQUIRED] = f->show[I_REQUIRED] = (s && strcmp(s, "1") == 0) ? "1" : "0";
	s = rd_body(r, "verified");
	f->v[I_VERIFIED] = f->show[I_VERIFIED] = (s && strcmp(s, "1") == 0) ? "1" : "0";
	f->v[I_KINDS] = f->show[I_KINDS] = f->kinds;
	if (!rd_kinds_post(r, f->kinds, sizeof f->kinds))
		rd_err(r, &nerr, "unit_kinds", "choose_kind", 0);
	if (rd_field(r, &nerr, "direction", 8, 1, &f->v[I_DIRECTION]) &&
	    !list_has(DIRECTIONS, '|', f->v[I_DIRECTION]))
		rd_err(r, &nerr, "direction", "choose", 0);
	if (rd_field(r, &nerr, "aggregation", 16, 1, &f->v[I_AGG])) {
		const char *a = f->v[I_AGG], *t = f->v[I_VTYPE];
		if (!list_has(AGGREGATIONS, '|', a))
			rd_err(r, &nerr, "aggregation", "choose", 0);
		else if (*t && ((is_numeric(t) && !list_has("sum|mean|wmean|none", '|', a)) ||
				(strcmp(t, "yesno") == 0 && !list_has("count_yes|share_yes|none", '|', a)) ||
				(!is_numeric(t) && strcmp(t, "yesno") != 0 && strcmp(a, "none") != 0)))
			rd_err(r, &nerr, "aggregation", "agg_type", 0);
	}
	rd_field(r, &nerr, "ict_code", 32, 0, &f->v[I_ICT]);
	rd_field(r, &nerr, "par_code", 32, 0, &f->v[I_PAR]);
	rd_field(r, &nerr, "dti_code", 32, 0, &f->v[I_DTI]);
	rd_field(r, &nerr, "source", 500, 0, &f->v[I_SOURCE]);
	if (rd_sort(r, &nerr, old_sort, f->sort, sizeof f->sort, &f->show[I_SORT]))
		f->v[I_SORT] = f->sort;
	for (int i = 0; i < I_N; i++)
		if (i != I_MIN && i != I_MAX && i != I_SORT)
			f->show[i] = f->v[i];
	return nerr;
}

static void put_pillars(struct req *r, const struct dbres *pil)
{
	for (unsigned i = 0; i < pil->nrows; i++) {
		HDF *n = hnode(r, "Pillars.%u", i);
		nset(r, n, "code", dbres_get(pil, i, 0));
		nset(r, n, "name", dbres_get(pil, i, is_en(r) ? 2 : 1));
	}
}

/* A target's value, checked like a figure of the indicator. */
static const char *target_check(const struct ind *in, const char *s, char *canon, size_t n)
{
	double num;

	if (!is_numeric(in->vtype) && strcmp(in->vtype, "yesno") != 0)
		return "no_target";
	if (*s == '\0')
		return "required";
	return ind_check(in, s, canon, n, &num);
}

/* A row of the targets table that failed to save: shown as typed. */
struct terr {
	long long id;
	const char *value, *source, *err;
};

/* The rules, targets and the choices of their forms. */
static int put_sections(struct req *r, long long id, const char *vtype, const struct terr *te)
{
	struct dbres res = {0};
	char v[64], label[700];
	int rc, en = is_en(r), k = 0;

	if ((rc = db_tab_exec(&tab, Q_RULES, &res, "ii", id, id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Rules.%u", i);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "left_id", dbres_get(&res, i, 1));
		nset(r, n, "left_code", dbres_get(&res, i, 2));
		nset(r, n, "left_name", dbres_get(&res, i, en ? 4 : 3));
		nset(r, n, "op", dbres_get(&res, i, 5));
		nset(r, n, "right_id", dbres_get(&res, i, 6));
		nset(r, n, "right_code", dbres_get(&res, i, 7));
		nset(r, n, "right_name", dbres_get(&res, i, en ? 9 : 8));
		nset(r, n, "message", dbres_get(&res, i, 10));
		nset(r, n, "message_en", dbres_get(&res, i, 11));
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_INDS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		const char *t = dbres_get(&res, i, 4);
		HDF *n;

		/* rules compare numbers: text and date indicators take no part */
		if (!is_numeric(t) && strcmp(t, "yesno") != 0)
			continue;
		n = hnode(r, "RuleInds.%d", k++);
		nset(r, n, "id", dbres_get(&res, i, 0));
		snprintf(label, sizeof label, "%s – %s", dbres_get(&res, i, 1),
			 dbres_get(&res, i, en ? 3 : 2));
		nset(r, n, "label", label);
		nseti(r, n, "retired", !dbres_int(&res, i, 5));
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_TARGETS, &res, "i", id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Targets.%u", i);
		long long tid = dbres_int(&res, i, 0);

		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "year", dbres_get(&res, i, 1));
		if (dbres_int(&res, i, 2)) {
			nset(r, n, "unit_code", dbres_get(&res, i, 3));
			nset(r, n, "unit_name", dbres_get(&res, i, en && dbres_get(&res, i, 5) ? 5 : 4));
		}
		if (te != NULL && te->id == tid) {
			nset(r, n, "value", te->value);
			nset(r, n, "source", te->source);
			nset(r, n, "err", te->err);
		} else {
			rd_num_show(dbres_get(&res, i, 6), v, sizeof v);
			nset(r, n, "value", v);
			nset(r, n, "source", dbres_get(&res, i, 7));
		}
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_UNITS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Units.%u", i);
		const char *name = dbres_get(&res, i, en && dbres_get(&res, i, 3) ? 3 : 2);
		const char *to = dbres_get(&res, i, 5);

		nset(r, n, "id", dbres_get(&res, i, 0));
		snprintf(label, sizeof label, "%s (%s, %s–%s)", name, dbres_get(&res, i, 1),
			 dbres_get(&res, i, 4), to ? to : "");
		nset(r, n, "label", label);
	}
	dbres_free(&res);
	hset(r, "Ind.vtype", vtype);
	return E_OK;
}

/* The page of one indicator (id 0: the add form): stored fields unless the
 * main form was posted (posted). */
static int show_page(struct req *r, long long id, const struct indf *posted, const struct terr *te)
{
	struct dbres row = {0}, pil = {0};
	struct indf f;
	int rc;

	review_nav(r, "indicators");
	r->tmpl = "review/refdata-indicator.cs";
	if ((rc = db_tab_exec(&tab, Q_PILLARS, &pil, "")) != E_OK)
		return rc;
	put_pillars(r, &pil);
	dbres_free(&pil);
	if (id == 0) {
		hset(r, "Ind.new", "1");
		if (posted)
			rd_put_form(r, iname, posted->show, I_N, posted->v[I_KINDS]);
		return E_OK;
	}
	if ((rc = db_tab_exec(&tab, Q_GET, &row, "i", id)) != E_OK)
		return rc;
	if (row.nrows != 1) {
		dbres_free(&row);
		return E_NOTFOUND;
	}
	from_row(&f, &row);
	hseti(r, "Ind.id", id);
	hset(r, "Ind.code", f.v[I_CODE]);
	hset(r, "Ind.name", f.v[is_en(r) ? I_NAME_EN : I_NAME]);
	hset(r, "Ind.active", dbres_get(&row, 0, C_ACTIVE));
	hset(r, "Ind.nfig", dbres_get(&row, 0, C_NFIG));
	if (posted == NULL)
		posted = &f;
	rd_put_form(r, iname, posted->show, I_N, posted->v[I_KINDS]);
	/* the rule and target forms start from this indicator and this year */
	if (hdf_get_value(r->hdf, "F.r_left", NULL) == NULL)
		hseti(r, "F.r_left", id);
	if (hdf_get_value(r->hdf, "F.t_year", NULL) == NULL)
		hseti(r, "F.t_year", rd_today().y);
	rc = put_sections(r, id, f.v[I_VTYPE], te);
	dbres_free(&row);
	return rc;
}

/* ---- GET pages ---- */

int rd_ind_list(struct req *r)
{
	const char *show = r->fv[FL_SHOW].present ? r->fv[FL_SHOW].s : "active";
	const char *only = r->fv[FL_PILLAR].present ? r->fv[FL_PILLAR].s : "";
	const char *last = NULL;
	struct dbres res = {0};
	int rc, en = is_en(r), g = -1, k = 0, nactive = 0, nretired = 0;

	review_nav(r, "indicators");
	r->tmpl = "review/refdata-indicators.cs";
	hset(r, "List.show", show);
	hset(r, "List.pillar", only);
	if ((rc = db_tab_exec(&tab, Q_PILLARS, &res, "")) != E_OK)
		return rc;
	put_pillars(r, &res);
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_LIST, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		int active = (int)dbres_int(&res, i, 10);
		const char *pillar = dbres_get(&res, i, 4);
		HDF *n;

		if (active)
			nactive++;
		else
			nretired++;
		if ((strcmp(show, "active") == 0 && !active) || (strcmp(show, "retired") == 0 && active))
			continue;
		if (*only && strcmp(only, pillar) != 0)
			continue;
		if (last == NULL || strcmp(last, pillar) != 0) {
			g++;
			k = 0;
			last = pillar;
			hsetf(r, pillar, "Groups.%d.code", g);
			hsetf(r, dbres_get(&res, i, en ? 6 : 5), "Groups.%d.name", g);
		}
		n = hnode(r, "Groups.%d.rows.%d", g, k++);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 1));
		nset(r, n, "name", dbres_get(&res, i, en ? 3 : 2));
		nset(r, n, "uom", dbres_get(&res, i, 7));
		nset(r, n, "vtype", dbres_get(&res, i, 8));
		nset(r, n, "verified", dbres_get(&res, i, 9));
		nseti(r, n, "active", active);
		nset(r, n, "ict", dbres_get(&res, i, 11));
		nset(r, n, "par", dbres_get(&res, i, 12));
		nset(r, n, "dti", dbres_get(&res, i, 13));
		for (int kk = 0, j = 0; kk < RD_NKINDS; kk++) {
			char key[16];
			if (!list_has(dbres_get(&res, i, 14), ',', rd_kind(kk)))
				continue;
			snprintf(key, sizeof key, "k.%d", j++);
			nset(r, n, key, rd_kind(kk));
		}
		nset(r, n, "required", dbres_get(&res, i, 15));
		nset(r, n, "nrules", dbres_get(&res, i, 16));
		nset(r, n, "ntargets", dbres_get(&res, i, 17));
	}
	hseti(r, "List.nactive", nactive);
	hseti(r, "List.nretired", nretired);
	hseti(r, "List.ngroups", g + 1);
	dbres_free(&res);
	return E_OK;
}

int rd_ind_get(struct req *r)
{
	long long id = r->fv[FI_ID].present ? r->fv[FI_ID].i : 0;

	if (r->fv[FI_DONE].present)
		hset(r, "Page.done", r->fv[FI_DONE].s);
	if (id == 0) {
		/* the add form's defaults */
		hset(r, "F.vtype", "integer");
		hset(r, "F.required", "1");
		hset(r, "F.direction", "up");
		hset(r, "F.aggregation", "sum");
		hset(r, "F.unit_kinds.department", "1");
		hset(r, "F.unit_kinds.district", "1");
		hset(r, "F.unit_kinds.commune", "1");
	}
	return show_page(r, id, NULL, NULL);
}

/* ---- adding and editing ---- */

static struct dbparam bind_one(const struct indf *f, int i)
{
	struct dbparam p;

	memset(&p, 0, sizeof p);
	if (i == I_REQUIRED || i == I_VERIFIED || i == I_SORT) {
		p.type = 'i';
		p.i = atoll(f->v[i]);
	} else {
		p.type = 's';
		p.s = (i == I_MIN || i == I_MAX || i == I_ICT || i == I_PAR || i == I_DTI ||
		       i == I_SOURCE) ? nz(f->v[i]) : f->v[i];
	}
	return p;
}

static int insert(struct req *r, struct indf *f, long long *id)
{
	struct dbparam p[I_N];
	struct dbres ms = {0};
	struct buf b;
	int rc;

	if ((rc = db_begin()) != E_OK)
		return rc;
	if (f->v[I_SORT][0] == '\0') {
		if ((rc = db_tab_exec(&tab, Q_MAXSORT, &ms, "s", f->v[I_PILLAR])) != E_OK)
			goto fail;
		snprintf(f->sort, sizeof f->sort, "%lld", dbres_int(&ms, 0, 0));
		f->v[I_SORT] = f->sort;
		dbres_free(&ms);
	}
	for (int i = 0; i < I_N; i++)
		p[i] = bind_one(f, i);
	if ((rc = db_tab_execv(&tab, Q_INSERT, NULL, p, I_N)) != E_OK)
		goto fail;
	*id = (long long)db_insert_id();
	buf_init(&b);
	for (int i = I_NAME; i < I_N; i++)
		rd_kv(&b, iname[i], f->v[i]);
	rc = audit(r, "indicator_add", "indicator", f->v[I_CODE], NULL, buf_str(&b), NULL);
	buf_free(&b);
	if (rc != E_OK)
		goto fail;
	return db_commit();
fail:
	db_rollback();
	return rc;
}

/* Writes the changed fields, one audit row per field.  *why is set (and
 * nothing written) when the change is refused. */
static int update(struct req *r, long long id, struct indf *f, const char **why)
{
	struct dbres cur = {0};
	struct indf o;
	struct audit_row rows[I_N];
	struct dbparam p[I_N];
	char act[I_N][32];
	int rc, n = 0, k = 0;

	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_LOCK, &cur, "i", id)) != E_OK)
		goto fail;
	if (cur.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	from_row(&o, &cur);
	if (strcmp(o.v[I_VTYPE], f->v[I_VTYPE]) != 0 && dbres_int(&cur, 0, C_NFIG) > 0) {
		*why = "vtype_locked";
		rc = E_OK;
		goto fail;
	}
	f->v[I_CODE] = o.v[I_CODE];
	if (f->v[I_SORT][0] == '\0')
		f->v[I_SORT] = o.v[I_SORT];
	n = rd_changes(rows, act, "indicator", o.v[I_CODE], iname, o.v, f->v, I_NAME, I_N);
	if (n == 0) {
		db_rollback();
		dbres_free(&cur);
		return E_OK;
	}
	for (int i = I_NAME; i < I_N; i++)
		p[k++] = bind_one(f, i);
	p[k++] = (struct dbparam){'i', id, 0, NULL, 0};
	if ((rc = db_tab_execv(&tab, Q_UPDATE, NULL, p, k)) != E_OK)
		goto fail;
	if ((rc = audit_many(r, rows, n)) != E_OK)
		goto fail;
	rc = db_commit();
	dbres_free(&cur);
	return rc;
fail:
	db_rollback();
	dbres_free(&cur);
	return rc;
}

int rd_ind_post(struct req *r)
{
	long long id = r->fv[FI_ID].present ? r->fv[FI_ID].i : 0;
	struct dbres pil = {0}, old = {0};
	struct indf f;
	const char *why = NULL;
	char loc[96];
	int rc, nerr;

	if ((rc = db_tab_exec(&tab, Q_PILLARS, &pil, "")) != E_OK)
		return rc;
	if (id && (rc = db_tab_exec(&tab, Q_GET, &old, "i", id)) != E_OK)
		goto out;
	if (id && old.nrows != 1) {
		rc = E_NOTFOUND;
		goto out;
	}
	nerr = from_post(r, &f, id == 0, id ? dbres_get(&old, 0, I_SORT) : NULL, &pil);
	if (nerr == 0) {
		long long nid = id;
		rc = id ? update(r, id, &f, &why) : insert(r, &f, &nid);
		if (rc == E_DUP) {
			rd_err(r, &nerr, "code", "code_exists", 0);
		} else if (rc != E_OK) {
			goto out;
		} else if (why != NULL) {
			rd_err(r, &nerr, "vtype", why, 0);
		} else {
			snprintf(loc, sizeof loc, "/review/indicator?id=%lld&done=%s", nid,
				 id ? "saved" : "created");
			req_redirect(r, loc);
			goto out;
		}
	}
	rd_refuse(r, NULL, 0, nerr);
	rc = show_page(r, id, &f, NULL);
out:
	dbres_free(&pil);
	dbres_free(&old);
	return rc;
}

int rd_ind_state(struct req *r)
{
	static const struct rd_flag active = {&tab, Q_LOCK, Q_STATE, C_ACTIVE, I_CODE, "active",
					      "indicator"};
	long long id = r->fv[FS_ID].i;
	int retire = strcmp(r->fv[FS_ACTION].s, "retire") == 0, rc;
	char loc[96];

	if ((rc = rd_set_flag(r, &active, id, !retire,
			      retire ? "indicator_retire" : "indicator_reactivate")) != E_OK)
		return rc;
	snprintf(loc, sizeof loc, "/review/indicator?id=%lld&done=%s", id,
		 retire ? "retired" : "reactivated");
	req_redirect(r, loc);
	return E_OK;
}

/* ---- cross-field rules ---- */

static void rule_desc(struct buf *b, const char *l, const char *op, const char *rt, const char *m,
		      const char *me)
{
	buf_printf(b, "%s %s %s: %s | %s", l, op, rt, m, me);
}

/* The row of inds whose id is the posted text, or -1. */
static int find_ind(const struct dbres *inds, const char *id)
{
	for (unsigned i = 0; i < inds->nrows; i++)
		if (strcmp(dbres_get(inds, i, 0), id) == 0)
			return (int)i;
	return -1;
}

/* One side of a rule: a numeric or yes/no indicator; its row or -1. */
static int rule_side(struct req *r, int *nerr, const char *name, const struct dbres *inds)
{
	const char *s, *t;
	int i;

	if (!rd_field(r, nerr, name, 12, 1, &s))
		return -1;
	if ((i = find_ind(inds, s)) < 0) {
		rd_err(r, nerr, name, "choose", 0);
		return -1;
	}
	t = dbres_get(inds, (unsigned)i, 4);
	if (!is_numeric(t) && strcmp(t, "yesno") != 0) {
		rd_err(r, nerr, name, "rule_type", 0);
		return -1;
	}
	return i;
}

static int rule_delete(struct req *r, long long id, long long rule)
{
	struct dbres cur = {0}, lc = {0}, rtc = {0};
	struct buf b;
	char loc[96];
	int rc;

	buf_init(&b);
	if ((rc = db_begin()) != E_OK)
		goto out;
	if ((rc = db_tab_exec(&tab, Q_RULE_GET, &cur, "i", rule)) != E_OK)
		goto fail;
	if (cur.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	if ((rc = db_tab_exec(&tab, Q_IND_CODE, &lc, "i", dbres_int(&cur, 0, 1))) != E_OK ||
	    (rc = db_tab_exec(&tab, Q_IND_CODE, &rtc, "i", dbres_int(&cur, 0, 3))) != E_OK)
		goto fail;
	rule_desc(&b, dbres_get(&lc, 0, 0), dbres_get(&cur, 0, 2), dbres_get(&rtc, 0, 0),
		  dbres_get(&cur, 0, 4), dbres_get(&cur, 0, 5));
	if ((rc = db_tab_exec(&tab, Q_RULE_DELETE, NULL, "i", rule)) != E_OK ||
	    (rc = audit(r, "rule_delete", "indicator", dbres_get(&lc, 0, 0), buf_str(&b), NULL,
			NULL)) != E_OK ||
	    (rc = db_commit()) != E_OK)
		goto fail;
	snprintf(loc, sizeof loc, "/review/indicator?id=%lld&done=rule_deleted#rules", id);
	req_redirect(r, loc);
	goto out;
fail:
	db_rollback();
out:
	buf_free(&b);
	dbres_free(&cur);
	dbres_free(&lc);
	dbres_free(&rtc);
	return rc;
}

/* Writes a checked rule; *exists when the same rule is there already. */
static int rule_add(struct req *r, const struct dbres *inds, int li, int ri, const char *op,
		    const char *m, const char *me, int *exists)
{
	long long lid = dbres_int(inds, (unsigned)li, 0), rid = dbres_int(inds, (unsigned)ri, 0);
	const char *lcode = dbres_get(inds, (unsigned)li, 1);
	struct dbres dup = {0};
	struct buf b;
	int rc;

	buf_init(&b);
	rule_desc(&b, lcode, op, dbres_get(inds, (unsigned)ri, 1), m, me);
	if ((rc = db_begin()) != E_OK)
		goto out;
	if ((rc = db_tab_exec(&tab, Q_RULE_DUP, &dup, "isi", lid, op, rid)) != E_OK)
		goto fail;
	if (dup.nrows > 0) {
		*exists = 1;
		db_rollback();
		goto out;
	}
	if ((rc = db_tab_exec(&tab, Q_RULE_INSERT, NULL, "isiss", lid, op, rid, m, me)) != E_OK ||
	    (rc = audit(r, "rule_add", "indicator", lcode, NULL, buf_str(&b), NULL)) != E_OK ||
	    (rc = db_commit()) != E_OK)
		goto fail;
	goto out;
fail:
	db_rollback();
out:
	buf_free(&b);
	dbres_free(&dup);
	return rc;
}

int rd_rule_post(struct req *r)
{
	static const char *const keep[] = {"r_left", "r_op", "r_right", "r_message", "r_message_en"};
	long long id = r->fv[FR_ID].i;
	struct dbres inds = {0};
	const char *op, *m, *me;
	int li, ri, nerr = 0, exists = 0, rc;
	char loc[96];

	if (strcmp(r->fv[FR_ACTION].s, "delete") == 0) {
		if (!r->fv[FR_RULE].present) {
			r->bad_field = "rule";
			return E_BADREQ;
		}
		return rule_delete(r, id, r->fv[FR_RULE].i);
	}
	if ((rc = db_tab_exec(&tab, Q_INDS, &inds, "")) != E_OK)
		return rc;
	li = rule_side(r, &nerr, "r_left", &inds);
	if (rd_field(r, &nerr, "r_op", 2, 1, &op) && !list_has(OPS, '|', op))
		rd_err(r, &nerr, "r_op", "choose", 0);
	ri = rule_side(r, &nerr, "r_right", &inds);
	if (li >= 0 && li == ri)
		rd_err(r, &nerr, "r_right", "rule_self", 0);
	rd_field(r, &nerr, "r_message", 500, 1, &m);
	rd_field(r, &nerr, "r_message_en", 500, 1, &me);
	if (nerr == 0) {
		rc = rule_add(r, &inds, li, ri, op, m, me, &exists);
		if (rc == E_OK && exists) {
			rd_err(r, &nerr, "r_op", "rule_exists", 0);
		} else if (rc == E_OK) {
			snprintf(loc, sizeof loc, "/review/indicator?id=%lld&done=rule_added#rules", id);
			req_redirect(r, loc);
		}
	}
	if (rc == E_OK && nerr > 0) {
		rd_refuse(r, keep, sizeof keep / sizeof keep[0], nerr);
		rc = show_page(r, id, NULL, NULL);
	}
	dbres_free(&inds);
	return rc;
}

/* ---- targets ---- */

static void target_desc(struct buf *b, const char *year, const char *unit, const char *value,
			const char *source)
{
	char v[64];

	canon_decimal(value, v, sizeof v);
	rd_kv(b, "year", year);
	rd_kv(b, "unit", unit && *unit ? unit : "city");
	rd_kv(b, "value", v);
	if (source && *source)
		rd_kv(b, "source", source);
}

/* Looks the unit up (its code into u); *err when it is unknown or did not
 * exist during the year. */
static int unit_in_year(long long unit, long long year, struct dbres *u, const char **err)
{
	char first[16], last[16];
	const char *from, *to;
	int rc;

	*err = NULL;
	if ((rc = db_tab_exec(&tab, Q_UNIT_GET, u, "i", unit)) != E_OK)
		return rc;
	if (u->nrows != 1) {
		*err = "choose";
		return E_OK;
	}
	snprintf(first, sizeof first, "%04lld-01-01", year);
	snprintf(last, sizeof last, "%04lld-12-31", year);
	from = dbres_get(u, 0, 1);
	to = dbres_get(u, 0, 2);
	if (strcmp(from, last) > 0 || (to != NULL && strcmp(to, first) < 0))
		*err = "unit_year";
	return E_OK;
}

/* Edits (value, source) or deletes one row of the targets table. */
static int target_change(struct req *r, long long id, const struct ind *in, int del)
{
	long long tid = r->fv[FT_TARGET].i;
	struct dbres cur = {0}, u = {0};
	struct buf ob, nb;
	const char *vs = "", *ss = "", *e = NULL, *se;
	char canon[64] = "", old[64], loc[112];
	int rc;

	buf_init(&ob);
	buf_init(&nb);
	if (!del) {
		e = rd_line(r, "value", 40, 1, &vs);
		if (e == NULL)
			e = target_check(in, vs, canon, sizeof canon);
		se = rd_line(r, "source", 500, 0, &ss);
		if (e == NULL && se != NULL)
			e = strcmp(se, "too_long") == 0 ? "source_too_long" : se;
		if (e != NULL) {
			struct terr te = {tid, vs, ss, e};
			r->status = 422;
			hseti(r, "Page.nerr", 1);
			hset(r, "Page.terr", e);
			rc = show_page(r, id, NULL, &te);
			goto out;
		}
	}
	if ((rc = db_begin()) != E_OK)
		goto out;
	if ((rc = db_tab_exec(&tab, Q_TARGET_GET, &cur, "i", tid)) != E_OK)
		goto fail;
	if (cur.nrows != 1 || dbres_int(&cur, 0, 1) != id) {
		rc = E_NOTFOUND;
		goto fail;
	}
	if (dbres_int(&cur, 0, 3) &&
	    (rc = db_tab_exec(&tab, Q_UNIT_GET, &u, "i", dbres_int(&cur, 0, 3))) != E_OK)
		goto fail;
	target_desc(&ob, dbres_get(&cur, 0, 2), u.nrows ? dbres_get(&u, 0, 0) : NULL,
		    dbres_get(&cur, 0, 4), dbres_get(&cur, 0, 5));
	if (del) {
		if ((rc = db_tab_exec(&tab, Q_TARGET_DELETE, NULL, "i", tid)) != E_OK ||
		    (rc = audit(r, "target_delete", "indicator", in->code, buf_str(&ob), NULL, NULL)) !=
			    E_OK)
			goto fail;
	} else {
		canon_decimal(dbres_get(&cur, 0, 4), old, sizeof old);
		if (strcmp(old, canon) == 0 && rd_same(dbres_get(&cur, 0, 5), ss)) {
			db_rollback();   /* unchanged: nothing to write or audit */
			goto done;
		}
		target_desc(&nb, dbres_get(&cur, 0, 2), u.nrows ? dbres_get(&u, 0, 0) : NULL, canon, ss);
		if ((rc = db_tab_exec(&tab, Q_TARGET_UPDATE, NULL, "ssi", canon, nz(ss), tid)) != E_OK ||
		    (rc = audit(r, "target_update", "indicator", in->code, buf_str(&ob), buf_str(&nb),
				NULL)) != E_OK)
			goto fail;
	}
	if ((rc = db_commit()) != E_OK)
		goto fail;
done:
	snprintf(loc, sizeof loc, "/review/indicator?id=%lld&done=%s#targets", id,
		 del ? "target_deleted" : "target_saved");
	req_redirect(r, loc);
	goto out;
fail:
	db_rollback();
out:
	buf_free(&ob);
	buf_free(&nb);
	dbres_free(&cur);
	dbres_free(&u);
	return rc;
}

static int target_add(struct req *r, long long id, const struct ind *in)
{
	static const char *const keep[] = {"t_year", "t_unit", "t_value", "t_source"};
	struct dbres u = {0}, lock = {0}, found = {0};
	struct dbparam p[5];
	const char *ys, *us, *vs, *ss, *e;
	char canon[64], ybuf[24], ubuf[24], loc[112];
	long long year = 0, unit = 0;
	int rc = E_OK, nerr = 0;
	struct buf b;

	buf_init(&b);
	if (rd_field(r, &nerr, "t_year", 4, 1, &ys)) {
		if (rd_num(ys, 1, ybuf, sizeof ybuf) != NULL || atoll(ybuf) < 2000 || atoll(ybuf) > 2100)
			rd_err(r, &nerr, "t_year", "year", 0);
		else
			year = atoll(ybuf);
	}
	if (rd_field(r, &nerr, "t_unit", 12, 0, &us) && *us && strcmp(us, "0") != 0) {
		if (rd_num(us, 1, ubuf, sizeof ubuf) != NULL || atoll(ubuf) <= 0) {
			rd_err(r, &nerr, "t_unit", "choose", 0);
		} else {
			unit = atoll(ubuf);
			if ((rc = unit_in_year(unit, year ? year : 2000, &u, &e)) != E_OK)
				goto out;
			if (e != NULL && (year || strcmp(e, "choose") == 0))
				rd_err(r, &nerr, "t_unit", e, 0);
		}
	}
	if (rd_field(r, &nerr, "t_value", 40, 1, &vs) &&
	    (e = target_check(in, vs, canon, sizeof canon)) != NULL)
		rd_err(r, &nerr, "t_value", e, 0);
	rd_field(r, &nerr, "t_source", 500, 0, &ss);
	if (nerr == 0) {
		if ((rc = db_begin()) != E_OK)
			goto out;
		/* the indicator's row first: two additions of one target queue here */
		if ((rc = db_tab_exec(&tab, Q_LOCK, &lock, "i", id)) != E_OK)
			goto fail;
		if (lock.nrows != 1) {
			rc = E_NOTFOUND;
			goto fail;
		}
		memset(p, 0, sizeof p);
		p[0] = (struct dbparam){'i', id, 0, NULL, 0};
		p[1] = (struct dbparam){'i', year, 0, NULL, 0};
		p[2] = unit ? (struct dbparam){'i', unit, 0, NULL, 0} : (struct dbparam){'s', 0, 0, NULL, 0};
		if ((rc = db_tab_execv(&tab, Q_TARGET_FIND, &found, p, 3)) != E_OK)
			goto fail;
		if (found.nrows > 0) {
			db_rollback();
			rd_err(r, &nerr, "t_year", "target_exists", 0);
		} else {
			p[3] = (struct dbparam){'s', 0, 0, canon, 0};
			p[4] = (struct dbparam){'s', 0, 0, nz(ss), 0};
			target_desc(&b, ybuf, unit ? dbres_get(&u, 0, 0) : NULL, canon, ss);
			if ((rc = db_tab_execv(&tab, Q_TARGET_INSERT, NULL, p, 5)) != E_OK ||
			    (rc = audit(r, "target_add", "indicator", in->code, NULL, buf_str(&b), NULL)) !=
				    E_OK ||
			    (rc = db_commit()) != E_OK)
				goto fail;
			snprintf(loc, sizeof loc, "/review/indicator?id=%lld&done=target_added#targets", id);
			req_redirect(r, loc);
			goto out;
		}
	}
	rd_refuse(r, keep, sizeof keep / sizeof keep[0], nerr);
	rc = show_page(r, id, NULL, NULL);
	goto out;
fail:
	db_rollback();
out:
	buf_free(&b);
	dbres_free(&u);
	dbres_free(&lock);
	dbres_free(&found);
	return rc;
}

int rd_target_post(struct req *r)
{
	long long id = r->fv[FT_ID].i;
	const char *action = r->fv[FT_ACTION].s;
	struct dbres row = {0};
	struct ind in;
	int rc;

	if (strcmp(action, "add") != 0 && !r->fv[FT_TARGET].present) {
		r->bad_field = "target";
		return E_BADREQ;
	}
	if ((rc = db_tab_exec(&tab, Q_GET, &row, "i", id)) != E_OK)
		return rc;
	if (row.nrows != 1) {
		dbres_free(&row);
		return E_NOTFOUND;
	}
	in = (struct ind){id, dbres_get(&row, 0, I_CODE), dbres_get(&row, 0, I_VTYPE),
			  dbres_get(&row, 0, I_MIN), dbres_get(&row, 0, I_MAX), 0};
	if (strcmp(action, "add") == 0)
		rc = target_add(r, id, &in);
	else
		rc = target_change(r, id, &in, strcmp(action, "delete") == 0);
	dbres_free(&row);
	return rc;
}
