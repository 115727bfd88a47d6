/* The units' ranking (see ranking.h): the arithmetic first, then the
 * language file, then the database.
 * Statements: the period, the units, their forms and scores, directions,
 * plan tasks. */
#include "ranking.h"

#include <ClearSilver.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "err.h"
#include "log.h"
#include "period.h"

/* ---- arithmetic ---- */

static const int default_w[RK_NCOMP] = {60, 20, 10, 10};

void ranking_weights(struct rk_weights *w)
{
	static const char *const keys[RK_NCOMP] = {"ranking_weight_indicators", "ranking_weight_timeliness",
						   "ranking_weight_directions", "ranking_weight_plan"};
	int sum = 0, bad = 0;

	for (int i = 0; i < RK_NCOMP; i++) {
		long v = config_int(keys[i], default_w[i]);
		bad |= v < 0 || v > 100;
		w->w[i] = (int)v;
		sum += (int)v;
	}
	/* the indicator score decides who is ranked at all: it must weigh */
	if (bad || sum <= 0 || w->w[RK_IND] <= 0) {
		log_msg(NULL, "ranking: weights must be 0-100 with the indicators' above 0; using 60/20/10/10");
		memcpy(w->w, default_w, sizeof w->w);
	}
}

/* Scores equal to this much are equal: a sum of products can differ in its
 * last bit for the same mathematical value. */
#define EPS 1e-9

static int same(double a, double b) { return fabs(a - b) <= EPS * (1 + fabs(a) + fabs(b)); }

static int unit_cmp(const void *pa, const void *pb)
{
	const struct rk_unit *a = pa, *b = pb;

	if (a->ranked != b->ranked)
		return a->ranked ? -1 : 1;
	if (a->ranked) {
		if (!same(a->combined, b->combined))
			return a->combined > b->combined ? -1 : 1;
		if (!same(a->comp[RK_IND], b->comp[RK_IND]))
			return a->comp[RK_IND] > b->comp[RK_IND] ? -1 : 1;
	}
	{
		int c = strcmp(a->name, b->name);
		return c ? c : (a->id < b->id ? -1 : a->id > b->id);
	}
}

void ranking_compute(struct rk_unit *u, int n, const struct rk_weights *w)
{
	for (int i = 0; i < n; i++) {
		struct rk_unit *x = &u[i];
		int forms = x->on_time + x->late + x->missing;
		double num = 0, den = 0;

		memset(x->has, 0, sizeof x->has);
		memset(x->comp, 0, sizeof x->comp);
		if (x->score_n > 0) {
			x->has[RK_IND] = 1;
			x->comp[RK_IND] = x->score_sum / x->score_n;
		}
		if (forms > 0) {
			x->has[RK_TIME] = 1;
			x->comp[RK_TIME] = 100.0 * x->on_time / forms;
		}
		if (x->dir_total > 0) {
			x->has[RK_DIR] = 1;
			x->comp[RK_DIR] = 100.0 * x->dir_on_time / x->dir_total;
		}
		if (x->plan_total > 0) {
			x->has[RK_PLAN] = 1;
			x->comp[RK_PLAN] = 100.0 * x->plan_on_time / x->plan_total;
		}
		for (int c = 0; c < RK_NCOMP; c++)
			if (x->has[c] && w->w[c] > 0) {
				num += w->w[c] * x->comp[c];
				den += w->w[c];
			}
		x->ranked = x->has[RK_IND] && den > 0;
		x->combined = x->ranked ? num / den : 0;
		x->rank = 0;
	}
	qsort(u, (size_t)n, sizeof *u, unit_cmp);
	for (int i = 0; i < n && u[i].ranked; i++) {
		if (i > 0 && same(u[i].combined, u[i - 1].combined) &&
		    same(u[i].comp[RK_IND], u[i - 1].comp[RK_IND]))
			u[i].rank = u[i - 1].rank;
		else
			u[i].rank = i + 1;
	}
}

int ranking_formula(const char *tmpl, const struct rk_weights *w, char *out, size_t outsz)
{
	static const char *const names[RK_NCOMP] = {"{ind}", "{time}", "{dir}", "{plan}"};
	size_t o = 0;

	if (outsz == 0)
		return -1;
	while (*tmpl) {
		int c, k = -1;
		for (c = 0; c < RK_NCOMP; c++)
			if (strncmp(tmpl, names[c], strlen(names[c])) == 0)
				k = c;
		if (k >= 0) {
			int m = snprintf(out + o, outsz - o, "%d", w->w[k]);
			if (m < 0 || (size_t)m >= outsz - o)
				goto full;
			o += (size_t)m;
			tmpl += strlen(names[k]);
		} else {
			if (o + 1 >= outsz)
				goto full;
			out[o++] = *tmpl++;
		}
	}
	out[o] = '\0';
	return 0;
full:
	out[o < outsz ? o : outsz - 1] = '\0';
	return -1;
}

