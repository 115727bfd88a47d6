/* /dashboard/ranking?period=: every unit's overall score and rank among its
 * kind, with its score on each pillar (one statement).
 * /dashboard/timeliness?period=: units x the last 8 periods of the kind: on
 * time, late, missing (the status chart status.svg, figures as a table; one
 * statement). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/render.h"
#include "dashboard.h"

const struct field ranking_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

const struct field timeliness_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

#define KINDS "'district', 'department', 'commune', 'other'"
/* a join with the kinds each period asks, not a correlated EXISTS (MariaDB
 * 10.11 crashes re-executing a prepared statement with one) */
#define EXISTED \
	"u.valid_from <= p.cutoff_end AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start)"
#define IDS8 "(?, ?, ?, ?, ?, ?, ?, ?)"

enum { Q_MATRIX, Q_STATUS, Q_N };
static const char *const sql[Q_N] = {
	"SELECT s.unit_id, u.code, u.name, u.kind, s.pillar, s.score, s.rank_in_kind, s.indicators "
	"FROM agg_score s JOIN unit u ON u.id = s.unit_id WHERE s.period_id = ? "
	"ORDER BY s.unit_id, s.pillar",
	"SELECT u.id, u.code, u.name, u.kind, p.id, s.status, s.submitted_at, "
	"DATEDIFF(DATE(s.submitted_at + INTERVAL 7 HOUR), p.due_on), "
	"DATEDIFF(DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR), p.due_on) "
	"FROM period p JOIN (SELECT DISTINCT period_id, unit_kind FROM period_indicator "
	"WHERE period_id IN " IDS8 ") k ON k.period_id = p.id "
	"JOIN unit u ON u.kind = k.unit_kind AND " EXISTED " "
	"LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id "
	"WHERE p.id IN " IDS8 " "
	"ORDER BY FIELD(u.kind, " KINDS "), u.name, u.id",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* ---- ranking ---- */

struct urow {
	unsigned first, n;       /* its rows in the result */
	int kind;                /* position in KINDS */
	long long rank;          /* overall rank, 0 when unranked */
	const char *name;
};

static int kind_pos(const char *k)
{
	static const char *const kinds[] = {"district", "department", "commune", "other"};
	for (int i = 0; i < 4; i++)
		if (strcmp(kinds[i], k) == 0)
			return i;
	return 4;
}

static int urow_cmp(const void *a, const void *b)
{
	const struct urow *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind - y->kind;
	if ((x->rank == 0) != (y->rank == 0))
		return x->rank == 0 ? 1 : -1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void score_cells(struct req *r, HDF *node, const char *prefix, const char *score,
			const char *rank)
{
	char name[96], shown[32], raw[32];

	if (score != NULL) {
		dash_num(r, strtod(score, NULL), 1, shown, sizeof shown);
		snprintf(raw, sizeof raw, "%.4f", strtod(score, NULL));
		/* trailing zeros off: "71.5000" -> "71.5" */
		for (char *e = raw + strlen(raw); e > raw && (e[-1] == '0' || e[-1] == '.');) {
			char c = *--e;
			*e = '\0';
			if (c == '.')
				break;
		}
		snprintf(name, sizeof name, "%sscore", prefix);
		nset(r, node, name, shown);
		snprintf(name, sizeof name, "%sscore_raw", prefix);
		nset(r, node, name, raw);
	}
	snprintf(name, sizeof name, "%srank", prefix);
	nset(r, node, name, rank);
}

int load_ranking(struct req *r, const struct dperiod *p)
{
	const struct refdata *rd;
	struct dbres res;
	struct urow *u;
	unsigned nu = 0;
	int rc, ncols = 0, nkinds = 0;

	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_MATRIX, &res, "i", p->id)) != E_OK)
		return rc;
	u = calloc(res.nrows + 1, sizeof *u);
	if (u == NULL) {
		dbres_free(&res);
		return E_INTERNAL;
	}
	for (unsigned i = 0; i < res.nrows; i++) {
		if (nu == 0 || dbres_int(&res, i, 0) != dbres_int(&res, u[nu - 1].first, 0)) {
			u[nu].first = i;
			u[nu].kind = kind_pos(dbres_get(&res, i, 3));
			u[nu].name = dbres_get(&res, i, 2);
			nu++;
		}
		u[nu - 1].n++;
		if (*dbres_get(&res, i, 4) == '\0')
			u[nu - 1].rank = dbres_int(&res, i, 6);
	}
	qsort(u, nu, sizeof *u, urow_cmp);
	/* pillar columns in the cache's order, those with any score */
	{
		const char *last = NULL;
		for (unsigned k = 0; k < rd->nind; k++) {
			const char *pl = rd->ind[k].pillar;
			if (last != NULL && strcmp(last, pl) == 0)
				continue;
			last = pl;
			for (unsigned i = 0; i < res.nrows; i++)
				if (strcmp(dbres_get(&res, i, 4), pl) == 0) {
					HDF *c = hnode(r, "Dash.rcols.%d", ncols++);
					nset(r, c, "code", pl);
					nset(r, c, "name", strcmp(r->lang, "en") == 0 ? rd->ind[k].pillar_name_en
										  : rd->ind[k].pillar_name);
					break;
				}
		}
	}
	for (unsigned i = 0; i < nu; i++) {
		HDF *node = hnode(r, "Dash.ranking.%u", i);
		unsigned f = u[i].first;
		char key[96];

		nset(r, node, "id", dbres_get(&res, f, 0));
		nset(r, node, "code", dbres_get(&res, f, 1));
		nset(r, node, "name", dbres_get(&res, f, 2));
		nset(r, node, "kind", dbres_get(&res, f, 3));
		snprintf(key, sizeof key, "Kind.%s", dbres_get(&res, f, 3));
		nset(r, node, "kind_name", dash_lang(r, key));
		if (i == 0 || u[i - 1].kind != u[i].kind) {
			HDF *k = hnode(r, "Dash.rkinds.%d", nkinds++);
			nset(r, node, "first", "1");
			nset(r, k, "kind", dbres_get(&res, f, 3));
			nset(r, k, "name", dash_lang(r, key));
		}
		for (unsigned j = f; j < f + u[i].n; j++) {
			const char *pl = dbres_get(&res, j, 4);
			if (*pl == '\0') {
				score_cells(r, node, "", dbres_get(&res, j, 5), dbres_get(&res, j, 6));
				nset(r, node, "indicators", dbres_get(&res, j, 7));
			} else {
				snprintf(key, sizeof key, "p.%s.", pl);
				score_cells(r, node, key, dbres_get(&res, j, 5), dbres_get(&res, j, 6));
			}
		}
	}
	free(u);
	dbres_free(&res);
	return E_OK;
}

