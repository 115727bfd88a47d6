/* The per-index export: one version of a national index (DTI, PAR, ICT) for
 * one period, in the columns of an official criteria table.
 *
 * The content is built once in memory as sheets of cells (index-sheets.h)
 * and then written as XLSX, as CSV files zipped, or as JSON (index-write.c),
 * so the three never disagree.
 * Its size is bounded by the reference data (criteria x units of a kind,
 * a few tens of thousands of rows), not by the figures' history, so unlike
 * the raw export it need not stream.
 *
 * Values: our indicator's aggregated value (agg_value, city or unit scope)
 * converted into the criterion's terms as value x factor + offset, computed
 * by MariaDB in DECIMAL, so nothing passes through a double; the text is
 * only trimmed of trailing zeros.  Several indicators behind one criterion
 * give one row each: the conversion is the mapping's, no formula is
 * invented.  A criterion without children and without indicators is a gap
 * row, never left out.
 *
 * A year stands for the year's last quarter with aggregated data: the
 * figures of a year are cumulative by the end of its last quarter, and an
 * unaggregated quarter would export as empty.
 * Statements: version, period by id, period by year, last run, criteria,
 * city values, unit values, source units, evidence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/audit.h"
#include "../lib/buf.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/log.h"
#include "../lib/period.h"
#include "../lib/text.h"
#include "export.h"
#include "exportfile.h"
#include "index-sheets.h"

enum { IS_VERSION, IS_PERIOD, IS_YEAR, IS_RUN, IS_CRIT, IS_MAP, IS_UNITS, IS_SOURCES, IS_EVIDENCE };

#define MAPPED "(SELECT ci.indicator_id FROM criterion_indicator ci " \
	"JOIN index_criterion c ON c.id = ci.criterion_id WHERE c.version_id = ? AND c.active = 1)"
#define PERIOD_COLS "p.id, p.kind, p.year, p.seq, DATE_FORMAT(p.cutoff_start, '%d/%m/%Y'), " \
	"DATE_FORMAT(p.cutoff_end, '%d/%m/%Y') "

static const char *const sql[] = {
	/* IS_VERSION */
	"SELECT v.id, v.code, v.name, COALESCE(v.decision, ''), v.year_from, COALESCE(v.year_to, 0), "
	"v.verified, n.code, n.name, n.name_en FROM index_version v JOIN nat_index n ON n.code = v.index_code "
	"WHERE v.code = ?",
	/* IS_PERIOD */
	"SELECT " PERIOD_COLS "FROM period p WHERE p.id = ?",
	/* IS_YEAR */
	"SELECT " PERIOD_COLS "FROM period p WHERE p.kind = 'Q' AND p.year = ? "
	"AND EXISTS (SELECT 1 FROM agg_value a WHERE a.period_id = p.id) ORDER BY p.seq DESC LIMIT 1",
	/* IS_RUN */
	"SELECT DATE_FORMAT(finished_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'), statuses FROM agg_run "
	"WHERE period_id = ? AND status = 'done' ORDER BY finished_at DESC, id DESC LIMIT 1",
	/* IS_CRIT */
	"SELECT id, COALESCE(parent_id, 0), code, name, COALESCE(name_en, ''), max_points, "
	"COALESCE(scoring_text, ''), COALESCE(evidence_text, ''), COALESCE(data_source, ''), "
	"COALESCE(verifier, ''), unit_kinds, verified, sort FROM index_criterion "
	"WHERE version_id = ? AND active = 1",
	/* IS_MAP: per criterion its indicators and their city value */
	"SELECT ci.criterion_id, i.id, i.code, i.name, i.name_en, COALESCE(ci.uom, i.uom), ci.factor, "
	"ci.offset_value, COALESCE(ci.note, ''), ci.verified, a.value * ci.factor + ci.offset_value, "
	"a.units_reporting, a.units_asked FROM criterion_indicator ci "
	"JOIN index_criterion c ON c.id = ci.criterion_id JOIN indicator i ON i.id = ci.indicator_id "
	"LEFT JOIN agg_value a ON a.period_id = ? AND a.indicator_id = i.id AND a.scope = 'city' "
	"AND a.scope_kind = '' AND a.unit_id = 0 "
	"WHERE c.version_id = ? AND c.active = 1 ORDER BY ci.criterion_id, i.sort, i.code",
	/* IS_UNITS: per criterion x indicator the units of the kinds it applies to */
	"SELECT ci.criterion_id, ci.indicator_id, u.kind, u.code, u.name, COALESCE(u.name_en, ''), "
	"a.value * ci.factor + ci.offset_value, u.id FROM criterion_indicator ci "
	"JOIN index_criterion c ON c.id = ci.criterion_id "
	"JOIN agg_value a ON a.period_id = ? AND a.indicator_id = ci.indicator_id AND a.scope = 'unit' "
	"JOIN unit u ON u.id = a.unit_id "
	"WHERE c.version_id = ? AND c.active = 1 AND FIND_IN_SET(u.kind, c.unit_kinds) "
	"ORDER BY ci.criterion_id, ci.indicator_id, u.code",
	/* IS_SOURCES: the units whose figure the aggregation counted */
	"SELECT f.indicator_id, s.unit_id, u.name, COALESCE(u.name_en, '') FROM figure f "
	"JOIN submission s ON s.id = f.submission_id JOIN unit u ON u.id = s.unit_id "
	"WHERE s.period_id = ? AND FIND_IN_SET(s.status, ?) AND f.not_applicable = 0 "
	"AND (f.num_value IS NOT NULL OR f.text_value IS NOT NULL) AND f.indicator_id IN " MAPPED
	" ORDER BY f.indicator_id, u.code",
	/* IS_EVIDENCE */
	"SELECT e.indicator_id, s.unit_id, e.id FROM evidence e JOIN submission s ON s.id = e.submission_id "
	"WHERE s.period_id = ? AND FIND_IN_SET(s.status, ?) AND e.deleted = 0 AND e.indicator_id IN " MAPPED
	" ORDER BY e.indicator_id, s.unit_id, e.id",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* IS_MAP columns */
