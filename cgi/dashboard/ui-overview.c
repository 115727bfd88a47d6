/* /dashboard/: where the city stands for a period, on one page.
 *   - headline indicators (those with a city-wide target), grouped by pillar:
 *     value, target, progress, mark, change since the previous quarter;
 *   - pillars at a glance: how many indicators met, on track, behind;
 *   - units late and missing (submissions against the due date);
 *   - the best and the weakest units of each kind (overall score);
 *   - when the figures were computed, and the briefing pack;
 *   - the directions overdue today, per owner unit (ui-directions.c).
 * Statements: session, periods, city figures (this and the previous
 * period), submissions with the overdue directions, ranking; reference data
 * from the worker's cache. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/config.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "dashboard.h"

const struct field overview_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

/* A join with the kinds the period asks rather than a correlated EXISTS
 * (MariaDB 10.11 crashes re-executing a prepared statement with one). */
#define EXISTED \
	"u.valid_from <= p.cutoff_end AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start)"
#define KINDS "'district', 'department', 'commune', 'other'"

enum { Q_CITY, Q_SUBS, Q_BEST, Q_N };
static const char *const sql[Q_N] = {
	/* through indicator: a primary-key lookup per indicator, not a scan of
	 * every scope of the period */
	"SELECT a.period_id, a.indicator_id, a.value, a.target, a.progress, a.units_reporting, "
	"a.units_asked FROM period p JOIN indicator i JOIN agg_value a ON a.period_id = p.id "
	"AND a.indicator_id = i.id AND a.scope = 'city' AND a.scope_kind = '' AND a.unit_id = 0 "
	"WHERE p.id IN (?, ?)",
	/* every unit asked in the period: when it delivered, days after the due
	 * date (of the delivery, or of today while missing), and whether its form
	 * changed after the figures were computed; then (part 1) the directions
	 * overdue today in Hanoi, per owner unit, in the columns of enum
	 * dirs_col: one statement for both keeps the page to a few round trips */
	"(SELECT u.id, u.code, u.name, u.kind, s.status, "
	"DATE_FORMAT(s.submitted_at + INTERVAL 7 HOUR, '%d/%m/%Y'), "
	"DATEDIFF(DATE(s.submitted_at + INTERVAL 7 HOUR), p.due_on), "
	"DATEDIFF(DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR), p.due_on), "
	"s.updated_at > ar.fin, 0 AS part, FIELD(u.kind, " KINDS ") AS k1, u.name AS k2, "
	"CAST(NULL AS DATE) AS k3, '' AS k4 "
	"FROM period p JOIN (SELECT DISTINCT unit_kind FROM period_indicator WHERE period_id = ?) k "
	"JOIN unit u ON u.kind = k.unit_kind AND " EXISTED " "
	"LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id "
	"LEFT JOIN (SELECT MAX(finished_at) AS fin FROM agg_run WHERE period_id = ? AND status = 'done') ar "
	"ON 1 = 1 "
	"WHERE p.id = ?) UNION ALL "
	"(SELECT u.id, d.code, u.name, d.body, d.status, d.deadline, DATEDIFF(?, d.deadline), "
	"COUNT(*) OVER (PARTITION BY u.id), d.id, 1, -COUNT(*) OVER (PARTITION BY u.id), u.name, "
	"d.deadline, d.code "
	"FROM direction d JOIN direction_unit du ON du.direction_id = d.id JOIN unit u ON u.id = du.unit_id "
	"WHERE d.deadline < ? AND d.status IN ('new', 'in_progress', 'reported')) "
	"ORDER BY part, k1, k2, k3, k4",
	"SELECT u.id, u.code, u.name, u.kind, s.score, s.rank_in_kind, s.indicators "
	"FROM unit u JOIN agg_score s ON s.period_id = ? AND s.unit_id = u.id AND s.pillar = ? "
	"WHERE s.rank_in_kind IS NOT NULL "
	"ORDER BY FIELD(u.kind, " KINDS "), s.rank_in_kind, u.name",
};
static struct stmt_table tab = STMT_TABLE(sql);

static const char *const kinds[] = {"district", "department", "commune", "other"};
#define NKIND 4

static int kind_index(const char *k)
{
	for (int i = 0; i < NKIND; i++)
		if (strcmp(kinds[i], k) == 0)
			return i;
	return NKIND - 1;
}

/* ---- headline indicators ---- */

struct pillar_sum {
	const char *code, *name;
	int met, on_track, behind, no_data, total;
	double progress;   /* sum of capped progress, for the average */
	int nprogress;
};

