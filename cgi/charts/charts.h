/* egov-charts: the chart job's shared structures.
 *
 *   main.c      arguments, the lock, which periods, the build directory,
 *               publishing (rename into place), the index and the stamp
 *   load.c      one period's figures from the summary tables (one read-only
 *               transaction, account aggregate.*)
 *   files.c     writing data files for gnuplot, CSV files, numbers and text
 *   plots.c     the charts: data file, CSV and gnuplot commands of each
 *   briefing.c  the briefing pack's pages (pdfcairo, same gnuplot run)
 *   gnuplot.c   runs the one gnuplot process of a period
 *
 * The rule that keeps gnuplot safe: every text that comes from the database
 * (names, codes, units of measure) and every Vietnamese word goes into a data
 * file, written through gp_text(); the script holds only file names this
 * program made, numbers it computed, and fixed styling. */
#ifndef EGOV_CHARTS_H
#define EGOV_CHARTS_H
#include <stddef.h>

#include "../lib/buf.h"
#include "../lib/db.h"
#include "../lib/text.h"

#define WINDOW 8                 /* periods of a trend and of the status heatmap */
#define NKINDS 4

/* Okabe-Ito, for readers with colour-blindness; every series also differs in
 * dash type, point type or fill pattern so black-and-white print works. */
#define C_BLUE "#0072B2"
#define C_VERMILLION "#D55E00"
#define C_ORANGE "#E69F00"
#define C_GREEN "#009E73"
#define C_SKY "#56B4E9"
#define C_PURPLE "#CC79A7"
#define C_YELLOW "#F0E442"
#define C_BLACK "#000000"
#define C_GREY "#999999"
#define C_LIGHT "#DDDDDD"

enum kind { K_DISTRICT, K_DEPARTMENT, K_COMMUNE, K_OTHER };
extern const char *const kind_code[NKINDS];   /* "district", ... (file names) */
extern const char *const kind_plural[NKINDS]; /* "Quận, huyện", ... */
int kind_of(const char *s);                   /* -1 if unknown */

/* A figure of agg_value; has = which of the fields are not NULL. */
struct fig {
	double value, target, progress, completeness;
	int has_value, has_target, has_progress, has_completeness;
	int reporting, asked;
	const char *value_s, *target_s; /* as the database returned them */
};

struct period {
	long long id;
	int kind, year, seq;             /* kind 'Q', 'H', 'Y' */
	char label[64];                  /* "Quý 3/2026" */
	char label_short[32];            /* "Q3/2026" for narrow axes */
	struct ymd cut_start, cut_end, due;
};

struct indicator {
	long long id;
	const char *code, *name, *pillar, *uom, *vtype, *direction, *aggregation;
	int share;                       /* share_yes: a percentage of the units answering yes */
	int pct;                         /* percent or share: values in % */
	int decimals;
	int headline;
	int pillar_idx;
	struct fig city[WINDOW];         /* by window position (0 = this period) */
	int has_city[WINDOW];
	struct fig kindfig[NKINDS];      /* this period, scope 'kind' */
	int has_kind[NKINDS];
};

struct pillar {
	const char *code, *name;
	char file_code[40];              /* the code if it is a safe file name part, else "pN" */
	int n;                           /* indicators drawn */
};

struct unit {
	long long id;
	const char *code, *name;
	int kind;
	struct ymd from, to;
	int has_to;
	int asked;                       /* asked in this period (valid and its kind asked) */
	int status[WINDOW];              /* enum sub_status per window period */
	int days_late[WINDOW];
	char submitted[WINDOW][11];      /* ISO date in Asia/Ho_Chi_Minh, "" if none */
	const char *raw_status[WINDOW];  /* draft, returned, ... or NULL */
	double score;                    /* overall (pillar '') */
	int has_score, rank, score_n;
};

enum sub_status { S_NA, S_ONTIME, S_LATE, S_MISSING, S_PENDING };

/* One agg_value row of scope 'unit' in this period. */
struct uval {
	int ind, unit;                   /* indexes into the arrays below */
	struct fig f;
};

struct pdata {
	struct period per[WINDOW];       /* 0 = the period drawn, then older ones */
	int nper;
	struct indicator *ind;
	int nind;
	struct pillar *pil;
	int npil;
	struct unit *unit;
	int nunit;
	struct uval *uv;
	int nuv;
	unsigned char *asked;            /* [window][kind][ind]: period_indicator */
	long long run_stamp;             /* newest finished agg_run over the window */
	char today_iso[11], today_vn[11];
	char produced[32];               /* "27/11/2026 14:05" */
	double on_track;                 /* share of the target that counts as on track */
	struct dbres keep[12];           /* results whose strings the arrays point into */
	int nkeep;
};

int load_period(long long period_id, struct pdata *d, char *err, size_t errsz);
/* The statement table (for db_setup). */
const char *const *charts_sql(int *n);
/* Waits up to wait_s for the job's database lock: 1 got it, 0 not, -1 error. */
int charts_lock(int wait_s);
/* Periods with aggregated figures, oldest first, each with its stamp. */
struct period_stamp {
	long long id, stamp;
};
int charts_periods(struct period_stamp **out, int *n);
/* Whether a period has aggregated figures: 1 yes, 0 no, -1 error. */
int charts_has_figures(long long period_id);
void pdata_free(struct pdata *d);
int ind_index(const struct pdata *d, long long id);
int unit_index(const struct pdata *d, long long id);