enum { M_CRIT, M_IND, M_ICODE, M_INAME, M_INAME_EN, M_UOM, M_FACTOR, M_OFFSET, M_NOTE, M_VERIFIED,
       M_VALUE, M_REPORTING, M_ASKED };
/* IS_CRIT columns */
enum { K_ID, K_PARENT, K_CODE, K_NAME, K_NAME_EN, K_MAX, K_SCORING, K_EVIDENCE, K_SOURCE, K_VERIFIER,
       K_KINDS, K_VERIFIED, K_SORT };

static int en(const struct ix_opts *o) { return o->lang != NULL && strcmp(o->lang, "en") == 0; }
#define L(vi, en_) (x->en ? (en_) : (vi))

/* ---- choosing ---- */

static void statuses(char *out, size_t outsz)
{
	const char *s = config_get("aggregate_statuses", "submitted,accepted");
	size_t n = 0;

	/* FIND_IN_SET matches whole items: "submitted, accepted" must lose its blank */
	for (; *s && n + 1 < outsz; s++)
		if (*s != ' ' && *s != '\t')
			out[n++] = *s;
	out[n] = '\0';
}

int ix_prepare(struct ix_opts *o)
{
	struct dbres res;
	int rc;

	o->missing = NULL;
	if (o->version == NULL || *o->version == '\0' || strlen(o->version) > 32 ||
	    (o->period <= 0) == (o->year <= 0))
		return E_BADREQ;
	if ((rc = db_tab_exec(&tab, IS_VERSION, &res, "s", o->version)) != E_OK)
		return rc;
	if (res.nrows != 1) {
		dbres_free(&res);
		o->missing = "index_version";
		return E_NOTFOUND;
	}
	o->version_id = dbres_int(&res, 0, 0);
	snprintf(o->version_name, sizeof o->version_name, "%s", dbres_get(&res, 0, 2));
	dbres_free(&res);
	if (o->period > 0)
		rc = db_tab_exec(&tab, IS_PERIOD, &res, "i", o->period);
	else
		rc = db_tab_exec(&tab, IS_YEAR, &res, "i", (long long)o->year);
	if (rc != E_OK)
		return rc;
	if (res.nrows != 1) {
		dbres_free(&res);
		o->missing = o->period > 0 ? "index_period" : "index_year";
		return E_NOTFOUND;
	}
	o->period_id = dbres_int(&res, 0, 0);
	period_label(dbres_get(&res, 0, 1)[0], (int)dbres_int(&res, 0, 2), (int)dbres_int(&res, 0, 3), o->lang,
		     o->period_label, sizeof o->period_label);
	dbres_free(&res);
	return E_OK;
}

static const char *const fmt_names[] = {"xlsx", "zip", "json"};

int ix_audit(struct req *r, const struct ix_opts *o)
{
	char what[512], year[24] = "";

	if (o->year > 0)
		snprintf(year, sizeof year, " year=%d", o->year);
	snprintf(what, sizeof what, "format=%s version=%s period=%lld (%s)%s lang=%s%s%s",
		 fmt_names[o->format], o->version, o->period_id, o->period_label, year, o->lang ? o->lang : "vi",
		 r->user.id == 0 ? " by=" : "", r->user.id == 0 ? (o->who ? o->who : "cli") : "");
	return audit(r, "export", "export", "index", NULL, what, NULL);
}

