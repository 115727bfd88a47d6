/* The briefing pack: briefing.pdf, A4 landscape, drawn by the same gnuplot
 * process as the charts (pdfcairo, one page per plot or multiplot).
 *
 *   cover                              title, period, date of production, contents
 *   1. Tóm tắt các chỉ tiêu chính      headline indicators: value, target, progress, mark
 *   2. Diễn biến các chỉ tiêu chính    the headline trend charts, four a page
 *   3. Tiến độ theo lĩnh vực           the pillar charts, two a page
 *   4. Tình hình nộp báo cáo           the status heatmap, then the late and missing units
 *   5. Xếp hạng đơn vị                 a ranking chart per kind of unit (agg_score)
 *
 * The overdue conclusions and directions (Art. 6.6, 6.7) follow the late
 * units: on the last page of section 4 when they fit there, else on pages of
 * their own before section 5.  They are listed as of the end of the
 * period's data window (cut-off end) once it has passed, and as of today
 * (Asia/Ho_Chi_Minh) for the current period; the page says which day.  A
 * direction done later than that day still counts as overdue on it; a
 * dropped one never does (the register keeps no date for dropping).
 *
 * Every page has its own data file briefing-pN.tsv: block 0 is the page's
 * heading and footer, blocks 1-3 (text pages) hold bold texts, texts with
 * their colour, and shaded boxes, at positions on the page (0..1) computed
 * here.  The script places them; it never holds the text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/config.h"
#include "../lib/err.h"
#include "charts.h"

#define SUMMARY_ROWS 14
#define LATE_ROWS 20
#define DIRS_TITLE "Kết luận, chỉ đạo quá hạn"

/* read with the aggregate account (grants in sql/grants.d/directions.sql) */
static const char *const dsql[] = {
	"SELECT d.code, d.body, GROUP_CONCAT(u.name ORDER BY u.name SEPARATOR '; '), d.deadline, "
	"DATEDIFF(?, d.deadline), g.display_name FROM direction d "
	"JOIN direction_unit du ON du.direction_id = d.id JOIN unit u ON u.id = du.unit_id "
	"JOIN app_user g ON g.id = d.given_by "
	"WHERE d.deadline < ? AND d.given_on <= ? "
	"AND (d.status IN ('new', 'in_progress', 'reported') OR (d.status = 'done' AND d.done_on >= ?)) "
	"GROUP BY d.id ORDER BY d.deadline, d.code",
};
static struct stmt_table dtab = STMT_TABLE(dsql);

struct overdue {
	struct dbres res;
	char as_of[11], as_of_vn[16];
	int current;                 /* as of today rather than the window's end */
	int own_pages;               /* pages of their own (0: on the last late page) */
	int page;                    /* where they start, for the contents */
	int failed;                  /* not read: the pack says so rather than "none" */
};

enum { SEC_SUMMARY, SEC_TRENDS, SEC_PILLARS, SEC_STATUS, SEC_RANKING, SEC_N };
static const char *const section[SEC_N] = {
	"1. Tóm tắt các chỉ tiêu chính",
	"2. Diễn biến các chỉ tiêu chính",
	"3. Tiến độ theo lĩnh vực",
	"4. Tình hình nộp báo cáo",
	"5. Xếp hạng đơn vị",
};

/* colours of the marks, as numbers for `tc rgb variable` */
#define RGB_GREEN 0x009E73
#define RGB_VERMILLION 0xD55E00
#define RGB_BLACK 0x000000
#define RGB_GREY 0x555555

struct page {
	char title[512], footer[256];
	struct buf bold, text, shade;
	int nbold, ntext, nshade;
	int cover;
};

struct pack {
	const struct pdata *d;
	struct outset *o;
	struct buf *gp;
	int pages;
	int planned;                 /* pages counted in advance for the footers */
	int sec_page[SEC_N];         /* first page of each section */
	int dirs_page;               /* first page of the overdue directions */
	int failed;
};

static void page_init(struct page *p)
{
	memset(p, 0, sizeof *p);
	buf_init(&p->bold);
	buf_init(&p->text);
	buf_init(&p->shade);
}

