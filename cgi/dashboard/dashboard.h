/* egov-dashboard: the leadership's read-only pages (head, deputies and the
 * committee's members) for the quarterly meeting (Art. 6.7, 7 of the
 * regulation).  Everything shown was computed by the aggregation job into
 * agg_value / agg_score / agg_run and drawn by the chart job into
 * charts_dir/<period_id>/; a page reads those summary tables with a few
 * statements and the worker's reference-data cache for names.  GET only.
 *
 * One file per page group, each with its own statement table:
 *   ui-overview.c   /dashboard/            headline indicators, late and
 *                                          missing units, best and weakest
 *   ui-pillar.c     /dashboard/pillar      one pillar's indicators
 *   ui-indicator.c  /dashboard/indicator   trend and units compared
 *   ui-unit.c       /dashboard/unit        one unit against target and city
 *   ui-ranking.c    /dashboard/ranking     every unit's scores by pillar
 *                   /dashboard/timeliness  units x quarters: on time, late, missing
 *   ui-files.c      /dashboard/chart, /dashboard/briefing (X-Accel-Redirect)
 *   ui-csv.c        /dashboard/csv         the figures of any table above
 *   common.c        period choice, number formats, marks, chart names */
#ifndef EGOV_DASHBOARD_H
#define EGOV_DASHBOARD_H
#include <ClearSilver.h>

#include "../lib/db.h"
#include "../lib/refdata.h"
#include "../lib/req.h"
#include "../lib/stmts.h"

/* Who reads the dashboard: unit heads (as committee members), the working
 * group, committee members, deputies, the head and admins.  A plain officer
 * does not. */
#define DASH (R_UNIT_HEAD | R_WG | R_WG_LEAD | R_DEPUTY | R_HEAD | R_MEMBER | R_ADMIN)

/* ---- the chart job's files, named here and nowhere else ----
 * charts_dir/<period_id>/<name>; the dashboard only links the names below
 * and /dashboard/chart serves only names matching CHART_NAME_OK (a letter or
 * digit, then letters, digits, '_' and '-', then .svg or .png: no dots, no
 * slashes, so no way out of the period's directory). */
#define CHART_TREND "trend-%lld.svg"     /* indicator id: city value, last 8 quarters, target line */
#define CHART_UNITS "units-%lld-%s.svg"  /* indicator id, unit kind: units compared, target marked */
#define CHART_PILLAR "pillar-%s.svg"     /* pillar code: progress of its indicators */
#define CHART_UNIT "unit-%lld.svg"       /* unit id: its indicators against target and city */
#define CHART_STATUS "status.svg"        /* units x quarters: on time, late, missing */
#define CHART_RANKING "ranking-%s.svg"   /* unit kind: units by overall score */
#define BRIEFING_PDF "briefing.pdf"      /* the printable briefing pack */
int chart_name_ok(const char *name);

/* ---- the period a page shows (common.c) ---- */
#define SERIES_MAX 8
struct dperiod {
	long long id;                 /* 0: no period has figures yet */
	int kind, year, seq;
	char label[64];
	char cutoff_end[16];          /* ISO, for series queries */
	int computed;                 /* an aggregation run finished for it */
	long long prev_id;            /* the previous period of the kind with figures */
	char prev_label[64];
	long long series[SERIES_MAX]; /* this one and earlier ones of the kind, newest first */
	char series_label[SERIES_MAX][64];
	int nseries;
};
/* Runs one statement: every period with its latest finished run.  Picks
 * `want` (0: the latest period with figures), fills Dash.period.* and the
 * selector Periods.*; E_NOTFOUND for an unknown period. */
int dash_period(struct req *r, long long want, struct dperiod *p);

/* ---- reference data: the shared cache plus what only the dashboard needs
 * (aggregation rule, direction), reloaded with it ---- */
struct dind {
	const struct ref_ind *ref;
	char agg[12];                 /* sum, mean, wmean, count_yes, share_yes, none */
	char dir[8];                  /* up, down, none */
};
int dash_ref(struct req *r, const struct refdata **rd);
const struct dind *dash_ind(long long id);   /* after dash_ref; NULL if unknown */
/* every indicator of the cache in display order (pillar, then sort) */
const struct dind *dash_ind_at(unsigned i);
unsigned dash_nind(void);

