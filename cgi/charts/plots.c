/* The charts of a period.  Each chart is a data file (base.tsv) with its
 * title in block 0 and its figures in the next blocks, a CSV of the same
 * figures for people (base.csv), and gnuplot commands that name only the
 * data file and fixed styling.
 *
 *   trend-<indicator>          city-wide value over the window, target line
 *   units-<indicator>-<kind>   units of one kind compared, sorted, target marked
 *   status                     units x periods: on time, late, missing, not due
 *   pillar-<code>              the city's progress on each indicator of a pillar
 *   unit-<unit>                a unit's progress against its target and the city's
 *   ranking-<kind>             units of one kind by overall score (agg_score) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"

const char *const chart_kind_name[] = {"trend", "units", "status", "pillar", "unit", "ranking",
				       "briefing"};

/* Series bits of the bar charts. */
enum { SB_GOOD = 1, SB_BEHIND = 2, SB_NOTARGET = 4, SB_TARGET = 8, SB_CITY = 16, SB_NODATA = 32 };
/* Series bits of the status chart. */
enum { SS_ONTIME = 1, SS_LATE = 2, SS_MISSING = 4, SS_PENDING = 8 };

#define TICK_CHARS 38          /* unit and indicator names on an axis */
#define CHAR_W 0.8             /* a character's width in gnuplot's character units, roughly */

static struct chart *add_chart(struct charts *cs, enum chart_kind kind, const char *key, int w, int h)
{
	struct chart *c;

	if (cs->n == cs->cap) {
		int cap = cs->cap ? cs->cap * 2 : 64;
		struct chart *p = realloc(cs->c, (size_t)cap * sizeof *p);
		if (p == NULL)
			return NULL;
		cs->c = p;
		cs->cap = cap;
	}
	c = &cs->c[cs->n++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	snprintf(c->key, sizeof c->key, "%s", key);
	c->w = w;
	c->h = h;
	c->idx = -1;
	return c;
}

/* Block 0 of a data file: the title (wrapped at width characters) and a
 * subtitle. */
static int title_block(struct buf *b, const char *title, const char *subtitle, int width)
{
	char lines[2][512];
	int n = wrap_text(title, (size_t)width, lines, 2);

	buf_adds(b, "title\n");
	for (int i = 0; i < n; i++) {
		gp_text(b, lines[i]);
		buf_adds(b, "\n");
	}
	gp_text(b, subtitle);
	buf_adds(b, "\n\n\n");
	return n + 1;
}

static void field(struct buf *b, const char *s)
{
	gp_text(b, s);
	buf_adds(b, "\t");
}

static void numf(struct buf *b, double v, int has)
{
	gp_num(b, v, has);
	buf_adds(b, "\t");
}

static void endrow(struct buf *b)
{
	/* the last field's tab is dropped */
	if (b->len && b->p[b->len - 1] == '\t')
		b->len--;
	buf_adds(b, "\n");
}

static double margin_for(size_t chars)
{
	double lm = (double)chars * CHAR_W + 2.5;

	return lm < 8 ? 8 : lm;
}

static size_t tick_chars(const char *s)
{
	size_t n = utf8_chars(s);

	return n > TICK_CHARS ? TICK_CHARS : n;
}

static int write_pair(struct outset *o, const struct chart *c, struct buf *tsv, struct buf *csv)
{
	char name[96];

	snprintf(name, sizeof name, "%s.tsv", c->base);
	if (out_write(o, name, tsv) != 0)
		return -1;
	snprintf(name, sizeof name, "%s.csv", c->base);
	if (out_write(o, name, csv) != 0)
		return -1;
	snprintf(name, sizeof name, "%s.svg", c->base);
	out_expect(o, name);
	if (c->png) {
		snprintf(name, sizeof name, "%s.png", c->base);
		out_expect(o, name);
	}
	return 0;
}

/* A number for a CSV: dec decimals, dot decimal, "" when absent. */
static void csv_num(struct buf *b, double v, int has, int dec)
{
	char tmp[64];

	if (has && isfinite(v))
		snprintf(tmp, sizeof tmp, "%.*f", dec, v);
	else
		tmp[0] = '\0';
	csv_raw(b, tmp, 0);
}

static void csv_int(struct buf *b, long long v)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%lld", v);
	csv_raw(b, tmp, 0);
}

/* ---- trend ---------------------------------------------------------- */

