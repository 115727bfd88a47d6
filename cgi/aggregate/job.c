/* One period of egov-aggregate: read the period's counted figures with a few
 * set-based statements (one transaction, so one consistent snapshot), compute
 * every aggregate and score in memory, and replace the period's rows of
 * agg_value and agg_score with multi-row inserts in the same transaction.
 * What is computed, and why, is in docs/scoring.md. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/buf.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/err.h"
#include "../lib/log.h"
#include "aggregate.h"
#include "calc.h"

#define NKINDS 4
#define SUB_CHUNK 250        /* submissions per figure query: memory stays small */
#define BATCH 500            /* rows per multi-row INSERT */
#define VALUE_COLS 11
#define SCORE_COLS 6
#define VALUE_LIMIT ((micro_t)1000000000000000000LL * MICRO)  /* DECIMAL(24,6) */
#define TARGET_LIMIT ((micro_t)100000000000000LL * MICRO)     /* DECIMAL(20,6) */

static const char *const kind_names[NKINDS] = {"department", "district", "commune", "other"};

static int kind_index(const char *s)
{
	for (int k = 0; s != NULL && k < NKINDS; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return k;
	return -1;
}

/* A figure's state in the matrix. */
enum { FIG_NONE, FIG_NUMBER, FIG_TEXT, FIG_NA };

struct ind {
	long long id;
	char code[33], pillar[33];
	int rule, dir;
	int asked;              /* asked in the period (0: loaded only as a weight) */
	unsigned kinds;         /* bit per kind asked */
	int nkinds;
	long long wid;          /* the weight indicator (weight_indicator_id), 0: none */
	int widx;               /* its index here, -1: none */
	int pil;                /* pillar index */
	int has_city_target;
	micro_t city_target;    /* as stated in the target table */
};

struct unit {
	long long id;
	int kind;               /* -1: a kind the schema does not know */
	int valid;              /* existed during the period's window */
	long long succ_id;
	int succ;               /* index of the successor, -1 */
	int head;               /* lineage slot when units were merged into it, -1 */
	int hfirst, hcount;     /* the lineages it belongs to (heads[]) */
	int scored;             /* asked something in the period and valid */
};

struct target {
	long long ind, unit;
	micro_t v;
};

/* One agg_value row waiting to be written. */
struct vrow {
	int ind;
	int scope;              /* 1 city, 2 kind, 3 unit, 4 lineage (the ENUM's order) */
	int kind;               /* -1: '' */
	long long unit_id;
	int has_value, has_target, has_progress;
	micro_t value, target, progress;
	unsigned reporting, asked;
};

struct srow {
	long long unit_id;
	const char *pillar;
	int has_score;
	long long score4;
	unsigned indicators;
	int rank;
};

struct ctx {
	struct run *run;
	const struct period *p;
	long long run_id;
	char digest[17];
	/* reference data */
	struct ind *ind;
	int nind, nasked;
	char (*pillars)[33];
	int npil;
	struct unit *unit;
	int nunit, nheads, nscored;
	int *heads;             /* for unit u: heads[unit[u].hfirst ...] are lineage slots */
	int *head_unit;         /* slot -> unit index */
	struct target *tg;
	int ntg;
	long long *sub_id;
	int nsub;
	/* the figures: unit x indicator */
	micro_t *val;
	unsigned char *state;
	unsigned long long read;
	/* scores: unit x pillar */
	double *pil_sum;
	unsigned *pil_n;
	unsigned char *pil_asked;
	/* output */
	struct vrow vbuf[BATCH];
	int nv;
	unsigned long long values_written, scores_written;
	const char *step;       /* what was being done, for a failure message */
};

/* ---- loading ------------------------------------------------------------ */

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static int cmp_ind(const void *a, const void *b)
{
	return cmp_ll(&((const struct ind *)a)->id, &((const struct ind *)b)->id);
}

static int cmp_target(const void *a, const void *b)
{
	const struct target *x = a, *y = b;

	if (x->ind != y->ind)
		return (x->ind > y->ind) - (x->ind < y->ind);
	return (x->unit > y->unit) - (x->unit < y->unit);
}

static int cmp_pillar(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

static int ind_find(const struct ctx *c, long long id)
{
	int lo = 0, hi = c->nind - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (c->ind[mid].id == id)
			return mid;
		if (c->ind[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int unit_find(const struct ctx *c, long long id)
{
	int lo = 0, hi = c->nunit - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (c->unit[mid].id == id)
			return mid;
		if (c->unit[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static const struct target *target_find(const struct ctx *c, long long ind, long long unit)
{
	struct target key = {ind, unit, 0};

	if (c->ntg == 0)
		return NULL;
	return bsearch(&key, c->tg, (size_t)c->ntg, sizeof *c->tg, cmp_target);
}

static int load_indicators(struct ctx *c)
{
	struct dbres res;
	int rc, n = 0;

	c->step = "reading the indicators the period asks";
	rc = db_exec(ST_ASKED, &res, "i", c->p->id);
	if (rc != E_OK)
		return rc;
	/* rows: one per kind asked, ordered by indicator; plus room for weights */
	c->ind = calloc((size_t)res.nrows * 2 + 1, sizeof *c->ind);
	if (c->ind == NULL) {
		dbres_free(&res);
		return E_INTERNAL;
	}
	for (unsigned i = 0; i < res.nrows; i++) {
		long long id = dbres_int(&res, i, 1);
		int k = kind_index(dbres_get(&res, i, 0));
		struct ind *d;

		if (n == 0 || c->ind[n - 1].id != id) {
			d = &c->ind[n++];
			d->id = id;
			snprintf(d->code, sizeof d->code, "%s", dbres_get(&res, i, 2));
			snprintf(d->pillar, sizeof d->pillar, "%s", dbres_get(&res, i, 3));
			d->dir = direction_parse(dbres_get(&res, i, 4));
			d->rule = rule_parse(dbres_get(&res, i, 5));
			d->wid = dbres_int(&res, i, 6);
			d->asked = 1;
			if (d->dir < 0)
				d->dir = DIR_NONE;
			if (d->rule < 0)
				d->rule = RULE_NONE;
		}
		d = &c->ind[n - 1];
		if (k >= 0 && !(d->kinds & (1u << k))) {
			d->kinds |= 1u << k;
			d->nkinds++;
		}
	}
	dbres_free(&res);
	c->nasked = n;
	/* weight indicators the period does not ask: loaded for their figures only */
	for (int j = 0; j < c->nasked; j++) {
		long long wid = c->ind[j].wid;
		int found = 0;

		if (c->ind[j].rule != RULE_WMEAN || wid == 0)
			continue;
		for (int q = 0; q < n && !found; q++)
			found = c->ind[q].id == wid;
		if (!found) {
			c->ind[n] = (struct ind){.id = wid, .rule = RULE_NONE, .dir = DIR_NONE};
			snprintf(c->ind[n].code, sizeof c->ind[n].code, "(weight %lld)", wid);
			n++;
		}
	}
	c->nind = n;
	qsort(c->ind, (size_t)n, sizeof *c->ind, cmp_ind);
	for (int j = 0; j < n; j++)
		c->ind[j].widx = (c->ind[j].rule == RULE_WMEAN && c->ind[j].wid != 0)
				 ? ind_find(c, c->ind[j].wid) : -1;
	/* pillars of the asked indicators, sorted by code */
	c->pillars = calloc((size_t)n + 1, sizeof *c->pillars);
	if (c->pillars == NULL)
		return E_INTERNAL;
	for (int j = 0; j < n; j++) {
		int q;

		if (!c->ind[j].asked)
			continue;
		for (q = 0; q < c->npil && strcmp(c->pillars[q], c->ind[j].pillar) != 0; q++)
			;
		if (q == c->npil)
			memcpy(c->pillars[c->npil++], c->ind[j].pillar, sizeof c->pillars[0]);
	}
	qsort(c->pillars, (size_t)c->npil, sizeof c->pillars[0], cmp_pillar);
	for (int j = 0; j < n; j++) {
		c->ind[j].pil = -1;
		for (int q = 0; q < c->npil && c->ind[j].asked; q++)
			if (strcmp(c->pillars[q], c->ind[j].pillar) == 0)
				c->ind[j].pil = q;
	}
	return E_OK;
}

static int load_units(struct ctx *c)
{
	struct dbres res;
	int rc, nheads = 0, nlinks = 0, *seen;

	c->step = "reading the units";
	rc = db_exec(ST_UNITS, &res, "ss", c->p->cutoff_end, c->p->cutoff_start);
	if (rc != E_OK)
		return rc;
	c->nunit = (int)res.nrows;
	c->unit = calloc((size_t)c->nunit + 1, sizeof *c->unit);
	if (c->unit == NULL) {
		dbres_free(&res);
		return E_INTERNAL;
	}
	for (int u = 0; u < c->nunit; u++) {
		struct unit *x = &c->unit[u];

		x->id = dbres_int(&res, (unsigned)u, 0);
		x->kind = kind_index(dbres_get(&res, (unsigned)u, 1));
		x->succ_id = dbres_int(&res, (unsigned)u, 2);
		x->valid = dbres_int(&res, (unsigned)u, 3) == 1;
		x->head = -1;
	}
	dbres_free(&res);
	/* successor links; a unit some other unit's chain leads to heads a
	 * lineage.  seen[] stops a walk at a unit it met already: a cycle in the
	 * links (bad data) ends there instead of going round. */
	seen = calloc((size_t)c->nunit + 1, sizeof *seen);
	if (seen == NULL)
		return E_INTERNAL;
	for (int u = 0; u < c->nunit; u++)
		c->unit[u].succ = c->unit[u].succ_id ? unit_find(c, c->unit[u].succ_id) : -1;
	for (int u = 0; u < c->nunit; u++) {
		seen[u] = u + 1;
		for (int s = c->unit[u].succ; s >= 0 && seen[s] != u + 1; s = c->unit[s].succ) {
			seen[s] = u + 1;
			if (c->unit[s].head < 0)
				c->unit[s].head = nheads++;
			nlinks++;
		}
	}
	c->nheads = nheads;
	c->head_unit = calloc((size_t)nheads + 1, sizeof *c->head_unit);
	c->heads = calloc((size_t)(nlinks + nheads) + 1, sizeof *c->heads);
	if (c->head_unit == NULL || c->heads == NULL) {
		free(seen);
		return E_INTERNAL;
	}
	memset(seen, 0, (size_t)c->nunit * sizeof *seen);
	for (int u = 0, at = 0; u < c->nunit; u++) {
		struct unit *x = &c->unit[u];

		x->hfirst = at;
		seen[u] = u + 1;
		if (x->head >= 0) {
			c->head_unit[x->head] = u;
			c->heads[at++] = x->head;
		}
		for (int s = x->succ; s >= 0 && seen[s] != u + 1; s = c->unit[s].succ) {
			seen[s] = u + 1;
			c->heads[at++] = c->unit[s].head;
		}
		x->hcount = at - x->hfirst;
	}
	free(seen);
	return E_OK;
}

static int load_targets(struct ctx *c)
{
	struct dbres res;
	int rc;

	c->step = "reading the targets";
	rc = db_exec(ST_TARGETS, &res, "i", (long long)c->p->year);
	if (rc != E_OK)
		return rc;
	c->tg = calloc((size_t)res.nrows + 1, sizeof *c->tg);
	if (c->tg == NULL) {
		dbres_free(&res);
		return E_INTERNAL;
	}
	for (unsigned i = 0; i < res.nrows; i++) {
		long long ind = dbres_int(&res, i, 0), unit = dbres_int(&res, i, 1);
		int j = ind_find(c, ind);
		micro_t v;

		if (j < 0 || micro_parse(dbres_get(&res, i, 2), &v) != 0)
			continue;
		if (unit == 0) {
			c->ind[j].has_city_target = 1;
			c->ind[j].city_target = v;
		} else {
			c->tg[c->ntg++] = (struct target){ind, unit, v};
		}
	}
	dbres_free(&res);
	qsort(c->tg, (size_t)c->ntg, sizeof *c->tg, cmp_target);
	return E_OK;
}

static int load_figures(struct ctx *c)
{
	struct dbres res;
	size_t cells = (size_t)c->nunit * (size_t)c->nind;
	int rc;

	c->step = "reading the submissions";
	rc = db_exec(ST_SUBS, &res, "is", c->p->id, c->run->statuses);
	if (rc != E_OK)
		return rc;
	c->nsub = (int)res.nrows;
	c->sub_id = calloc((size_t)c->nsub + 1, sizeof *c->sub_id);
	c->val = calloc(cells + 1, sizeof *c->val);
	c->state = calloc(cells + 1, 1);
	if (c->sub_id == NULL || c->val == NULL || c->state == NULL) {
		dbres_free(&res);
		return E_INTERNAL;
	}
	for (int i = 0; i < c->nsub; i++)
		c->sub_id[i] = dbres_int(&res, (unsigned)i, 0);
	dbres_free(&res);
	qsort(c->sub_id, (size_t)c->nsub, sizeof *c->sub_id, cmp_ll);

	c->step = "reading the figures";
	for (int from = 0; from < c->nsub; from += SUB_CHUNK) {
		int to = from + SUB_CHUNK < c->nsub ? from + SUB_CHUNK : c->nsub;
		long long last_unit = -1;
		int u = -1;

		rc = db_exec(ST_FIGURES, &res, "isii", c->p->id, c->run->statuses, c->sub_id[from],
			     c->sub_id[to - 1]);
		if (rc != E_OK)
			return rc;
		for (unsigned i = 0; i < res.nrows; i++) {
			long long uid = dbres_int(&res, i, 0);
			int j = ind_find(c, dbres_int(&res, i, 1));
			const char *num = dbres_get(&res, i, 2);
			size_t cell;

			c->read++;
			if (uid != last_unit) {
				last_unit = uid;
				u = unit_find(c, uid);
			}
			if (u < 0 || j < 0)
				continue;
			cell = (size_t)u * (size_t)c->nind + (size_t)j;
			if (dbres_int(&res, i, 3) == 1)
				c->state[cell] = FIG_NA;
			else if (num != NULL && micro_parse(num, &c->val[cell]) == 0)
				c->state[cell] = FIG_NUMBER;
			else if (dbres_int(&res, i, 4) == 1)
				c->state[cell] = FIG_TEXT;
		}
		dbres_free(&res);
	}
	return E_OK;
}

/* ---- writing ------------------------------------------------------------ */

/* Rows in multi-row INSERTs of a few fixed sizes, so the statements the
 * connection keeps prepared stay few whatever the number of rows: the
 * statement text is the program's, the values are bound. */
static int insert_many(const char *head, const char *tuple, int ncols, const struct dbparam *p, int n)
{
	static const int sizes[] = {BATCH, 100, 20, 5, 1};
	size_t tlen = strlen(tuple);

	for (int done = 0; done < n;) {
		int k = 0, rc;
		struct buf sql;

		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0] && k == 0; i++)
			if (sizes[i] <= n - done)
				k = sizes[i];
		buf_init(&sql);
		if (buf_reserve(&sql, strlen(head) + (size_t)k * (tlen + 1) + 1) != 0)
			return E_INTERNAL;
		buf_adds(&sql, head);
		for (int i = 0; i < k; i++) {
			if (i > 0)
				buf_add(&sql, ",", 1);
			buf_add(&sql, tuple, tlen);
		}
		rc = db_exec_text(buf_str(&sql), NULL, p + (size_t)done * (size_t)ncols, k * ncols);
		buf_free(&sql);
		if (rc != E_OK)
			return rc;
		done += k;
	}
	return E_OK;
}

static int flush_values(struct ctx *c)
{
	static const char head[] = "INSERT INTO agg_value (period_id, indicator_id, scope, scope_kind, "
				   "unit_id, value, target, progress, units_reporting, units_asked, "
				   "completeness) VALUES ";
	static const char *const scopes[] = {"", "city", "kind", "unit", "lineage"};
	struct dbparam *p;
	char (*txt)[4][48];
	int n = c->nv, rc;

	if (n == 0)
		return E_OK;
	p = calloc((size_t)n * VALUE_COLS, sizeof *p);
	txt = calloc((size_t)n, sizeof *txt);
	if (p == NULL || txt == NULL) {
		free(p);
		free(txt);
		return E_INTERNAL;
	}
	for (int i = 0; i < n; i++) {
		const struct vrow *w = &c->vbuf[i];
		struct dbparam *q = &p[i * VALUE_COLS];

		if (w->has_value)
			micro_format(w->value, txt[i][0], sizeof txt[i][0]);
		if (w->has_target)
			micro_format(w->target, txt[i][1], sizeof txt[i][1]);
		if (w->has_progress)
			micro_format(w->progress, txt[i][2], sizeof txt[i][2]);
		if (w->asked > 0)
			micro_format(w->reporting >= w->asked ? MICRO
				     : div_round((micro_t)w->reporting * MICRO, (micro_t)w->asked),
				     txt[i][3], sizeof txt[i][3]);
		q[0] = (struct dbparam){'i', c->p->id, 0, NULL, 0};
		q[1] = (struct dbparam){'i', c->ind[w->ind].id, 0, NULL, 0};
		q[2] = (struct dbparam){'s', 0, 0, scopes[w->scope], 0};
		q[3] = (struct dbparam){'s', 0, 0, w->kind >= 0 ? kind_names[w->kind] : "", 0};
		q[4] = (struct dbparam){'i', w->unit_id, 0, NULL, 0};
		q[5] = (struct dbparam){'s', 0, 0, w->has_value ? txt[i][0] : NULL, 0};
		q[6] = (struct dbparam){'s', 0, 0, w->has_target ? txt[i][1] : NULL, 0};
		q[7] = (struct dbparam){'s', 0, 0, w->has_progress ? txt[i][2] : NULL, 0};
		q[8] = (struct dbparam){'i', (long long)w->reporting, 0, NULL, 0};
		q[9] = (struct dbparam){'i', (long long)w->asked, 0, NULL, 0};
		q[10] = (struct dbparam){'s', 0, 0, w->asked > 0 ? txt[i][3] : NULL, 0};
	}
	rc = insert_many(head, "(?,?,?,?,?,?,?,?,?,?,?)", VALUE_COLS, p, n);
	free(p);
	free(txt);
	if (rc == E_OK) {
		c->values_written += (unsigned long long)n;
		c->nv = 0;
	}
	return rc;
}

/* One aggregate: the value by the rule, its target, progress. */
static int emit(struct ctx *c, int j, int scope, int kind, long long unit_id, const struct acc *a,
		int has_target, micro_t target)
{
	const struct ind *d = &c->ind[j];
	struct vrow *w;
	double prog;

	if (c->nv == BATCH) {
		int rc = flush_values(c);
		if (rc != E_OK)
			return rc;
	}
	w = &c->vbuf[c->nv++];
	memset(w, 0, sizeof *w);
	w->ind = j;
	w->scope = scope;
	w->kind = kind;
	w->unit_id = unit_id;
	w->reporting = a->reporting;
	w->asked = a->asked;
	w->has_value = acc_value(a, d->rule, &w->value);
	if (w->has_value && (w->value >= VALUE_LIMIT || w->value <= -VALUE_LIMIT)) {
		batch_fail("indicator %s: an aggregate (%.6g) is too large for agg_value", d->code,
		     micro_double(w->value));
		c->step = "checking the aggregates' range";
		return E_INTERNAL;
	}
	if (has_target) {
		w->has_target = 1;
		w->target = target_scale(d->rule, target);
		if (w->target >= TARGET_LIMIT || w->target <= -TARGET_LIMIT)
			w->has_target = 0;
	}
	if (w->has_value && w->has_target && progress_of(d->dir, w->value, w->target, &prog)) {
		w->has_progress = 1;
		w->progress = (micro_t)llround(prog * MICRO);
	}
	return E_OK;
}

/* The unit-scope target: the unit's own, else the city's unless the rule adds
 * up over units (a city total is not one unit's target). */
static int unit_target(const struct ctx *c, int j, long long unit_id, micro_t *t)
{
	const struct ind *d = &c->ind[j];
	const struct target *own = target_find(c, d->id, unit_id);

	if (own != NULL) {
		*t = own->v;
		return 1;
	}
	if (d->has_city_target && !rule_additive(d->rule)) {
		*t = d->city_target;
		return 1;
	}
	return 0;
}

static int do_indicator(struct ctx *c, int j, struct acc *lin)
{
	const struct ind *d = &c->ind[j];
	struct acc city, kind[NKINDS];
	int rc;

	memset(&city, 0, sizeof city);
	memset(kind, 0, sizeof kind);
	memset(lin, 0, sizeof *lin * (size_t)(c->nheads ? c->nheads : 1));
	/* pass 1: the city, kinds and lineages collect every unit's figure */
	for (int u = 0; u < c->nunit; u++) {
		const struct unit *x = &c->unit[u];
		size_t cell = (size_t)u * (size_t)c->nind + (size_t)j;
		int st = c->state[cell], reported, has_w = 0;
		micro_t w = 0;

		if (x->kind < 0 || !(d->kinds & (1u << x->kind)))
			continue;
		reported = st == FIG_NUMBER || (d->rule == RULE_NONE && st == FIG_TEXT);
		if (!x->valid && !reported)
			continue;
		if (reported && d->widx >= 0) {
			size_t wc = (size_t)u * (size_t)c->nind + (size_t)d->widx;
			if (c->state[wc] == FIG_NUMBER && c->val[wc] >= 0) {
				has_w = 1;
				w = c->val[wc];
			}
		}
		city.asked += (unsigned)x->valid;
		kind[x->kind].asked += (unsigned)x->valid;
		for (int h = x->hfirst; h < x->hfirst + x->hcount; h++)
			lin[c->heads[h]].asked += (unsigned)x->valid;
		if (!reported)
			continue;
		acc_add(&city, c->val[cell], has_w, w);
		acc_add(&kind[x->kind], c->val[cell], has_w, w);
		for (int h = x->hfirst; h < x->hfirst + x->hcount; h++)
			acc_add(&lin[c->heads[h]], c->val[cell], has_w, w);
	}
	/* rows in the order of the primary key: city, kinds, units, lineages */
	rc = emit(c, j, 1, -1, 0, &city, d->has_city_target, d->city_target);
	for (int k = 0; rc == E_OK && k < NKINDS; k++) {
		/* an additive rule's city total is a kind's target only when the
		 * period asks no other kind */
		int has_t = d->has_city_target && (!rule_additive(d->rule) || d->nkinds == 1);

		if (d->kinds & (1u << k))
			rc = emit(c, j, 2, k, 0, &kind[k], has_t, d->city_target);
	}
	for (int u = 0; rc == E_OK && u < c->nunit; u++) {
		const struct unit *x = &c->unit[u];
		size_t cell = (size_t)u * (size_t)c->nind + (size_t)j;
		int st = c->state[cell], reported, has_t;
		struct acc one;
		micro_t t = 0, v;

		if (x->kind < 0 || !(d->kinds & (1u << x->kind)))
			continue;
		reported = st == FIG_NUMBER || (d->rule == RULE_NONE && st == FIG_TEXT);
		if (!x->valid && !reported)
			continue;
		memset(&one, 0, sizeof one);
		one.asked = (unsigned)x->valid;
		if (reported)
			acc_add(&one, c->val[cell], 0, 0);
		has_t = unit_target(c, j, x->id, &t);
		rc = emit(c, j, 3, x->kind, x->id, &one, has_t, t);
		/* the unit's score: indicators with a direction and a target count;
		 * not applicable is left out, not reported scores 0 */
		if (rc != E_OK || !x->scored || d->pil < 0)
			continue;
		c->pil_asked[(size_t)u * (size_t)c->npil + (size_t)d->pil] = 1;
		if (d->dir == DIR_NONE || d->rule == RULE_NONE || !has_t || st == FIG_NA)
			continue;
		c->pil_n[(size_t)u * (size_t)c->npil + (size_t)d->pil]++;
		if (reported && acc_value(&one, d->rule, &v))
			c->pil_sum[(size_t)u * (size_t)c->npil + (size_t)d->pil] +=
				indicator_score(d->dir, v, target_scale(d->rule, t));
	}
	for (int h = 0; rc == E_OK && h < c->nheads; h++) {
		const struct unit *x = &c->unit[c->head_unit[h]];
		micro_t t = 0;
		int has_t;

		if (lin[h].asked == 0 && lin[h].reporting == 0)
			continue;
		has_t = unit_target(c, j, x->id, &t);
		rc = emit(c, j, 4, x->kind, x->id, &lin[h], has_t, t);
	}
	return rc;
}

static int write_scores(struct ctx *c)
{
	static const char head[] = "INSERT INTO agg_score (period_id, unit_id, pillar, score, indicators, "
				   "rank_in_kind) VALUES ";
	int npil1 = c->npil + 1, rc = E_OK;
	size_t nrows = (size_t)c->nscored * (size_t)npil1;
	struct srow *rows = calloc(nrows + 1, sizeof *rows);
	long long *sc = calloc((size_t)c->nunit + 1, sizeof *sc);
	int *has = calloc((size_t)c->nunit + 1, sizeof *has), *rank = calloc((size_t)c->nunit + 1, sizeof *rank);
	int *row_of = calloc((size_t)c->nunit + 1, sizeof *row_of);
	size_t n = 0;

	c->step = "computing the scores";
	if (rows == NULL || sc == NULL || has == NULL || rank == NULL || row_of == NULL) {
		rc = E_INTERNAL;
		goto out;
	}
	/* per unit: the overall row ('' sorts first), then its pillars */
	for (int u = 0; u < c->nunit; u++) {
		const struct unit *x = &c->unit[u];
		size_t base = (size_t)u * (size_t)c->npil, first = n;
		double overall = 0;
		unsigned npil_scored = 0, nind = 0;

		row_of[u] = -1;
		if (!x->scored)
			continue;
		row_of[u] = (int)n;
		rows[n++] = (struct srow){x->id, "", 0, 0, 0, 0};
		for (int q = 0; q < c->npil; q++) {
			struct srow *s;

			if (!c->pil_asked[base + (size_t)q])
				continue;
			s = &rows[n++];
			*s = (struct srow){x->id, c->pillars[q], 0, 0, c->pil_n[base + (size_t)q], 0};
			if (s->indicators > 0) {
				double ps = 100.0 * c->pil_sum[base + (size_t)q] / s->indicators;
				s->has_score = 1;
				s->score4 = score4(ps);
				overall += ps;
				npil_scored++;
				nind += s->indicators;
			}
		}
		rows[first].indicators = nind;
		if (npil_scored > 0) {
			rows[first].has_score = 1;
			rows[first].score4 = score4(overall / npil_scored);
		}
	}
	/* ranks within each kind: overall (pillar -1) and per pillar */
	for (int k = 0; k < NKINDS; k++) {
		for (int q = -1; q < c->npil; q++) {
			int any = 0;

			for (int u = 0; u < c->nunit; u++) {
				const struct srow *s = NULL;

				has[u] = 0;
				if (row_of[u] < 0 || c->unit[u].kind != k)
					continue;
				for (size_t r = (size_t)row_of[u]; r < n && rows[r].unit_id == c->unit[u].id; r++)
					if (q < 0 ? rows[r].pillar[0] == '\0' : rows[r].pillar == c->pillars[q]) {
						s = &rows[r];
						break;
					}
				if (s != NULL && s->has_score) {
					has[u] = 1;
					sc[u] = s->score4;
					any = 1;
				}
			}
			if (!any)
				continue;
			if (rank_desc(sc, has, c->nunit, rank) != 0) {
				rc = E_INTERNAL;
				goto out;
			}
			for (int u = 0; u < c->nunit; u++) {
				if (!has[u])
					continue;
				for (size_t r = (size_t)row_of[u]; r < n && rows[r].unit_id == c->unit[u].id; r++)
					if (q < 0 ? rows[r].pillar[0] == '\0' : rows[r].pillar == c->pillars[q])
						rows[r].rank = rank[u];
			}
		}
	}
	c->step = "writing agg_score";
	{
		struct dbparam *p = calloc(n * SCORE_COLS + 1, sizeof *p);
		char (*txt)[32] = calloc(n + 1, sizeof *txt);

		if (p == NULL || txt == NULL) {
			free(p);
			free(txt);
			rc = E_INTERNAL;
			goto out;
		}
		for (size_t i = 0; i < n; i++) {
			const struct srow *s = &rows[i];
			struct dbparam *v = &p[i * SCORE_COLS];

			if (s->has_score)
				snprintf(txt[i], sizeof txt[i], "%s%lld.%04lld", s->score4 < 0 ? "-" : "",
					 llabs(s->score4) / 10000, llabs(s->score4) % 10000);
			v[0] = (struct dbparam){'i', c->p->id, 0, NULL, 0};
			v[1] = (struct dbparam){'i', s->unit_id, 0, NULL, 0};
			v[2] = (struct dbparam){'s', 0, 0, s->pillar, 0};
			v[3] = (struct dbparam){'s', 0, 0, s->has_score ? txt[i] : NULL, 0};
			v[4] = (struct dbparam){'i', (long long)s->indicators, 0, NULL, 0};
			v[5] = s->rank > 0 ? (struct dbparam){'i', s->rank, 0, NULL, 0}
					   : (struct dbparam){'s', 0, 0, NULL, 0};
		}
		rc = insert_many(head, "(?,?,?,?,?,?)", SCORE_COLS, p, (int)n);
		if (rc == E_OK)
			c->scores_written = n;
		free(p);
		free(txt);
	}
out:
	free(rows);
	free(sc);
	free(has);
	free(rank);
	free(row_of);
	return rc;
}

/* ---- the period --------------------------------------------------------- */

static void ctx_free(struct ctx *c)
{
	free(c->ind);
	free(c->pillars);
	free(c->unit);
	free(c->heads);
	free(c->head_unit);
	free(c->tg);
	free(c->sub_id);
	free(c->val);
	free(c->state);
	free(c->pil_sum);
	free(c->pil_n);
	free(c->pil_asked);
}

void group3(unsigned long long v, char *out, size_t outsz)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "%llu", v), o = 0;

	for (int i = 0; i < n && (size_t)o + 2 < outsz; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

static int compute(struct ctx *c)
{
	struct run *r = c->run;
	struct acc *lin;
	int rc, step, scopes, kinds_seen = 0, units_asked = 0, lineages = 0;
	unsigned kinds = 0;
	char nread[32];
	double t0 = now_s();

	if ((rc = load_indicators(c)) != E_OK || (rc = load_units(c)) != E_OK ||
	    (rc = load_targets(c)) != E_OK || (rc = load_figures(c)) != E_OK)
		return rc;
	for (int j = 0; j < c->nind; j++)
		kinds |= c->ind[j].kinds;
	for (int k = 0; k < NKINDS; k++)
		kinds_seen += (kinds >> k) & 1;
	for (int u = 0; u < c->nunit; u++) {
		struct unit *x = &c->unit[u];
		x->scored = x->valid && x->kind >= 0 && (kinds & (1u << x->kind));
		c->nscored += x->scored;
		units_asked += x->scored;
	}
	/* lineages with a member asked in the period or a figure of it */
	{
		unsigned char *live = calloc((size_t)c->nheads + 1, 1);

		if (live == NULL)
			return E_INTERNAL;
		for (int u = 0; u < c->nunit; u++) {
			const struct unit *x = &c->unit[u];
			int any = x->scored;

			for (int j = 0; j < c->nind && !any; j++)
				any = c->state[(size_t)u * (size_t)c->nind + (size_t)j] != FIG_NONE;
			for (int h = x->hfirst; any && h < x->hfirst + x->hcount; h++)
				live[c->heads[h]] = 1;
		}
		for (int h = 0; h < c->nheads; h++)
			lineages += live[h];
		free(live);
	}
	scopes = c->nasked > 0 ? 3 + (lineages > 0) : 0;
	group3(c->read, nread, sizeof nread);
	printf("aggregate: %s: %d indicators × %d scopes (city, %d kinds, %d units asked, %d lineages); "
	       "%s figures read from %d forms (%s) in %.2f s\n",
	       c->p->label, c->nasked, scopes, kinds_seen, units_asked, lineages, nread, c->nsub,
	       r->statuses, now_s() - t0);

	c->pil_sum = calloc((size_t)c->nunit * (size_t)c->npil + 1, sizeof *c->pil_sum);
	c->pil_n = calloc((size_t)c->nunit * (size_t)c->npil + 1, sizeof *c->pil_n);
	c->pil_asked = calloc((size_t)c->nunit * (size_t)c->npil + 1, 1);
	lin = calloc((size_t)c->nheads + 1, sizeof *lin);
	if (c->pil_sum == NULL || c->pil_n == NULL || c->pil_asked == NULL || lin == NULL) {
		free(lin);
		return E_INTERNAL;
	}
	c->step = "replacing the period's rows of agg_value and agg_score";
	if ((rc = db_exec(ST_DEL_VALUES, NULL, "i", c->p->id)) != E_OK ||
	    (rc = db_exec(ST_DEL_SCORES, NULL, "i", c->p->id)) != E_OK) {
		free(lin);
		return rc;
	}
	step = c->nasked > 10 ? (c->nasked + 9) / 10 : 1;
	for (int j = 0, done = 0; j < c->nind; j++) {
		if (!c->ind[j].asked)
			continue;
		c->step = "computing and writing agg_value";
		rc = do_indicator(c, j, lin);
		if (rc != E_OK) {
			free(lin);
			return rc;
		}
		done++;
		if (!r->quiet && (done % step == 0 || done == c->nasked))
			printf("aggregate: %s: %d/%d indicators (%s), %.2f s\n", c->p->label, done,
			       c->nasked, c->ind[j].code, now_s() - t0);
	}
	free(lin);
	rc = flush_values(c);
	if (rc != E_OK)
		return rc;
	return write_scores(c);
}

int aggregate_period(struct run *r, const struct period *p)
{
	struct ctx *c = calloc(1, sizeof *c);
	struct dbres res;
	char msg[600], eid[24], nv[32], ns[32], nr[32];
	double t0 = now_s();
	int rc;

	if (c == NULL)
		return batch_fail("%s", "out of memory");
	c->run = r;
	c->p = p;
	snprintf(eid, sizeof eid, "%lld", p->id);
	/* the run is recorded before its transaction so a failure can say so */
	rc = db_exec(ST_RUN_START, NULL, "is", p->id, r->statuses);
	if (rc != E_OK) {
		free(c);
		batch_fail("%s: cannot record the run in agg_run (database %s)", p->label,
		     rc == E_DBDOWN ? "unreachable" : "error, see the log above");
		return rc;
	}
	c->run_id = (long long)db_insert_id();
	rc = db_begin();
	if (rc == E_OK) {
		/* the first read takes the snapshot every later read sees */
		c->step = "reading the period";
		rc = db_exec(ST_PERIOD, &res, "i", p->id);
		if (rc == E_OK) {
			if (res.nrows != 1)
				rc = E_NOTFOUND;
			dbres_free(&res);
		}
		if (rc == E_OK) {
			c->step = "reading the reference data version";
			rc = inputs_digest(r, p, c->digest, sizeof c->digest) == 0 ? E_OK : E_INTERNAL;
		}
	}
	if (rc == E_OK)
		rc = compute(c);
	if (rc == E_OK) {
		group3(c->read, nr, sizeof nr);
		group3(c->values_written, nv, sizeof nv);
		group3(c->scores_written, ns, sizeof ns);
		snprintf(msg, sizeof msg, "inputs=%s; %d indicators, %d units asked, %d lineages; %s figures "
			 "read; %s aggregates and %s scores written in %.2f s",
			 c->digest, c->nasked, c->nscored, c->nheads, nr, nv, ns, now_s() - t0);
		c->step = "recording the run";
		rc = db_exec(ST_RUN_DONE, NULL, "isi", (long long)c->read, msg, c->run_id);
		if (rc == E_OK)
			rc = audit(&r->actor, "aggregate", "period", eid, NULL, msg, NULL);
		if (rc == E_OK) {
			c->step = "committing";
			rc = db_commit();
		}
	}
	if (rc == E_OK) {
		printf("aggregate: %s: done in %.2f s: %s figures read; %s aggregates, %s scores written\n",
		       p->label, now_s() - t0, nr, nv, ns);
		r->periods_done++;
		r->values_read += c->read;
		r->rows_written += c->values_written + c->scores_written;
		ctx_free(c);
		free(c);
		return E_OK;
	}
	db_rollback();
	snprintf(msg, sizeof msg, "failed while %s: %s; the period's previous figures are kept",
		 c->step ? c->step : "starting",
		 rc == E_DBDOWN ? "the database connection was lost"
		 : rc == E_NOTFOUND ? "the period no longer exists"
		 : rc == E_CONFLICT ? "a lock wait timed out or a deadlock occurred"
		 : "database or internal error (see the log above)");
	batch_fail("%s: %s", p->label, msg);
	r->periods_failed++;
	/* best effort: with the database gone these fail too, and the next run
	 * marks the run row as interrupted */
	if (db_exec(ST_RUN_FAILED, NULL, "isi", (long long)c->read, msg, c->run_id) == E_OK)
		audit(&r->actor, "aggregate", "period", eid, NULL, msg, NULL);
	ctx_free(c);
	free(c);
	return rc;
}