void ranking_num(double v, char *out, size_t outsz)
{
	/* fixed point, never an exponent: "50", not "5e+01" */
	for (int p = 0; p <= 17; p++) {
		snprintf(out, outsz, "%.*f", p, v);
		if (strtod(out, NULL) == v)
			return;
	}
	snprintf(out, outsz, "%.17g", v);
}

const char *const ranking_col_keys[RC_N] = {
	"rank", "code", "name", "ind", "scored", "on_time", "late", "missing", "time", "days_late",
	"dir_total", "dir_on_time", "dir", "plan_total", "plan_on_time", "plan", "combined",
};

#define NONE "\xE2\x80\x94"   /* an em dash: not a zero */

static const char *count(long long v, char *tmp, size_t tmpsz, int *numeric)
{
	snprintf(tmp, tmpsz, "%lld", v);
	*numeric = 1;
	return tmp;
}

static const char *comp(const struct rk_unit *u, int c, char *tmp, size_t tmpsz, int *numeric)
{
	if (!u->has[c])
		return NONE;
	ranking_num(u->comp[c], tmp, tmpsz);
	*numeric = 1;
	return tmp;
}

const char *ranking_cell(const struct rk_unit *u, int col, int en, char *tmp, size_t tmpsz, int *numeric)
{
	*numeric = 0;
	switch (col) {
	case RC_RANK:
		return u->rank > 0 ? count(u->rank, tmp, tmpsz, numeric) : NONE;
	case RC_CODE:
		return u->code;
	case RC_NAME:
		return en && u->name_en[0] ? u->name_en : u->name;
	case RC_IND:
		return comp(u, RK_IND, tmp, tmpsz, numeric);
	case RC_SCORED:
		return count(u->score_n, tmp, tmpsz, numeric);
	case RC_ON_TIME:
		return count(u->on_time, tmp, tmpsz, numeric);
	case RC_LATE:
		return count(u->late, tmp, tmpsz, numeric);
	case RC_MISSING:
		return count(u->missing, tmp, tmpsz, numeric);
	case RC_TIME:
		return comp(u, RK_TIME, tmp, tmpsz, numeric);
	case RC_DAYS_LATE:
		return count(u->days_late, tmp, tmpsz, numeric);
	case RC_DIR_TOTAL:
		return count(u->dir_total, tmp, tmpsz, numeric);
	case RC_DIR_ON_TIME:
		return count(u->dir_on_time, tmp, tmpsz, numeric);
	case RC_DIR:
		return comp(u, RK_DIR, tmp, tmpsz, numeric);
	case RC_PLAN_TOTAL:
		return count(u->plan_total, tmp, tmpsz, numeric);
	case RC_PLAN_ON_TIME:
		return count(u->plan_on_time, tmp, tmpsz, numeric);
	case RC_PLAN:
		return comp(u, RK_PLAN, tmp, tmpsz, numeric);
	case RC_COMBINED:
		if (!u->ranked)
			return NONE;
		ranking_num(u->combined, tmp, tmpsz);
		*numeric = 1;
		return tmp;
	}
	return "";
}

/* ---- the language file ---- */

static HDF *lang_hdf[2];

const char *ranking_lang(const char *lang, const char *key)
{
	int en = lang != NULL && strcmp(lang, "en") == 0;
	char name[128];

	if (lang_hdf[en] == NULL) {
		char path[512];
		NEOERR *err = hdf_init(&lang_hdf[en]);

		snprintf(path, sizeof path, "%s/lang/%s-ranking.hdf", config_get("templates", "templates"),
			 en ? "en" : "vi");
		if (err == STATUS_OK)
			err = hdf_read_file(lang_hdf[en], path);
		if (err != STATUS_OK) {
			log_msg(NULL, "ranking: cannot read %s", path);
			nerr_ignore(&err);
			hdf_destroy(&lang_hdf[en]);
			return key;
		}
	}
	snprintf(name, sizeof name, "Lang.Ranking.%s", key);
	return hdf_get_value(lang_hdf[en], name, key);
}

int ranking_formula_text(const char *lang, char *out, size_t outsz)
{
	struct rk_weights w;

	ranking_weights(&w);
	return ranking_formula(ranking_lang(lang, "formula"), &w, out, outsz);
}

