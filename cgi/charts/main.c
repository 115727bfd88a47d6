/* egov-charts: the chart job.
 *
 *   egov-charts [-c CONFIG] (--period ID | --all | --due)
 *
 * Draws the charts of a period from the summary tables that egov-aggregate
 * fills (agg_value, agg_score, agg_run) and the submissions, into
 * charts_dir/<period_id>/:
 *
 *   trend-<indicator>.{svg,png}         city-wide value, last 8 periods of the kind, target
 *   units-<indicator>-<kind>.svg        units of one kind compared, sorted, target marked
 *   status.{svg,png}                    units x periods: on time, late, missing, not due
 *   pillar-<code>.{svg,png}             the city's progress on the pillar's indicators
 *   unit-<unit>.svg                     a unit against its target and against the city
 *   ranking-<kind>.{svg,png}            units of one kind by overall score
 *   briefing.pdf                        the briefing pack (A4 landscape, pdfcairo)
 *   <chart>.csv                         the figures behind each chart (UTF-8 with a BOM)
 *   <chart>.tsv, briefing-*.tsv         gnuplot's data files (every text is in them)
 *   charts.gp                           the one gnuplot script of the period
 *   index.tsv                           every chart: kind, key, files, title, caption
 *
 * SVG for the web pages; PNG for the charts a report or a slide takes
 * (trend, pillar, status, ranking); PDF for print, as the briefing pack.
 *
 * Everything is written into a build directory (charts_dir/<id>/.build-PID),
 * drawn there by ONE gnuplot process whose exit status is checked, then
 * renamed into place file by file (index.tsv last), so the dashboard never
 * serves half a file; files of charts that no longer exist are removed after.
 * A failed run leaves the previous charts as they were.
 *
 * --period ID   that period
 * --all         every period with aggregated figures
 * --due         the periods whose charts are missing or older than their
 *               newest aggregation run (of the period or an earlier one of its
 *               kind, which its trends show): what cron runs after egov-aggregate
 *
 * Config: charts_dir (required), gnuplot (program, default "gnuplot" on PATH),
 * charts_timeout_s (600), charts_lock_wait_s (300), headline_indicators
 * (codes; default the first indicator of each pillar with a city-wide target),
 * dashboard_on_track (0.9), org_name; the database account aggregate.db_user.
 *
 * Exit status: 0 done, 1 a period failed (message on stderr; the others are
 * still drawn), 2 usage. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../lib/batch.h"
#include "../lib/config.h"
#include "../lib/err.h"
#include "../lib/gen.h"
#include "../lib/log.h"
#include "charts.h"

int gnuplot_warnings(const char *dir, char *out, size_t n);

struct job {
	const char *dir;
	const char *gnuplot;
	int timeout_s, lock_wait_s;
	int periods, charts, svg, png, pages, processes, failed;
};

static int usage(void)
{
	fprintf(stderr,
		"usage: egov-charts [-c CONFIG] (--period ID | --all | --due)\n"
		"  Draws the charts and the briefing pack of a period into charts_dir/<period_id>/\n"
		"  from the summary tables egov-aggregate fills.  --all: every period with figures;\n"
		"  --due: those whose charts are missing or older than their last aggregation.\n"
		"  Config: EGOV_CONFIG or -c; keys charts_dir, gnuplot, charts_timeout_s,\n"
		"  headline_indicators, dashboard_on_track, org_name, aggregate.db_user.\n");
	return 2;
}

/* ---- files in place ------------------------------------------------------- */

static int ensure_dir(const char *path)
{
	struct stat st;

	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		return batch_fail("cannot create %s: %s", path, strerror(errno));
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return batch_fail("%s is not a directory", path);
	if ((st.st_mode & 07777) != 0755 && chmod(path, 0755) != 0)
		return batch_fail("cannot set the mode of %s: %s", path, strerror(errno));
	return 0;
}