static int build_trend(const struct pdata *d, int k, struct outset *o, struct charts *cs)
{
	const struct indicator *in = &d->ind[k];
	double lo = 0, hi = 0;
	struct buf t, csv;
	struct chart *c;
	char key[32], sub[512], head[600];
	int any = 0, rc;
	unsigned series = SB_GOOD;

	for (int w = 0; w < d->nper; w++) {
		const struct fig *f = &in->city[w];
		if (!in->has_city[w])
			continue;
		if (f->has_target)
			series |= SB_TARGET;
		if (f->has_value) {
			any = 1;
			lo = fmin(lo, f->value);
			hi = fmax(hi, f->value);
		}
		if (f->has_target) {
			lo = fmin(lo, f->target);
			hi = fmax(hi, f->target);
		}
	}
	if (!any)
		return 0;
	snprintf(key, sizeof key, "%lld", in->id);
	if ((c = add_chart(cs, CH_TREND, key, 800, 440)) == NULL)
		return -1;
	c->idx = k;
	c->png = 1;
	snprintf(c->base, sizeof c->base, "trend-%lld", in->id);
	snprintf(c->title, sizeof c->title, "%s", in->name);
	snprintf(c->caption, sizeof c->caption,
		 "Giá trị toàn thành phố của chỉ tiêu \"%s\" trong %d kỳ đến %s (đường liền, %s) so với "
		 "mục tiêu (đường nét đứt).", in->name, d->nper, d->per[0].label, ind_uom(in));
	c->nrows = d->nper;
	c->xmin = -0.5;
	c->xmax = d->nper - 0.5;
	c->ymin = lo < 0 ? lo * 1.15 : 0;
	if (hi <= 0)
		hi = 1;
	c->ymax = hi * 1.2;
	if (in->pct && hi <= 100)
		c->ymax = fmin(hi * 1.2, 112);
	c->lm = 10;
	c->series = series;

	buf_init(&t);
	buf_init(&csv);
	snprintf(sub, sizeof sub, "Toàn thành phố · %s · %d kỳ đến %s", ind_uom(in), d->nper,
		 d->per[0].label);
	c->nlines = title_block(&t, in->name, sub, 72);   /* fits a quarter page of the pack */
	snprintf(head, sizeof head, "Giá trị (%s)", ind_uom(in));
	buf_adds(&t, "Kỳ\t");
	field(&t, head);
	field(&t, "Mục tiêu");
	field(&t, "nhãn");
	endrow(&t);
	csv_start(&csv);
	csv_text(&csv, "Kỳ báo cáo", 1);
	csv_text(&csv, head, 0);
	csv_text(&csv, "Mục tiêu", 0);
	csv_text(&csv, "Tiến độ (%)", 0);
	csv_text(&csv, "Đánh giá", 0);
	csv_text(&csv, "Số đơn vị báo cáo", 0);
	csv_text(&csv, "Số đơn vị được giao", 0);
	csv_text(&csv, "Tỷ lệ đầy đủ (%)", 0);
	csv_end_row(&csv);
	for (int w = d->nper - 1; w >= 0; w--) {
		const struct fig *f = &in->city[w];
		int has = in->has_city[w];
		char shown[96], v[64];

		field(&t, d->per[w].label);
		numf(&t, f->value, has && f->has_value);
		numf(&t, f->target, has && f->has_target);
		if (has && f->has_value)
			fmt_value(in, f->value, shown, sizeof shown);
		else
			snprintf(shown, sizeof shown, "-");
		field(&t, shown);
		endrow(&t);

		csv_text(&csv, d->per[w].label, 1);
		csv_value(in, has ? f->value_s : NULL, v, sizeof v);
		csv_raw(&csv, v, 0);
		csv_value(in, has ? f->target_s : NULL, v, sizeof v);
		csv_raw(&csv, v, 0);
		csv_num(&csv, f->progress * 100, has && f->has_progress, 1);
		csv_text(&csv, has ? mark_vi(mark_of(d, f)) : mark_vi("no_data"), 0);
		if (has) {
			csv_int(&csv, f->reporting);
			csv_int(&csv, f->asked);
		} else {
			csv_raw(&csv, "", 0);
			csv_raw(&csv, "", 0);
		}
		csv_num(&csv, f->completeness * 100, has && f->has_completeness, 1);
		csv_end_row(&csv);
	}
	/* block 2: the target as steps, level over each period, a gap where none */
	buf_adds(&t, "\n\nx\tMục tiêu\n");
	for (int w = d->nper - 1; w >= 0; w--) {
		const struct fig *f = &in->city[w];
		int x = d->nper - 1 - w;
		if (in->has_city[w] && f->has_target)
			buf_printf(&t, "%g\t%.10g\n%g\t%.10g\n", x - 0.5, f->target, x + 0.5,
				   f->target);
		else
			buf_adds(&t, "\n");
	}
	rc = write_pair(o, c, &t, &csv);
	buf_free(&t);
	buf_free(&csv);
	return rc;
}

/* ---- units compared ------------------------------------------------- */

struct urow {
	int u;
	const struct fig *f;
};

static const struct pdata *sort_d;
static int dir_down;

/* figures first, best first (highest, or lowest when lower is better), then by name */
static int cmp_urow(const void *a, const void *b)
{
	const struct urow *x = a, *y = b;
	int hx = x->f && x->f->has_value, hy = y->f && y->f->has_value;

	if (hx != hy)
		return hy - hx;
	if (hx && x->f->value != y->f->value) {
		int less = x->f->value < y->f->value;
		return dir_down ? (less ? -1 : 1) : (less ? 1 : -1);
	}
	return strcmp(sort_d->unit[x->u].name, sort_d->unit[y->u].name);
}

static int build_units(const struct pdata *d, int k, int kd, struct outset *o, struct charts *cs,
		       struct urow *rows)
{
	const struct indicator *in = &d->ind[k];
	double lo = 0, hi = 0;
	int n = 0, any = 0, rc;
	size_t maxc = 0;
	struct buf t, csv;
	struct chart *c;
	char key[48], sub[512], title[1024];
	unsigned series = 0;

	for (int i = 0; i < d->nuv; i++)
		if (d->uv[i].ind == k && d->unit[d->uv[i].unit].kind == kd)
			rows[n++] = (struct urow){d->uv[i].unit, &d->uv[i].f};
	/* units asked for it that have no figure at all */
	if (d->asked[((size_t)0 * NKINDS + (size_t)kd) * (size_t)d->nind + (size_t)k])
		for (int u = 0; u < d->nunit; u++) {
			int found = 0;
			if (!d->unit[u].asked || d->unit[u].kind != kd)
				continue;
			for (int i = 0; i < n && !found; i++)
				found = rows[i].u == u;
			if (!found)
				rows[n++] = (struct urow){u, NULL};
		}
	for (int i = 0; i < n; i++)
		if (rows[i].f && rows[i].f->has_value)
			any = 1;
	if (!any)
		return 0;
	dir_down = strcmp(in->direction, "down") == 0;
	sort_d = d;
	qsort(rows, (size_t)n, sizeof *rows, cmp_urow);
	for (int i = 0; i < n; i++) {
		const struct fig *f = rows[i].f;
		size_t ch = tick_chars(d->unit[rows[i].u].name);
		maxc = ch > maxc ? ch : maxc;
		if (f && f->has_value) {
			lo = fmin(lo, f->value);
			hi = fmax(hi, f->value);
		}
		if (f && f->has_target)
			hi = fmax(hi, f->target);
	}
	snprintf(key, sizeof key, "%lld-%s", in->id, kind_code[kd]);
	if ((c = add_chart(cs, CH_UNITS, key, 820, 160 + 22 * n)) == NULL)
		return -1;
	c->idx = k;
	snprintf(c->base, sizeof c->base, "units-%lld-%s", in->id, kind_code[kd]);
	snprintf(title, sizeof title, "%s", in->name);
	snprintf(c->title, sizeof c->title, "%s — %s", in->name, kind_plural[kd]);
	snprintf(c->caption, sizeof c->caption,
		 "%s: giá trị của từng đơn vị về chỉ tiêu \"%s\" kỳ %s (%s), xếp từ tốt nhất đến kém "
		 "nhất; vạch đậm là mục tiêu của đơn vị; đơn vị chưa báo cáo ghi ở cuối.",
		 kind_plural[kd], in->name, d->per[0].label, ind_uom(in));
	c->nrows = n;
	if (hi <= lo)
		hi = lo + 1;
	c->xmin = lo < 0 ? lo - (hi - lo) * 0.05 : 0;
	c->xmax = hi + (hi - c->xmin) * 0.3;
	c->ymin = -0.6;
	c->ymax = n - 0.4;
	c->lm = margin_for(maxc);