static void page_free(struct page *p)
{
	buf_free(&p->bold);
	buf_free(&p->text);
	buf_free(&p->shade);
}

static void bold(struct page *p, double x, double y, const char *s, size_t cut)
{
	buf_printf(&p->bold, "%.4f\t%.4f\t", x, y);
	gp_text_cut(&p->bold, s, cut);
	buf_adds(&p->bold, "\n");
	p->nbold++;
}

static void text(struct page *p, double x, double y, const char *s, size_t cut, int rgb)
{
	buf_printf(&p->text, "%.4f\t%.4f\t", x, y);
	gp_text_cut(&p->text, s, cut);
	buf_printf(&p->text, "\t%d\n", rgb);
	p->ntext++;
}

static void shade(struct page *p, double x, double y, double dx, double dy)
{
	buf_printf(&p->shade, "%.4f\t%.4f\t%.4f\t%.4f\n", x, y, dx, dy);
	p->nshade++;
}

/* The page's data file; returns its number or -1. */
static int page_file(struct pack *k, struct page *p, char *name, size_t n)
{
	struct buf t;
	int no = ++k->pages, rc;

	snprintf(name, n, "briefing-p%d.tsv", no);
	if (p->footer[0] == '\0')
		snprintf(p->footer, sizeof p->footer, "%s · Trang %d/%d", k->d->per[0].label, no,
			 k->planned);
	buf_init(&t);
	buf_adds(&t, "tiêu đề\tchân trang\n");
	gp_text(&t, p->title);
	buf_adds(&t, "\t");
	gp_text(&t, p->footer);
	buf_adds(&t, "\n\n\nx\ty\tchữ đậm\n");
	buf_add(&t, p->bold.p ? p->bold.p : "", p->bold.len);
	buf_adds(&t, "\n\nx\ty\tchữ\tmàu\n");
	buf_add(&t, p->text.p ? p->text.p : "", p->text.len);
	buf_adds(&t, "\n\nx\ty\tdx\tdy\n");
	buf_add(&t, p->shade.p ? p->shade.p : "", p->shade.len);
	rc = out_write(k->o, name, &t);
	buf_free(&t);
	if (rc != 0)
		k->failed = 1;
	return rc == 0 ? no : -1;
}

/* The page frame: heading at the top, footer at the bottom, in page
 * coordinates; the plot command is left open for more clauses. */
static void frame(struct buf *gp, const char *file, int cover)
{
	gp_prologue(gp);
	buf_adds(gp, "set lmargin at screen 0\nset rmargin at screen 1\n"
		     "set bmargin at screen 0\nset tmargin at screen 1\n"
		     "set xrange [0:1]\nset yrange [0:1]\nunset border\nunset xtics\nunset ytics\n"
		     "unset key\n");
	if (cover)
		buf_printf(gp, "plot '%s' index 0 using (0.5):(0.04):2 with labels center font \",9\" "
			       "tc rgb '#444444' notitle", file);
	else
		buf_printf(gp, "plot '%s' index 0 using (0.035):(0.945):1 with labels left "
			       "font \"DejaVu Sans:Bold,16\" tc rgb '%s' notitle, \\\n"
			       "  '' index 0 using (0.965):(0.03):2 with labels right font \",9\" "
			       "tc rgb '#444444' notitle, \\\n"
			       "  '' index 0 using (0.035):(0.915):(0.93):(0.0012) with boxxy fs solid 1.0 "
			       "noborder lc rgb '%s' notitle",
			   file, C_BLACK, C_BLUE);
}

