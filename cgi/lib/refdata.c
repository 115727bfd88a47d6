#include "refdata.h"

#include <stdlib.h>
#include <string.h>

#include "stmts.h"
#include "text.h"

static struct refdata cache;
static int loaded;

static void release(struct refdata *rd)
{
	free(rd->ind);
	free(rd->rule);
	free(rd->target);
	free(rd->asked);
	dbres_free(&rd->ares);
	dbres_free(&rd->ires);
	dbres_free(&rd->rres);
	dbres_free(&rd->tres);
	memset(rd, 0, sizeof *rd);
}

void ref_free(void)
{
	release(&cache);
	loaded = 0;
}

static int asked_cmp(const struct ref_asked *a, long long period, const char *kind, long long ind);

static int asked_sort(const void *x, const void *y)
{
	const struct ref_asked *b = y;

	return asked_cmp(x, b->period, b->kind, b->ind);
}

static int load(long long version)
{
	struct refdata rd;
	int rc;

	memset(&rd, 0, sizeof rd);
	if ((rc = db_exec(ST_REF_IND, &rd.ires, "")) != E_OK ||
	    (rc = db_exec(ST_REF_RULES, &rd.rres, "")) != E_OK ||
	    (rc = db_exec(ST_REF_TARGETS, &rd.tres, "")) != E_OK ||
	    (rc = db_exec(ST_REF_ASKED, &rd.ares, "")) != E_OK)
		goto fail;
	rd.nind = rd.ires.nrows;
	rd.nrule = rd.rres.nrows;
	rd.ntarget = rd.tres.nrows;
	rd.ind = calloc(rd.nind + 1, sizeof *rd.ind);
	rd.rule = calloc(rd.nrule + 1, sizeof *rd.rule);
	rd.target = calloc(rd.ntarget + 1, sizeof *rd.target);
	rd.nasked = rd.ares.nrows;
	rd.asked = calloc(rd.nasked + 1, sizeof *rd.asked);
	if (rd.ind == NULL || rd.rule == NULL || rd.target == NULL || rd.asked == NULL) {
		rc = E_INTERNAL;
		goto fail;
	}
	for (unsigned i = 0; i < rd.nind; i++) {
		const struct dbres *x = &rd.ires;
		struct ref_ind *in = &rd.ind[i];
		in->id = dbres_int(x, i, 0);
		in->code = dbres_get(x, i, 1);
		in->name = dbres_get(x, i, 2);
		in->name_en = dbres_get(x, i, 3);
		in->pillar = dbres_get(x, i, 4);
		in->pillar_name = dbres_get(x, i, 5);
		in->pillar_name_en = dbres_get(x, i, 6);
		in->uom = dbres_get(x, i, 7);
		in->vtype = dbres_get(x, i, 8);
		in->min = dbres_get(x, i, 9);
		in->max = dbres_get(x, i, 10);
		in->required = (int)dbres_int(x, i, 11);
		in->kinds = dbres_get(x, i, 12);
		in->active = (int)dbres_int(x, i, 13);
	}
	for (unsigned i = 0; i < rd.nrule; i++) {
		rd.rule[i].left = dbres_int(&rd.rres, i, 0);
		rd.rule[i].op = dbres_get(&rd.rres, i, 1);
		rd.rule[i].right = dbres_int(&rd.rres, i, 2);
		rd.rule[i].message = dbres_get(&rd.rres, i, 3);
		rd.rule[i].message_en = dbres_get(&rd.rres, i, 4);
	}
	for (unsigned i = 0; i < rd.ntarget; i++) {
		rd.target[i].ind = dbres_int(&rd.tres, i, 0);
		rd.target[i].year = (int)dbres_int(&rd.tres, i, 1);
		rd.target[i].unit = dbres_int(&rd.tres, i, 2);
		rd.target[i].value = dbres_get(&rd.tres, i, 3);
	}
	for (unsigned i = 0; i < rd.nasked; i++) {
		rd.asked[i].period = dbres_int(&rd.ares, i, 0);
		rd.asked[i].kind = dbres_get(&rd.ares, i, 1);
		rd.asked[i].ind = dbres_int(&rd.ares, i, 2);
	}
	/* sorted here: MariaDB orders an ENUM by its index, not by name */
	qsort(rd.asked, rd.nasked, sizeof *rd.asked, asked_sort);
	ref_free();
	cache = rd;
	cache.version = version;
	loaded = 1;
	return E_OK;
fail:
	release(&rd);
	return rc;
}

int ref_get(struct req *r, const struct refdata **out)
{
	/* version 0 means the request did not read it: never trust the cache then */
	if (!loaded || r->refver == 0 || r->refver != cache.version) {
		int rc = load(r->refver);
		if (rc != E_OK)
			return rc;
	}
	*out = &cache;
	return E_OK;
}

int ref_kind_has(const struct ref_ind *in, const char *kind)
{
	return list_has(in->kinds, ',', kind);
}

const char *ref_target(const struct refdata *rd, long long ind, int year, long long unit)
{
	const char *city = NULL;

	for (unsigned i = 0; i < rd->ntarget; i++) {
		const struct ref_target *t = &rd->target[i];
		if (t->ind != ind || t->year != year)
			continue;
		if (unit != 0 && t->unit == unit)
			return t->value;
		if (t->unit == 0)
			city = t->value;
	}
	return city;
}

static int asked_cmp(const struct ref_asked *a, long long period, const char *kind, long long ind)
{
	int c;

	if (a->period != period)
		return a->period < period ? -1 : 1;
	if ((c = strcmp(a->kind, kind)) != 0)
		return c;
	return a->ind < ind ? -1 : a->ind > ind;
}

int ref_asked(const struct refdata *rd, long long period, const char *kind, long long ind)
{
	unsigned lo = 0, hi = rd->nasked;

	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		int c = asked_cmp(&rd->asked[mid], period, kind, ind);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