int load_headline(struct req *r, const struct dperiod *p)
{
	const struct refdata *rd;
	struct dbres res;
	struct pillar_sum ps[64];
	int rc, n = 0, nps = 0, count[4] = {0};
	const char *marks[4] = {"met", "on_track", "behind", "no_data"};
	const char *list = config_get("headline_indicators", NULL);

	if (list != NULL && *list == '\0')
		list = NULL;
	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_CITY, &res, "ii", p->id, p->prev_id)) != E_OK)
		return rc;
	memset(ps, 0, sizeof ps);
	for (unsigned i = 0; i < dash_nind(); i++) {
		const struct dind *d = dash_ind_at(i);
		int cur = -1, prev = -1, m;
		const char *mark;
		char shown[96], raw[64], delta[96];
		HDF *node;

		for (unsigned j = 0; j < res.nrows; j++) {
			if (dbres_int(&res, j, 1) != d->ref->id)
				continue;
			if (dbres_int(&res, j, 0) == p->id)
				cur = (int)j;
			else
				prev = (int)j;
		}
		/* a headline: one of headline_indicators (the briefing pack's list)
		 * when configured, else every indicator with a city-wide target */
		if (cur < 0 || (list != NULL ? !list_has(list, ',', d->ref->code)
					     : dbres_get(&res, (unsigned)cur, 3) == NULL))
			continue;
		node = hnode(r, "Dash.headline.%d", n++);
		nseti(r, node, "id", d->ref->id);
		nset(r, node, "code", d->ref->code);
		nset(r, node, "name", strcmp(r->lang, "en") == 0 ? d->ref->name_en : d->ref->name);
		nset(r, node, "pillar", d->ref->pillar);
		nset(r, node, "pillar_name",
		     strcmp(r->lang, "en") == 0 ? d->ref->pillar_name_en : d->ref->pillar_name);
		nset(r, node, "uom", dash_uom(r, d));
		dash_figure(r, node, d, dbres_get(&res, (unsigned)cur, 2), dbres_get(&res, (unsigned)cur, 3),
			    dbres_get(&res, (unsigned)cur, 4));
		nset(r, node, "reporting", dbres_get(&res, (unsigned)cur, 5));
		nset(r, node, "asked", dbres_get(&res, (unsigned)cur, 6));
		if (prev >= 0) {
			int sign;
			dash_value(r, d, dbres_get(&res, (unsigned)prev, 2), shown, sizeof shown, raw, sizeof raw);
			nset(r, node, "prev", shown);
			nset(r, node, "prev_raw", raw);
			dash_delta(r, d, dbres_get(&res, (unsigned)cur, 2), dbres_get(&res, (unsigned)prev, 2),
				   delta, sizeof delta, &sign);
			nset(r, node, "delta", delta);
			nset(r, node, "trend", sign > 0 ? "up" : sign < 0 ? "down" : "same");
			/* better or worse, as the indicator's direction reads */
			if (sign != 0 && strcmp(d->dir, "none") != 0)
				nset(r, node, "better", (sign > 0) == (strcmp(d->dir, "up") == 0) ? "1" : "0");
		}
		mark = dash_mark(dbres_get(&res, (unsigned)cur, 2), dbres_get(&res, (unsigned)cur, 3),
				 dbres_get(&res, (unsigned)cur, 4));
		for (m = 0; m < 4 && strcmp(marks[m], mark) != 0; m++)
			;
		if (m < 4)
			count[m]++;
		/* the pillar's line in the summary */
		if (nps == 0 || strcmp(ps[nps - 1].code, d->ref->pillar) != 0) {
			if (nps == (int)(sizeof ps / sizeof ps[0]))
				continue;
			ps[nps].code = d->ref->pillar;
			ps[nps].name = strcmp(r->lang, "en") == 0 ? d->ref->pillar_name_en : d->ref->pillar_name;
			nps++;
			nset(r, node, "first", "1");
		}
		{
			struct pillar_sum *s = &ps[nps - 1];
			const char *prog = dbres_get(&res, (unsigned)cur, 4);
			s->total++;
			s->met += m == 0;
			s->on_track += m == 1;
			s->behind += m == 2;
			s->no_data += m == 3;
			if (prog != NULL && dbres_get(&res, (unsigned)cur, 2) != NULL) {
				double x = strtod(prog, NULL);
				s->progress += x > 1 ? 1 : x < 0 ? 0 : x;
				s->nprogress++;
			}
		}
	}
	dbres_free(&res);
	hseti(r, "Dash.count.total", n);
	for (int m = 0; m < 4; m++) {
		char key[48];
		snprintf(key, sizeof key, "Dash.count.%s", marks[m]);
		hseti(r, key, count[m]);
	}
	for (int i = 0; i < nps; i++) {
		HDF *node = hnode(r, "Dash.pillar_sum.%d", i);
		nset(r, node, "code", ps[i].code);
		nset(r, node, "name", ps[i].name);
		nseti(r, node, "total", ps[i].total);
		nseti(r, node, "met", ps[i].met);
		nseti(r, node, "on_track", ps[i].on_track);
		nseti(r, node, "behind", ps[i].behind);
		nseti(r, node, "no_data", ps[i].no_data);
		if (ps[i].nprogress > 0) {
			double avg = ps[i].progress / ps[i].nprogress;
			char prog[32];
			/* the average progress read with the same marks (never above 1) */
			snprintf(prog, sizeof prog, "%.6f", avg);
			nseti(r, node, "avg", (long)(avg * 100 + 0.5));
			nset(r, node, "mark", dash_mark("1", "1", prog));
		}
	}
	return E_OK;
}