/* A page of text: the frame, then shaded boxes, bold texts, texts. */
static int text_page(struct pack *k, struct page *p, int bold_size, int text_size)
{
	char file[64];

	if (page_file(k, p, file, sizeof file) < 0)
		return -1;
	frame(k->gp, file, p->cover);
	if (p->nshade)
		buf_printf(k->gp, ", \\\n  '' index 3 using 1:2:3:4 with boxxy fs solid 1.0 noborder "
				  "lc rgb '#EEEEEE' notitle");
	if (p->nbold)
		buf_printf(k->gp, ", \\\n  '' index 1 using 1:2:3 with labels left "
				  "font \"DejaVu Sans:Bold,%d\" tc rgb '%s' notitle", bold_size, C_BLACK);
	if (p->ntext)
		buf_printf(k->gp, ", \\\n  '' index 2 using 1:2:3:4 with labels left font \",%d\" "
				  "tc rgb variable notitle", text_size);
	buf_adds(k->gp, "\n");
	return 0;
}

/* A page of charts: the frame, then each chart in its panel. */
static int chart_page(struct pack *k, const char *title, const struct chart *const *c, int n,
		      const double (*panel)[4])
{
	struct page p;
	char file[64];
	int rc;

	page_init(&p);
	snprintf(p.title, sizeof p.title, "%s", title);
	rc = page_file(k, &p, file, sizeof file);
	page_free(&p);
	if (rc < 0)
		return -1;
	buf_adds(k->gp, "set multiplot\n");
	frame(k->gp, file, 0);
	buf_adds(k->gp, "\n");
	for (int i = 0; i < n; i++) {
		char where[128];
		snprintf(where, sizeof where, "set origin %.3f,%.3f\nset size %.3f,%.3f\n", panel[i][0],
			 panel[i][1], panel[i][2], panel[i][3]);
		plot_body_at(k->gp, c[i], 9, where);
	}
	buf_adds(k->gp, "unset multiplot\n");
	return 0;
}

/* ---- the pages ---------------------------------------------------------- */

static void cover(struct pack *k)
{
	const struct pdata *d = k->d;
	struct page p;
	char line[512];
	const char *org = config_get("org_name", "Ban Chỉ đạo xây dựng Chính quyền điện tử thành phố");
	double y;

	page_init(&p);
	p.cover = 1;
	snprintf(p.title, sizeof p.title, "Tài liệu họp Ban Chỉ đạo");
	snprintf(p.footer, sizeof p.footer, "Tài liệu do hệ thống báo cáo tiến độ tự động lập ngày %s",
		 d->produced);
	text(&p, 0.08, 0.86, org, 90, RGB_GREY);
	bold(&p, 0.08, 0.74, "TÀI LIỆU HỌP BAN CHỈ ĐẠO", 60);
	text(&p, 0.08, 0.665, "Báo cáo tiến độ xây dựng Chính quyền điện tử, chuyển đổi số", 90,
	     RGB_BLACK);
	snprintf(line, sizeof line, "Kỳ báo cáo: %s", d->per[0].label);
	bold(&p, 0.08, 0.58, line, 60);
	{
		char due[16], start[16], end[16];
		date_vn(d->per[0].due, due, sizeof due);
		date_vn(d->per[0].cut_start, start, sizeof start);
		date_vn(d->per[0].cut_end, end, sizeof end);
		snprintf(line, sizeof line, "Số liệu từ %s đến %s · hạn nộp báo cáo %s", start, end, due);
	}
	text(&p, 0.08, 0.525, line, 120, RGB_BLACK);
	snprintf(line, sizeof line, "Ngày lập: %s", d->produced);
	text(&p, 0.08, 0.485, line, 120, RGB_BLACK);
	if (d->run_stamp > 0)
		snprintf(line, sizeof line, "Số liệu tổng hợp: lần tổng hợp số %lld", d->run_stamp);
	else
		snprintf(line, sizeof line, "Số liệu tổng hợp: chưa ghi nhận lần tổng hợp");
	text(&p, 0.08, 0.45, line, 120, RGB_GREY);
	bold(&p, 0.08, 0.37, "Nội dung", 60);
	y = 0.33;
	for (int s = 0; s < SEC_N; s++, y -= 0.035) {
		snprintf(line, sizeof line, "%s", section[s]);
		text(&p, 0.10, y, line, 80, RGB_BLACK);
		snprintf(line, sizeof line, "trang %d", k->sec_page[s]);
		text(&p, 0.50, y, line, 20, RGB_BLACK);
		if (s == SEC_STATUS) {
			y -= 0.035;
			text(&p, 0.12, y, DIRS_TITLE, 80, RGB_BLACK);
			snprintf(line, sizeof line, "trang %d", k->dirs_page);
			text(&p, 0.50, y, line, 20, RGB_BLACK);
		}
	}
	shade(&p, 0.04, 0.50, 0.006, 0.40);
	text_page(k, &p, 20, 13);
	page_free(&p);
}