	buf_init(&t);
	buf_init(&csv);
	snprintf(sub, sizeof sub, "%s · %s · %s", kind_plural[kd], d->per[0].label, ind_uom(in));
	c->nlines = title_block(&t, title, sub, c->w / 9);
	buf_adds(&t, "y\tĐơn vị\tĐạt hoặc đúng tiến độ\tChậm tiến độ\tChưa có mục tiêu\tMục tiêu\tx\tnhãn\n");
	csv_start(&csv);
	csv_text(&csv, "Mã đơn vị", 1);
	csv_text(&csv, "Đơn vị", 0);
	csv_text(&csv, "Giá trị", 0);
	csv_text(&csv, "Mục tiêu", 0);
	csv_text(&csv, "Tiến độ (%)", 0);
	csv_text(&csv, "Đánh giá", 0);
	csv_end_row(&csv);
	for (int i = 0; i < n; i++) {
		const struct fig *f = rows[i].f;
		const struct unit *u = &d->unit[rows[i].u];
		const char *mark = f ? mark_of(d, f) : "no_data";
		int good = strcmp(mark, "met") == 0 || strcmp(mark, "on_track") == 0;
		int behind = strcmp(mark, "behind") == 0, nt = strcmp(mark, "no_target") == 0;
		double v = f && f->has_value ? f->value : NAN;
		char shown[96], tmp[64];

		buf_printf(&t, "%d\t", n - 1 - i);
		gp_text_cut(&t, u->name, TICK_CHARS);
		buf_adds(&t, "\t");
		numf(&t, v, good);
		numf(&t, v, behind);
		numf(&t, v, nt);
		numf(&t, f ? f->target : 0, f && f->has_target);
		numf(&t, f && f->has_value ? fmax(v, 0) : 0, 1);
		if (f && f->has_value)
			fmt_unit_value(in, f->value, shown, sizeof shown);
		else
			snprintf(shown, sizeof shown, "chưa báo cáo");
		field(&t, shown);
		endrow(&t);
		series |= (good ? SB_GOOD : 0) | (behind ? SB_BEHIND : 0) | (nt ? SB_NOTARGET : 0) |
			  (f && f->has_target ? SB_TARGET : 0);

		csv_text(&csv, u->code, 1);
		csv_text(&csv, u->name, 0);
		csv_value(in, f ? f->value_s : NULL, tmp, sizeof tmp);
		csv_raw(&csv, tmp, 0);
		csv_value(in, f ? f->target_s : NULL, tmp, sizeof tmp);
		csv_raw(&csv, tmp, 0);
		csv_num(&csv, f ? f->progress * 100 : 0, f && f->has_progress, 1);
		csv_text(&csv, mark_vi(mark), 0);
		csv_end_row(&csv);
	}
	c->series = series;
	rc = write_pair(o, c, &t, &csv);
	buf_free(&t);
	buf_free(&csv);
	return rc;
}

/* ---- status heatmap --------------------------------------------------- */

static int cmp_unit_display(const void *a, const void *b)
{
	const struct unit *x = &sort_d->unit[*(const int *)a], *y = &sort_d->unit[*(const int *)b];
	int c;

	if (x->kind != y->kind)
		return x->kind - y->kind;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return strcmp(x->code, y->code);
}

static int cmp_uv(const void *a, const void *b)
{
	const struct uval *x = &sort_d->uv[*(const int *)a], *y = &sort_d->uv[*(const int *)b];

	if (x->unit != y->unit)
		return x->unit - y->unit;
	return x->ind - y->ind;
}

/* The units asked this period or with figures in it, in display order. */
static int units_shown(const struct pdata *d, int *idx)
{
	unsigned char *has = calloc((size_t)d->nunit + 1, 1);
	int n = 0;

	for (int i = 0; has != NULL && i < d->nuv; i++)
		has[d->uv[i].unit] = 1;
	for (int u = 0; u < d->nunit; u++)
		if (d->unit[u].asked || (has != NULL && has[u]))
			idx[n++] = u;
	free(has);
	sort_d = d;
	qsort(idx, (size_t)n, sizeof *idx, cmp_unit_display);
	return n;
}

/* The units asked this period, in display order (kind, then name). */
static int asked_units(const struct pdata *d, int *idx)
{
	int n = 0;

	for (int u = 0; u < d->nunit; u++)
		if (d->unit[u].asked)
			idx[n++] = u;
	sort_d = d;
	qsort(idx, (size_t)n, sizeof *idx, cmp_unit_display);
	return n;
}

static void status_text(const struct unit *u, int w, char *out, size_t n)
{
	char date[16];

	date_iso_to_vn(u->submitted[w], date, sizeof date);
	switch (u->status[w]) {
	case S_ONTIME:
		snprintf(out, n, "Đúng hạn%s%s%s", *date ? " (" : "", date, *date ? ")" : "");
		break;
	case S_LATE:
		snprintf(out, n, "Muộn %d ngày (%s)", u->days_late[w], date);
		break;
	case S_MISSING:
		snprintf(out, n, "%s", u->raw_status[w] == NULL ? "Chưa nộp"
				       : strcmp(u->raw_status[w], "draft") == 0 ? "Chưa nộp (bản nháp)"
				       : "Chưa nộp (bị trả lại)");
		break;
	case S_PENDING:
		snprintf(out, n, "Chưa đến hạn");
		break;
	default:
		snprintf(out, n, "Không áp dụng");
	}
}

