/* /dashboard/indicator?id=&period=: one indicator.
 *   - its city-wide trend over the last 8 periods of the kind, target line
 *     (chart trend-<id>.svg, figures as a table);
 *   - the units compared, districts and departments apart, best first as the
 *     indicator's direction reads (chart units-<id>.svg, figures as a table).
 * Statements: session, periods, trend, units. */
#include <stdio.h>
#include <string.h>

#include "../lib/render.h"
#include "dashboard.h"

const struct field indicator_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

#define KINDS "'district', 'department', 'commune', 'other'"

enum { Q_TREND, Q_UNITS, Q_N };
static const char *const sql[Q_N] = {
	"SELECT p.id, p.kind, p.year, p.seq, a.value, a.target, a.progress, a.units_reporting, "
	"a.units_asked FROM period p JOIN agg_value a ON a.period_id = p.id AND a.indicator_id = ? "
	"AND a.scope = 'city' AND a.scope_kind = '' AND a.unit_id = 0 "
	"WHERE p.id IN (?, ?, ?, ?, ?, ?, ?, ?) ORDER BY p.year, p.cutoff_end",
	/* each kind's figure first, then its units, best first */
	"SELECT a.scope, IF(a.scope = 'kind', a.scope_kind, u.kind), a.unit_id, u.code, u.name, "
	"a.value, a.target, a.progress, a.units_reporting, a.units_asked "
	"FROM agg_value a LEFT JOIN unit u ON u.id = a.unit_id AND a.scope = 'unit' "
	"WHERE a.period_id = ? AND a.indicator_id = ? AND a.scope IN ('kind', 'unit') "
	"AND (a.scope = 'kind' OR u.id IS NOT NULL) "
	"ORDER BY FIELD(IF(a.scope = 'kind', a.scope_kind, u.kind), " KINDS "), a.scope = 'unit', "
	"a.value IS NULL, IF(? = 'down', a.value, -a.value), u.name",
};
static struct stmt_table tab = STMT_TABLE(sql);

static const char *ind_name(struct req *r, const struct dind *d)
{
	return strcmp(r->lang, "en") == 0 ? d->ref->name_en : d->ref->name;
}

int load_trend(struct req *r, const struct dperiod *p, long long ind)
{
	const struct refdata *rd;
	const struct dind *d;
	struct dbres res;
	long long ids[SERIES_MAX];
	int rc;

	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	if ((d = dash_ind(ind)) == NULL)
		return E_NOTFOUND;
	for (int i = 0; i < SERIES_MAX; i++)
		ids[i] = i < p->nseries ? p->series[i] : p->id;
	if ((rc = db_tab_exec(&tab, Q_TREND, &res, "iiiiiiiii", ind, ids[0], ids[1], ids[2], ids[3],
			      ids[4], ids[5], ids[6], ids[7])) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *node = hnode(r, "Dash.trend.%u", i);
		long long pid = dbres_int(&res, i, 0);

		nseti(r, node, "period", pid);
		for (int s = 0; s < p->nseries; s++)
			if (p->series[s] == pid)
				nset(r, node, "label", p->series_label[s]);
		dash_figure(r, node, d, dbres_get(&res, i, 4), dbres_get(&res, i, 5), dbres_get(&res, i, 6));
		nset(r, node, "reporting", dbres_get(&res, i, 7));
		nset(r, node, "asked", dbres_get(&res, i, 8));
		if (pid == p->id) {
			nset(r, node, "current", "1");
			dash_figure(r, hnode(r, "Dash.city"), d, dbres_get(&res, i, 4), dbres_get(&res, i, 5),
				    dbres_get(&res, i, 6));
			hset(r, "Dash.city.reporting", dbres_get(&res, i, 7));
			hset(r, "Dash.city.asked", dbres_get(&res, i, 8));
		}
	}
	dbres_free(&res);
	return E_OK;
}