/* ---- the database ---- */

enum { RQ_PERIOD, RQ_YEAR, RQ_UNITS, RQ_FORMS, RQ_DIRS, RQ_PLAN, RQ_N };

#define EXISTED "u.valid_from <= p.cutoff_end AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start)"
#define TODAY "DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR)"
/* the periods counted: one by id, or a year's quarters (params: id, id, year) */
#define PERIODS "((? > 0 AND p.id = ?) OR (p.kind = 'Q' AND p.year = ?))"

static const char *const sql[RQ_N] = {
	/* RQ_PERIOD */
	"SELECT id, kind, year, seq, cutoff_start, cutoff_end FROM period WHERE id = ?",
	/* RQ_YEAR: how many quarters the year has */
	"SELECT COUNT(*) FROM period WHERE kind = 'Q' AND year = ?",
	/* RQ_UNITS: the kind's units that existed in the range (kind, to, from) */
	"SELECT id, code, name, COALESCE(name_en, '') FROM unit u WHERE kind = ? AND valid_from <= ? "
	"AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id",
	/* RQ_FORMS: per unit asked x period: delivered, days after due, due passed, score.
	 * A join with the kinds each period asks, not a correlated EXISTS (MariaDB
	 * 10.11 crashes re-executing a prepared statement with one). */
	"SELECT u.id, s.status IN ('submitted', 'accepted') AND s.submitted_at IS NOT NULL, "
	"DATEDIFF(DATE(s.submitted_at + INTERVAL 7 HOUR), p.due_on), p.due_on < " TODAY ", sc.score "
	"FROM period p JOIN (SELECT DISTINCT period_id, unit_kind FROM period_indicator WHERE unit_kind = ?) k "
	"ON k.period_id = p.id JOIN unit u ON u.kind = k.unit_kind AND " EXISTED " "
	"LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id "
	"LEFT JOIN agg_score sc ON sc.period_id = p.id AND sc.unit_id = u.id AND sc.pillar = '' "
	"WHERE " PERIODS " ORDER BY u.id, p.id",
	/* RQ_DIRS (kind, from, to) */
	"SELECT du.unit_id, COUNT(*), COALESCE(SUM(d.status = 'done' AND d.done_on <= d.deadline), 0) "
	"FROM direction d JOIN direction_unit du ON du.direction_id = d.id JOIN unit u ON u.id = du.unit_id "
	"WHERE u.kind = ? AND d.deadline BETWEEN ? AND ? AND d.status <> 'dropped' "
	"AND (d.status = 'done' OR d.deadline < " TODAY ") GROUP BY du.unit_id",
	/* RQ_PLAN (kind, year, from, to) */
	"SELECT t.owner_unit_id, COUNT(*), COALESCE(SUM(t.status = 'done' AND t.done_on <= t.deadline), 0) "
	"FROM plan_task t JOIN plan pl ON pl.id = t.plan_id JOIN unit u ON u.id = t.owner_unit_id "
	"WHERE u.kind = ? AND pl.year = ? AND t.deadline BETWEEN ? AND ? AND t.status <> 'dropped' "
	"AND (t.status = 'done' OR t.deadline < " TODAY ") GROUP BY t.owner_unit_id",
};
static struct stmt_table tab = STMT_TABLE(sql);

static int by_id(const void *key, const void *elem)
{
	long long k = *(const long long *)key, id = ((const struct rk_unit *)elem)->id;

	return k < id ? -1 : k > id;
}

static struct rk_unit *find(struct rk_list *l, long long id)
{
	return bsearch(&id, l->u, (size_t)l->n, sizeof *l->u, by_id);
}

/* The range and label of the choice. */
static int range(long long period_id, int year, const char *lang, struct rk_list *out)
{
	struct dbres res;
	int rc;

	if (period_id > 0) {
		if ((rc = db_tab_exec(&tab, RQ_PERIOD, &res, "i", period_id)) != E_OK)
			return rc;
		if (res.nrows != 1) {
			dbres_free(&res);
			return E_NOTFOUND;
		}
		out->year = (int)dbres_int(&res, 0, 2);
		period_label(dbres_get(&res, 0, 1)[0], out->year, (int)dbres_int(&res, 0, 3), lang, out->label,
			     sizeof out->label);
		snprintf(out->from, sizeof out->from, "%s", dbres_get(&res, 0, 4));
		snprintf(out->to, sizeof out->to, "%s", dbres_get(&res, 0, 5));
		dbres_free(&res);
		return E_OK;
	}
	if (year < 2000 || year > 2100)
		return E_BADREQ;
	out->year = year;
	snprintf(out->label, sizeof out->label, "%s %d", ranking_lang(lang, "year_word"), year);
	snprintf(out->from, sizeof out->from, "%04d-01-01", year);
	snprintf(out->to, sizeof out->to, "%04d-12-31", year);
	return E_OK;
}