/* Removes a build directory (files only: gnuplot writes no directories). */
static void remove_build(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	char p[1400];

	if (dir == NULL)
		return;
	while ((e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		unlink(p);
	}
	closedir(dir);
	rmdir(path);
}

/* Build directories a stopped run left behind (we hold the lock, so no
 * other run is using one). */
static void remove_stale_builds(const char *pdir)
{
	DIR *dir = opendir(pdir);
	struct dirent *e;
	char p[1400];

	if (dir == NULL)
		return;
	while ((e = readdir(dir)) != NULL)
		if (strncmp(e->d_name, ".build-", 7) == 0) {
			snprintf(p, sizeof p, "%s/%s", pdir, e->d_name);
			remove_build(p);
		}
	closedir(dir);
}

static int ours(const char *name)
{
	static const char *const prefix[] = {"trend-", "units-", "unit-", "pillar-", "ranking-",
					     "status.", "briefing", "charts.gp"};

	for (size_t i = 0; i < sizeof prefix / sizeof prefix[0]; i++)
		if (strncmp(name, prefix[i], strlen(prefix[i])) == 0)
			return 1;
	return 0;
}

static int in_set(const struct outset *o, const char *name)
{
	for (int i = 0; i < o->n; i++)
		if (strcmp(o->f[i].name, name) == 0)
			return 1;
	return 0;
}

/* Files of charts this run did not draw (an indicator gone, a unit merged). */
static int remove_stale(const char *pdir, const struct outset *o)
{
	DIR *dir = opendir(pdir);
	struct dirent *e;
	char p[1400];
	int n = 0;

	if (dir == NULL)
		return 0;
	while ((e = readdir(dir)) != NULL) {
		struct stat st;
		if (e->d_name[0] == '.' || !ours(e->d_name) || in_set(o, e->d_name))
			continue;
		snprintf(p, sizeof p, "%s/%s", pdir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && unlink(p) == 0)
			n++;
	}
	closedir(dir);
	return n;
}

static void sync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int publish(const char *build, const char *pdir, const struct outset *o)
{
	char from[1400], to[1400];

	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < o->n; i++) {
			int last = strcmp(o->f[i].name, "index.tsv") == 0;
			if (last != (pass == 1))
				continue;
			snprintf(from, sizeof from, "%s/%s", build, o->f[i].name);
			snprintf(to, sizeof to, "%s/%s", pdir, o->f[i].name);
			if (rename(from, to) != 0)
				return batch_fail("cannot move %s into place: %s", to, strerror(errno));
		}
	sync_dir(pdir);
	return 0;
}