/* ---- submissions: on time, late, missing ---- */

struct lm {
	unsigned row;
	int missing;
	long long days;
};

static int lm_cmp(const void *a, const void *b)
{
	const struct lm *x = a, *y = b;

	if (x->missing != y->missing)
		return y->missing - x->missing;       /* missing first */
	if (x->days != y->days)
		return x->days < y->days ? 1 : -1;    /* the latest first */
	return x->row < y->row ? -1 : (x->row > y->row);
}

int load_submissions(struct req *r, const struct dperiod *p)
{
	struct dbres res;
	struct lm *lm;
	int rc, nlm = 0, changed = 0;
	long long cnt[NKIND][5] = {{0}};   /* total, on_time, late, missing, pending */
	static const char *const cols[5] = {"total", "on_time", "late", "missing", "pending"};
	struct dirs_acc *da = malloc(sizeof *da);
	char today[11];

	if (da == NULL)
		return E_INTERNAL;
	dirs_begin(r, da, today);
	rc = db_tab_exec(&tab, Q_SUBS, &res, "iiiss", p->id, p->id, p->id, today, today);
	if (rc != E_OK) {
		free(da);
		return rc;
	}
	lm = calloc(res.nrows + 1, sizeof *lm);
	if (lm == NULL) {
		dbres_free(&res);
		free(da);
		return E_INTERNAL;
	}
	for (unsigned i = 0; i < res.nrows; i++) {
		if (dbres_int(&res, i, 9) == 1) {
			const char *c[DC_N];
			for (int k = 0; k < DC_N; k++)
				c[k] = dbres_get(&res, i, (unsigned)k);
			dirs_add(r, da, c);
			continue;
		}
		const char *s = dash_state(dbres_get(&res, i, 4), dbres_get(&res, i, 5),
					   dbres_int(&res, i, 6), dbres_int(&res, i, 7));
		int k = kind_index(dbres_get(&res, i, 3)), state;

		for (state = 1; state < 5 && strcmp(cols[state], s) != 0; state++)
			;
		if (state == 5)
			continue;
		cnt[k][0]++;
		cnt[k][state]++;
		changed += dbres_int(&res, i, 8) == 1;
		if (state == 2 || state == 3) {
			lm[nlm].row = i;
			lm[nlm].missing = state == 3;
			lm[nlm].days = dbres_int(&res, i, state == 2 ? 6 : 7);
			nlm++;
		}
	}
	qsort(lm, (size_t)nlm, sizeof *lm, lm_cmp);
	for (int i = 0; i < nlm; i++) {
		unsigned row = lm[i].row;
		const char *st = dbres_get(&res, row, 4);
		HDF *node = hnode(r, "Dash.lm.%d", i);
		char key[48];

		nset(r, node, "id", dbres_get(&res, row, 0));
		nset(r, node, "code", dbres_get(&res, row, 1));
		nset(r, node, "name", dbres_get(&res, row, 2));
		nset(r, node, "kind", dbres_get(&res, row, 3));
		snprintf(key, sizeof key, "Kind.%s", dbres_get(&res, row, 3));
		nset(r, node, "kind_name", dash_lang(r, key));
		nset(r, node, "state", lm[i].missing ? "missing" : "late");
		/* a missing form: what the unit has (nothing, a draft, a returned form) */
		nset(r, node, "status", st == NULL ? "not_started" : st);
		snprintf(key, sizeof key, "State.%s", lm[i].missing ? "missing" : "late");
		nset(r, node, "state_text", dash_lang(r, key));
		nseti(r, node, "days", lm[i].days);
		if (!lm[i].missing)
			nset(r, node, "date", dbres_get(&res, row, 5));
	}
	hseti(r, "Dash.nlm", nlm);
	/* the page: late units one by one; missing ones named per kind (they share
	 * the due date, so the days overdue are the same) */
	{
		int nl = 0, nm = 0, nk = -1;
		const char *kind = NULL;
		for (int i = 0; i < nlm; i++) {
			unsigned row = lm[i].row;
			HDF *node;
			if (!lm[i].missing) {
				node = hnode(r, "Dash.late.%d", nl++);
				nset(r, node, "id", dbres_get(&res, row, 0));
				nset(r, node, "code", dbres_get(&res, row, 1));
				nset(r, node, "name", dbres_get(&res, row, 2));
				nset(r, node, "kind", dbres_get(&res, row, 3));
				nset(r, node, "date", dbres_get(&res, row, 5));
				nseti(r, node, "days", lm[i].days);
				continue;
			}
			nm++;
			hseti(r, "Dash.missing_days", lm[i].days);
			if (kind == NULL || strcmp(kind, dbres_get(&res, row, 3)) != 0) {
				kind = dbres_get(&res, row, 3);
				hsetf(r, kind, "Dash.missing.%d.kind", ++nk);
			}
			node = hnode(r, "Dash.missing.%d.units.%u", nk, row);
			nset(r, node, "id", dbres_get(&res, row, 0));
			nset(r, node, "code", dbres_get(&res, row, 1));
			nset(r, node, "name", dbres_get(&res, row, 2));
			nset(r, node, "status", dbres_get(&res, row, 4) ? dbres_get(&res, row, 4) : "not_started");
		}
		hseti(r, "Dash.nlate", nl);
		hseti(r, "Dash.nmissing", nm);
	}
	for (int k = 0, row = 0; k < NKIND; k++) {
		HDF *node;
		if (cnt[k][0] == 0)
			continue;
		node = hnode(r, "Dash.subs.kinds.%d", row++);
		nset(r, node, "kind", kinds[k]);
		for (int c = 0; c < 5; c++)
			nseti(r, node, cols[c], cnt[k][c]);
	}
	for (int c = 0; c < 5; c++) {
		long long t = 0;
		char key[48];
		for (int k = 0; k < NKIND; k++)
			t += cnt[k][c];
		snprintf(key, sizeof key, "Dash.subs.%s", cols[c]);
		hseti(r, key, t);
	}
	hseti(r, "Dash.subs.changed", changed);
	free(lm);
	free(da);
	dbres_free(&res);
	return E_OK;
}