/* ---- numbers ---- */
/* A figure the way the table shows it ("1.234,5%", "87 lượt người") and the
 * same number for the CSV ("1234.5").  The aggregation job stores share_yes
 * figures (and their targets) as percentages. */
void dash_value(struct req *r, const struct dind *d, const char *db, char *shown, size_t sn,
		char *raw, size_t rn);
/* The unit of measure as the tables show it next to a figure. */
const char *dash_uom(struct req *r, const struct dind *d);
/* Difference a - b in the indicator's scale, signed ("+2,5"), or "". */
void dash_delta(struct req *r, const struct dind *d, const char *a, const char *b, char *out,
		size_t n, int *sign);
/* A plain number with the language's separators and at most `dec` decimals. */
void dash_num(struct req *r, double v, int dec, char *out, size_t n);

/* ---- progress marks: met, on_track, behind, no_target, no_data ---- */
const char *dash_mark(const char *value, const char *target, const char *progress);
/* Fills node.{value, value_raw, target, target_raw, progress, progress_raw,
 * bar, mark} for one agg_value row's value/target/progress. */
void dash_figure(struct req *r, HDF *node, const struct dind *d, const char *value,
		 const char *target, const char *progress);

/* A unit's delivery for a period: on_time, late (delivered after the due
 * date), missing (not delivered, due date passed) or pending (not delivered,
 * not yet due).  Delivered: submitted or accepted with a submission time. */
const char *dash_state(const char *status, const char *submitted_at, long long days_after_due,
		       long long today_after_due);

/* ---- charts ---- */
/* node.{url, file, present, alt}: present only when the file exists, so a
 * page never shows a broken image. */
void dash_chart(struct req *r, HDF *node, long long period, const char *file, const char *alt);
const char *dash_charts_dir(void);

/* ---- shared bits ---- */
/* Starts a page: 1 when the worker kept it and r->out holds it (the handler
 * returns E_OK), else 0 with the template and the navigation set. */
int dash_page(struct req *r, const char *active, const char *tmpl);
/* Fills Dash.pillars.N.{code,name} (for navigation) from the cache. */
void dash_pillars(struct req *r, const struct refdata *rd, const char *current);

/* ---- CSV (ui-csv.c) ---- */
struct csvcol {
	const char *child;            /* HDF child of each row */
	const char *head;             /* key under Lang.Dash.Csv, or NULL: text */
	int number;                   /* written as it is when it looks like a number */
	const char *text;             /* the header itself (columns made from data) */
};
/* Writes the rows under `rows` (children in order) as CSV with a header
 * line, UTF-8 with a BOM, as a download named `filename`. */
int dash_csv(struct req *r, const char *rows, const struct csvcol *cols, const char *filename);
const char *dash_lang(struct req *r, const char *key);   /* Lang.Dash.<key> of the request's language */

/* ---- pages ---- */
extern const struct field overview_fields[], pillar_fields[], indicator_fields[], unit_fields[],
	ranking_fields[], timeliness_fields[], chart_fields[], briefing_fields[], csv_fields[];
int ui_overview(struct req *r);
int ui_pillar(struct req *r);
int ui_indicator(struct req *r);
int ui_unit(struct req *r);
int ui_ranking(struct req *r);
int ui_timeliness(struct req *r);
int ui_chart(struct req *r);
int ui_briefing(struct req *r);
int ui_csv(struct req *r);

/* Data loaders shared by a page and its CSV (each one statement); they fill
 * the HDF node named in their comment. */
int load_headline(struct req *r, const struct dperiod *p);           /* Dash.headline */
int load_submissions(struct req *r, const struct dperiod *p);        /* Dash.late, Dash.missing, Dash.subs */
int load_pillar(struct req *r, const struct dperiod *p, const char *code);  /* Dash.inds */
int load_trend(struct req *r, const struct dperiod *p, long long ind);      /* Dash.trend */
int load_units(struct req *r, const struct dperiod *p, long long ind);      /* Dash.units, Dash.ugroups */
int load_unit_values(struct req *r, const struct dperiod *p, long long unit); /* Dash.values */
int load_best(struct req *r, const struct dperiod *p, const char *pillar);   /* Dash.best */
int load_ranking(struct req *r, const struct dperiod *p);            /* Dash.ranking, Dash.rcols, Dash.rkinds */
int load_status(struct req *r, const struct dperiod *p);             /* Dash.status, Dash.scols */

#include "meetings.h"
#include "directions.h"
#endif