static long long read_stamp(const char *pdir)
{
	char path[1200], line[64];
	FILE *f;
	long long v = -1;

	snprintf(path, sizeof path, "%s/index.tsv", pdir);
	if (access(path, F_OK) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/.stamp", pdir);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fgets(line, sizeof line, f) != NULL)
		v = strtoll(line, NULL, 10);
	fclose(f);
	return v;
}

static int write_stamp(const char *pdir, long long stamp)
{
	char tmp[1200], path[1200];
	FILE *f;

	snprintf(tmp, sizeof tmp, "%s/.stamp.%ld", pdir, (long)getpid());
	snprintf(path, sizeof path, "%s/.stamp", pdir);
	f = fopen(tmp, "w");
	if (f == NULL || fprintf(f, "%lld\n", stamp) < 0 || fclose(f) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		return batch_fail("cannot write %s: %s", path, strerror(errno));
	}
	return 0;
}

/* ---- index.tsv ------------------------------------------------------------ */

static void cell(struct buf *b, const char *s, int last)
{
	text_plain(b, s);
	buf_adds(b, last ? "\n" : "\t");
}

static void index_row(struct buf *b, const char *kind, const char *key, const char *svg,
		      const char *png, const char *pdf, const char *csv, const char *data,
		      const char *title, const char *caption)
{
	cell(b, kind, 0);
	cell(b, key, 0);
	cell(b, svg, 0);
	cell(b, png, 0);
	cell(b, pdf, 0);
	cell(b, csv, 0);
	cell(b, data, 0);
	cell(b, title, 0);
	cell(b, caption, 1);
}

static void write_index(const struct pdata *d, const struct charts *cs, int pages, struct buf *b)
{
	char title[256], caption[512], key[32];

	buf_adds(b, "kind\tkey\tsvg\tpng\tpdf\tcsv\tdata\ttitle\tcaption\n");
	snprintf(title, sizeof title, "Tài liệu họp Ban Chỉ đạo — %s", d->per[0].label);
	snprintf(caption, sizeof caption,
		 "Tài liệu họp %s (%d trang, khổ A4 ngang): bìa, tóm tắt các chỉ tiêu chính, diễn biến "
		 "các chỉ tiêu chính, tiến độ theo lĩnh vực, tình hình nộp báo cáo và đơn vị nộp muộn, "
		 "xếp hạng đơn vị.", d->per[0].label, pages);
	snprintf(key, sizeof key, "%lld", d->per[0].id);
	index_row(b, "briefing", key, "", "", "briefing.pdf", "briefing-summary.csv", "", title, caption);
	for (int i = 0; i < cs->n; i++) {
		const struct chart *c = &cs->c[i];
		char svg[80], png[80], csv[80], data[80];
		snprintf(svg, sizeof svg, "%s.svg", c->base);
		snprintf(png, sizeof png, "%s.png", c->base);
		snprintf(csv, sizeof csv, "%s.csv", c->base);
		snprintf(data, sizeof data, "%s.tsv", c->base);
		index_row(b, chart_kind_name[c->kind], c->key, svg, c->png ? png : "", "", csv, data,
			  c->title, c->caption);
	}
}

/* ---- the script ------------------------------------------------------------ */

static void script(const struct pdata *d, const struct charts *cs, struct buf *gp, int *npng)
{
	buf_printf(gp, "# egov-charts: the charts of period %lld, drawn by one gnuplot process.\n"
		       "# Generated: it names only files egov-charts wrote and fixed styling; every\n"
		       "# text (names, titles, labels) is read from the data files.\n"
		       "set encoding utf8\n", d->per[0].id);
	for (int i = 0; i < cs->n; i++) {
		const struct chart *c = &cs->c[i];
		buf_printf(gp, "\n# ---- %s.svg\nset terminal svg size %d,%d font \"DejaVu Sans,11\" "
			       "noenhanced background rgb 'white'\nset output '%s.svg'\n",
			   c->base, c->w, c->h, c->base);
		plot_body(gp, c, 11);
	}
	*npng = 0;
	for (int i = 0; i < cs->n; i++) {
		const struct chart *c = &cs->c[i];
		if (!c->png)
			continue;
		(*npng)++;
		buf_printf(gp, "\n# ---- %s.png\nset terminal pngcairo size %d,%d font \"DejaVu Sans,10\" "
			       "noenhanced background rgb 'white'\nset output '%s.png'\n",
			   c->base, c->w, c->h, c->base);
		plot_body(gp, c, 10);
	}
	buf_adds(gp, "\n# ---- briefing.pdf\nset output\n"
		     "set terminal pdfcairo size 29.7cm,21cm font \"DejaVu Sans,10\" noenhanced "
		     "background rgb 'white'\nset output 'briefing.pdf'\n");
}

/* ---- one period ------------------------------------------------------------- */

static int draw_period(struct job *j, long long id, int asked)
{
	struct timespec t0, t1, t2, t3;
	struct pdata d;
	struct outset o;
	struct charts cs = {0};
	struct buf gp, index, summary;
	char pdir[1000], build[1100], err[1024];
	int rc = 1, pages, npng = 0, removed;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&o, 0, sizeof o);
	buf_init(&gp);
	buf_init(&index);
	buf_init(&summary);
	if (load_period(id, &d, err, sizeof err) != 0) {
		pdata_free(&d);
		return batch_fail("period %lld: %s", id, err);
	}
	if (d.nind == 0) {
		/* figures of text and date indicators only: nothing to draw */
		if (asked)
			batch_fail("period %lld (%s) has no aggregated figures to chart: run egov-aggregate first",
			           id, d.per[0].label);
		else
			printf("charts: period %lld (%s): no numeric figures to chart; skipped\n", id,
			       d.per[0].label);
		pdata_free(&d);
		return asked ? 1 : 0;
	}
	snprintf(pdir, sizeof pdir, "%s/%lld", j->dir, id);
	snprintf(build, sizeof build, "%s/.build-%ld", pdir, (long)getpid());
	if (ensure_dir(pdir) != 0)
		goto out_data;
	remove_stale_builds(pdir);
	if (mkdir(build, 0755) != 0) {
		batch_fail("cannot create %s: %s", build, strerror(errno));
		goto out_data;
	}
	snprintf(o.dir, sizeof o.dir, "%s", build);

	if (plots_build(&d, &o, &cs) != 0) {
		batch_fail("period %lld: cannot write the charts' data files in %s", id, build);
		goto out;
	}
	script(&d, &cs, &gp, &npng);
	pages = briefing_build(&d, &cs, &o, &gp, &summary);
	if (pages < 0) {
		batch_fail("period %lld: cannot write the briefing pack's data files in %s", id, build);
		goto out;
	}
	buf_adds(&gp, "set output\n");
	out_expect(&o, "briefing.pdf");
	write_index(&d, &cs, pages, &index);
	if (out_write(&o, "briefing-summary.csv", &summary) != 0 || out_write(&o, "charts.gp", &gp) != 0 ||
	    out_write(&o, "index.tsv", &index) != 0) {
		batch_fail("period %lld: cannot write the script or the index in %s", id, build);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);

	j->processes++;
	if (gnuplot_run(j->gnuplot, build, "charts.gp", j->timeout_s, err, sizeof err) != 0) {
		batch_fail("period %lld (%s): %s; the charts in %s were left as they were", id, d.per[0].label,
		           err, pdir);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t2);
	for (int i = 0; i < o.n; i++) {
		char p[1400];
		struct stat st;
		snprintf(p, sizeof p, "%s/%s", build, o.f[i].name);
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
			batch_fail("period %lld: gnuplot exited 0 but did not write %s; the charts in %s were "
			           "left as they were", id, o.f[i].name, pdir);
			goto out;
		}
		if ((st.st_mode & 07777) != 0644)
			chmod(p, 0644);
	}
	{
		char warn[600];
		if (gnuplot_warnings(build, warn, sizeof warn))
			printf("charts:   gnuplot said: %s\n", warn);
	}
	if (publish(build, pdir, &o) != 0)
		goto out;
	removed = remove_stale(pdir, &o);
	if (write_stamp(pdir, d.run_stamp) != 0)
		goto out;
	clock_gettime(CLOCK_MONOTONIC, &t3);
	printf("charts: period %lld (%s): %d charts (%d SVG, %d PNG), briefing.pdf %d pages, "
	       "%d files, 1 gnuplot process, %.2f s (data %.2f s, gnuplot %.2f s)\n",
	       id, d.per[0].label, cs.n, cs.n, npng, pages, o.n, batch_seconds(&t0, &t3),
	       batch_seconds(&t0, &t1), batch_seconds(&t1, &t2));
	if (removed)
		printf("charts:   removed %d files of charts no longer drawn\n", removed);
	j->periods++;
	j->charts += cs.n;
	j->svg += cs.n;
	j->png += npng;
	j->pages += pages;
	rc = 0;