void ix_filename(const struct ix_opts *o, char *out, size_t outsz)
{
	char code[40];
	size_t n = 0;

	/* the code is the working group's data: only what is safe in a name */
	for (const char *p = o->version; *p && n + 1 < sizeof code; p++)
		code[n++] = (strchr("-_.", *p) || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= 'a' && *p <= 'z')) ? *p : '-';
	code[n] = '\0';
	if (o->year > 0)
		snprintf(out, outsz, "chi-so-%s-nam-%d.%s", code, o->year, fmt_names[o->format]);
	else
		snprintf(out, outsz, "chi-so-%s-ky-%lld.%s", code, o->period_id, fmt_names[o->format]);
}

const char *ix_content_type(enum ix_format f)
{
	return f == IX_XLSX ? XLSX_TYPE :
	       f == IX_ZIP ? "application/zip" : "application/json; charset=utf-8";
}

/* ---- the content ---- */

static const struct col city_cols[] = {
	{"code", "STT", "No.", 8},
	{"criterion", "Chỉ số / chỉ số thành phần", "Index / component", 44},
	{"max_points", "Điểm tối đa", "Maximum points", 9},
	{"scoring", "Cách xác định và tính điểm", "How it is determined and scored", 36},
	{"evidence_required", "Tài liệu kiểm chứng", "Evidence required", 28},
	{"data_source", "Nguồn thu thập dữ liệu", "Data source", 22},
	{"verifier", "Đơn vị phối hợp xác minh số liệu", "Unit verifying the figure", 22},
	{"indicator_code", "Mã chỉ tiêu nguồn", "Source indicator code", 12},
	{"indicator", "Chỉ tiêu nguồn", "Source indicator", 40},
	{"value", "Giá trị", "Value", 14},
	{"uom", "Đơn vị tính", "Unit of measure", 12},
	{"source_units", "Đơn vị nguồn", "Source units", 36},
	{"evidence", "Minh chứng", "Evidence", 36},
	{"status", "Tình trạng", "Status", 22},
	{"verified", "Xác minh", "Verified", 14},
	{"note", "Ghi chú", "Note", 36},
};
enum { CC_CODE, CC_NAME, CC_MAX, CC_SCORING, CC_EVIDENCE_REQ, CC_SOURCE, CC_VERIFIER, CC_ICODE, CC_INAME,
       CC_VALUE, CC_UOM, CC_UNITS, CC_EVIDENCE, CC_STATUS, CC_VERIFIED, CC_NOTE, CC_N };

static const struct col kind_cols[] = {
	{"code", "STT", "No.", 8},
	{"criterion", "Chỉ số / chỉ số thành phần", "Index / component", 44},
	{"unit_code", "Mã đơn vị", "Unit code", 12},
	{"unit", "Tên đơn vị", "Unit", 32},
	{"indicator_code", "Mã chỉ tiêu nguồn", "Source indicator code", 12},
	{"indicator", "Chỉ tiêu nguồn", "Source indicator", 40},
	{"value", "Giá trị", "Value", 14},
	{"uom", "Đơn vị tính", "Unit of measure", 12},
	{"evidence", "Minh chứng", "Evidence", 36},
	{"status", "Tình trạng", "Status", 22},
	{"verified", "Xác minh", "Verified", 14},
	{"note", "Ghi chú", "Note", 36},
};
enum { KC_CODE, KC_NAME, KC_UCODE, KC_UNAME, KC_ICODE, KC_INAME, KC_VALUE, KC_UOM, KC_EVIDENCE, KC_STATUS,
       KC_VERIFIED, KC_NOTE, KC_N };

static const struct col meta_cols[] = {
	{"item", "Mục", "Item", 34},
	{"value", "Nội dung", "Value", 90},
};

struct block {
	struct block *next;
	size_t used, cap;
	char data[];
};

static char *alloc(struct ix *x, size_t n)
{
	struct block *b = x->arena;

	if (b == NULL || b->cap - b->used < n) {
		size_t cap = n > 60000 ? n : 60000;
		if ((b = malloc(sizeof *b + cap)) == NULL) {
			x->failed = 1;
			return NULL;
		}
		b->next = x->arena;
		b->used = 0;
		b->cap = cap;
		x->arena = b;
	}
	b->used += n;
	return b->data + b->used - n;
}

