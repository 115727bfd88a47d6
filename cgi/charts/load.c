/* One period's figures for the charts, read from the summary tables that
 * egov-aggregate writes (agg_value, agg_score, agg_run) and from the
 * calendar and the submissions (for the status heatmap), all in one
 * read-only transaction so a concurrent aggregation run is seen whole or not
 * at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/config.h"
#include "../lib/err.h"
#include "../lib/period.h"
#include "charts.h"

enum {
	Q_LOCK, Q_LIST, Q_HAS, Q_PERIOD, Q_WINDOW, Q_RUNMAX, Q_PILLARS, Q_INDICATORS, Q_CITY, Q_KIND, Q_UNITS, Q_UNITVALS,
	Q_ASKED, Q_SUBS, Q_SCORES, Q_COUNT
};

#define IN8 "(?, ?, ?, ?, ?, ?, ?, ?)"   /* the window's periods, the last one repeated */

/* A period's stamp: the newest finished aggregation run of it or of an
 * earlier period of its kind (its trend charts show those); charts drawn
 * with an older stamp are out of date. */
#define STAMP(p) "(SELECT COALESCE(MAX(r.id), 0) FROM agg_run r JOIN period q ON q.id = r.period_id " \
	"WHERE r.status = 'done' AND q.kind = " p ".kind AND (q.year < " p ".year OR " \
	"(q.year = " p ".year AND q.seq <= " p ".seq)))"

static const char *const sql[Q_COUNT] = {
	/* Q_LOCK: one run at a time per database (released when we disconnect) */
	"SELECT GET_LOCK(?, ?)",
	/* Q_LIST: the periods with figures, oldest first */
	"SELECT p.id, " STAMP("p") " FROM period p "
	"WHERE EXISTS (SELECT 1 FROM agg_value a WHERE a.period_id = p.id) "
	"ORDER BY p.year, p.seq, p.kind",
	/* Q_HAS */
	"SELECT EXISTS (SELECT 1 FROM agg_value WHERE period_id = ?)",
	/* Q_PERIOD */
	"SELECT id, kind, year, seq, cutoff_start, cutoff_end, due_on FROM period WHERE id = ?",
	/* Q_WINDOW: this period and the older ones of its kind, newest first */
	"SELECT id, kind, year, seq, cutoff_start, cutoff_end, due_on FROM period "
	"WHERE kind = ? AND (year < ? OR (year = ? AND seq <= ?)) ORDER BY year DESC, seq DESC LIMIT 8",
	/* Q_RUNMAX: the period's stamp */
	"SELECT " STAMP("p") " FROM period p WHERE p.id = ?",
	/* Q_PILLARS */
	"SELECT code, name FROM pillar ORDER BY sort, code",
	/* Q_INDICATORS: numeric indicators with figures in this period */
	"SELECT i.id, i.code, i.name, i.pillar, i.uom, i.vtype, i.direction, i.aggregation "
	"FROM indicator i JOIN pillar pl ON pl.code = i.pillar "
	"WHERE i.vtype IN ('integer', 'decimal', 'percent', 'yesno') "
	"AND EXISTS (SELECT 1 FROM agg_value a WHERE a.period_id = ? AND a.indicator_id = i.id) "
	"ORDER BY pl.sort, pl.code, i.sort, i.code",
	/* Q_CITY */
	"SELECT period_id, indicator_id, value, target, progress, units_reporting, units_asked, "
	"completeness FROM agg_value WHERE scope = 'city' AND period_id IN " IN8,
	/* Q_KIND */
	"SELECT indicator_id, scope_kind, value, target, progress, units_reporting, units_asked, "
	"completeness FROM agg_value WHERE period_id = ? AND scope = 'kind'",
	/* Q_UNITS */
	"SELECT id, code, name, kind, valid_from, valid_to FROM unit ORDER BY code, id",
	/* Q_UNITVALS */
	"SELECT indicator_id, unit_id, value, target, progress, units_reporting, units_asked, "
	"completeness FROM agg_value WHERE period_id = ? AND scope = 'unit'",
	/* Q_ASKED */
	"SELECT period_id, unit_kind, indicator_id FROM period_indicator WHERE period_id IN " IN8,
	/* Q_SUBS: late = submitted after the due date in Asia/Ho_Chi_Minh (UTC+7) */
	"SELECT s.unit_id, s.period_id, s.status, "
	"DATE_FORMAT(s.submitted_at + INTERVAL 7 HOUR, '%Y-%m-%d'), "
	"DATEDIFF(DATE(s.submitted_at + INTERVAL 7 HOUR), p.due_on) "
	"FROM submission s JOIN period p ON p.id = s.period_id WHERE s.period_id IN " IN8,
	/* Q_SCORES: the overall score (pillar '') and rank among the unit's kind */
	"SELECT unit_id, score, indicators, rank_in_kind FROM agg_score "
	"WHERE period_id = ? AND pillar = ''",
};