/* ---- best and weakest units of each kind ---- */

#define PODIUM 3

static void rank_row(struct req *r, HDF *node, const struct dbres *res, unsigned i)
{
	char score[32];

	nset(r, node, "id", dbres_get(res, i, 0));
	nset(r, node, "code", dbres_get(res, i, 1));
	nset(r, node, "name", dbres_get(res, i, 2));
	if (dbres_get(res, i, 4) != NULL) {
		dash_num(r, strtod(dbres_get(res, i, 4), NULL), 1, score, sizeof score);
		nset(r, node, "score", score);
	}
	nset(r, node, "rank", dbres_get(res, i, 5));
	nset(r, node, "indicators", dbres_get(res, i, 6));
}

int load_best(struct req *r, const struct dperiod *p, const char *pillar)
{
	struct dbres res;
	int rc, nk = 0;

	if ((rc = db_tab_exec(&tab, Q_BEST, &res, "is", p->id, pillar)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows;) {
		unsigned j = i, n, top, bottom;
		HDF *node;

		while (j < res.nrows && strcmp(dbres_get(&res, j, 3), dbres_get(&res, i, 3)) == 0)
			j++;
		n = j - i;
		top = n < PODIUM ? n : PODIUM;
		bottom = n - top < PODIUM ? n - top : PODIUM;
		node = hnode(r, "Dash.best.%d", nk++);
		nset(r, node, "kind", dbres_get(&res, i, 3));
		nseti(r, node, "n", n);
		for (unsigned t = 0; t < top; t++)
			rank_row(r, hnode(r, "Dash.best.%d.top.%u", nk - 1, t), &res, i + t);
		for (unsigned b = 0; b < bottom; b++)
			rank_row(r, hnode(r, "Dash.best.%d.bottom.%u", nk - 1, b), &res, j - bottom + b);
		i = j;
	}
	dbres_free(&res);
	return E_OK;
}

int ui_overview(struct req *r)
{
	struct dperiod p;
	int rc;

	if (dash_page(r, "overview", "dashboard/overview.cs"))
		return E_OK;
	if ((rc = dash_period(r, r->fv[0].present ? r->fv[0].i : 0, &p)) != E_OK)
		return rc;
	/* overdue directions as of today whatever the period shown (they are
	 * chased now): with the submissions, or on their own without figures */
	if (p.id == 0 || !p.computed)
		return load_overdue_dirs(r);
	if ((rc = load_headline(r, &p)) != E_OK || (rc = load_submissions(r, &p)) != E_OK ||
	    (rc = load_best(r, &p, "")) != E_OK)
		return rc;
	return E_OK;
}