/* ---- files.c ---- */

/* Appends s as one field of a gnuplot data file: control characters (tab,
 * newline) become spaces, invalid UTF-8 becomes U+FFFD, a backslash and a
 * double quote are written as the escapes gnuplot reads back literally
 * ("\\" and "\042"); an empty text becomes "-". */
void gp_text(struct buf *b, const char *s);
/* The same, cut to at most max characters with "…" (at a space if one is near). */
void gp_text_cut(struct buf *b, const char *s, size_t max);
void gp_num(struct buf *b, double v, int has);  /* "12.5" or "NaN" */
/* The same cleaning without gnuplot's escapes (index.tsv). */
void text_plain(struct buf *b, const char *s);
/* Splits text into at most nlines lines of about width characters (the last
 * one cut with "…"); returns the number of lines written into lines[]. */
int wrap_text(const char *s, size_t width, char lines[][512], int nlines);

/* "1.234,5": Vietnamese separators, at most dec decimals. */
void fmt_num(double v, int dec, char *out, size_t n);
/* A figure of an indicator as shown: "85,3 %", "12 cuộc". */
void fmt_value(const struct indicator *in, double v, char *out, size_t n);
/* One unit's figure: the same, but "Có"/"Không" for a yes/no answer. */
void fmt_unit_value(const struct indicator *in, double v, char *out, size_t n);
/* The same number for a CSV file: dot decimal, in the shown scale. */
void csv_value(const struct indicator *in, const char *db, char *out, size_t n);
const char *ind_uom(const struct indicator *in);
/* met, on_track, behind, no_target, no_data (as the dashboard's marks) */
const char *mark_of(const struct pdata *d, const struct fig *f);
const char *mark_vi(const char *mark);

/* Index of the writes of a period, relative to its build directory. */
struct outfile {
	char name[96];
};
struct outset {
	char dir[1100];                  /* the build directory */
	struct outfile *f;
	int n, cap;
	int failed;
};
/* Writes b to dir/name (mode 0644) and records the name; -1 with errno. */
int out_write(struct outset *o, const char *name, const struct buf *b);
/* Records a name gnuplot is to write. */
int out_expect(struct outset *o, const char *name);

/* CSV: a UTF-8 byte order mark, then rows through csv_put (text) and
 * csv_raw (numbers this program formatted). */
void csv_start(struct buf *b);
void csv_text(struct buf *b, const char *s, int first);
void csv_raw(struct buf *b, const char *s, int first);
void csv_end_row(struct buf *b);

/* ---- plots.c ---- */

enum chart_kind { CH_TREND, CH_UNITS, CH_STATUS, CH_PILLAR, CH_UNIT, CH_RANKING, CH_BRIEFING };
extern const char *const chart_kind_name[];

struct chart;
typedef void (*body_fn)(struct buf *gp, const struct chart *c, int fontsize);

struct chart {
	enum chart_kind kind;
	char key[64];
	char base[64];                   /* file names: base.tsv, base.svg, base.png, base.csv */
	int png;                         /* also drawn as PNG */
	int w, h;                        /* pixels of the web/PNG picture */
	char title[1024], caption[2048]; /* for index.tsv */
	body_fn body;
	int nlines;                      /* title lines in the data file */
	int nrows;                       /* bars, points or rows (layout) */
	double xmin, xmax, ymin, ymax;   /* ranges the body sets */
	double lm;                       /* left margin in characters */
	unsigned series;                 /* which of the chart's series have points */
	int idx;                         /* indicator, unit, pillar or kind index */
};

struct charts {
	struct chart *c;
	int n, cap;
};

/* Writes every chart's data and CSV file and records the charts. */
int plots_build(const struct pdata *d, struct outset *o, struct charts *cs);
/* The commands of one chart for the current terminal ("reset" first). */
void plot_body(struct buf *gp, const struct chart *c, int fontsize);
/* The same inside a multiplot page: where = "set origin ...\nset size ...\n". */
void plot_body_at(struct buf *gp, const struct chart *c, int fontsize, const char *where);
/* Common settings after a reset. */
void gp_prologue(struct buf *gp);
/* The chart's title (from its data file, index 0) at the top of the plot. */
void gp_title(struct buf *gp, const struct chart *c, int fontsize);

/* ---- briefing.c ---- */
/* Writes the briefing's data files and appends its pages to the script
 * (the pdfcairo terminal is already set, output briefing.pdf); returns the
 * page count or -1. */
int briefing_build(const struct pdata *d, const struct charts *cs, struct outset *o, struct buf *gp,
		   struct buf *summary_csv);

/* ---- gnuplot.c ---- */
/* Runs `prog -d script` in dir with a time limit; 0 when it exited 0, else
 * -1 with a message in err (the last lines gnuplot printed). */
int gnuplot_run(const char *prog, const char *dir, const char *script, int timeout_s, char *err,
		size_t errsz);

#endif