const char *const kind_code[NKINDS] = {"district", "department", "commune", "other"};
const char *const kind_plural[NKINDS] = {"Quận, huyện", "Sở, ban, ngành", "Xã, phường, đặc khu",
					 "Đơn vị khác"};

int kind_of(const char *s)
{
	for (int k = 0; s != NULL && k < NKINDS; k++)
		if (strcmp(s, kind_code[k]) == 0)
			return k;
	return -1;
}

const char *const *charts_sql(int *n)
{
	*n = Q_COUNT;
	return sql;
}

int charts_lock(int wait_s)
{
	struct dbres r;
	char name[80];
	int got;

	snprintf(name, sizeof name, "egov-charts:%.50s", config_get("db_name", "egov"));
	if (db_exec(Q_LOCK, &r, "si", name, (long long)wait_s) != E_OK)
		return -1;
	got = r.nrows == 1 && dbres_int(&r, 0, 0) == 1;
	dbres_free(&r);
	return got;
}

int charts_periods(struct period_stamp **out, int *n)
{
	struct dbres r;

	*out = NULL;
	*n = 0;
	if (db_exec(Q_LIST, &r, "") != E_OK)
		return -1;
	*out = calloc(r.nrows + 1, sizeof **out);
	if (*out == NULL) {
		dbres_free(&r);
		return -1;
	}
	for (unsigned i = 0; i < r.nrows; i++) {
		(*out)[i].id = dbres_int(&r, i, 0);
		(*out)[i].stamp = dbres_int(&r, i, 1);
	}
	*n = (int)r.nrows;
	dbres_free(&r);
	return 0;
}

int charts_has_figures(long long period_id)
{
	struct dbres r;
	int has;

	if (db_exec(Q_HAS, &r, "i", period_id) != E_OK)
		return -1;
	has = r.nrows == 1 && dbres_int(&r, 0, 0) == 1;
	dbres_free(&r);
	return has;
}

static int fail(char *err, size_t errsz, const char *what)
{
	snprintf(err, errsz, "cannot read %s from the database (see the log above)", what);
	return -1;
}

static double num(const char *s, int *has)
{
	*has = s != NULL;
	return s ? strtod(s, NULL) : 0;
}

static void read_fig(const struct dbres *r, unsigned row, unsigned col, struct fig *f)
{
	f->value_s = dbres_get(r, row, col);
	f->target_s = dbres_get(r, row, col + 1);
	f->value = num(f->value_s, &f->has_value);
	f->target = num(f->target_s, &f->has_target);
	f->progress = num(dbres_get(r, row, col + 2), &f->has_progress);
	f->reporting = (int)dbres_int(r, row, col + 3);
	f->asked = (int)dbres_int(r, row, col + 4);
	f->completeness = num(dbres_get(r, row, col + 5), &f->has_completeness);
}

static struct dbres *keep(struct pdata *d)
{
	struct dbres *r = &d->keep[d->nkeep++];

	memset(r, 0, sizeof *r);
	return r;
}

