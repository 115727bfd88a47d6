/* /dashboard/pillar?code=&period=: one pillar (awareness, institutions, ...):
 * the city's progress towards target on each of its indicators (the pillar
 * chart, with its figures as a table), the same figures for each kind of
 * unit, and the best and weakest units on the pillar's score.
 * Statements: session, periods, figures (city and kinds), ranking. */
#include <stdio.h>
#include <string.h>

#include "../lib/render.h"
#include "dashboard.h"

const struct field pillar_fields[] = {
	{"code", F_LINE, 1, 32, 1, NULL},
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_FIGURES, Q_N };
static const char *const sql[Q_N] = {
	"SELECT a.indicator_id, a.scope, a.scope_kind, a.value, a.target, a.progress, "
	"a.units_reporting, a.units_asked FROM indicator i JOIN agg_value a ON a.period_id = ? "
	"AND a.indicator_id = i.id AND a.scope IN ('city', 'kind') WHERE i.pillar = ?",
};
static struct stmt_table tab = STMT_TABLE(sql);

static const char *const kinds[] = {"district", "department", "commune", "other"};
#define NKIND 4

/* The pillar's name in the request's language, or NULL if no active
 * indicator belongs to it. */
static const char *pillar_name(struct req *r, const struct refdata *rd, const char *code)
{
	for (unsigned i = 0; i < rd->nind; i++)
		if (rd->ind[i].active && strcmp(rd->ind[i].pillar, code) == 0)
			return strcmp(r->lang, "en") == 0 ? rd->ind[i].pillar_name_en : rd->ind[i].pillar_name;
	return NULL;
}

int load_pillar(struct req *r, const struct dperiod *p, const char *code)
{
	const struct refdata *rd;
	struct dbres res;
	int rc, n = 0, has_kind[NKIND] = {0};

	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	if (pillar_name(r, rd, code) == NULL)
		return E_NOTFOUND;
	if ((rc = db_tab_exec(&tab, Q_FIGURES, &res, "is", p->id, code)) != E_OK)
		return rc;
	for (unsigned i = 0; i < dash_nind(); i++) {
		const struct dind *d = dash_ind_at(i);
		int city = -1;
		HDF *node;

		if (strcmp(d->ref->pillar, code) != 0 || strcmp(d->agg, "none") == 0)
			continue;
		for (unsigned j = 0; j < res.nrows; j++)
			if (dbres_int(&res, j, 0) == d->ref->id && strcmp(dbres_get(&res, j, 1), "city") == 0)
				city = (int)j;
		/* an indicator the period did not aggregate (text, not asked) is left out */
		if (city < 0)
			continue;
		node = hnode(r, "Dash.inds.%d", n++);
		nseti(r, node, "id", d->ref->id);
		nset(r, node, "code", d->ref->code);
		nset(r, node, "name", strcmp(r->lang, "en") == 0 ? d->ref->name_en : d->ref->name);
		nset(r, node, "uom", dash_uom(r, d));
		dash_figure(r, node, d, dbres_get(&res, (unsigned)city, 3), dbres_get(&res, (unsigned)city, 4),
			    dbres_get(&res, (unsigned)city, 5));
		nset(r, node, "reporting", dbres_get(&res, (unsigned)city, 6));
		nset(r, node, "asked", dbres_get(&res, (unsigned)city, 7));
		for (unsigned j = 0; j < res.nrows; j++) {
			const char *k = dbres_get(&res, j, 2);
			char name[64], shown[96], raw[64];
			if (dbres_int(&res, j, 0) != d->ref->id || strcmp(dbres_get(&res, j, 1), "kind") != 0)
				continue;
			/* a kind no unit of which was asked (districts after 2025) has no column */
			if (dbres_int(&res, j, 7) == 0)
				continue;
			for (int x = 0; x < NKIND; x++)
				if (strcmp(kinds[x], k) == 0)
					has_kind[x] = 1;
			dash_value(r, d, dbres_get(&res, j, 3), shown, sizeof shown, raw, sizeof raw);
			snprintf(name, sizeof name, "k.%s.value", k);
			nset(r, node, name, shown);
			snprintf(name, sizeof name, "k.%s.value_raw", k);
			nset(r, node, name, raw);
			snprintf(name, sizeof name, "k.%s.mark", k);
			nset(r, node, name, dash_mark(dbres_get(&res, j, 3), dbres_get(&res, j, 4),
						      dbres_get(&res, j, 5)));
		}
	}
	dbres_free(&res);
	for (int x = 0, c = 0; x < NKIND; x++)
		if (has_kind[x])
			hsetf(r, kinds[x], "Dash.kinds.%d", c++);
	return E_OK;
}

int ui_pillar(struct req *r)
{
	const char *code = r->fv[0].s;
	const struct refdata *rd;
	const char *name;
	struct dperiod p;
	int rc;

	if (dash_page(r, "pillar", "dashboard/pillar.cs"))
		return E_OK;
	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	if ((name = pillar_name(r, rd, code)) == NULL)
		return E_NOTFOUND;
	hset(r, "Dash.pillar.code", code);
	hset(r, "Dash.pillar.name", name);
	dash_pillars(r, rd, code);
	if ((rc = dash_period(r, r->fv[1].present ? r->fv[1].i : 0, &p)) != E_OK)
		return rc;
	if (p.id == 0 || !p.computed)
		return E_OK;
	{
		char file[96], alt[512];
		snprintf(file, sizeof file, CHART_PILLAR, code);
		snprintf(alt, sizeof alt, "%s %s, %s", dash_lang(r, "Alt.pillar"), name, p.label);
		/* a code the chart job cannot name a file after has no chart */
		dash_chart(r, hnode(r, "Dash.chart"), p.id, chart_name_ok(file) ? file : "-", alt);
	}
	if ((rc = load_pillar(r, &p, code)) != E_OK || (rc = load_best(r, &p, code)) != E_OK)
		return rc;
	return E_OK;
}