static int nheadline(const struct pdata *d)
{
	int n = 0;

	for (int i = 0; i < d->nind; i++)
		n += d->ind[i].headline;
	return n;
}

static void summary(struct pack *k, struct buf *csv)
{
	const struct pdata *d = k->d;
	static const double col[] = {0.035, 0.065, 0.55, 0.665, 0.77, 0.84};
	int total = nheadline(d), pages = (total + SUMMARY_ROWS - 1) / SUMMARY_ROWS;
	struct page p;

	csv_start(csv);
	csv_text(csv, "Mã chỉ tiêu", 1);
	csv_text(csv, "Chỉ tiêu", 0);
	csv_text(csv, "Lĩnh vực", 0);
	csv_text(csv, "Đơn vị tính", 0);
	csv_text(csv, "Giá trị", 0);
	csv_text(csv, "Mục tiêu", 0);
	csv_text(csv, "Tiến độ (%)", 0);
	csv_text(csv, "Đánh giá", 0);
	csv_end_row(csv);
	if (pages == 0)
		pages = 1;
	for (int pg = 0; pg < pages; pg++) {
		double y = 0.83;
		int row = 0, seen = 0;

		page_init(&p);
		snprintf(p.title, sizeof p.title, "%s%s", section[SEC_SUMMARY], pg ? " (tiếp)" : "");
		bold(&p, col[0], 0.875, "TT", 10);
		bold(&p, col[1], 0.875, "Chỉ tiêu", 20);
		bold(&p, col[2], 0.875, "Giá trị", 20);
		bold(&p, col[3], 0.875, "Mục tiêu", 20);
		bold(&p, col[4], 0.875, "Tiến độ", 20);
		bold(&p, col[5], 0.875, "Đánh giá", 20);
		if (total == 0)
			text(&p, col[1], y, "Kỳ này chưa có chỉ tiêu chính có số liệu toàn thành phố.", 120,
			     RGB_BLACK);
		for (int i = 0; i < d->nind && row < SUMMARY_ROWS; i++) {
			const struct indicator *in = &d->ind[i];
			const struct fig *f = &in->city[0];
			const char *mark;
			char v[128], tg[128], pr[32], no[16], tmp[64], mk[64];
			int rgb;

			if (!in->headline)
				continue;
			if (seen++ < pg * SUMMARY_ROWS)
				continue;
			mark = in->has_city[0] ? mark_of(d, f) : "no_data";
			if (in->has_city[0] && f->has_value)
				fmt_value(in, f->value, v, sizeof v);
			else
				snprintf(v, sizeof v, "-");
			if (in->has_city[0] && f->has_target)
				fmt_value(in, f->target, tg, sizeof tg);
			else
				snprintf(tg, sizeof tg, "-");
			if (in->has_city[0] && f->has_progress && f->has_target) {
				fmt_num(f->progress * 100, 0, pr, sizeof pr);
				strncat(pr, " %", sizeof pr - strlen(pr) - 1);
			} else {
				snprintf(pr, sizeof pr, "-");
			}
			if (strcmp(mark, "met") == 0 || strcmp(mark, "on_track") == 0) {
				rgb = RGB_GREEN;
				snprintf(mk, sizeof mk, "✓ %s", mark_vi(mark));
			} else if (strcmp(mark, "behind") == 0) {
				rgb = RGB_VERMILLION;
				snprintf(mk, sizeof mk, "✗ %s", mark_vi(mark));
			} else {
				rgb = RGB_GREY;
				snprintf(mk, sizeof mk, "– %s", mark_vi(mark));
			}
			if (row % 2 == 0)
				shade(&p, 0.5, y, 0.47, 0.024);
			snprintf(no, sizeof no, "%d", pg * SUMMARY_ROWS + row + 1);
			text(&p, col[0], y, no, 8, RGB_BLACK);
			text(&p, col[1], y, in->name, 66, RGB_BLACK);
			text(&p, col[2], y, v, 22, RGB_BLACK);
			text(&p, col[3], y, tg, 20, RGB_BLACK);
			text(&p, col[4], y, pr, 10, RGB_BLACK);
			text(&p, col[5], y, mk, 24, rgb);
			y -= 0.05;
			row++;

			csv_text(csv, in->code, 1);
			csv_text(csv, in->name, 0);
			csv_text(csv, in->pillar_idx >= 0 ? d->pil[in->pillar_idx].name : in->pillar, 0);
			csv_text(csv, ind_uom(in), 0);
			csv_value(in, in->has_city[0] ? f->value_s : NULL, tmp, sizeof tmp);
			csv_raw(csv, tmp, 0);
			csv_value(in, in->has_city[0] ? f->target_s : NULL, tmp, sizeof tmp);
			csv_raw(csv, tmp, 0);
			if (in->has_city[0] && f->has_progress)
				snprintf(tmp, sizeof tmp, "%.1f", f->progress * 100);
			else
				tmp[0] = '\0';
			csv_raw(csv, tmp, 0);
			csv_text(csv, mark_vi(mark), 0);
			csv_end_row(csv);
		}
		if (pg == pages - 1) {
			char note[256];
			snprintf(note, sizeof note, "Đạt mục tiêu: tiến độ ≥ 100 %%; đúng tiến độ: ≥ %.0f %%; "
				 "chậm tiến độ: dưới %.0f %% mục tiêu năm.", d->on_track * 100,
				 d->on_track * 100);
			text(&p, col[1], 0.075, note, 160, RGB_GREY);
		}
		text_page(k, &p, 12, 11);
		page_free(&p);
	}
}