static int build_status(const struct pdata *d, struct outset *o, struct charts *cs, int *idx)
{
	int n = asked_units(d, idx), rc;
	size_t maxc = 0;
	struct buf t, csv;
	struct chart *c;
	char sub[256];
	unsigned series = 0;

	if (n == 0)
		return 0;
	for (int i = 0; i < n; i++) {
		size_t ch = tick_chars(d->unit[idx[i]].name);
		maxc = ch > maxc ? ch : maxc;
	}
	if ((c = add_chart(cs, CH_STATUS, "status", 0, 180 + 20 * n)) == NULL)
		return -1;
	c->png = 1;
	c->lm = margin_for(maxc);
	c->w = (int)(c->lm * 7.5) + 95 * d->nper + 60;
	if (c->w < 700)
		c->w = 700;
	snprintf(c->base, sizeof c->base, "status");
	snprintf(c->title, sizeof c->title, "Tình hình nộp báo cáo");
	snprintf(c->caption, sizeof c->caption,
		 "Tình hình nộp báo cáo của %d đơn vị trong %d kỳ đến %s: đúng hạn (✓), nộp muộn (+ số "
		 "ngày muộn), chưa nộp (✗), chưa đến hạn (…); ô trống: đơn vị chưa thành lập, đã sáp nhập "
		 "hoặc không thuộc diện báo cáo kỳ đó.", n, d->nper, d->per[0].label);
	c->nrows = n;
	c->xmin = -0.5;
	c->xmax = d->nper - 0.5;
	c->ymin = -0.5;
	c->ymax = n - 0.5;

	buf_init(&t);
	buf_init(&csv);
	snprintf(sub, sizeof sub, "%d đơn vị · %d kỳ đến %s · số liệu ngày %s", n, d->nper,
		 d->per[0].label, d->today_vn);
	c->nlines = title_block(&t, c->title, sub, c->w / 9);
	buf_adds(&t, "x\tKỳ\n");
	for (int w = d->nper - 1; w >= 0; w--) {
		buf_printf(&t, "%d\t", d->nper - 1 - w);
		gp_text(&t, d->per[w].label);
		buf_adds(&t, "\n");
	}
	buf_adds(&t, "\n\ny\tĐơn vị\n");
	for (int i = 0; i < n; i++) {
		buf_printf(&t, "%d\t", n - 1 - i);
		gp_text_cut(&t, d->unit[idx[i]].name, TICK_CHARS);
		buf_adds(&t, "\n");
	}
	buf_adds(&t, "\n\nx\ty\tĐúng hạn\tNộp muộn (số ngày)\tChưa nộp\tChưa đến hạn\tnhãn\n");
	csv_start(&csv);
	csv_text(&csv, "Mã đơn vị", 1);
	csv_text(&csv, "Đơn vị", 0);
	csv_text(&csv, "Loại đơn vị", 0);
	for (int w = d->nper - 1; w >= 0; w--)
		csv_text(&csv, d->per[w].label, 0);
	csv_end_row(&csv);
	for (int i = 0; i < n; i++) {
		const struct unit *u = &d->unit[idx[i]];
		int y = n - 1 - i;

		csv_text(&csv, u->code, 1);
		csv_text(&csv, u->name, 0);
		csv_text(&csv, kind_plural[u->kind], 0);
		for (int w = d->nper - 1; w >= 0; w--) {
			int s = u->status[w];
			char text[96];

			status_text(u, w, text, sizeof text);
			csv_text(&csv, s == S_NA ? "" : text, 0);
			if (s == S_NA)
				continue;
			buf_printf(&t, "%d\t%d\t", d->nper - 1 - w, y);
			numf(&t, y, s == S_ONTIME);
			numf(&t, y, s == S_LATE);
			numf(&t, y, s == S_MISSING);
			numf(&t, y, s == S_PENDING);
			if (s == S_ONTIME)
				field(&t, "✓");
			else if (s == S_LATE)
				buf_printf(&t, "+%d\t", u->days_late[w]);
			else if (s == S_MISSING)
				field(&t, "✗");
			else
				field(&t, "…");
			endrow(&t);
			series |= s == S_ONTIME ? SS_ONTIME : s == S_LATE ? SS_LATE
				  : s == S_MISSING ? SS_MISSING : SS_PENDING;
		}
		csv_end_row(&csv);
	}
	c->series = series;
	rc = write_pair(o, c, &t, &csv);
	buf_free(&t);
	buf_free(&csv);
	return rc;
}

/* ---- pillar ------------------------------------------------------------ */

#define PROGRESS_CAP 150.0

static void progress_label(const struct indicator *in, const struct fig *f, const char *mark,
			   char *out, size_t n)
{
	char v[96], tg[96], p[32];

	if (!f->has_value) {
		snprintf(out, n, "chưa có số liệu");
		return;
	}
	fmt_value(in, f->value, v, sizeof v);
	if (strcmp(mark, "no_target") == 0) {
		snprintf(out, n, "chưa có mục tiêu (%s)", v);
		return;
	}
	fmt_value(in, f->target, tg, sizeof tg);
	fmt_num(f->progress * 100, 0, p, sizeof p);
	snprintf(out, n, "%s %% (%s / %s)", p, v, tg);
}

static int build_pillar(const struct pdata *d, int p, struct outset *o, struct charts *cs)
{
	const struct pillar *pl = &d->pil[p];
	int n = 0, rc, row;
	size_t maxc = 0;
	double hi = 100;
	struct buf t, csv;
	struct chart *c;
	char sub[256];
	unsigned series = SB_TARGET;

	for (int k = 0; k < d->nind; k++)
		if (d->ind[k].pillar_idx == p && d->ind[k].has_city[0]) {
			size_t ch = tick_chars(d->ind[k].name);
			const struct fig *f = &d->ind[k].city[0];
			maxc = ch > maxc ? ch : maxc;
			if (f->has_progress && f->has_target)
				hi = fmax(hi, fmin(f->progress * 100, PROGRESS_CAP));
			n++;
		}
	if (n == 0)
		return 0;
	if ((c = add_chart(cs, CH_PILLAR, pl->file_code, 900, 170 + 30 * n)) == NULL)
		return -1;
	c->idx = p;
	c->png = 1;
	snprintf(c->key, sizeof c->key, "%s", pl->code);
	snprintf(c->base, sizeof c->base, "pillar-%s", pl->file_code);
	snprintf(c->title, sizeof c->title, "%s", pl->name);
	snprintf(c->caption, sizeof c->caption,
		 "Lĩnh vực %s: tiến độ của thành phố so với mục tiêu trên từng chỉ tiêu kỳ %s (100 %% = "
		 "đạt mục tiêu; thanh dài hơn %.0f %% được cắt ở %.0f %%).", pl->name, d->per[0].label,
		 PROGRESS_CAP, PROGRESS_CAP);
	c->nrows = n;
	c->xmin = 0;
	c->xmax = hi + 75;
	c->ymin = -0.6;
	c->ymax = n - 0.4;
	c->lm = margin_for(maxc);

	buf_init(&t);
	buf_init(&csv);
	snprintf(sub, sizeof sub, "Tiến độ toàn thành phố so với mục tiêu (100 %% = đạt) · %s",
		 d->per[0].label);
	c->nlines = title_block(&t, pl->name, sub, c->w / 9);
	buf_adds(&t, "y\tChỉ tiêu\tĐạt hoặc đúng tiến độ\tChậm tiến độ\tx\tnhãn\n");
	csv_start(&csv);
	csv_text(&csv, "Mã chỉ tiêu", 1);
	csv_text(&csv, "Chỉ tiêu", 0);
	csv_text(&csv, "Đơn vị tính", 0);
	csv_text(&csv, "Giá trị", 0);
	csv_text(&csv, "Mục tiêu", 0);
	csv_text(&csv, "Tiến độ (%)", 0);
	csv_text(&csv, "Đánh giá", 0);
	csv_text(&csv, "Số đơn vị báo cáo", 0);
	csv_text(&csv, "Số đơn vị được giao", 0);
	csv_end_row(&csv);
	row = 0;
	for (int k = 0; k < d->nind; k++) {
		const struct indicator *in = &d->ind[k];
		const struct fig *f = &in->city[0];
		const char *mark;
		int good, behind;
		double pr;
		char label[256], tmp[64];

		if (in->pillar_idx != p || !in->has_city[0])
			continue;
		mark = mark_of(d, f);
		good = strcmp(mark, "met") == 0 || strcmp(mark, "on_track") == 0;
		behind = strcmp(mark, "behind") == 0;
		pr = fmax(0, fmin(f->progress * 100, PROGRESS_CAP));
		buf_printf(&t, "%d\t", n - 1 - row++);
		gp_text_cut(&t, in->name, TICK_CHARS);
		buf_adds(&t, "\t");
		numf(&t, pr, good);
		numf(&t, pr, behind);
		numf(&t, good || behind ? pr : 0, 1);
		progress_label(in, f, mark, label, sizeof label);
		field(&t, label);
		endrow(&t);
		series |= (good ? SB_GOOD : 0) | (behind ? SB_BEHIND : 0);

		csv_text(&csv, in->code, 1);
		csv_text(&csv, in->name, 0);
		csv_text(&csv, ind_uom(in), 0);
		csv_value(in, f->value_s, tmp, sizeof tmp);
		csv_raw(&csv, tmp, 0);
		csv_value(in, f->target_s, tmp, sizeof tmp);
		csv_raw(&csv, tmp, 0);
		csv_num(&csv, f->progress * 100, f->has_progress, 1);
		csv_text(&csv, mark_vi(mark), 0);
		csv_int(&csv, f->reporting);
		csv_int(&csv, f->asked);
		csv_end_row(&csv);
	}
	buf_printf(&t, "\n\nx\ty\tMục tiêu (100 %%)\n100\t-0.6\n100\t%d.4\n", n - 1);
	c->series = series;
	rc = write_pair(o, c, &t, &csv);
	buf_free(&t);
	buf_free(&csv);
	return rc;
}

