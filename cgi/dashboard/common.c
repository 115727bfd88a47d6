/* What every dashboard page shares: the period shown and the selector, the
 * reference data with the aggregation rule and direction, numbers in the
 * reader's language, progress marks, and the chart files. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "../lib/buf.h"
#include "../lib/config.h"
#include "../lib/indicator.h"
#include "../lib/log.h"
#include "../lib/pagecache.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "dashboard.h"

enum { Q_PERIODS, Q_META, Q_N };
static const char *const sql[Q_N] = {
	/* every period, newest first, with its latest finished aggregation run
	 * and the status of its latest run of any kind (running, failed).
	 * Derived tables, no correlated subqueries: MariaDB 10.11 has crashed
	 * re-executing prepared statements with correlated subqueries. */
	"SELECT p.id, p.kind, p.year, p.seq, p.cutoff_end, p.due_on, r.id, "
	"DATE_FORMAT(r.finished_at + INTERVAL 7 HOUR, '%d/%m/%Y'), "
	"DATE_FORMAT(r.finished_at + INTERVAL 7 HOUR, '%H:%i'), r.statuses, r.values_read, l.status "
	"FROM period p "
	"LEFT JOIN (SELECT period_id, MAX(id) AS id FROM agg_run WHERE status = 'done' "
	"GROUP BY period_id) d ON d.period_id = p.id "
	"LEFT JOIN agg_run r ON r.id = d.id "
	"LEFT JOIN (SELECT period_id, MAX(id) AS id FROM agg_run GROUP BY period_id) m "
	"ON m.period_id = p.id "
	"LEFT JOIN agg_run l ON l.id = m.id "
	"ORDER BY p.year DESC, p.cutoff_end DESC, p.kind",
	/* what the shared cache does not hold; reloaded when it reloads */
	"SELECT id, aggregation, direction FROM indicator",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* ---- chart names ---- */

int chart_name_ok(const char *name)
{
	size_t n = strlen(name), stem;
	const char *dot = strrchr(name, '.');

	if (dot == NULL || n > 100 || (strcmp(dot, ".svg") != 0 && strcmp(dot, ".png") != 0))
		return 0;
	stem = (size_t)(dot - name);
	if (stem == 0)
		return 0;
	for (size_t i = 0; i < stem; i++) {
		char c = name[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '-' && c != '_')))
			return 0;
	}
	return 1;
}

const char *dash_charts_dir(void) { return config_get("charts_dir", NULL); }

/* The chart job's index of a period, charts_dir/<period>/index.tsv: a header
 * line, then per chart kind, key, svg, png, pdf, csv, data, title, caption
 * (tab-separated, no tabs or newlines inside).  Kept for the period last
 * asked until the file changes. */
static struct {
	long long period;
	struct stat st;
	char *text;
	char **row;          /* per chart: svg, title, caption */
	unsigned n;
} idx;

static void index_drop(void)
{
	free(idx.text);
	free(idx.row);
	memset(&idx, 0, sizeof idx);
}

static void index_load(const char *dir, long long period)
{
	char path[1024];
	struct stat st;
	struct buf b;
	unsigned lines = 0;

	snprintf(path, sizeof path, "%s/%lld/index.tsv", dir, period);
	if (stat(path, &st) != 0) {
		index_drop();
		return;
	}
	if (idx.text != NULL && idx.period == period && idx.st.st_mtime == st.st_mtime &&
	    idx.st.st_size == st.st_size && idx.st.st_ino == st.st_ino)
		return;
	index_drop();
	buf_init(&b);
	if (buf_read_file(&b, path, 4 * 1024 * 1024) != 0) {
		buf_free(&b);
		return;
	}
	buf_str(&b);
	if (b.p == NULL)
		return;
	for (size_t i = 0; i < b.len; i++)
		lines += b.p[i] == '\n';
	idx.row = calloc((size_t)lines * 3 + 3, sizeof *idx.row);
	if (idx.row == NULL) {
		buf_free(&b);
		return;
	}
	idx.text = b.p;
	idx.period = period;
	idx.st = st;
	/* skip the header, then cut each line at tabs */
	for (char *line = strchr(b.p, '\n'); line != NULL && *++line;) {
		char *end = strchr(line, '\n'), *col[9];
		int n = 0;
		if (end != NULL)
			*end = '\0';
		for (char *c = line; n < 9; n++) {
			col[n] = c;
			c = strchr(c, '\t');
			if (c == NULL) {
				n++;
				break;
			}
			*c++ = '\0';
		}
		if (n == 9 && *col[2] != '\0') {
			idx.row[idx.n * 3] = col[2];
			idx.row[idx.n * 3 + 1] = col[7];
			idx.row[idx.n * 3 + 2] = col[8];
			idx.n++;
		}
		if (end == NULL)
			break;
		line = end;
	}
}