static const char *dup(struct ix *x, const char *s, size_t n)
{
	char *p = alloc(x, n + 1);

	if (p == NULL)
		return "";
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static const char *dups(struct ix *x, const char *s) { return dup(x, s, strlen(s)); }

/* "12.3456780000000000" -> "12.345678", "100.00" -> "100", "-0.00" -> "0" */
static const char *trim_dec(struct ix *x, const char *s)
{
	size_t n;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if (strchr(s, '.') != NULL) {
		while (n > 0 && s[n - 1] == '0')
			n--;
		if (n > 0 && s[n - 1] == '.')
			n--;
	}
	if ((n == 2 && strncmp(s, "-0", 2) == 0) || n == 0)
		return "0";
	return dup(x, s, n);
}

static struct cell *new_row(struct ix *x, struct sheet *s)
{
	struct cell *row;

	if (s->nrows == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct cell *c = realloc(s->cells, cap * (size_t)s->ncols * sizeof *c);
		unsigned char *h;
		if (c != NULL)
			s->cells = c;
		h = c != NULL ? realloc(s->heading, cap) : NULL;
		if (h == NULL) {
			x->failed = 1;
			return NULL;
		}
		s->heading = h;
		s->cap = cap;
	}
	s->heading[s->nrows] = 0;
	row = s->cells + s->nrows++ * (size_t)s->ncols;
	memset(row, 0, (size_t)s->ncols * sizeof *row);
	return row;
}

static void put(struct cell *c, int t, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	c->t = t;
	c->s = s;
}

static struct sheet *add_sheet(struct ix *x, const char *key, const char *name, const struct col *cols,
			       int ncols)
{
	struct sheet *s = &x->sh[x->nsh++];

	memset(s, 0, sizeof *s);
	s->key = key;
	s->name = name;
	s->cols = cols;
	s->ncols = ncols;
	return s;
}

/* ---- criteria in the index's order ---- */

/* "1.10" after "1.9": numbered segments compare as numbers */
static int code_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char *ea, *eb;
			unsigned long long na = strtoull(a, &ea, 10), nb = strtoull(b, &eb, 10);
			if (na != nb)
				return na < nb ? -1 : 1;
			a = ea;
			b = eb;
		} else {
			if (*a != *b)
				return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
			a++;
			b++;
		}
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int by_sort(const void *pa, const void *pb, void *ctx)
{
	const struct dbres *c = ctx;
	unsigned a = *(const unsigned *)pa, b = *(const unsigned *)pb;
	long long sa = dbres_int(c, a, K_SORT), sb = dbres_int(c, b, K_SORT);

	if (sa != sb)
		return sa < sb ? -1 : 1;
	return code_cmp(dbres_get(c, a, K_CODE), dbres_get(c, b, K_CODE));
}

static long long find_crit(const struct dbres *c, long long id)
{
	for (unsigned i = 0; i < c->nrows; i++)
		if (dbres_int(c, i, K_ID) == id)
			return i;
	return -1;
}

/* Depth first from the roots, siblings by sort then code; a row whose parent
 * is inactive counts as a root, and rows caught in a parent cycle (bad data)
 * come last rather than vanish. */
static int order_criteria(struct ix *x)
{
	const struct dbres *c = &x->crit;
	unsigned n = c->nrows, *sorted, *stack, out = 0, top = 0;
	unsigned char *done;
	long long *parent_row;

	sorted = calloc(n + 1, sizeof *sorted);
	stack = calloc(n + 1, sizeof *stack);
	done = calloc(n + 1, 1);
	parent_row = calloc(n + 1, sizeof *parent_row);
	x->order = calloc(n + 1, sizeof *x->order);
	x->has_children = calloc(n + 1, 1);
	if (!sorted || !stack || !done || !parent_row || !x->order || !x->has_children) {
		free(sorted);
		free(stack);
		free(done);
		free(parent_row);
		return -1;
	}
	for (unsigned i = 0; i < n; i++) {
		sorted[i] = i;
		parent_row[i] = dbres_int(c, i, K_PARENT) ? find_crit(c, dbres_int(c, i, K_PARENT)) : -1;
		if (parent_row[i] >= 0)
			x->has_children[parent_row[i]] = 1;
	}
	qsort_r(sorted, n, sizeof *sorted, by_sort, (void *)c);
	/* the stack holds rows to emit; children pushed in reverse keep their order */
	for (unsigned r = 0; r < n; r++) {
		if (parent_row[sorted[r]] >= 0)
			continue;
		stack[top++] = sorted[r];
		while (top > 0) {
			unsigned k = stack[--top];
			if (done[k])
				continue;
			done[k] = 1;
			x->order[out++] = k;
			for (unsigned j = n; j-- > 0;)
				if (parent_row[sorted[j]] == (long long)k && !done[sorted[j]] && top < n)
					stack[top++] = sorted[j];
		}
	}
	for (unsigned r = 0; r < n; r++)
		if (!done[sorted[r]])
			x->order[out++] = sorted[r];
	free(sorted);
	free(stack);
	free(done);
	free(parent_row);
	return 0;
}