static int load_units(struct rk_list *out)
{
	struct dbres res;
	int rc = db_tab_exec(&tab, RQ_UNITS, &res, "sss", out->kind, out->to, out->from);

	if (rc != E_OK)
		return rc;
	out->u = calloc(res.nrows + 1, sizeof *out->u);
	if (out->u == NULL) {
		dbres_free(&res);
		return E_INTERNAL;
	}
	for (unsigned i = 0; i < res.nrows; i++) {
		struct rk_unit *x = &out->u[out->n++];
		x->id = dbres_int(&res, i, 0);
		snprintf(x->code, sizeof x->code, "%s", dbres_get(&res, i, 1));
		snprintf(x->name, sizeof x->name, "%s", dbres_get(&res, i, 2));
		snprintf(x->name_en, sizeof x->name_en, "%s", dbres_get(&res, i, 3));
	}
	dbres_free(&res);
	return E_OK;
}

static int load_forms(struct rk_list *out)
{
	struct dbres res;
	int rc = db_tab_exec(&tab, RQ_FORMS, &res, "siii", out->kind, out->period_id, out->period_id,
			     (long long)(out->period_id > 0 ? 0 : out->year));

	if (rc != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		struct rk_unit *x = find(out, dbres_int(&res, i, 0));
		const char *score = dbres_get(&res, i, 4);
		long long after = dbres_int(&res, i, 2);

		if (x == NULL)
			continue;
		if (dbres_int(&res, i, 1)) {
			if (after > 0) {
				x->late++;
				x->days_late += after;
			} else {
				x->on_time++;
			}
		} else if (dbres_int(&res, i, 3)) {
			x->missing++;
		}
		if (score != NULL) {
			x->score_sum += strtod(score, NULL);
			x->score_n++;
		}
	}
	dbres_free(&res);
	return E_OK;
}

/* directions (st RQ_DIRS) or plan tasks (RQ_PLAN): per unit, counted and on time */
static int load_counts(struct rk_list *out, int st)
{
	struct dbres res;
	int rc = st == RQ_DIRS ? db_tab_exec(&tab, st, &res, "sss", out->kind, out->from, out->to)
			       : db_tab_exec(&tab, st, &res, "siss", out->kind, (long long)out->year, out->from,
					     out->to);

	if (rc != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		struct rk_unit *x = find(out, dbres_int(&res, i, 0));
		if (x == NULL)
			continue;
		if (st == RQ_DIRS) {
			x->dir_total = (int)dbres_int(&res, i, 1);
			x->dir_on_time = (int)dbres_int(&res, i, 2);
		} else {
			x->plan_total = (int)dbres_int(&res, i, 1);
			x->plan_on_time = (int)dbres_int(&res, i, 2);
		}
	}
	dbres_free(&res);
	return E_OK;
}

int ranking_load(long long period_id, int year, const char *kind, const char *lang,
		 const struct rk_weights *w, struct rk_list *out)
{
	struct dbres res;
	int rc;

	memset(out, 0, sizeof *out);
	if (kind == NULL || (strcmp(kind, "district") != 0 && strcmp(kind, "department") != 0))
		return E_BADREQ;
	snprintf(out->kind, sizeof out->kind, "%s", kind);
	out->period_id = period_id > 0 ? period_id : 0;
	if ((rc = range(period_id, year, lang, out)) != E_OK)
		return rc;
	if (period_id > 0) {
		out->periods = 1;
	} else {
		if ((rc = db_tab_exec(&tab, RQ_YEAR, &res, "i", (long long)year)) != E_OK)
			return rc;
		out->periods = (int)dbres_int(&res, 0, 0);
		dbres_free(&res);
	}
	if ((rc = load_units(out)) != E_OK || (rc = load_forms(out)) != E_OK ||
	    (rc = load_counts(out, RQ_DIRS)) != E_OK || (rc = load_counts(out, RQ_PLAN)) != E_OK) {
		ranking_free(out);
		return rc;
	}
	ranking_compute(out->u, out->n, w);
	return E_OK;
}

void ranking_free(struct rk_list *l)
{
	free(l->u);
	l->u = NULL;
	l->n = 0;
}