/* ---- one unit ------------------------------------------------------------ */

/* rows: the unit's figures (indexes into d->uv) in the indicators' order */
static int build_unit(const struct pdata *d, int u, struct outset *o, struct charts *cs, const int *rows,
		      int nall)
{
	const struct unit *un = &d->unit[u];
	int n = 0, rc;
	size_t maxc = 0;
	double hi = 100;
	struct buf t, csv;
	struct chart *c;
	char key[32], sub[512];
	unsigned series = SB_TARGET;

	for (int i = 0; i < nall; i++) {
		int k = d->uv[rows[i]].ind;
		const struct fig *f = &d->uv[rows[i]].f, *cf = &d->ind[k].city[0];
		int has_c = d->ind[k].has_city[0] && cf->has_progress && cf->has_target;
		if (!(f->has_value && f->has_progress && f->has_target) && !has_c)
			continue;
		n++;
		maxc = tick_chars(d->ind[k].name) > maxc ? tick_chars(d->ind[k].name) : maxc;
		if (f->has_progress)
			hi = fmax(hi, fmin(f->progress * 100, PROGRESS_CAP));
		if (has_c)
			hi = fmax(hi, fmin(cf->progress * 100, PROGRESS_CAP));
	}
	if (n == 0)
		return 0;
	snprintf(key, sizeof key, "%lld", un->id);
	if ((c = add_chart(cs, CH_UNIT, key, 900, 170 + 36 * n)) == NULL)
		return -1;
	c->idx = u;
	snprintf(c->base, sizeof c->base, "unit-%lld", un->id);
	snprintf(c->title, sizeof c->title, "%s", un->name);
	snprintf(c->caption, sizeof c->caption,
		 "%s: tiến độ so với mục tiêu trên từng chỉ tiêu kỳ %s (thanh trên), bên cạnh tiến độ "
		 "của toàn thành phố (thanh dưới, màu xám); 100 %% = đạt mục tiêu.", un->name,
		 d->per[0].label);
	c->nrows = n;
	c->xmin = 0;
	c->xmax = hi + 70;
	c->ymin = -0.6;
	c->ymax = n - 0.4;
	c->lm = margin_for(maxc);

	buf_init(&t);
	buf_init(&csv);
	snprintf(sub, sizeof sub, "%s · tiến độ so với mục tiêu, so với toàn thành phố · %s",
		 kind_plural[un->kind], d->per[0].label);
	c->nlines = title_block(&t, un->name, sub, c->w / 9);
	buf_adds(&t, "y\tChỉ tiêu\tĐơn vị: đạt hoặc đúng tiến độ\tĐơn vị: chậm tiến độ\t"
		     "Toàn thành phố\tx\tnhãn\n");
	csv_start(&csv);
	csv_text(&csv, "Mã chỉ tiêu", 1);
	csv_text(&csv, "Chỉ tiêu", 0);
	csv_text(&csv, "Đơn vị tính", 0);
	csv_text(&csv, "Giá trị của đơn vị", 0);
	csv_text(&csv, "Mục tiêu của đơn vị", 0);
	csv_text(&csv, "Tiến độ của đơn vị (%)", 0);
	csv_text(&csv, "Đánh giá", 0);
	csv_text(&csv, "Giá trị toàn thành phố", 0);
	csv_text(&csv, "Tiến độ toàn thành phố (%)", 0);
	csv_end_row(&csv);
	for (int i = 0, row = 0; i < nall; i++) {
		const struct fig *f = &d->uv[rows[i]].f;
		const struct indicator *in = &d->ind[d->uv[rows[i]].ind];
		const struct fig *cf = &in->city[0];
		int has_c = in->has_city[0] && cf->has_progress && cf->has_target;
		int has_u = f->has_value && f->has_progress && f->has_target;
		const char *mark = mark_of(d, f);
		int good = strcmp(mark, "met") == 0 || strcmp(mark, "on_track") == 0;
		int behind = strcmp(mark, "behind") == 0;
		double pu = fmax(0, fmin(f->progress * 100, PROGRESS_CAP));
		double pc = fmax(0, fmin(cf->progress * 100, PROGRESS_CAP));
		char label[256], a[32], b[32], tmp[64];

		csv_text(&csv, in->code, 1);
		csv_text(&csv, in->name, 0);
		csv_text(&csv, ind_uom(in), 0);
		csv_value(in, f->value_s, tmp, sizeof tmp);
		csv_raw(&csv, tmp, 0);
		csv_value(in, f->target_s, tmp, sizeof tmp);
		csv_raw(&csv, tmp, 0);
		csv_num(&csv, f->progress * 100, f->has_progress, 1);
		csv_text(&csv, mark_vi(mark), 0);
		csv_value(in, in->has_city[0] ? cf->value_s : NULL, tmp, sizeof tmp);
		csv_raw(&csv, tmp, 0);
		csv_num(&csv, cf->progress * 100, in->has_city[0] && cf->has_progress, 1);
		csv_end_row(&csv);
		if (!has_u && !has_c)
			continue;

		buf_printf(&t, "%d\t", n - 1 - row++);
		gp_text_cut(&t, in->name, TICK_CHARS);
		buf_adds(&t, "\t");
		numf(&t, pu, has_u && good);
		numf(&t, pu, has_u && behind);
		numf(&t, pc, has_c);
		numf(&t, fmax(has_u ? pu : 0, has_c ? pc : 0), 1);
		fmt_num(f->progress * 100, 0, a, sizeof a);
		fmt_num(cf->progress * 100, 0, b, sizeof b);
		if (!f->has_value)
			snprintf(label, sizeof label, "đơn vị chưa báo cáo · TP %s %%", b);
		else if (!has_u)
			snprintf(label, sizeof label, "đơn vị chưa có mục tiêu · TP %s %%", b);
		else if (!has_c)
			snprintf(label, sizeof label, "đơn vị %s %%", a);
		else
			snprintf(label, sizeof label, "đơn vị %s %% · TP %s %%", a, b);
		field(&t, label);
		endrow(&t);
		series |= (has_u && good ? SB_GOOD : 0) | (has_u && behind ? SB_BEHIND : 0) |
			  (has_c ? SB_CITY : 0);
	}
	buf_printf(&t, "\n\nx\ty\tMục tiêu (100 %%)\n100\t-0.6\n100\t%d.4\n", n - 1);
	c->series = series;
	rc = write_pair(o, c, &t, &csv);
	buf_free(&t);
	buf_free(&csv);
	return rc;
}