/* first row of res whose column col (an integer, ascending) is v, or nrows */
static unsigned lower(const struct dbres *res, unsigned col, long long v, unsigned lo, unsigned hi)
{
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (dbres_int(res, mid, col) < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* the rows [*from, return) of res whose first column is v (and the second
 * is w when w >= 0) */
static unsigned span(const struct dbres *res, long long v, long long w, unsigned *from)
{
	unsigned a = lower(res, 0, v, 0, res->nrows), b = lower(res, 0, v + 1, a, res->nrows);

	if (w >= 0) {
		a = lower(res, 1, w, a, b);
		b = lower(res, 1, w + 1, a, b);
	}
	*from = a;
	return b;
}

/* ---- the cells ---- */

static const char *crit_name(struct ix *x, unsigned k)
{
	const char *e = dbres_get(&x->crit, k, K_NAME_EN);
	return x->en && e && *e ? e : dbres_get(&x->crit, k, K_NAME);
}

static const char *verified_word(struct ix *x, int v)
{
	return v ? L("Đã xác minh", "verified") : L("Chưa xác minh", "unverified");
}

/* source units (unit < 0: every unit) or evidence links of an indicator */
static const char *list_of(struct ix *x, const struct dbres *res, long long ind, long long unit, int links)
{
	struct buf b;
	unsigned a, z = span(res, ind, -1, &a);
	const char *out;

	buf_init(&b);
	for (unsigned i = a; i < z; i++) {
		if (unit >= 0 && dbres_int(res, i, 1) != unit)
			continue;
		if (b.len)
			buf_add(&b, "\n", 1);
		if (links) {
			buf_printf(&b, "%s/review/evidence?id=%s", x->base, dbres_get(res, i, 2));
		} else {
			const char *e = dbres_get(res, i, 3);
			buf_adds(&b, x->en && e && *e ? e : dbres_get(res, i, 2));
		}
	}
	out = b.len ? dup(x, b.p, b.len) : NULL;
	buf_free(&b);
	return out;
}

/* the mapping's own words: its conversion and its note */
static const char *map_note(struct ix *x, unsigned m, const char *extra)
{
	const char *f = trim_dec(x, dbres_get(&x->map, m, M_FACTOR));
	const char *off = trim_dec(x, dbres_get(&x->map, m, M_OFFSET));
	const char *note = dbres_get(&x->map, m, M_NOTE);
	struct buf b;
	const char *out;

	buf_init(&b);
	if (strcmp(f, "1") != 0 || strcmp(off, "0") != 0)
		buf_printf(&b, "%s × %s%s%s", L("Quy đổi: giá trị", "Converted: value"), f,
			   off[0] == '-' ? " − " : " + ", off[0] == '-' ? off + 1 : off);
	if (note && *note)
		buf_printf(&b, "%s%s", b.len ? "; " : "", note);
	if (extra && *extra)
		buf_printf(&b, "%s%s", b.len ? "; " : "", extra);
	out = b.len ? dup(x, b.p, b.len) : NULL;
	buf_free(&b);
	return out;
}

static void note_unverified(struct ix *x, unsigned k, int verified)
{
	if (verified)
		return;
	x->nunverified++;
	buf_printf(&x->unverified, "%s%s", x->unverified.len ? ", " : "", dbres_get(&x->crit, k, K_CODE));
}

/* the official table's columns of criterion k */
static struct cell *city_row(struct ix *x, struct sheet *s, unsigned k)
{
	struct cell *c = new_row(x, s);

	if (c == NULL)
		return NULL;
	put(&c[CC_CODE], CT_TEXT, dbres_get(&x->crit, k, K_CODE));
	put(&c[CC_NAME], CT_TEXT, crit_name(x, k));
	put(&c[CC_MAX], CT_NUM, trim_dec(x, dbres_get(&x->crit, k, K_MAX)));
	put(&c[CC_SCORING], CT_TEXT, dbres_get(&x->crit, k, K_SCORING));
	put(&c[CC_EVIDENCE_REQ], CT_TEXT, dbres_get(&x->crit, k, K_EVIDENCE));
	put(&c[CC_SOURCE], CT_TEXT, dbres_get(&x->crit, k, K_SOURCE));
	put(&c[CC_VERIFIER], CT_TEXT, dbres_get(&x->crit, k, K_VERIFIER));
	return c;
}

static void build_city(struct ix *x)
{
	struct sheet *s = add_sheet(x, "city", L("Thành phố", "City"), city_cols, CC_N);
	const char *gap = L("Chưa có chỉ tiêu nguồn", "No source indicator");

	for (unsigned r = 0; r < x->crit.nrows && !x->failed; r++) {
		unsigned k = x->order[r], a, z;
		long long id = dbres_int(&x->crit, k, K_ID);
		int cv = dbres_int(&x->crit, k, K_VERIFIED) != 0, all_verified = cv;
		struct cell *c;

		z = span(&x->map, id, -1, &a);
		if (a == z) {
			if ((c = city_row(x, s, k)) == NULL)
				return;
			/* a main index with components is a heading; a leaf is a gap */
			s->heading[s->nrows - 1] = x->has_children[k];
			if (!x->has_children[k]) {
				put(&c[CC_STATUS], CT_TEXT, gap);
				x->ngaps++;
				buf_printf(&x->gaps, "%s%s", x->gaps.len ? ", " : "", dbres_get(&x->crit, k, K_CODE));
			}
			put(&c[CC_VERIFIED], CT_TEXT, verified_word(x, cv));
		}
		for (unsigned m = a; m < z; m++) {
			long long ind = dbres_int(&x->map, m, M_IND);
			const char *ie = dbres_get(&x->map, m, M_INAME_EN);
			const char *value = trim_dec(x, dbres_get(&x->map, m, M_VALUE));
			int v = cv && dbres_int(&x->map, m, M_VERIFIED) != 0;
			char counts[64] = "";

			if ((c = city_row(x, s, k)) == NULL)
				return;
			all_verified &= v;
			if (dbres_get(&x->map, m, M_ASKED) != NULL)
				snprintf(counts, sizeof counts, "%s/%s %s", dbres_get(&x->map, m, M_REPORTING),
					 dbres_get(&x->map, m, M_ASKED), L("đơn vị đã báo cáo", "units reported"));
			put(&c[CC_ICODE], CT_TEXT, dbres_get(&x->map, m, M_ICODE));
			put(&c[CC_INAME], CT_TEXT, x->en && ie && *ie ? ie : dbres_get(&x->map, m, M_INAME));
			put(&c[CC_VALUE], CT_NUM, value);
			put(&c[CC_UOM], CT_TEXT, dbres_get(&x->map, m, M_UOM));
			put(&c[CC_UNITS], CT_LIST, list_of(x, &x->src, ind, -1, 0));
			put(&c[CC_EVIDENCE], CT_LIST, list_of(x, &x->ev, ind, -1, 1));
			if (value == NULL)
				put(&c[CC_STATUS], CT_TEXT, L("Chưa có số liệu", "No figures"));
			put(&c[CC_VERIFIED], CT_TEXT, verified_word(x, v));
			put(&c[CC_NOTE], CT_TEXT, map_note(x, m, counts));
		}
		note_unverified(x, k, all_verified);
	}
}

static void build_kind(struct ix *x, const char *kind, const char *name)
{
	struct sheet *s = NULL;
	const char *gap = L("Chưa có chỉ tiêu nguồn", "No source indicator");

	for (unsigned r = 0; r < x->crit.nrows && !x->failed; r++) {
		unsigned k = x->order[r], a, z;
		long long id = dbres_int(&x->crit, k, K_ID);
		int cv = dbres_int(&x->crit, k, K_VERIFIED) != 0;
		struct cell *c;

		if (!list_has(dbres_get(&x->crit, k, K_KINDS), ',', kind))
			continue;
		if (s == NULL)
			s = add_sheet(x, kind, name, kind_cols, KC_N);
		z = span(&x->map, id, -1, &a);
		if (a == z) {
			if ((c = new_row(x, s)) == NULL)
				return;
			put(&c[KC_CODE], CT_TEXT, dbres_get(&x->crit, k, K_CODE));
			put(&c[KC_NAME], CT_TEXT, crit_name(x, k));
			s->heading[s->nrows - 1] = x->has_children[k];
			if (!x->has_children[k])
				put(&c[KC_STATUS], CT_TEXT, gap);
			put(&c[KC_VERIFIED], CT_TEXT, verified_word(x, cv));
			continue;
		}
		for (unsigned m = a; m < z; m++) {
			long long ind = dbres_int(&x->map, m, M_IND);
			const char *ie = dbres_get(&x->map, m, M_INAME_EN);
			int v = cv && dbres_int(&x->map, m, M_VERIFIED) != 0, rows = 0;
			unsigned ua, uz = span(&x->units, id, ind, &ua);

			/* u == uz once: the indicator with no unit of this kind asked */
			for (unsigned u = ua; u <= uz; u++) {
				const char *value = NULL;
				if (u < uz && strcmp(dbres_get(&x->units, u, 2), kind) != 0)
					continue;
				if (u == uz && rows > 0)
					break;
				if ((c = new_row(x, s)) == NULL)
					return;
				rows++;
				put(&c[KC_CODE], CT_TEXT, dbres_get(&x->crit, k, K_CODE));
				put(&c[KC_NAME], CT_TEXT, crit_name(x, k));
				put(&c[KC_ICODE], CT_TEXT, dbres_get(&x->map, m, M_ICODE));
				put(&c[KC_INAME], CT_TEXT, x->en && ie && *ie ? ie : dbres_get(&x->map, m, M_INAME));
				put(&c[KC_UOM], CT_TEXT, dbres_get(&x->map, m, M_UOM));
				if (u < uz) {
					const char *ue = dbres_get(&x->units, u, 5);
					value = trim_dec(x, dbres_get(&x->units, u, 6));
					put(&c[KC_UCODE], CT_TEXT, dbres_get(&x->units, u, 3));
					put(&c[KC_UNAME], CT_TEXT, x->en && ue && *ue ? ue : dbres_get(&x->units, u, 4));
					put(&c[KC_VALUE], CT_NUM, value);
					put(&c[KC_EVIDENCE], CT_LIST,
					    list_of(x, &x->ev, ind, dbres_int(&x->units, u, 7), 1));
				}
				if (value == NULL)
					put(&c[KC_STATUS], CT_TEXT, L("Chưa có số liệu", "No figures"));
				put(&c[KC_VERIFIED], CT_TEXT, verified_word(x, v));
				put(&c[KC_NOTE], CT_TEXT, map_note(x, m, NULL));
			}
		}
	}
}

static void meta(struct ix *x, struct sheet *s, const char *key, const char *label, const char *value)
{
	struct cell *c;

	if (s->nrows >= sizeof x->meta_keys / sizeof x->meta_keys[0] || (c = new_row(x, s)) == NULL)
		return;
	x->meta_keys[s->nrows - 1] = key;
	put(&c[0], CT_TEXT, label);
	put(&c[1], CT_TEXT, dups(x, value ? value : ""));
}

static int build_meta(struct ix *x)
{
	const struct ix_opts *o = x->o;
	struct sheet *s = add_sheet(x, "metadata", L("Thông tin", "Metadata"), meta_cols, 2);
	struct dbres v, p, run;
	char line[1024], when[32], st[64];
	time_t now = time(NULL) + 7 * 3600;
	struct tm tm;
	int rc;

	s->meta_keys = x->meta_keys;
	if ((rc = db_tab_exec(&tab, IS_VERSION, &v, "s", o->version)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, IS_PERIOD, &p, "i", o->period_id)) != E_OK) {
		dbres_free(&v);
		return rc;
	}
	if ((rc = db_tab_exec(&tab, IS_RUN, &run, "i", o->period_id)) != E_OK) {
		dbres_free(&v);
		dbres_free(&p);
		return rc;
	}
	if (v.nrows != 1 || p.nrows != 1) {
		rc = E_NOTFOUND;
		goto out;
	}
	{
		const char *ien = dbres_get(&v, 0, 9);
		snprintf(line, sizeof line, "%s — %s", dbres_get(&v, 0, 7),
			 x->en && ien && *ien ? ien : dbres_get(&v, 0, 8));
	}
	meta(x, s, "index", L("Chỉ số", "Index"), line);
	snprintf(line, sizeof line, "%s — %s", dbres_get(&v, 0, 1), dbres_get(&v, 0, 2));
	meta(x, s, "version", L("Phiên bản", "Version"), line);
	meta(x, s, "decision", L("Quyết định", "Decision"), dbres_get(&v, 0, 3));
	if (dbres_int(&v, 0, 5) > 0)
		snprintf(line, sizeof line, "%s–%s", dbres_get(&v, 0, 4), dbres_get(&v, 0, 5));
	else
		snprintf(line, sizeof line, "%s–", dbres_get(&v, 0, 4));
	meta(x, s, "years", L("Năm đánh giá áp dụng", "Assessment years"), line);
	meta(x, s, "version_verified", L("Phiên bản đã xác minh", "Version verified"),
	     verified_word(x, dbres_int(&v, 0, 6) != 0));
	meta(x, s, "period", L("Kỳ báo cáo", "Period"), o->period_label);
	if (o->year > 0)
		snprintf(line, sizeof line, x->en ? "Year %d: the year's last quarter with aggregated data (%s)"
						   : "Năm %d: quý cuối cùng của năm đã có số liệu tổng hợp (%s)",
			 o->year, o->period_label);
	else
		snprintf(line, sizeof line, "%s", L("Kỳ được chọn trực tiếp", "The period chosen"));
	meta(x, s, "period_choice", L("Cách chọn kỳ", "How the period was chosen"), line);
	snprintf(line, sizeof line, "%s – %s", dbres_get(&p, 0, 4), dbres_get(&p, 0, 5));
	meta(x, s, "cutoff", L("Thời gian chốt số liệu", "Data cut-off window"), line);
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%d/%m/%Y %H:%M", &tm);
	meta(x, s, "exported_at", L("Thời điểm xuất (giờ Việt Nam)", "Exported at (Asia/Ho_Chi_Minh)"), when);
	meta(x, s, "exported_by", L("Người xuất", "Exported by"), o->who);
	statuses(st, sizeof st);
	meta(x, s, "statuses", L("Trạng thái báo cáo được tính", "Statuses counted"), st);
	if (run.nrows == 1)
		snprintf(line, sizeof line, "%s (%s: %s)", dbres_get(&run, 0, 0),
			 L("trạng thái được tính", "statuses counted"), dbres_get(&run, 0, 1));
	else
		snprintf(line, sizeof line, "%s", L("Chưa tổng hợp", "Not aggregated"));
	meta(x, s, "last_aggregation", L("Lần tổng hợp gần nhất (giờ Việt Nam)", "Last aggregation (Asia/Ho_Chi_Minh)"),
	     line);
	snprintf(line, sizeof line, "%u", x->crit.nrows);
	meta(x, s, "criteria", L("Số chỉ số", "Criteria"), line);
	snprintf(line, sizeof line, "%d%s%s", x->ngaps, x->ngaps ? ": " : "", buf_str(&x->gaps));
	meta(x, s, "gaps", L("Chỉ số chưa có chỉ tiêu nguồn", "Criteria without a source indicator"), line);
	snprintf(line, sizeof line, "%d%s%s", x->nunverified, x->nunverified ? ": " : "", buf_str(&x->unverified));
	meta(x, s, "unverified", L("Chỉ số chưa xác minh", "Unverified criteria"), line);
	meta(x, s, "values",
	     L("Giá trị", "Values"),
	     L("Giá trị tổng hợp của chỉ tiêu nguồn × hệ số + hằng số (theo bảng ánh xạ); nhiều chỉ tiêu nguồn "
	       "cho một chỉ số thì mỗi chỉ tiêu một dòng",
	       "the source indicator's aggregated value × factor + offset (from the mapping); several source "
	       "indicators of one criterion give one row each"));
	meta(x, s, "numbers", L("Số liệu", "Numbers"),
	     L("giữ nguyên độ chính xác; số có hơn 15 chữ số có nghĩa được ghi dạng văn bản trong Excel",
	       "full precision; in Excel a figure with more than 15 significant digits is kept as text"));
	meta(x, s, "evidence_links", L("Minh chứng", "Evidence"),
	     L("đường dẫn /review/evidence?id=… trên hệ thống, dành cho Tổ công tác",
	       "links /review/evidence?id=… on the system, for the working group"));
	rc = x->failed ? E_INTERNAL : E_OK;
out:
	dbres_free(&v);
	dbres_free(&p);
	dbres_free(&run);
	return rc;
}

static void ix_free(struct ix *x)
{
	for (int i = 0; i < x->nsh; i++) {
		free(x->sh[i].cells);
		free(x->sh[i].heading);
	}
	while (x->arena) {
		struct block *n = x->arena->next;
		free(x->arena);
		x->arena = n;
	}
	dbres_free(&x->crit);
	dbres_free(&x->map);
	dbres_free(&x->units);
	dbres_free(&x->src);
	dbres_free(&x->ev);
	free(x->order);
	free(x->has_children);
	buf_free(&x->gaps);
	buf_free(&x->unverified);
}

static int build(struct ix *x)
{
	static const char *const kinds[] = {"department", "district", "commune", "other"};
	static const char *const kinds_vi[] = {"Sở, ban, ngành", "Quận, huyện, phường", "Xã, phường, thị trấn",
					       "Khác"};
	static const char *const kinds_en[] = {"Departments", "Districts", "Communes", "Other units"};
	const struct ix_opts *o = x->o;
	const char *base = config_get("base_url", "");
	char st[64];
	size_t n = strlen(base);
	int rc;

	while (n > 0 && base[n - 1] == '/')
		n--;
	snprintf(x->base, sizeof x->base, "%.*s", (int)n, base);
	statuses(st, sizeof st);
	if ((rc = db_tab_exec(&tab, IS_CRIT, &x->crit, "i", o->version_id)) != E_OK ||
	    (rc = db_tab_exec(&tab, IS_MAP, &x->map, "ii", o->period_id, o->version_id)) != E_OK ||
	    (rc = db_tab_exec(&tab, IS_UNITS, &x->units, "ii", o->period_id, o->version_id)) != E_OK ||
	    (rc = db_tab_exec(&tab, IS_SOURCES, &x->src, "isi", o->period_id, st, o->version_id)) != E_OK ||
	    (rc = db_tab_exec(&tab, IS_EVIDENCE, &x->ev, "isi", o->period_id, st, o->version_id)) != E_OK)
		return rc;
	if (order_criteria(x) != 0)
		return E_INTERNAL;
	build_city(x);
	for (int i = 0; i < 4; i++)
		build_kind(x, kinds[i], x->en ? kinds_en[i] : kinds_vi[i]);
	if ((rc = build_meta(x)) != E_OK)
		return rc;
	return x->failed ? E_INTERNAL : E_OK;
}

int ix_write(const struct ix_opts *o, const char *path)
{
	struct ix x;
	int rc;

	memset(&x, 0, sizeof x);
	x.o = o;
	x.en = en(o);
	buf_init(&x.gaps);
	buf_init(&x.unverified);
	rc = build(&x);
	if (rc == E_OK && o->format == IX_XLSX)
		rc = ix_write_xlsx(&x, path);
	else if (rc == E_OK && o->format == IX_ZIP)
		rc = ix_write_zip(&x, path);
	else if (rc == E_OK)
		rc = ix_write_json(&x, path);
	ix_free(&x);
	return rc;
}