static int count_late(const struct pdata *d, int *pending)
{
	int n = 0;

	*pending = 0;
	for (int u = 0; u < d->nunit; u++) {
		int s = d->unit[u].status[0];
		n += s == S_LATE || s == S_MISSING;
		*pending += s == S_PENDING;
	}
	return n;
}

static int late_rows_last(const struct pdata *d)
{
	int pending, total = count_late(d, &pending);

	return total == 0 ? 1 : total - (total - 1) / LATE_ROWS * LATE_ROWS;
}

/* The overdue directions from row `from`, at most `max`, from height y down. */
static void dir_rows(struct page *p, const struct overdue *ov, unsigned from, unsigned max, double y)
{
	static const double col[] = {0.035, 0.065, 0.165, 0.60, 0.82, 0.89};
	char line[256];

	snprintf(line, sizeof line, "%s (tính đến %s%s)", DIRS_TITLE, ov->as_of_vn,
		 ov->current ? ", hôm nay" : ", hết kỳ số liệu");
	bold(p, col[0], y, line, 100);
	y -= 0.04;
	if (ov->failed) {
		text(p, col[1], y, "Không đọc được danh sách kết luận, chỉ đạo (xem nhật ký của egov-charts).",
		     120, RGB_VERMILLION);
		return;
	}
	if (ov->res.nrows == 0) {
		text(p, col[1], y, "Không có kết luận, chỉ đạo nào quá hạn.", 120, RGB_BLACK);
		return;
	}
	bold(p, col[0], y, "TT", 10);
	bold(p, col[1], y, "Số hiệu", 20);
	bold(p, col[2], y, "Nội dung", 20);
	bold(p, col[3], y, "Đơn vị chủ trì", 20);
	bold(p, col[4], y, "Hạn", 20);
	bold(p, col[5], y, "Quá hạn", 20);
	y -= 0.036;
	for (unsigned i = from; i < ov->res.nrows && i < from + max; i++, y -= 0.036) {
		char no[16], days[32];
		if ((i - from) % 2 == 0)
			shade(p, 0.5, y, 0.47, 0.017);
		snprintf(no, sizeof no, "%u", i + 1);
		date_iso_to_vn(dbres_get(&ov->res, i, 3), line, sizeof line);
		snprintf(days, sizeof days, "%s ngày", dbres_get(&ov->res, i, 4));
		text(p, col[0], y, no, 8, RGB_BLACK);
		text(p, col[1], y, dbres_get(&ov->res, i, 0), 14, RGB_BLACK);
		text(p, col[2], y, dbres_get(&ov->res, i, 1), 62, RGB_BLACK);
		text(p, col[3], y, dbres_get(&ov->res, i, 2), 30, RGB_BLACK);
		text(p, col[4], y, line, 12, RGB_BLACK);
		text(p, col[5], y, days, 14, RGB_VERMILLION);
	}
}