void dash_chart(struct req *r, HDF *node, long long period, const char *file, const char *alt)
{
	char path[1024], url[256];
	const char *dir = dash_charts_dir();
	struct stat st;

	snprintf(url, sizeof url, "/dashboard/chart?period=%lld&file=%s", period, file);
	nset(r, node, "url", url);
	nset(r, node, "file", file);
	nset(r, node, "alt", alt);
	if (dir != NULL && chart_name_ok(file)) {
		snprintf(path, sizeof path, "%s/%lld/%s", dir, period, file);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
			nset(r, node, "present", "1");
		/* the chart job's caption, when it lists the chart */
		index_load(dir, period);
		for (unsigned i = 0; i < idx.n && idx.period == period; i++)
			if (strcmp(idx.row[i * 3], file) == 0) {
				nset(r, node, "title", idx.row[i * 3 + 1]);
				nset(r, node, "caption", idx.row[i * 3 + 2]);
				break;
			}
	}
}

/* ---- periods ---- */

int dash_period(struct req *r, long long want, struct dperiod *p)
{
	struct dbres res;
	int rc, sel = -1, nsel = 0;

	memset(p, 0, sizeof *p);
	if ((rc = db_tab_exec(&tab, Q_PERIODS, &res, "")) != E_OK)
		return rc;
	/* by default the newest period with figures whose due date has passed:
	 * an open quarter has only its early forms in, which is not the city */
	{
		char today[16];
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);  /* TZ is Asia/Ho_Chi_Minh for every program */
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
		for (int pass = want ? 1 : 0; pass < 2 && sel < 0; pass++)
			for (unsigned i = 0; i < res.nrows && sel < 0; i++)
				if (want ? dbres_int(&res, i, 0) == want
					 : dbres_get(&res, i, 6) != NULL &&
						   (pass == 1 || strcmp(dbres_get(&res, i, 5), today) < 0))
					sel = (int)i;
	}
	if (sel < 0) {
		dbres_free(&res);
		return want ? E_NOTFOUND : E_OK;
	}
	p->id = dbres_int(&res, (unsigned)sel, 0);
	p->kind = dbres_get(&res, (unsigned)sel, 1)[0];
	p->year = (int)dbres_int(&res, (unsigned)sel, 2);
	p->seq = (int)dbres_int(&res, (unsigned)sel, 3);
	p->computed = dbres_get(&res, (unsigned)sel, 6) != NULL;
	snprintf(p->cutoff_end, sizeof p->cutoff_end, "%s", dbres_get(&res, (unsigned)sel, 4));
	period_label(p->kind, p->year, p->seq, r->lang, p->label, sizeof p->label);
	for (unsigned i = 0; i < res.nrows; i++) {
		const char *k = dbres_get(&res, i, 1);
		int computed = dbres_get(&res, i, 6) != NULL;
		char label[64];

		period_label(k[0], (int)dbres_int(&res, i, 2), (int)dbres_int(&res, i, 3), r->lang,
			     label, sizeof label);
		/* the selector offers the periods with figures (and the one shown) */
		if (computed || (int)i == sel) {
			HDF *n = hnode(r, "Periods.%d", nsel++);
			nset(r, n, "id", dbres_get(&res, i, 0));
			nset(r, n, "label", label);
			if ((int)i == sel)
				nset(r, n, "selected", "1");
		}
		if ((int)i < sel || k[0] != p->kind)
			continue;
		if (p->nseries < SERIES_MAX) {
			p->series[p->nseries] = dbres_int(&res, i, 0);
			snprintf(p->series_label[p->nseries], sizeof p->series_label[0], "%s", label);
			p->nseries++;
		}
		if ((int)i > sel && computed && p->prev_id == 0) {
			p->prev_id = dbres_int(&res, i, 0);
			snprintf(p->prev_label, sizeof p->prev_label, "%s", label);
		}
	}
	{
		unsigned s = (unsigned)sel;
		char due[16];
		const char *st = dbres_get(&res, s, 9), *last = dbres_get(&res, s, 11);

		hseti(r, "Dash.period.id", p->id);
		hset(r, "Dash.period.label", p->label);
		date_iso_to_vn(dbres_get(&res, s, 5), due, sizeof due);
		hset(r, "Dash.period.due", due);
		hseti(r, "Dash.period.computed", p->computed);
		if (p->computed) {
			hset(r, "Dash.period.run_date", dbres_get(&res, s, 7));
			hset(r, "Dash.period.run_time", dbres_get(&res, s, 8));
			hset(r, "Dash.period.values_read", dbres_get(&res, s, 10));
			/* "submitted,accepted": which statuses the figures count */
			for (int n = 0; st != NULL && *st; n++) {
				char word[32];
				size_t l = strcspn(st, ",");
				snprintf(word, sizeof word, "%.*s", (int)(l < sizeof word ? l : sizeof word - 1), st);
				hsetf(r, word, "Dash.period.statuses.%d", n);
				st += l + (st[l] == ',');
			}
		}
		if (last != NULL)
			hset(r, "Dash.period.last_run", last);
		if (p->prev_id) {
			hseti(r, "Dash.prev.id", p->prev_id);
			hset(r, "Dash.prev.label", p->prev_label);
		}
	}
	dbres_free(&res);
	{
		const char *dir = dash_charts_dir();
		char path[1024];
		struct stat st;
		if (dir != NULL) {
			snprintf(path, sizeof path, "%s/%lld/%s", dir, p->id, BRIEFING_PDF);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
				hset(r, "Dash.period.briefing", "1");
		}
	}
	return E_OK;
}