int ui_ranking(struct req *r)
{
	const struct refdata *rd;
	struct dperiod p;
	int rc;

	if (dash_page(r, "ranking", "dashboard/ranking.cs"))
		return E_OK;
	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	dash_pillars(r, rd, NULL);
	if ((rc = dash_period(r, r->fv[0].present ? r->fv[0].i : 0, &p)) != E_OK)
		return rc;
	if (p.id == 0 || !p.computed)
		return E_OK;
	if ((rc = load_ranking(r, &p)) != E_OK)
		return rc;
	/* a chart per kind of unit */
	for (int k = 0;; k++) {
		char nm[48];
		HDF *node;
		snprintf(nm, sizeof nm, "Dash.rkinds.%d", k);
		node = hdf_get_obj(r->hdf, nm);
		char file[96], alt[512];
		if (node == NULL)
			break;
		snprintf(file, sizeof file, CHART_RANKING, hdf_get_value(node, "kind", ""));
		snprintf(alt, sizeof alt, "%s: %s (%s)", dash_lang(r, "Alt.ranking"),
			 hdf_get_value(node, "name", ""), p.label);
		dash_chart(r, hnode(r, "Dash.rkinds.%d.chart", k), p.id, file, alt);
	}
	return E_OK;
}

/* ---- timeliness ---- */