/* rows a direction block takes besides its lines: heading, column heads, gap */
#define DIR_EXTRA 3

static void late_units(struct pack *k, const struct overdue *ov)
{
	const struct pdata *d = k->d;
	static const double col[] = {0.035, 0.065, 0.47, 0.62};
	int pending, total = count_late(d, &pending);
	int pages = total == 0 ? 1 : (total + LATE_ROWS - 1) / LATE_ROWS;
	int *order = calloc((size_t)d->nunit + 1, sizeof *order), n = 0;

	if (order == NULL) {
		k->failed = 1;
		return;
	}
	/* late first (most days late first), then missing; by kind and name */
	for (int pass = 0; pass < 2; pass++)
		for (int kd = 0; kd < NKINDS; kd++) {
			int start = n;
			for (int u = 0; u < d->nunit; u++)
				if (d->unit[u].kind == kd &&
				    d->unit[u].status[0] == (pass == 0 ? S_LATE : S_MISSING))
					order[n++] = u;
			for (int i = start + 1; i < n; i++)
				for (int j = i; j > start; j--) {
					const struct unit *a = &d->unit[order[j - 1]], *b = &d->unit[order[j]];
					int swap = pass == 0 ? a->days_late[0] < b->days_late[0] ||
						   (a->days_late[0] == b->days_late[0] && strcmp(a->name, b->name) > 0)
						   : strcmp(a->name, b->name) > 0;
					if (!swap)
						break;
					int t = order[j];
					order[j] = order[j - 1];
					order[j - 1] = t;
				}
		}
	for (int pg = 0; pg < pages; pg++) {
		struct page p;
		double y = 0.83;
		char due[16], line[256];

		page_init(&p);
		snprintf(p.title, sizeof p.title, "%s: đơn vị nộp muộn, chưa nộp%s", section[SEC_STATUS],
			 pg ? " (tiếp)" : "");
		date_vn(d->per[0].due, due, sizeof due);
		bold(&p, col[0], 0.875, "TT", 10);
		bold(&p, col[1], 0.875, "Đơn vị", 20);
		bold(&p, col[2], 0.875, "Loại đơn vị", 20);
		bold(&p, col[3], 0.875, "Tình trạng", 20);
		if (total == 0)
			text(&p, col[1], y, pending ? "Chưa có đơn vị nào nộp muộn." :
			     "Tất cả đơn vị đã nộp báo cáo đúng hạn.", 120, RGB_BLACK);
		for (int i = pg * LATE_ROWS; i < n && i < (pg + 1) * LATE_ROWS; i++) {
			const struct unit *u = &d->unit[order[i]];
			char no[16], st[128], date[16];

			if ((i - pg * LATE_ROWS) % 2 == 0)
				shade(&p, 0.5, y, 0.47, 0.017);
			snprintf(no, sizeof no, "%d", i + 1);
			if (u->status[0] == S_LATE) {
				date_iso_to_vn(u->submitted[0], date, sizeof date);
				snprintf(st, sizeof st, "Nộp muộn %d ngày (ngày %s)", u->days_late[0], date);
			} else {
				snprintf(st, sizeof st, "%s", u->raw_status[0] == NULL ? "✗ Chưa nộp"
					 : strcmp(u->raw_status[0], "draft") == 0 ? "✗ Chưa nộp (còn bản nháp)"
					 : "✗ Chưa nộp (bị trả lại, chưa gửi lại)");
			}
			text(&p, col[0], y, no, 8, RGB_BLACK);
			text(&p, col[1], y, u->name, 56, RGB_BLACK);
			text(&p, col[2], y, kind_plural[u->kind], 30, RGB_BLACK);
			text(&p, col[3], y, st, 60, u->status[0] == S_LATE ? RGB_BLACK : RGB_VERMILLION);
			y -= 0.036;
		}
		if (pg == pages - 1 && ov->own_pages == 0) {
			dir_rows(&p, ov, 0, ov->res.nrows, (total == 0 ? y - 0.036 : y) - 0.02);
		}
		if (pg == pages - 1) {
			if (pending)
				snprintf(line, sizeof line, "Hạn nộp %s. Còn %d đơn vị chưa nộp, chưa đến hạn.",
					 due, pending);
			else
				snprintf(line, sizeof line, "Hạn nộp %s. Nộp muộn: gửi sau ngày hạn (giờ Việt "
					 "Nam); chưa nộp: chưa gửi, còn bản nháp hoặc bị trả lại.", due);
			text(&p, col[1], 0.075, line, 160, RGB_GREY);
		}
		text_page(k, &p, 12, 11);
		page_free(&p);
	}
	free(order);
}

