/* /dashboard/csv?table=&period=[&id=|&code=]: the figures of a dashboard
 * table (and so of the chart it stands beside) as CSV: UTF-8 with a byte
 * order mark, a header line in the reader's language, numbers with a dot and
 * no grouping, text through csv_put (quoted when needed, a leading = + - @
 * neutralised).  The same loaders fill the page and the CSV, so the two
 * never disagree.
 * Statements: session, periods, and the table's own statement. */
#include <stdio.h>
#include <string.h>

#include "../lib/buf.h"
#include "../lib/csv.h"
#include "../lib/render.h"
#include "dashboard.h"

enum { F_TABLE, F_PERIOD, F_ID, F_CODE };
const struct field csv_fields[] = {
	{"table", F_WORD, 0, 0, 1, "headline|late|pillar|trend|units|unit|ranking|status"},
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{"id", F_INT, 1, 4294967295LL, 0, NULL},
	{"code", F_LINE, 1, 32, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

/* A number as the loaders write it: -?digits(.digits)? */
static int numeric(const char *s)
{
	const char *p = s + (*s == '-');
	size_t d = strspn(p, "0123456789");

	if (d == 0)
		return 0;
	p += d;
	if (*p == '.') {
		d = strspn(p + 1, "0123456789");
		if (d == 0)
			return 0;
		p += 1 + d;
	}
	return *p == '\0';
}

int dash_csv(struct req *r, const char *rows, const struct csvcol *cols, const char *filename)
{
	HDF *node = hdf_get_obj(r->hdf, rows);
	int ncols = 0;

	buf_reset(&r->out);
	buf_add(&r->out, "\xEF\xBB\xBF", 3);
	for (const struct csvcol *c = cols; c->child != NULL; c++, ncols++) {
		char key[96];
		const char *head = c->text;
		if (head == NULL) {
			snprintf(key, sizeof key, "Csv.%s", c->head);
			head = dash_lang(r, key);
		}
		csv_put(&r->out, head, ncols == 0);
	}
	buf_adds(&r->out, "\r\n");
	for (HDF *row = node ? hdf_obj_child(node) : NULL; row != NULL; row = hdf_obj_next(row)) {
		int first = 1;
		for (const struct csvcol *c = cols; c->child != NULL; c++, first = 0) {
			const char *v = hdf_get_value(row, c->child, "");
			if (c->number && numeric(v)) {
				if (!first)
					buf_add(&r->out, ",", 1);
				buf_adds(&r->out, v);
			} else {
				csv_put(&r->out, v, first);
			}
		}
		buf_adds(&r->out, "\r\n");
	}
	req_download(r, "text/csv; charset=utf-8", filename);
	return E_OK;
}

#define COL(child, head) {child, head, 0, NULL}
#define NUM(child, head) {child, head, 1, NULL}
#define END {NULL, NULL, 0, NULL}

static const struct csvcol headline_cols[] = {
	COL("pillar_name", "pillar"), COL("code", "code"), COL("name", "indicator"), COL("uom", "uom"),
	NUM("value_raw", "value"), NUM("target_raw", "target"), NUM("progress_raw", "progress"),
	COL("mark_text", "mark"), NUM("prev_raw", "prev"), NUM("reporting", "reporting"),
	NUM("asked", "asked"), END,
};
static const struct csvcol late_cols[] = {
	COL("code", "unit_code"), COL("name", "unit"), COL("kind_name", "kind"),
	COL("state_text", "state"), NUM("days", "days_late"), COL("date", "submitted"), END,
};
static const struct csvcol pillar_cols[] = {
	COL("code", "code"), COL("name", "indicator"), COL("uom", "uom"), NUM("value_raw", "value"),
	NUM("target_raw", "target"), NUM("progress_raw", "progress"), COL("mark_text", "mark"),
	NUM("reporting", "reporting"), NUM("asked", "asked"),
	NUM("k.district.value_raw", "k_district"), NUM("k.department.value_raw", "k_department"),
	NUM("k.commune.value_raw", "k_commune"), END,
};
static const struct csvcol trend_cols[] = {
	COL("label", "period"), NUM("value_raw", "value"), NUM("target_raw", "target"),
	NUM("progress_raw", "progress"), COL("mark_text", "mark"), NUM("reporting", "reporting"),
	NUM("asked", "asked"), END,
};
static const struct csvcol units_cols[] = {
	COL("kind_name", "kind"), NUM("rank", "rank"), COL("code", "unit_code"), COL("name", "unit"),
	NUM("value_raw", "value"), NUM("target_raw", "target"), NUM("progress_raw", "progress"),
	COL("mark_text", "mark"), END,
};
static const struct csvcol unit_cols[] = {
	COL("pillar_name", "pillar"), COL("code", "code"), COL("name", "indicator"), COL("uom", "uom"),
	NUM("value_raw", "value"), NUM("target_raw", "target"), NUM("progress_raw", "progress"),
	COL("mark_text", "mark"), NUM("kind_raw", "kind_value"), NUM("city_raw", "city_value"), END,
};

#define DYN_MAX 40

/* Columns named after data: a pillar's score (scores = 1: child
 * p.<code>.score_raw, header the pillar's name) or a period's delivery (child
 * c.<j>.text, header the period's label).  Children live in the caller's
 * array. */
static void dyn_cols(struct req *r, struct csvcol *out, int n, const char *list, int scores,
		     char child[][48])
{
	HDF *node = hdf_get_obj(r->hdf, list);
	int j = 0;

	for (HDF *c = node ? hdf_obj_child(node) : NULL; c != NULL && n < DYN_MAX - 1;
	     c = hdf_obj_next(c), j++, n++) {
		if (scores)
			snprintf(child[n], 48, "p.%s.score_raw", hdf_get_value(c, "code", ""));
		else
			snprintf(child[n], 48, "c.%d.text", j);
		out[n] = (struct csvcol){child[n], NULL, scores, hdf_get_value(c, scores ? "name" : "label", "")};
	}
	out[n] = (struct csvcol)END;
}

int ui_csv(struct req *r)
{
	const char *table = r->fv[F_TABLE].s;
	long long id = r->fv[F_ID].present ? r->fv[F_ID].i : 0;
	const char *code = r->fv[F_CODE].present ? r->fv[F_CODE].s : NULL;
	struct csvcol dyn[DYN_MAX];
	char child[DYN_MAX][48], name[160], tag[32];
	struct dperiod p;
	int rc, n;

	if ((rc = dash_period(r, r->fv[F_PERIOD].present ? r->fv[F_PERIOD].i : 0, &p)) != E_OK)
		return rc;
	if (p.id == 0 || !p.computed)
		return E_NOTFOUND;
	if (p.kind == 'Y')
		snprintf(tag, sizeof tag, "%d", p.year);
	else
		snprintf(tag, sizeof tag, "%d-%c%d", p.year, p.kind, p.seq);

	if (strcmp(table, "headline") == 0) {
		if ((rc = load_headline(r, &p)) != E_OK)
			return rc;
		snprintf(name, sizeof name, "chi-tieu-chu-yeu-%s.csv", tag);
		return dash_csv(r, "Dash.headline", headline_cols, name);
	}
	if (strcmp(table, "late") == 0) {
		if ((rc = load_submissions(r, &p)) != E_OK)
			return rc;
		snprintf(name, sizeof name, "don-vi-nop-muon-chua-nop-%s.csv", tag);
		return dash_csv(r, "Dash.lm", late_cols, name);
	}
	if (strcmp(table, "pillar") == 0) {
		if (code == NULL)
			return E_NOTFOUND;
		if ((rc = load_pillar(r, &p, code)) != E_OK)
			return rc;
		snprintf(name, sizeof name, "tru-cot-%s-%s.csv", code, tag);
		return dash_csv(r, "Dash.inds", pillar_cols, name);
	}
	if (strcmp(table, "trend") == 0 || strcmp(table, "units") == 0) {
		const struct dind *d;
		const struct refdata *rd;
		if ((rc = dash_ref(r, &rd)) != E_OK)
			return rc;
		if ((d = dash_ind(id)) == NULL)
			return E_NOTFOUND;
		if (table[0] == 't') {
			if ((rc = load_trend(r, &p, id)) != E_OK)
				return rc;
			snprintf(name, sizeof name, "xu-huong-%s-%s.csv", d->ref->code, tag);
			return dash_csv(r, "Dash.trend", trend_cols, name);
		}
		if ((rc = load_units(r, &p, id)) != E_OK)
			return rc;
		snprintf(name, sizeof name, "so-sanh-don-vi-%s-%s.csv", d->ref->code, tag);
		return dash_csv(r, "Dash.units", units_cols, name);
	}
	if (strcmp(table, "unit") == 0) {
		if (id == 0)
			return E_NOTFOUND;
		if ((rc = load_unit_values(r, &p, id)) != E_OK)
			return rc;
		snprintf(name, sizeof name, "don-vi-%lld-%s.csv", id, tag);
		return dash_csv(r, "Dash.values", unit_cols, name);
	}
	if (strcmp(table, "ranking") == 0) {
		if ((rc = load_ranking(r, &p)) != E_OK)
			return rc;
		n = 0;
		dyn[n++] = (struct csvcol)COL("kind_name", "kind");
		dyn[n++] = (struct csvcol)NUM("rank", "rank");
		dyn[n++] = (struct csvcol)COL("code", "unit_code");
		dyn[n++] = (struct csvcol)COL("name", "unit");
		dyn[n++] = (struct csvcol)NUM("score_raw", "score");
		dyn[n++] = (struct csvcol)NUM("indicators", "indicators");
		dyn_cols(r, dyn, n, "Dash.rcols", 1, child);
		snprintf(name, sizeof name, "xep-hang-don-vi-%s.csv", tag);
		return dash_csv(r, "Dash.ranking", dyn, name);
	}
	/* status */
	if ((rc = load_status(r, &p)) != E_OK)
		return rc;
	n = 0;
	dyn[n++] = (struct csvcol)COL("code", "unit_code");
	dyn[n++] = (struct csvcol)COL("name", "unit");
	dyn[n++] = (struct csvcol)COL("kind_name", "kind");
	dyn_cols(r, dyn, n, "Dash.scols", 0, child);
	snprintf(name, sizeof name, "tinh-hinh-nop-bao-cao-%s.csv", tag);
	return dash_csv(r, "Dash.status", dyn, name);
}