out:
	remove_build(build);
out_data:
	free(cs.c);
	free(o.f);
	buf_free(&gp);
	buf_free(&index);
	buf_free(&summary);
	pdata_free(&d);
	return rc;
}

/* ---- the run --------------------------------------------------------------- */

static int run(struct job *j, int mode, long long period)
{
	struct period_stamp *ps = NULL;
	int n = 0, todo = 0, rc = 0;
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	switch (charts_lock(j->lock_wait_s)) {
	case 1:
		break;
	case 0:
		return batch_fail("another egov-charts is drawing for database %s (waited %d s); nothing done",
			          config_get("db_name", "egov"), j->lock_wait_s);
	default:
		return batch_fail("%s", "cannot take the job's database lock");
	}
	if (mode == 'p') {
		int has = charts_has_figures(period);
		if (has < 0)
			return batch_fail("%s", "cannot read the summary tables");
		if (!has)
			return batch_fail("period %lld has no aggregated figures (or does not exist): run "
				          "egov-aggregate first", period);
		ps = calloc(1, sizeof *ps);
		if (ps == NULL)
			return batch_fail("%s", "out of memory");
		ps[0].id = period;
		n = 1;
	} else if (charts_periods(&ps, &n) != 0) {
		return batch_fail("%s", "cannot read the periods from the database");
	}
	for (int i = 0; i < n; i++) {
		char pdir[1000];
		long long have;

		if (mode == 'd') {
			snprintf(pdir, sizeof pdir, "%s/%lld", j->dir, ps[i].id);
			have = read_stamp(pdir);
			if (have >= 0 && have == ps[i].stamp)
				continue;
		}
		todo++;
		if (draw_period(j, ps[i].id, mode == 'p') != 0) {
			j->failed++;
			rc = 1;
		}
	}
	free(ps);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (todo == 0)
		printf("charts: nothing to draw (%s)\n",
		       mode == 'd' ? "every period's charts are up to date" : "no period has figures yet");
	printf("charts: done: %d period%s drawn, %d failed, %d charts (%d SVG, %d PNG), %d briefing "
	       "pages, %d gnuplot process%s, %.2f s\n",
	       j->periods, j->periods == 1 ? "" : "s", j->failed, j->charts, j->svg, j->png, j->pages,
	       j->processes, j->processes == 1 ? "" : "es", batch_seconds(&t0, &t1));
	return rc;
}

