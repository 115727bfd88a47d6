/* /dashboard/unit?id=&period=: one unit.  Its delivery for the period, its
 * scores and ranks among units of its kind (overall and per pillar), and
 * each of its indicators against its target and against the city and its
 * kind (chart unit-<id>.svg, figures as a table).
 * Statements: session, periods, unit with its submission, figures, scores. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/render.h"
#include "../lib/text.h"
#include "dashboard.h"

const struct field unit_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_UNIT, Q_VALUES, Q_SCORES, Q_N };
static const char *const sql[Q_N] = {
	"SELECT u.code, u.name, u.name_en, u.kind, u.valid_from, u.valid_to, su.id, su.name, s.status, "
	"DATE_FORMAT(s.submitted_at + INTERVAL 7 HOUR, '%d/%m/%Y'), "
	"DATEDIFF(DATE(s.submitted_at + INTERVAL 7 HOUR), p.due_on), "
	"DATEDIFF(DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR), p.due_on) "
	"FROM unit u JOIN period p ON p.id = ? LEFT JOIN unit su ON su.id = u.successor_id "
	"LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id WHERE u.id = ?",
	/* a primary-key lookup per indicator for the unit, the city and its kind */
	"SELECT i.id, a.value, a.target, a.progress, c.value, c.progress, k.value "
	"FROM unit uu JOIN indicator i JOIN agg_value a ON a.period_id = ? AND a.indicator_id = i.id "
	"AND a.scope = 'unit' AND a.scope_kind = uu.kind AND a.unit_id = uu.id "
	"LEFT JOIN agg_value c ON c.period_id = a.period_id AND c.indicator_id = i.id "
	"AND c.scope = 'city' AND c.scope_kind = '' AND c.unit_id = 0 "
	"LEFT JOIN agg_value k ON k.period_id = a.period_id AND k.indicator_id = i.id "
	"AND k.scope = 'kind' AND k.scope_kind = uu.kind AND k.unit_id = 0 "
	"WHERE uu.id = ?",
	/* overall ('') and per pillar; "rank r of n" among the units of its kind ranked */
	"SELECT s.pillar, s.score, s.rank_in_kind, s.indicators, c.n "
	"FROM agg_score s LEFT JOIN (SELECT s2.pillar, COUNT(*) AS n FROM agg_score s2 "
	"JOIN unit u2 ON u2.id = s2.unit_id WHERE s2.period_id = ? AND u2.kind = ? "
	"AND s2.rank_in_kind IS NOT NULL GROUP BY s2.pillar) c ON c.pillar = s.pillar "
	"WHERE s.period_id = ? AND s.unit_id = ?",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* Whether a is better than b as the indicator's direction reads: 1, -1, 0. */
static int compare(const struct dind *d, const char *a, const char *b)
{
	double x, y;

	/* a city-wide sum or count is no yardstick for one unit */
	if (a == NULL || b == NULL || strcmp(d->dir, "none") == 0 ||
	    !(strcmp(d->agg, "mean") == 0 || strcmp(d->agg, "wmean") == 0 ||
	      strcmp(d->agg, "share_yes") == 0))
		return 0;
	x = strtod(a, NULL);
	y = strtod(b, NULL);
	if (x == y)
		return 0;
	return ((x > y) == (strcmp(d->dir, "up") == 0)) ? 1 : -1;
}

int load_unit_values(struct req *r, const struct dperiod *p, long long unit)
{
	const struct refdata *rd;
	struct dbres res;
	const char *pillar = NULL;
	int rc, n = 0;

	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_VALUES, &res, "ii", p->id, unit)) != E_OK)
		return rc;
	for (unsigned i = 0; i < dash_nind(); i++) {
		const struct dind *d = dash_ind_at(i);
		char shown[96], raw[64];
		int row = -1, cmp;
		HDF *node;

		/* text and date figures are not aggregated */
		if (strcmp(d->ref->vtype, "text") == 0 || strcmp(d->ref->vtype, "date") == 0)
			continue;
		for (unsigned j = 0; j < res.nrows; j++)
			if (dbres_int(&res, j, 0) == d->ref->id)
				row = (int)j;
		if (row < 0)
			continue;
		node = hnode(r, "Dash.values.%d", n++);
		nseti(r, node, "id", d->ref->id);
		nset(r, node, "code", d->ref->code);
		nset(r, node, "name", strcmp(r->lang, "en") == 0 ? d->ref->name_en : d->ref->name);
		nset(r, node, "pillar_name",
		     strcmp(r->lang, "en") == 0 ? d->ref->pillar_name_en : d->ref->pillar_name);
		if (pillar == NULL || strcmp(pillar, d->ref->pillar) != 0) {
			pillar = d->ref->pillar;
			nset(r, node, "first", "1");
		}
		nset(r, node, "uom", dash_uom(r, d));
		dash_figure(r, node, d, dbres_get(&res, (unsigned)row, 1), dbres_get(&res, (unsigned)row, 2),
			    dbres_get(&res, (unsigned)row, 3));
		dash_value(r, d, dbres_get(&res, (unsigned)row, 4), shown, sizeof shown, raw, sizeof raw);
		nset(r, node, "city", shown);
		nset(r, node, "city_raw", raw);
		dash_value(r, d, dbres_get(&res, (unsigned)row, 6), shown, sizeof shown, raw, sizeof raw);
		nset(r, node, "kind_value", shown);
		nset(r, node, "kind_raw", raw);
		cmp = compare(d, dbres_get(&res, (unsigned)row, 1), dbres_get(&res, (unsigned)row, 4));
		nset(r, node, "vs_city", cmp > 0 ? "better" : cmp < 0 ? "worse" : "");
		nset(r, node, "vs_city_text",
		     cmp > 0 ? dash_lang(r, "Cmp.better") : cmp < 0 ? dash_lang(r, "Cmp.worse") : "");
	}
	dbres_free(&res);
	return E_OK;
}