/* ---- reference data ---- */

static struct {
	long long version;
	struct dind *ind;      /* aligned with the cache's ind[] */
	unsigned n;
	unsigned *by_id;       /* positions sorted by indicator id */
} meta;

/* the cache's indicator array the meta rows point into: a reload allocates
 * the new array while the old one is alive, so a new load never has the
 * same address as the array the meta was built on */
static const struct ref_ind *meta_of;

static int by_id_cmp(const void *a, const void *b)
{
	long long x = meta.ind[*(const unsigned *)a].ref->id, y = meta.ind[*(const unsigned *)b].ref->id;

	return x < y ? -1 : x > y;
}

int dash_ref(struct req *r, const struct refdata **out)
{
	const struct refdata *rd;
	struct dbres res;
	int rc;

	if ((rc = ref_get(r, &rd)) != E_OK)
		return rc;
	*out = rd;
	if (meta.ind != NULL && meta.version == rd->version && meta_of == rd->ind && meta.n == rd->nind)
		return E_OK;
	if ((rc = db_tab_exec(&tab, Q_META, &res, "")) != E_OK)
		return rc;
	free(meta.ind);
	free(meta.by_id);
	meta.n = rd->nind;
	meta.ind = calloc(meta.n + 1, sizeof *meta.ind);
	meta.by_id = calloc(meta.n + 1, sizeof *meta.by_id);
	if (meta.ind == NULL || meta.by_id == NULL) {
		dbres_free(&res);
		free(meta.ind);
		free(meta.by_id);
		memset(&meta, 0, sizeof meta);
		return E_INTERNAL;
	}
	for (unsigned i = 0; i < meta.n; i++) {
		meta.ind[i].ref = &rd->ind[i];
		snprintf(meta.ind[i].agg, sizeof meta.ind[i].agg, "none");
		snprintf(meta.ind[i].dir, sizeof meta.ind[i].dir, "up");
		for (unsigned j = 0; j < res.nrows; j++)
			if (dbres_int(&res, j, 0) == rd->ind[i].id) {
				snprintf(meta.ind[i].agg, sizeof meta.ind[i].agg, "%s", dbres_get(&res, j, 1));
				snprintf(meta.ind[i].dir, sizeof meta.ind[i].dir, "%s", dbres_get(&res, j, 2));
				break;
			}
		meta.by_id[i] = i;
	}
	dbres_free(&res);
	qsort(meta.by_id, meta.n, sizeof *meta.by_id, by_id_cmp);
	meta.version = rd->version;
	meta_of = rd->ind;
	return E_OK;
}