/* Pages of their own when the list does not fit under the late units. */
static void dir_pages(struct pack *k, const struct overdue *ov)
{
	for (int pg = 0; pg < ov->own_pages; pg++) {
		struct page p;

		page_init(&p);
		snprintf(p.title, sizeof p.title, "%s: %s%s", section[SEC_STATUS], DIRS_TITLE, pg ? " (tiếp)" : "");
		dir_rows(&p, ov, (unsigned)pg * (LATE_ROWS - DIR_EXTRA + 1), LATE_ROWS - DIR_EXTRA + 1, 0.875);
		text_page(k, &p, 12, 11);
		page_free(&p);
	}
}

/* Loads the list and decides where it goes; -1 when the database failed. */
static int overdue_load(const struct pdata *d, struct overdue *ov)
{
	struct ymd today;
	int room, need;

	memset(ov, 0, sizeof *ov);
	date_parse(d->today_iso, &today);
	ov->current = days_from_civil(today) <= days_from_civil(d->per[0].cut_end);
	if (ov->current)
		snprintf(ov->as_of, sizeof ov->as_of, "%s", d->today_iso);
	else
		date_iso(d->per[0].cut_end, ov->as_of, sizeof ov->as_of);
	date_iso_to_vn(ov->as_of, ov->as_of_vn, sizeof ov->as_of_vn);
	if (db_tab_exec(&dtab, 0, &ov->res, "ssss", ov->as_of, ov->as_of, ov->as_of, ov->as_of) != E_OK) {
		memset(&ov->res, 0, sizeof ov->res);
		return -1;
	}
	room = LATE_ROWS - late_rows_last(d) - DIR_EXTRA;
	need = ov->res.nrows ? (int)ov->res.nrows : 1;
	if (need > room)
		ov->own_pages = (need + LATE_ROWS - DIR_EXTRA) / (LATE_ROWS - DIR_EXTRA + 1);
	return 0;
}

static void no_ranking(struct pack *k)
{
	struct page p;

	page_init(&p);
	snprintf(p.title, sizeof p.title, "%s", section[SEC_RANKING]);
	text(&p, 0.065, 0.83, "Kỳ này chưa có điểm xếp hạng đơn vị (chương trình tổng hợp chưa tính).",
	     120, RGB_BLACK);
	text_page(k, &p, 11, 11);
	page_free(&p);
}

/* ---- the whole pack ------------------------------------------------------ */