int load_status(struct req *r, const struct dperiod *p)
{
	struct dbres res;
	long long ids[SERIES_MAX];
	unsigned char *shown;
	unsigned last = 0;
	int rc, nu = -1, ns = p->nseries;
	long long cnt[SERIES_MAX][4] = {{0}};
	static const char *const states[4] = {"on_time", "late", "missing", "pending"};

	for (int i = 0; i < SERIES_MAX; i++)
		ids[i] = i < ns ? p->series[i] : p->id;
	if ((rc = db_tab_exec(&tab, Q_STATUS, &res, "iiiiiiiiiiiiiiii", ids[0], ids[1], ids[2], ids[3],
			      ids[4], ids[5], ids[6], ids[7], ids[0], ids[1], ids[2], ids[3], ids[4], ids[5],
			      ids[6], ids[7])) != E_OK)
		return rc;
	/* the units asked in the period shown, as the status chart draws them */
	shown = calloc(res.nrows + 1, 1);
	if (shown == NULL) {
		dbres_free(&res);
		return E_INTERNAL;
	}
	for (unsigned i = 0, first = 0; i <= res.nrows; i++) {
		if (i == res.nrows || dbres_int(&res, i, 0) != dbres_int(&res, first, 0)) {
			int cur = 0;
			for (unsigned j = first; j < i; j++)
				cur |= dbres_int(&res, j, 4) == p->id;
			for (unsigned j = first; j < i; j++)
				shown[j] = (unsigned char)cur;
			first = i;
		}
	}
	/* columns oldest first: column c is series[ns - 1 - c] */
	for (int c = 0; c < ns; c++) {
		HDF *node = hnode(r, "Dash.scols.%d", c);
		nseti(r, node, "id", p->series[ns - 1 - c]);
		nset(r, node, "label", p->series_label[ns - 1 - c]);
	}
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *node;
		const char *st;
		long long pid = dbres_int(&res, i, 4), days;
		int c, s;
		char key[64], text[160];

		if (!shown[i])
			continue;
		if (nu < 0 || dbres_int(&res, i, 0) != dbres_int(&res, last, 0)) {
			nu++;
			node = hnode(r, "Dash.status.%d", nu);
			nset(r, node, "id", dbres_get(&res, i, 0));
			nset(r, node, "code", dbres_get(&res, i, 1));
			nset(r, node, "name", dbres_get(&res, i, 2));
			nset(r, node, "kind", dbres_get(&res, i, 3));
			snprintf(key, sizeof key, "Kind.%s", dbres_get(&res, i, 3));
			nset(r, node, "kind_name", dash_lang(r, key));
			if (nu == 0 || strcmp(dbres_get(&res, i, 3), dbres_get(&res, last, 3)) != 0)
				nset(r, node, "first", "1");
			/* a period the unit did not exist in (or was not asked) */
			for (c = 0; c < ns; c++) {
				snprintf(key, sizeof key, "c.%d.state", c);
				nset(r, node, key, "none");
				snprintf(key, sizeof key, "c.%d.text", c);
				nset(r, node, key, dash_lang(r, "State.none"));
			}
		}
		last = i;
		node = hnode(r, "Dash.status.%d", nu);
		for (c = 0; c < ns && p->series[ns - 1 - c] != pid; c++)
			;
		if (c == ns)
			continue;
		st = dash_state(dbres_get(&res, i, 5), dbres_get(&res, i, 6), dbres_int(&res, i, 7),
				dbres_int(&res, i, 8));
		days = strcmp(st, "late") == 0 ? dbres_int(&res, i, 7)
		       : strcmp(st, "missing") == 0 ? dbres_int(&res, i, 8) : 0;
		snprintf(key, sizeof key, "c.%d.state", c);
		nset(r, node, key, st);
		snprintf(key, sizeof key, "c.%d.days", c);
		nseti(r, node, key, days);
		snprintf(key, sizeof key, "State.%s", st);
		if (days > 0)
			snprintf(text, sizeof text, "%s (%lld %s)", dash_lang(r, key), days,
				 dash_lang(r, "days"));
		else
			snprintf(text, sizeof text, "%s", dash_lang(r, key));
		snprintf(key, sizeof key, "c.%d.text", c);
		nset(r, node, key, text);
		for (s = 0; s < 4 && strcmp(states[s], st) != 0; s++)
			;
		if (s < 4)
			cnt[c][s]++;
	}
	for (int c = 0; c < ns; c++) {
		HDF *node = hnode(r, "Dash.scols.%d", c);
		for (int s = 0; s < 4; s++)
			nseti(r, node, states[s], cnt[c][s]);
	}
	hseti(r, "Dash.nstatus", nu + 1);
	free(shown);
	dbres_free(&res);
	return E_OK;
}

int ui_timeliness(struct req *r)
{
	const struct refdata *rd;
	struct dperiod p;
	int rc;

	if (dash_page(r, "timeliness", "dashboard/timeliness.cs"))
		return E_OK;
	if ((rc = dash_ref(r, &rd)) != E_OK)
		return rc;
	dash_pillars(r, rd, NULL);
	if ((rc = dash_period(r, r->fv[0].present ? r->fv[0].i : 0, &p)) != E_OK)
		return rc;
	if (p.id == 0)
		return E_OK;
	{
		char alt[256];
		snprintf(alt, sizeof alt, "%s (%s)", dash_lang(r, "Alt.status"), p.label);
		dash_chart(r, hnode(r, "Dash.chart"), p.id, CHART_STATUS, alt);
	}
	return load_status(r, &p);
}