int load_units(struct req *r, const struct dperiod *p, long long ind)
{
	const struct refdata *rd;
	const struct dind *d;
	struct dbres res;
	const char *kind = "";
	int rc, rank = 0, ngroups = 0, n = 0;

	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	if ((d = dash_ind(ind)) == NULL)
		return E_NOTFOUND;
	if ((rc = db_tab_exec(&tab, Q_UNITS, &res, "iis", p->id, ind, d->dir)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *node;
		int is_kind = strcmp(dbres_get(&res, i, 0), "kind") == 0;
		char key[48];

		/* a kind no unit of which was asked (districts after 2025) is left out */
		if (is_kind && dbres_int(&res, i, 9) == 0)
			continue;
		/* a group per kind of unit, in the order of the rows */
		if (strcmp(kind, dbres_get(&res, i, 1)) != 0) {
			HDF *g = hnode(r, "Dash.ugroups.%d", ngroups++);
			kind = dbres_get(&res, i, 1);
			rank = 0;
			nset(r, g, "kind", kind);
			snprintf(key, sizeof key, "Kind.%s", kind);
			nset(r, g, "name", dash_lang(r, key));
		}
		node = hnode(r, "Dash.units.%d", n++);
		if (is_kind) {
			nset(r, node, "scope", "kind");
			snprintf(key, sizeof key, "KindAll.%s", kind);
			nset(r, node, "name", dash_lang(r, key));
		} else {
			nset(r, node, "scope", "unit");
			nset(r, node, "id", dbres_get(&res, i, 2));
			nset(r, node, "code", dbres_get(&res, i, 3));
			nset(r, node, "name", dbres_get(&res, i, 4));
			if (dbres_get(&res, i, 5) != NULL)
				nseti(r, node, "rank", ++rank);
		}
		nset(r, node, "kind", kind);
		snprintf(key, sizeof key, "Kind.%s", kind);
		nset(r, node, "kind_name", dash_lang(r, key));
		dash_figure(r, node, d, dbres_get(&res, i, 5), dbres_get(&res, i, 6), dbres_get(&res, i, 7));
		nset(r, node, "reporting", dbres_get(&res, i, 8));
		nset(r, node, "asked", dbres_get(&res, i, 9));
	}
	hseti(r, "Dash.nunits", n);
	dbres_free(&res);
	return E_OK;
}

int ui_indicator(struct req *r)
{
	const struct refdata *rd;
	const struct dind *d;
	struct dperiod p;
	int rc;

	if (dash_page(r, "indicator", "dashboard/indicator.cs"))
		return E_OK;
	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	if ((d = dash_ind(r->fv[0].i)) == NULL)
		return E_NOTFOUND;
	hseti(r, "Dash.ind.id", d->ref->id);
	hset(r, "Dash.ind.code", d->ref->code);
	hset(r, "Dash.ind.name", ind_name(r, d));
	hset(r, "Dash.ind.uom", dash_uom(r, d));
	hset(r, "Dash.ind.agg", d->agg);
	hset(r, "Dash.ind.dir", d->dir);
	hset(r, "Dash.ind.pillar", d->ref->pillar);
	hset(r, "Dash.ind.pillar_name",
	     strcmp(r->lang, "en") == 0 ? d->ref->pillar_name_en : d->ref->pillar_name);
	dash_pillars(r, rd, d->ref->pillar);
	if ((rc = dash_period(r, r->fv[1].present ? r->fv[1].i : 0, &p)) != E_OK)
		return rc;
	if (p.id == 0 || !p.computed)
		return E_OK;
	{
		char file[64], alt[1024];
		snprintf(file, sizeof file, CHART_TREND, d->ref->id);
		snprintf(alt, sizeof alt, "%s %s (%s)", dash_lang(r, "Alt.trend"), ind_name(r, d), p.label);
		dash_chart(r, hnode(r, "Dash.chart_trend"), p.id, file, alt);
	}
	if ((rc = load_trend(r, &p, d->ref->id)) != E_OK || (rc = load_units(r, &p, d->ref->id)) != E_OK)
		return rc;
	/* the units compared: a chart per kind of unit */
	for (int g = 0;; g++) {
		char nm[48];
		HDF *node;
		snprintf(nm, sizeof nm, "Dash.ugroups.%d", g);
		node = hdf_get_obj(r->hdf, nm);
		char file[96], alt[1024];
		const char *kind;
		if (node == NULL)
			break;
		kind = hdf_get_value(node, "kind", "");
		snprintf(file, sizeof file, CHART_UNITS, d->ref->id, kind);
		snprintf(alt, sizeof alt, "%s %s – %s (%s)", dash_lang(r, "Alt.units"), ind_name(r, d),
			 hdf_get_value(node, "name", ""), p.label);
		dash_chart(r, hnode(r, "Dash.ugroups.%d.chart", g), p.id, file, alt);
	}
	return E_OK;
}