static const double quad[4][4] = {
	{0.01, 0.47, 0.49, 0.43}, {0.50, 0.47, 0.49, 0.43},
	{0.01, 0.05, 0.49, 0.42}, {0.50, 0.05, 0.49, 0.42},
};
static const double halves[2][4] = {{0.01, 0.48, 0.98, 0.42}, {0.01, 0.05, 0.98, 0.42}};
static const double whole[1][4] = {{0.01, 0.05, 0.98, 0.85}};

int briefing_build(const struct pdata *d, const struct charts *cs, struct outset *o, struct buf *gp,
		   struct buf *summary_csv)
{
	struct pack k = {d, o, gp, 0, 0, {0}, 0, 0};
	struct overdue ov;
	const struct chart **trend = calloc((size_t)cs->n + 1, sizeof *trend);
	const struct chart **pil = calloc((size_t)cs->n + 1, sizeof *pil);
	const struct chart **rank = calloc((size_t)cs->n + 1, sizeof *rank);
	const struct chart *status = NULL;
	int nt = 0, np = 0, nr = 0, pending, late, pages;
	int nhead = nheadline(d);

	if (trend == NULL || pil == NULL || rank == NULL) {
		free(trend);
		free(pil);
		free(rank);
		return -1;
	}
	for (int i = 0; i < cs->n; i++) {
		const struct chart *c = &cs->c[i];
		if (c->kind == CH_TREND && d->ind[c->idx].headline)
			trend[nt++] = c;
		else if (c->kind == CH_PILLAR)
			pil[np++] = c;
		else if (c->kind == CH_RANKING)
			rank[nr++] = c;
		else if (c->kind == CH_STATUS)
			status = c;
	}
	late = count_late(d, &pending);
	if (overdue_load(d, &ov) != 0) {
		fprintf(stderr, "egov-charts: briefing: the overdue directions could not be read\n");
		ov.failed = 1;
	}
	/* page numbers first, for the contents and the footers */
	pages = 1;
	k.sec_page[SEC_SUMMARY] = pages + 1;
	pages += nhead ? (nhead + SUMMARY_ROWS - 1) / SUMMARY_ROWS : 1;
	k.sec_page[SEC_TRENDS] = pages + 1;
	pages += nt ? (nt + 3) / 4 : 0;
	k.sec_page[SEC_PILLARS] = pages + 1;
	pages += (np + 1) / 2;
	k.sec_page[SEC_STATUS] = pages + 1;
	pages += (status ? 1 : 0) + (late ? (late + LATE_ROWS - 1) / LATE_ROWS : 1);
	k.dirs_page = ov.own_pages ? pages + 1 : pages;
	pages += ov.own_pages;
	k.sec_page[SEC_RANKING] = pages + 1;
	pages += nr ? nr : 1;
	k.planned = pages;

	cover(&k);
	summary(&k, summary_csv);
	for (int i = 0; i < nt; i += 4) {
		char title[256];
		snprintf(title, sizeof title, "%s%s", section[SEC_TRENDS], i ? " (tiếp)" : "");
		chart_page(&k, title, trend + i, nt - i < 4 ? nt - i : 4, quad);
	}
	for (int i = 0; i < np; i += 2) {
		char title[256];
		snprintf(title, sizeof title, "%s%s", section[SEC_PILLARS], i ? " (tiếp)" : "");
		chart_page(&k, title, pil + i, np - i < 2 ? np - i : 2, halves);
	}
	if (status != NULL)
		chart_page(&k, section[SEC_STATUS], &status, 1, whole);
	late_units(&k, &ov);
	dir_pages(&k, &ov);
	for (int i = 0; i < nr; i++) {
		char title[512];
		snprintf(title, sizeof title, "%s: %s", section[SEC_RANKING], kind_plural[rank[i]->idx]);
		chart_page(&k, title, rank + i, 1, whole);
	}
	if (nr == 0)
		no_ranking(&k);
	free(trend);
	free(pil);
	free(rank);
	dbres_free(&ov.res);
	if (k.failed || o->failed)
		return -1;
	if (k.pages != k.planned)
		fprintf(stderr, "egov-charts: briefing: %d pages drawn, %d planned\n", k.pages, k.planned);
	return k.pages;
}