static int read_period(const struct dbres *r, unsigned row, struct period *p)
{
	p->id = dbres_int(r, row, 0);
	p->kind = dbres_get(r, row, 1)[0];
	p->year = (int)dbres_int(r, row, 2);
	p->seq = (int)dbres_int(r, row, 3);
	if (date_parse(dbres_get(r, row, 4), &p->cut_start) != 0 ||
	    date_parse(dbres_get(r, row, 5), &p->cut_end) != 0 ||
	    date_parse(dbres_get(r, row, 6), &p->due) != 0)
		return -1;
	period_label(p->kind, p->year, p->seq, "vi", p->label, sizeof p->label);
	period_label(p->kind, p->year, p->seq, "en", p->label_short, sizeof p->label_short);
	return 0;
}

int ind_index(const struct pdata *d, long long id)
{
	for (int i = 0; i < d->nind; i++)
		if (d->ind[i].id == id)
			return i;
	return -1;
}

int unit_index(const struct pdata *d, long long id)
{
	int lo = 0, hi = d->nunit;

	/* units are kept sorted by id for this search */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (d->unit[mid].id == id)
			return mid;
		if (d->unit[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int win_index(const struct pdata *d, long long pid)
{
	for (int w = 0; w < d->nper; w++)
		if (d->per[w].id == pid)
			return w;
	return -1;
}

static int cmp_unit_id(const void *a, const void *b)
{
	long long x = ((const struct unit *)a)->id, y = ((const struct unit *)b)->id;

	return x < y ? -1 : x > y;
}

/* The eight window ids, the last one repeated to fill the IN list. */
static void window_params(const struct pdata *d, struct dbparam *p)
{
	for (int w = 0; w < WINDOW; w++) {
		p[w].type = 'i';
		p[w].i = d->per[w < d->nper ? w : d->nper - 1].id;
	}
}

static int in_list(const char *list, const char *word)
{
	size_t wl = strlen(word);

	for (const char *p = list; p && *p;) {
		size_t l = strcspn(p, ",");
		const char *s = p;
		size_t sl = l;
		while (sl > 0 && *s == ' ')
			s++, sl--;
		while (sl > 0 && s[sl - 1] == ' ')
			sl--;
		if (sl == wl && strncmp(s, word, wl) == 0)
			return 1;
		p += l + (p[l] == ',');
	}
	return 0;
}

static void pick_headline(struct pdata *d)
{
	const char *list = config_get("headline_indicators", NULL);
	int any = 0;

	if (list != NULL && *list != '\0') {
		for (int i = 0; i < d->nind; i++)
			if (in_list(list, d->ind[i].code))
				d->ind[i].headline = any = 1;
		if (any)
			return;
	}
	/* by default: the first indicator of each pillar with a city-wide target
	 * this period, else the first with a city-wide figure */
	for (int p = 0; p < d->npil; p++) {
		int pick = -1;
		for (int i = 0; i < d->nind && pick < 0; i++)
			if (d->ind[i].pillar_idx == p && d->ind[i].has_city[0] &&
			    d->ind[i].city[0].has_value && d->ind[i].city[0].has_target)
				pick = i;
		for (int i = 0; i < d->nind && pick < 0; i++)
			if (d->ind[i].pillar_idx == p && d->ind[i].has_city[0] && d->ind[i].city[0].has_value)
				pick = i;
		if (pick >= 0)
			d->ind[pick].headline = 1;
	}
}

static int after(struct ymd a, struct ymd b)
{
	return days_from_civil(a) > days_from_civil(b);
}

int load_period(long long period_id, struct pdata *d, char *err, size_t errsz)
{
	struct dbres *r, tmp;
	struct dbparam wp[WINDOW];
	unsigned char kind_asked[WINDOW][NKINDS];
	int rc = -1;

	memset(d, 0, sizeof *d);
	memset(kind_asked, 0, sizeof kind_asked);
	{
		time_t now = time(NULL) + 7 * 3600;   /* Asia/Ho_Chi_Minh, UTC+7 all year */
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(d->today_iso, sizeof d->today_iso, "%Y-%m-%d", &tm);
		strftime(d->today_vn, sizeof d->today_vn, "%d/%m/%Y", &tm);
		strftime(d->produced, sizeof d->produced, "%d/%m/%Y %H:%M", &tm);
	}
	{
		const char *s = config_get("dashboard_on_track", "0.9");
		d->on_track = strtod(s, NULL);
		if (!(d->on_track > 0 && d->on_track <= 1))
			d->on_track = 0.9;
	}
	if (db_begin() != E_OK)
		return fail(err, errsz, "the summary tables (no transaction)");

	memset(&tmp, 0, sizeof tmp);
	if (db_exec(Q_PERIOD, &tmp, "i", period_id) != E_OK) {
		fail(err, errsz, "the period");
		goto out;
	}
	if (tmp.nrows != 1) {
		dbres_free(&tmp);
		snprintf(err, errsz, "period %lld does not exist", period_id);
		goto out;
	}
	{
		char kind[2] = {dbres_get(&tmp, 0, 1)[0], 0};
		long long year = dbres_int(&tmp, 0, 2), seq = dbres_int(&tmp, 0, 3);
		dbres_free(&tmp);
		if (db_exec(Q_WINDOW, &tmp, "siii", kind, year, year, seq) != E_OK) {
			fail(err, errsz, "the periods");
			goto out;
		}
	}
	for (unsigned i = 0; i < tmp.nrows && d->nper < WINDOW; i++)
		if (read_period(&tmp, i, &d->per[d->nper++]) != 0) {
			snprintf(err, errsz, "period %s has a malformed date", dbres_get(&tmp, i, 0));
			dbres_free(&tmp);
			goto out;
		}
	dbres_free(&tmp);
	if (d->nper == 0 || d->per[0].id != period_id) {
		snprintf(err, errsz, "period %lld: cannot place it in its calendar", period_id);
		goto out;
	}
	window_params(d, wp);
	if (db_exec(Q_RUNMAX, &tmp, "i", period_id) != E_OK) {
		fail(err, errsz, "the aggregation runs");
		goto out;
	}
	d->run_stamp = dbres_int(&tmp, 0, 0);
	dbres_free(&tmp);

	/* pillars */
	r = keep(d);
	if (db_exec(Q_PILLARS, r, "") != E_OK) {
		fail(err, errsz, "the pillars");
		goto out;
	}
	d->pil = calloc(r->nrows + 1, sizeof *d->pil);
	if (d->pil == NULL)
		goto oom;
	for (unsigned i = 0; i < r->nrows; i++) {
		struct pillar *p = &d->pil[d->npil];
		const char *c = dbres_get(r, i, 0);
		int safe = *c != '\0' && strlen(c) < 33;
		p->code = c;
		p->name = dbres_get(r, i, 1);
		for (const char *s = c; *s && safe; s++)
			safe = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
			       (*s >= '0' && *s <= '9') || *s == '_' || (*s == '-' && s != c);
		/* a code that is not a safe file name part never reaches one */
		if (safe)
			snprintf(p->file_code, sizeof p->file_code, "%s", c);
		else
			snprintf(p->file_code, sizeof p->file_code, "p%d", d->npil + 1);
		d->npil++;
	}

	/* indicators */
	r = keep(d);
	if (db_exec(Q_INDICATORS, r, "i", period_id) != E_OK) {
		fail(err, errsz, "the indicators");
		goto out;
	}
	d->ind = calloc(r->nrows + 1, sizeof *d->ind);
	if (d->ind == NULL)
		goto oom;
	for (unsigned i = 0; i < r->nrows; i++) {
		struct indicator *in = &d->ind[d->nind++];
		in->id = dbres_int(r, i, 0);
		in->code = dbres_get(r, i, 1);
		in->name = dbres_get(r, i, 2);
		in->pillar = dbres_get(r, i, 3);
		in->uom = dbres_get(r, i, 4);
		in->vtype = dbres_get(r, i, 5);
		in->direction = dbres_get(r, i, 6);
		in->aggregation = dbres_get(r, i, 7);
		in->share = strcmp(in->aggregation, "share_yes") == 0;
		in->pct = in->share || strcmp(in->vtype, "percent") == 0;
		if (in->pct)
			in->decimals = 1;
		else if (strcmp(in->vtype, "integer") == 0 || strcmp(in->vtype, "yesno") == 0)
			in->decimals = (strcmp(in->aggregation, "sum") == 0 ||
					strcmp(in->aggregation, "count_yes") == 0) ? 0 : 1;
		else
			in->decimals = 2;
		in->pillar_idx = -1;
		for (int p = 0; p < d->npil; p++)
			if (strcmp(d->pil[p].code, in->pillar) == 0)
				in->pillar_idx = p;
	}

	/* city-wide figures over the window, and by kind this period */
	r = keep(d);
	if (db_execv(Q_CITY, r, wp, WINDOW) != E_OK) {
		fail(err, errsz, "the city-wide figures");
		goto out;
	}
	for (unsigned i = 0; i < r->nrows; i++) {
		int w = win_index(d, dbres_int(r, i, 0)), k = ind_index(d, dbres_int(r, i, 1));
		if (w < 0 || k < 0)
			continue;
		read_fig(r, i, 2, &d->ind[k].city[w]);
		d->ind[k].has_city[w] = 1;
	}
	r = keep(d);
	if (db_exec(Q_KIND, r, "i", period_id) != E_OK) {
		fail(err, errsz, "the figures by kind of unit");
		goto out;
	}
	for (unsigned i = 0; i < r->nrows; i++) {
		int k = ind_index(d, dbres_int(r, i, 0)), kd = kind_of(dbres_get(r, i, 1));
		if (k < 0 || kd < 0)
			continue;
		read_fig(r, i, 2, &d->ind[k].kindfig[kd]);
		d->ind[k].has_kind[kd] = 1;
	}

	/* units */
	r = keep(d);
	if (db_exec(Q_UNITS, r, "") != E_OK) {
		fail(err, errsz, "the units");
		goto out;
	}
	d->unit = calloc(r->nrows + 1, sizeof *d->unit);
	if (d->unit == NULL)
		goto oom;
	for (unsigned i = 0; i < r->nrows; i++) {
		struct unit *u = &d->unit[d->nunit];
		const char *to = dbres_get(r, i, 5);
		u->id = dbres_int(r, i, 0);
		u->code = dbres_get(r, i, 1);
		u->name = dbres_get(r, i, 2);
		u->kind = kind_of(dbres_get(r, i, 3));
		if (u->kind < 0 || date_parse(dbres_get(r, i, 4), &u->from) != 0)
			continue;
		u->has_to = to != NULL && date_parse(to, &u->to) == 0;
		d->nunit++;
	}
	qsort(d->unit, (size_t)d->nunit, sizeof *d->unit, cmp_unit_id);

	r = keep(d);
	if (db_exec(Q_UNITVALS, r, "i", period_id) != E_OK) {
		fail(err, errsz, "the figures of the units");
		goto out;
	}
	d->uv = calloc(r->nrows + 1, sizeof *d->uv);
	if (d->uv == NULL)
		goto oom;
	for (unsigned i = 0; i < r->nrows; i++) {
		int k = ind_index(d, dbres_int(r, i, 0)), u = unit_index(d, dbres_int(r, i, 1));
		if (k < 0 || u < 0)
			continue;
		d->uv[d->nuv].ind = k;
		d->uv[d->nuv].unit = u;
		read_fig(r, i, 2, &d->uv[d->nuv].f);
		d->nuv++;
	}

	/* what each period of the window asked of each kind of unit */
	d->asked = calloc((size_t)WINDOW * NKINDS * (size_t)(d->nind + 1), 1);
	if (d->asked == NULL)
		goto oom;
	if (db_execv(Q_ASKED, &tmp, wp, WINDOW) != E_OK) {
		fail(err, errsz, "the indicators asked per period");
		goto out;
	}
	for (unsigned i = 0; i < tmp.nrows; i++) {
		int w = win_index(d, dbres_int(&tmp, i, 0)), kd = kind_of(dbres_get(&tmp, i, 1));
		int k = ind_index(d, dbres_int(&tmp, i, 2));
		if (w < 0 || kd < 0)
			continue;
		kind_asked[w][kd] = 1;
		if (k >= 0)
			d->asked[((size_t)w * NKINDS + (size_t)kd) * (size_t)d->nind + (size_t)k] = 1;
	}
	dbres_free(&tmp);

	/* submissions: on time, late, missing, not due yet */
	{
		struct ymd today;
		date_parse(d->today_iso, &today);
		for (int u = 0; u < d->nunit; u++) {
			struct unit *un = &d->unit[u];
			for (int w = 0; w < d->nper; w++) {
				const struct period *p = &d->per[w];
				int valid = !after(un->from, p->cut_end) &&
					    (!un->has_to || !after(p->cut_start, un->to));
				if (!valid || !kind_asked[w][un->kind])
					un->status[w] = S_NA;
				else
					un->status[w] = after(today, p->due) ? S_MISSING : S_PENDING;
			}
			un->asked = un->status[0] != S_NA;
		}
		if (db_execv(Q_SUBS, &tmp, wp, WINDOW) != E_OK) {
			fail(err, errsz, "the submissions");
			goto out;
		}
		for (unsigned i = 0; i < tmp.nrows; i++) {
			int u = unit_index(d, dbres_int(&tmp, i, 0)), w = win_index(d, dbres_int(&tmp, i, 1));
			const char *st = dbres_get(&tmp, i, 2), *at = dbres_get(&tmp, i, 3);
			struct unit *un;
			if (u < 0 || w < 0 || d->unit[u].status[w] == S_NA)
				continue;
			un = &d->unit[u];
			un->raw_status[w] = strcmp(st, "draft") == 0 ? "draft"
					    : strcmp(st, "returned") == 0 ? "returned" : NULL;
			if (strcmp(st, "submitted") != 0 && strcmp(st, "accepted") != 0)
				continue;
			snprintf(un->submitted[w], sizeof un->submitted[w], "%s", at ? at : "");
			un->days_late[w] = at ? (int)dbres_int(&tmp, i, 4) : 0;
			un->status[w] = un->days_late[w] > 0 ? S_LATE : S_ONTIME;
		}
		dbres_free(&tmp);
	}

	/* overall scores and ranks */
	if (db_exec(Q_SCORES, &tmp, "i", period_id) != E_OK) {
		fail(err, errsz, "the scores");
		goto out;
	}
	for (unsigned i = 0; i < tmp.nrows; i++) {
		int u = unit_index(d, dbres_int(&tmp, i, 0));
		const char *s = dbres_get(&tmp, i, 1);
		if (u < 0 || s == NULL)
			continue;
		d->unit[u].score = strtod(s, NULL);
		d->unit[u].has_score = 1;
		d->unit[u].score_n = (int)dbres_int(&tmp, i, 2);
		d->unit[u].rank = dbres_get(&tmp, i, 3) ? (int)dbres_int(&tmp, i, 3) : 0;
	}
	dbres_free(&tmp);

	pick_headline(d);
	rc = 0;
	goto out;
oom:
	snprintf(err, errsz, "out of memory");
out:
	db_rollback();
	return rc;
}

void pdata_free(struct pdata *d)
{
	for (int i = 0; i < d->nkeep; i++)
		dbres_free(&d->keep[i]);
	free(d->ind);
	free(d->pil);
	free(d->unit);
	free(d->uv);
	free(d->asked);
	memset(d, 0, sizeof *d);
}