static int load_scores(struct req *r, const struct dperiod *p, long long unit, const char *kind,
		       const struct refdata *rd)
{
	struct dbres res;
	unsigned order[64], n = 0;
	int rc;

	if ((rc = db_tab_exec(&tab, Q_SCORES, &res, "isii", p->id, kind, p->id, unit)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows && n < 64; i++)
		if (*dbres_get(&res, i, 0) == '\0')
			order[n++] = i;
	for (unsigned k = 0; k < rd->nind && n < 64; k++) {
		if (k > 0 && strcmp(rd->ind[k].pillar, rd->ind[k - 1].pillar) == 0)
			continue;
		for (unsigned i = 0; i < res.nrows && n < 64; i++)
			if (strcmp(dbres_get(&res, i, 0), rd->ind[k].pillar) == 0)
				order[n++] = i;
	}
	for (unsigned o = 0; o < n; o++) {
		unsigned i = order[o];
		HDF *node = hnode(r, "Dash.scores.%u", o);
		const char *pl = dbres_get(&res, i, 0);
		char score[32];

		nset(r, node, "pillar", pl);
		if (*pl == '\0') {
			nset(r, node, "name", dash_lang(r, "overall"));
		} else {
			for (unsigned k = 0; k < rd->nind; k++)
				if (strcmp(rd->ind[k].pillar, pl) == 0) {
					nset(r, node, "name", strcmp(r->lang, "en") == 0 ? rd->ind[k].pillar_name_en
										   : rd->ind[k].pillar_name);
					break;
				}
		}
		if (dbres_get(&res, i, 1) != NULL) {
			dash_num(r, strtod(dbres_get(&res, i, 1), NULL), 1, score, sizeof score);
			nset(r, node, "score", score);
		}
		nset(r, node, "rank", dbres_get(&res, i, 2));
		nset(r, node, "indicators", dbres_get(&res, i, 3));
		nset(r, node, "of", dbres_get(&res, i, 4));
	}
	dbres_free(&res);
	return E_OK;
}

int ui_unit(struct req *r)
{
	const struct refdata *rd;
	struct dperiod p;
	struct dbres u;
	long long id = r->fv[0].i;
	char kind[16], name[256], d[16];
	int rc;

	if (dash_page(r, "unit", "dashboard/unit.cs"))
		return E_OK;
	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	dash_pillars(r, rd, NULL);
	if ((rc = dash_period(r, r->fv[1].present ? r->fv[1].i : 0, &p)) != E_OK)
		return rc;
	if (p.id == 0) {
		/* nothing computed yet: still say which unit, from its row */
		return E_OK;
	}
	if ((rc = db_tab_exec(&tab, Q_UNIT, &u, "ii", p.id, id)) != E_OK)
		return rc;
	if (u.nrows != 1) {
		dbres_free(&u);
		return E_NOTFOUND;
	}
	snprintf(kind, sizeof kind, "%s", dbres_get(&u, 0, 3));
	snprintf(name, sizeof name, "%s",
		 strcmp(r->lang, "en") == 0 && dbres_get(&u, 0, 2) && *dbres_get(&u, 0, 2)
			 ? dbres_get(&u, 0, 2) : dbres_get(&u, 0, 1));
	hseti(r, "Dash.unit.id", id);
	hset(r, "Dash.unit.code", dbres_get(&u, 0, 0));
	hset(r, "Dash.unit.name", name);
	hset(r, "Dash.unit.kind", kind);
	date_iso_to_vn(dbres_get(&u, 0, 4), d, sizeof d);
	hset(r, "Dash.unit.valid_from", d);
	if (dbres_get(&u, 0, 5) != NULL) {
		date_iso_to_vn(dbres_get(&u, 0, 5), d, sizeof d);
		hset(r, "Dash.unit.valid_to", d);
	}
	if (dbres_get(&u, 0, 6) != NULL) {
		hset(r, "Dash.unit.successor_id", dbres_get(&u, 0, 6));
		hset(r, "Dash.unit.successor", dbres_get(&u, 0, 7));
	}
	hset(r, "Dash.unit.state", dash_state(dbres_get(&u, 0, 8), dbres_get(&u, 0, 9),
					      dbres_int(&u, 0, 10), dbres_int(&u, 0, 11)));
	hset(r, "Dash.unit.status", dbres_get(&u, 0, 8) ? dbres_get(&u, 0, 8) : "not_started");
	hset(r, "Dash.unit.submitted", dbres_get(&u, 0, 9));
	{
		long long late = dbres_get(&u, 0, 9) ? dbres_int(&u, 0, 10) : dbres_int(&u, 0, 11);
		hseti(r, "Dash.unit.days", late > 0 ? late : 0);
	}
	dbres_free(&u);
	if (!p.computed)
		return E_OK;
	{
		char file[64], alt[512];
		snprintf(file, sizeof file, CHART_UNIT, id);
		snprintf(alt, sizeof alt, "%s %s (%s)", dash_lang(r, "Alt.unit"), name, p.label);
		dash_chart(r, hnode(r, "Dash.chart"), p.id, file, alt);
	}
	if ((rc = load_scores(r, &p, id, kind, rd)) != E_OK ||
	    (rc = load_unit_values(r, &p, id)) != E_OK)
		return rc;
	return E_OK;
}