const struct dind *dash_ind(long long id)
{
	unsigned lo = 0, hi = meta.n;

	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		long long x = meta.ind[meta.by_id[mid]].ref->id;
		if (x == id)
			return &meta.ind[meta.by_id[mid]];
		if (x < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct dind *dash_ind_at(unsigned i) { return i < meta.n ? &meta.ind[i] : NULL; }
unsigned dash_nind(void) { return meta.n; }

void dash_pillars(struct req *r, const struct refdata *rd, const char *current)
{
	const char *last = NULL;
	int n = 0;

	for (unsigned i = 0; i < rd->nind; i++) {
		HDF *node;
		if (!rd->ind[i].active || (last != NULL && strcmp(last, rd->ind[i].pillar) == 0))
			continue;
		last = rd->ind[i].pillar;
		node = hnode(r, "Dash.pillars.%d", n++);
		nset(r, node, "code", rd->ind[i].pillar);
		nset(r, node, "name", strcmp(r->lang, "en") == 0 ? rd->ind[i].pillar_name_en
								 : rd->ind[i].pillar_name);
		if (current != NULL && strcmp(current, rd->ind[i].pillar) == 0)
			nset(r, node, "current", "1");
	}
}

/* ---- numbers ---- */

void dash_num(struct req *r, double v, int dec, char *out, size_t n)
{
	num_grouped(v, dec, r->lang != NULL && strcmp(r->lang, "en") == 0, out, n);
}

static int is_share(const struct dind *d) { return strcmp(d->agg, "share_yes") == 0; }
static int is_pct(const struct dind *d) { return is_share(d) || strcmp(d->ref->vtype, "percent") == 0; }

static int decimals(const struct dind *d)
{
	if (is_pct(d))
		return 1;
	if (strcmp(d->ref->vtype, "integer") == 0 || strcmp(d->ref->vtype, "yesno") == 0)
		return (strcmp(d->agg, "sum") == 0 || strcmp(d->agg, "count_yes") == 0) ? 0 : 1;
	return 2;
}

const char *dash_uom(struct req *r, const struct dind *d)
{
	if (is_share(d))
		return dash_lang(r, "share_uom");
	if (strcmp(d->ref->vtype, "yesno") == 0)
		return dash_lang(r, "units_uom");
	return d->ref->uom;
}

void dash_value(struct req *r, const struct dind *d, const char *db, char *shown, size_t sn,
		char *raw, size_t rn)
{
	double v;
	char num[64];

	if (sn)
		shown[0] = '\0';
	if (rn)
		raw[0] = '\0';
	if (db == NULL || d == NULL)
		return;
	/* a share_yes figure is stored as a percentage already (0..100) */
	v = strtod(db, NULL);
	dash_num(r, v, decimals(d), num, sizeof num);
	if (is_pct(d))
		snprintf(shown, sn, "%s%%", num);
	else
		snprintf(shown, sn, "%s %s", num, dash_uom(r, d));
	/* the CSV keeps the stored precision, with a dot */
	canon_decimal(db, raw, rn);
}

void dash_delta(struct req *r, const struct dind *d, const char *a, const char *b, char *out,
		size_t n, int *sign)
{
	double x;
	char num[64];

	*sign = 0;
	if (n)
		out[0] = '\0';
	if (a == NULL || b == NULL || d == NULL)
		return;
	x = strtod(a, NULL) - strtod(b, NULL);
	dash_num(r, x, decimals(d), num, sizeof num);
	if (strspn(num, "0,.") == strlen(num)) {
		snprintf(out, n, "0");
		return;
	}
	*sign = x > 0 ? 1 : -1;
	snprintf(out, n, "%s%s %s", x > 0 ? "+" : "", num,
		 is_pct(d) ? dash_lang(r, "points") : dash_uom(r, d));
}

/* ---- marks ---- */

static double on_track_share(void)
{
	static double v = -1;

	if (v < 0) {
		const char *s = config_get("dashboard_on_track", "0.9");
		v = strtod(s, NULL);
		if (!(v > 0 && v <= 1))
			v = 0.9;
	}
	return v;
}

const char *dash_mark(const char *value, const char *target, const char *progress)
{
	double p;

	if (value == NULL)
		return "no_data";
	if (target == NULL || progress == NULL)
		return "no_target";
	p = strtod(progress, NULL);
	if (p >= 1 - 1e-9)
		return "met";
	if (p >= on_track_share() - 1e-9)
		return "on_track";
	return "behind";
}

void dash_figure(struct req *r, HDF *node, const struct dind *d, const char *value,
		 const char *target, const char *progress)
{
	char shown[96], raw[64];

	dash_value(r, d, value, shown, sizeof shown, raw, sizeof raw);
	nset(r, node, "value", shown);
	nset(r, node, "value_raw", raw);
	dash_value(r, d, target, shown, sizeof shown, raw, sizeof raw);
	nset(r, node, "target", shown);
	nset(r, node, "target_raw", raw);
	if (progress != NULL && target != NULL) {
		double pct = strtod(progress, NULL) * 100;
		char tmp[64];
		long bar = lround(pct);
		dash_num(r, pct, 0, shown, sizeof shown);
		nset(r, node, "progress", shown);
		snprintf(tmp, sizeof tmp, "%.1f", pct);
		canon_decimal(tmp, raw, sizeof raw);
		nset(r, node, "progress_raw", raw);
		nseti(r, node, "bar", bar < 0 ? 0 : bar > 100 ? 100 : bar);
	}
	{
		const char *mark = dash_mark(value, target, progress);
		char key[32];
		snprintf(key, sizeof key, "Mark.%s", mark);
		nset(r, node, "mark", mark);
		nset(r, node, "mark_text", dash_lang(r, key));
	}
}

const char *dash_state(const char *status, const char *submitted_at, long long days_after_due,
		       long long today_after_due)
{
	int delivered = status != NULL && submitted_at != NULL &&
			(strcmp(status, "submitted") == 0 || strcmp(status, "accepted") == 0);

	if (delivered)
		return days_after_due > 0 ? "late" : "on_time";
	return today_after_due > 0 ? "missing" : "pending";
}

/* ---- the rest ---- */

int dash_page(struct req *r, const char *active, const char *tmpl)
{
	/* read-only pages that the leadership reloads before a meeting: kept per
	 * session until something changes (pagecache.h) */
	if (pagecache_serve(r))
		return 1;
	r->tmpl = tmpl;
	hset(r, "Nav.active", active);
	{
		char pct[16];
		snprintf(pct, sizeof pct, "%.0f", on_track_share() * 100);
		hset(r, "Dash.on_track_pct", pct);
	}
	return 0;
}

/* Lang.Dash.* for C: CSV headers and units of measure. */
static HDF *lang_hdf[2];

const char *dash_lang(struct req *r, const char *key)
{
	int en = r->lang != NULL && strcmp(r->lang, "en") == 0;
	char name[128];

	if (lang_hdf[en] == NULL) {
		char path[512];
		NEOERR *err = hdf_init(&lang_hdf[en]);
		snprintf(path, sizeof path, "%s/lang/%s-dashboard.hdf", config_get("templates", "templates"),
			 en ? "en" : "vi");
		if (err == STATUS_OK)
			err = hdf_read_file(lang_hdf[en], path);
		if (err != STATUS_OK) {
			log_msg(r->id, "dashboard: cannot read %s", path);
			nerr_ignore(&err);
		}
	}
	snprintf(name, sizeof name, "Lang.Dash.%s", key);
	return hdf_get_value(lang_hdf[en], name, key);
}