int main(int argc, char **argv)
{
	static struct job j;
	const char *cfg = getenv("EGOV_CONFIG");
	const char *const *sql;
	int mode = 0, nsql, rc;
	long long period = 0;
	struct stat st;

	batch_name("egov-charts");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-c") == 0 && i + 1 < argc) {
			cfg = argv[++i];
		} else if ((strcmp(a, "--period") == 0 && i + 1 < argc) || strncmp(a, "--period=", 9) == 0) {
			const char *v = a[8] == '=' ? a + 9 : argv[++i];
			char *end;
			if (mode)
				return usage();
			period = strtoll(v, &end, 10);
			if (*v == '\0' || *end != '\0' || period <= 0)
				return batch_fail("--period %s: expected a period id (a positive number)", v);
			mode = 'p';
		} else if (strcmp(a, "--all") == 0 && !mode) {
			mode = 'a';
		} else if (strcmp(a, "--due") == 0 && !mode) {
			mode = 'd';
		} else {
			return usage();
		}
	}
	if (!mode)
		return usage();
	setvbuf(stdout, NULL, _IOLBF, 0);
	umask(022);
	if (batch_start(&cfg, "charts") != 0)
		return 1;
	j.dir = config_get("charts_dir", NULL);
	j.gnuplot = config_get("gnuplot", "gnuplot");
	j.timeout_s = (int)config_int("charts_timeout_s", 600);
	j.lock_wait_s = (int)config_int("charts_lock_wait_s", 300);
	if (j.timeout_s <= 0)
		j.timeout_s = 600;
	if (j.lock_wait_s < 0)
		j.lock_wait_s = 0;
	if (j.dir == NULL || *j.dir == '\0') {
		config_free();
		return batch_fail("charts_dir is not set in %s", cfg);
	}
	if (strlen(j.dir) > 900) {
		config_free();
		return batch_fail("%s", "charts_dir: the path is too long");
	}
	if (stat(j.dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		batch_fail("charts_dir %s is not a directory", j.dir);
		config_free();
		return 1;
	}
	if (*j.gnuplot == '\0') {
		config_free();
		return batch_fail("gnuplot is set to nothing in %s", cfg);
	}
	sql = charts_sql(&nsql);
	if (db_setup("aggregate", sql, nsql) != E_OK || db_ensure() != E_OK) {
		config_free();
		return batch_fail("cannot connect to the database (check db_socket/db_host and aggregate.db_user "
			          "in %s)", cfg);
	}
	rc = run(&j, mode, period);
	/* new charts and briefing packs on disk: pages kept by the workers give way */
	gen_bump();
	db_shutdown();
	config_free();
	return rc;
}