/* ---- ranking ------------------------------------------------------------- */

static int cmp_rank(const void *a, const void *b)
{
	const struct unit *x = &sort_d->unit[*(const int *)a], *y = &sort_d->unit[*(const int *)b];
	int rx = x->rank > 0 ? x->rank : 1 << 30, ry = y->rank > 0 ? y->rank : 1 << 30;

	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int build_ranking(const struct pdata *d, int kd, struct outset *o, struct charts *cs, int *idx)
{
	int n = 0, rc;
	size_t maxc = 0;
	double hi = 0;
	struct buf t, csv;
	struct chart *c;
	char sub[256], title[256];

	for (int u = 0; u < d->nunit; u++)
		if (d->unit[u].kind == kd && d->unit[u].has_score)
			idx[n++] = u;
	if (n == 0)
		return 0;
	sort_d = d;
	qsort(idx, (size_t)n, sizeof *idx, cmp_rank);
	for (int i = 0; i < n; i++) {
		size_t ch = tick_chars(d->unit[idx[i]].name) + 4;
		maxc = ch > maxc ? ch : maxc;
		hi = fmax(hi, d->unit[idx[i]].score);
	}
	if ((c = add_chart(cs, CH_RANKING, kind_code[kd], 820, 160 + 22 * n)) == NULL)
		return -1;
	c->idx = kd;
	c->png = 1;
	snprintf(c->base, sizeof c->base, "ranking-%s", kind_code[kd]);
	snprintf(title, sizeof title, "Xếp hạng: %s", kind_plural[kd]);
	snprintf(c->title, sizeof c->title, "%s", title);
	snprintf(c->caption, sizeof c->caption,
		 "%s xếp hạng theo điểm tổng hợp kỳ %s (điểm và hạng do chương trình tổng hợp tính).",
		 kind_plural[kd], d->per[0].label);
	c->nrows = n;
	/* scores are 0-100 (egov-aggregate) */
	c->xmin = 0;
	c->xmax = fmax(hi, 100) * 1.12;
	c->ymin = -0.6;
	c->ymax = n - 0.4;
	c->lm = margin_for(maxc);
	c->series = SB_GOOD;

	buf_init(&t);
	buf_init(&csv);
	snprintf(sub, sizeof sub, "Điểm tổng hợp của %d đơn vị · %s", n, d->per[0].label);
	c->nlines = title_block(&t, title, sub, c->w / 9);
	buf_adds(&t, "y\tĐơn vị\tĐiểm tổng hợp\tx\tnhãn\n");
	csv_start(&csv);
	csv_text(&csv, "Hạng", 1);
	csv_text(&csv, "Mã đơn vị", 0);
	csv_text(&csv, "Đơn vị", 0);
	csv_text(&csv, "Điểm", 0);
	csv_text(&csv, "Số chỉ tiêu", 0);
	csv_end_row(&csv);
	for (int i = 0; i < n; i++) {
		const struct unit *u = &d->unit[idx[i]];
		char name[600], s[32], rank[16];

		if (u->rank > 0)
			snprintf(rank, sizeof rank, "%d", u->rank);
		else
			rank[0] = '\0';
		snprintf(name, sizeof name, "%s%s%s", rank, *rank ? ". " : "", u->name);
		buf_printf(&t, "%d\t", n - 1 - i);
		gp_text_cut(&t, name, TICK_CHARS + 4);
		buf_adds(&t, "\t");
		numf(&t, u->score, 1);
		numf(&t, fmax(u->score, 0), 1);
		fmt_num(u->score, 1, s, sizeof s);
		field(&t, s);
		endrow(&t);

		csv_raw(&csv, rank, 1);
		csv_text(&csv, u->code, 0);
		csv_text(&csv, u->name, 0);
		csv_num(&csv, u->score, 1, 4);
		csv_int(&csv, u->score_n);
		csv_end_row(&csv);
	}
	rc = write_pair(o, c, &t, &csv);
	buf_free(&t);
	buf_free(&csv);
	return rc;
}

int plots_build(const struct pdata *d, struct outset *o, struct charts *cs)
{
	int cap = d->nunit + d->nuv + d->nind + 8;
	struct urow *rows = calloc((size_t)cap, sizeof *rows);
	int *idx = calloc((size_t)cap, sizeof *idx), *tmp = calloc((size_t)cap, sizeof *tmp);
	int rc = -1;

	if (rows == NULL || idx == NULL || tmp == NULL)
		goto out;
	if (build_status(d, o, cs, idx) != 0)
		goto out;
	for (int p = 0; p < d->npil; p++)
		if (build_pillar(d, p, o, cs) != 0)
			goto out;
	for (int k = 0; k < d->nind; k++)
		if (build_trend(d, k, o, cs) != 0)
			goto out;
	for (int k = 0; k < d->nind; k++)
		for (int kd = 0; kd < NKINDS; kd++)
			if (build_units(d, k, kd, o, cs, rows) != 0)
				goto out;
	/* a unit's figures together, in the indicators' order (d->ind is in
	 * display order), then a chart for each unit asked or with figures */
	for (int i = 0; i < d->nuv; i++)
		tmp[i] = i;
	sort_d = d;
	qsort(tmp, (size_t)d->nuv, sizeof *tmp, cmp_uv);
	for (int i = 0, n = units_shown(d, idx); i < n; i++) {
		int lo = 0, hi = d->nuv;
		while (lo < hi) {          /* the first figure of the unit */
			int mid = lo + (hi - lo) / 2;
			if (d->uv[tmp[mid]].unit < idx[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		for (hi = lo; hi < d->nuv && d->uv[tmp[hi]].unit == idx[i]; hi++)
			;
		if (build_unit(d, idx[i], o, cs, tmp + lo, hi - lo) != 0)
			goto out;
	}
	for (int kd = 0; kd < NKINDS; kd++)
		if (build_ranking(d, kd, o, cs, idx) != 0)
			goto out;
	rc = o->failed ? -1 : 0;
out:
	free(rows);
	free(idx);
	free(tmp);
	return rc;
}

/* ---- gnuplot commands ------------------------------------------------------ */

static const char *g_panel;   /* where a chart goes on a briefing page */

void gp_prologue(struct buf *gp)
{
	buf_adds(gp, "reset\n"
		     "set encoding utf8\n"
		     "set datafile separator \"\\t\"\n"
		     "set datafile commentschars \"\"\n"
		     "set key autotitle columnhead\n"
		     "set decimalsign ','\n"
		     "set x2range [0:1]\n"
		     "set y2range [0:1]\n"
		     "unset x2tics\n"
		     "unset y2tics\n"
		     "set border lc rgb '#555555'\n");
	if (g_panel != NULL)
		buf_adds(gp, g_panel);
}

void gp_title(struct buf *gp, const struct chart *c, int fs)
{
	for (int j = 0; j < c->nlines; j++) {
		int sub = j == c->nlines - 1;
		buf_printf(gp, ", \\\n  '%s.tsv' index 0 every ::%d::%d using (0):(1):1 axes x2y2 with labels "
			   "left offset %.2f,%.2f font \",%d\" tc rgb '%s' notitle",
			   c->base, j, j, -(c->lm - 1.5), (c->nlines - j) * 1.3 + (sub ? 0.2 : 0.4),
			   sub ? fs : fs + 2, sub ? "#444444" : C_BLACK);
	}
	buf_adds(gp, "\n");
}

static void margins(struct buf *gp, const struct chart *c, int key_below)
{
	buf_printf(gp, "set lmargin %.1f\nset rmargin 3\nset tmargin %.1f\nset bmargin %d\n", c->lm,
		   c->nlines * 1.3 + 1.6, key_below ? 5 : 2);
}

static void body_trend(struct buf *gp, const struct chart *c, int fs)
{
	gp_prologue(gp);
	margins(gp, c, 1);
	buf_printf(gp, "set xrange [%g:%g]\nset yrange [%g:%g]\n", c->xmin, c->xmax, c->ymin, c->ymax);
	buf_printf(gp, "set xtics scale 0 nomirror font \",%d\"\nset ytics nomirror\nset border 3\n"
		       "set grid ytics lc rgb '%s' lt 1\n"
		       "set key below center horizontal samplen 3 font \",%d\"\n", fs - 1, C_LIGHT, fs);
	buf_printf(gp, "plot '%s.tsv' index 1 using 0:2:xtic(1) with linespoints lw 2.5 pt 7 ps 1.3 "
		       "lc rgb '%s' title columnhead(2)", c->base, C_BLUE);
	/* the target as steps (it changes with the year), dashed, with squares */
	if (c->series & SB_TARGET)
		buf_printf(gp, ", \\\n  '' index 2 using 1:2 with lines lw 2 dt 2 lc rgb '%s' "
			       "title columnhead(2), \\\n"
			       "  '' index 1 using 0:3 with points pt 4 ps 1.1 lc rgb '%s' notitle",
			   C_VERMILLION, C_VERMILLION);
	buf_printf(gp, ", \\\n  '' index 1 using 0:2:4 with labels offset 0,1.1 font \",%d\" "
		       "tc rgb '%s' notitle", fs - 1, C_BLACK);
	gp_title(gp, c, fs);
}

static void bar_setup(struct buf *gp, const struct chart *c, int fs)
{
	gp_prologue(gp);
	margins(gp, c, 1);
	buf_printf(gp, "set xrange [%g:%g]\nset yrange [%g:%g]\n", c->xmin, c->xmax, c->ymin, c->ymax);
	buf_printf(gp, "set ytics scale 0 nomirror font \",%d\"\nset xtics nomirror\nset border 1\n"
		       "set grid xtics lc rgb '%s' lt 1\n"
		       "set style textbox opaque noborder\n"
		       "set key below center horizontal samplen 2 font \",%d\"\n", fs - 1, C_LIGHT, fs);
}

/* A bar series from column col (NaN where it does not apply). */
static void bar(struct buf *gp, int block, int col, double y_off, double half, const char *fill,
		const char *colour)
{
	/* the colour before the fill style: "fs ... border lc" would colour the border only */
	buf_printf(gp, ", \\\n  '' index %d using ($%d/2):($1%+.2f):(abs($%d)/2):(%.2f) with boxxyerror "
		   "lc rgb '%s' fs %s title columnhead(%d)",
		   block, col, y_off, col, half, colour, fill, col);
}

static void body_units(struct buf *gp, const struct chart *c, int fs)
{
	bar_setup(gp, c, fs);
	/* the names, from a series outside the range */
	buf_printf(gp, "plot '%s.tsv' index 1 using (%g):1:ytic(2) with dots notitle", c->base,
		   c->xmin - 1e6);
	if (c->series & SB_GOOD)
		bar(gp, 1, 3, 0, 0.36, "solid 1.0 noborder", C_BLUE);
	if (c->series & SB_BEHIND)
		bar(gp, 1, 4, 0, 0.36, "pattern 4 border", C_ORANGE);
	if (c->series & SB_NOTARGET)
		bar(gp, 1, 5, 0, 0.36, "solid 0.45 border", C_GREY);
	if (c->series & SB_TARGET)
		buf_printf(gp, ", \\\n  '' index 1 using 6:($1-0.46):(0):(0.92) with vectors nohead "
			       "lw 3 lc rgb '%s' title columnhead(6)", C_VERMILLION);
	buf_printf(gp, ", \\\n  '' index 1 using 7:1:8 with labels boxed left offset 0.6,0 font \",%d\" "
		       "tc rgb '%s' notitle", fs - 1, C_BLACK);
	gp_title(gp, c, fs);
}

/* Progress charts (pillar, unit): bars of progress against target on a
 * 0..PROGRESS_CAP % axis, the target line, then value labels from column lab. */
static void progress_begin(struct buf *gp, const struct chart *c, int fs)
{
	bar_setup(gp, c, fs);
	buf_printf(gp, "set xtics 0,25,%g\nset format x \"%%g %%%%\"\n", PROGRESS_CAP);
	buf_printf(gp, "plot '%s.tsv' index 1 using (%g):1:ytic(2) with dots notitle", c->base,
		   c->xmin - 1e6);
}

static void progress_end(struct buf *gp, const struct chart *c, int fs, int lab)
{
	buf_printf(gp, ", \\\n  '' index 2 using 1:2 with lines lw 2.5 dt 2 lc rgb '%s' "
		       "title columnhead(3)", C_VERMILLION);
	buf_printf(gp, ", \\\n  '' index 1 using %d:1:%d with labels boxed left offset 0.6,0 font \",%d\" "
		       "tc rgb '%s' notitle", lab, lab + 1, fs - 1, C_BLACK);
	gp_title(gp, c, fs);
}

static void body_pillar(struct buf *gp, const struct chart *c, int fs)
{
	progress_begin(gp, c, fs);
	if (c->series & SB_GOOD)
		bar(gp, 1, 3, 0, 0.34, "solid 1.0 noborder", C_BLUE);
	if (c->series & SB_BEHIND)
		bar(gp, 1, 4, 0, 0.34, "pattern 4 border", C_ORANGE);
	progress_end(gp, c, fs, 5);
}

static void body_unit(struct buf *gp, const struct chart *c, int fs)
{
	progress_begin(gp, c, fs);
	if (c->series & SB_GOOD)
		bar(gp, 1, 3, 0.19, 0.17, "solid 1.0 noborder", C_BLUE);
	if (c->series & SB_BEHIND)
		bar(gp, 1, 4, 0.19, 0.17, "pattern 4 border", C_ORANGE);
	if (c->series & SB_CITY)
		bar(gp, 1, 5, -0.19, 0.17, "solid 0.35 border", C_BLACK);
	progress_end(gp, c, fs, 6);
}

static void body_ranking(struct buf *gp, const struct chart *c, int fs)
{
	bar_setup(gp, c, fs);
	buf_printf(gp, "plot '%s.tsv' index 1 using (%g):1:ytic(2) with dots notitle", c->base,
		   c->xmin - 1e6);
	bar(gp, 1, 3, 0, 0.36, "solid 1.0 noborder", C_BLUE);
	buf_printf(gp, ", \\\n  '' index 1 using 4:1:5 with labels boxed left offset 0.6,0 font \",%d\" "
		       "tc rgb '%s' notitle", fs - 1, C_BLACK);
	gp_title(gp, c, fs);
}

static void body_status(struct buf *gp, const struct chart *c, int fs)
{
	static const struct {
		unsigned bit;
		int col;
		const char *fill, *colour;
	} cat[] = {
		{SS_ONTIME, 3, "solid 1.0 border lc rgb '#FFFFFF'", C_GREEN},
		{SS_LATE, 4, "solid 1.0 border lc rgb '#FFFFFF'", C_ORANGE},
		{SS_MISSING, 5, "solid 1.0 border lc rgb '#FFFFFF'", C_VERMILLION},
		{SS_PENDING, 6, "solid 1.0 border lc rgb '#FFFFFF'", "#EEEEEE"},
	};

	gp_prologue(gp);
	margins(gp, c, 1);
	buf_printf(gp, "set xrange [%g:%g]\nset yrange [%g:%g]\n", c->xmin, c->xmax, c->ymin, c->ymax);
	buf_printf(gp, "set ytics scale 0 nomirror font \",%d\"\nset xtics scale 0 nomirror font \",%d\"\n"
		       "unset border\n"
		       "set key below center horizontal samplen 1.5 font \",%d\"\n", fs - 1, fs - 1, fs);
	buf_printf(gp, "plot '%s.tsv' index 1 using 1:(%g):xtic(2) with dots notitle, \\\n"
		       "  '' index 2 using (%g):1:ytic(2) with dots notitle",
		   c->base, c->ymin - 1e6, c->xmin - 1e6);
	for (size_t i = 0; i < sizeof cat / sizeof cat[0]; i++)
		if (c->series & cat[i].bit)
			buf_printf(gp, ", \\\n  '' index 3 using 1:%d:(0.47):(0.44) with boxxyerror lc rgb '%s' "
				       "fs %s title columnhead(%d)",
				   cat[i].col, cat[i].colour, cat[i].fill, cat[i].col);
	/* missing also hatched, so it differs from on time in black and white */
	if (c->series & SS_MISSING)
		buf_adds(gp, ", \\\n  '' index 3 using 1:5:(0.47):(0.44) with boxxyerror lc rgb '#FFFFFF' "
			     "fs transparent pattern 5 noborder notitle");
	buf_printf(gp, ", \\\n  '' index 3 using 1:2:7 with labels font \",%d\" tc rgb '%s' notitle",
		   fs, C_BLACK);
	gp_title(gp, c, fs);
}

void plot_body(struct buf *gp, const struct chart *c, int fs)
{
	switch (c->kind) {
	case CH_TREND:
		body_trend(gp, c, fs);
		break;
	case CH_UNITS:
		body_units(gp, c, fs);
		break;
	case CH_STATUS:
		body_status(gp, c, fs);
		break;
	case CH_PILLAR:
		body_pillar(gp, c, fs);
		break;
	case CH_UNIT:
		body_unit(gp, c, fs);
		break;
	case CH_RANKING:
		body_ranking(gp, c, fs);
		break;
	default:
		break;
	}
}

void plot_body_at(struct buf *gp, const struct chart *c, int fs, const char *where)
{
	g_panel = where;
	plot_body(gp, c, fs);
	g_panel = NULL;
}
