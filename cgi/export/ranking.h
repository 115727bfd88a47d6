/* the units' ranking for commendation (ui-ranking.c): declarations.
 *
 * The ranking of cgi/lib/ranking.c for a period or a year, as XLSX (a sheet
 * per kind of unit and a sheet with the formula and the metadata) or as
 * CSV (one kind per file, UTF-8 with BOM).  The pages and the command line
 * only choose, audit and deliver:
 *
 *   egov-export [-c CONFIG] ranking (--period ID | --year YYYY) --format csv|xlsx
 *               [--kind district|department] [--lang vi|en] --out FILE */
#ifndef EGOV_EXPORT_RANKING_H
#define EGOV_EXPORT_RANKING_H
#include "../lib/ranking.h"
#include "../lib/req.h"

struct sink;

struct rank_opts {
	long long period;           /* a period id, or 0 with year */
	int year;
	const char *kind;           /* CSV: "district" or "department" */
	int xlsx;
	const char *lang;           /* "vi" or "en" */
	const char *who;            /* "display name (login)" or "cli:user" */
	/* filled by rank_prepare: both kinds for XLSX, the one kind for CSV */
	struct rk_list list[2];
	int nlists;
	struct rk_weights w;
};

/* Loads and ranks (E_BADREQ, E_NOTFOUND); rank_done frees. */
int rank_prepare(struct rank_opts *o);
void rank_done(struct rank_opts *o);
/* The audit row, before anything is written. */
int rank_audit(struct req *r, const struct rank_opts *o);
int rank_csv(const struct rank_opts *o, const struct sink *out);
int rank_xlsx(const struct rank_opts *o, const char *path);
/* "xep-hang-2026.xlsx", "xep-hang-ky-12-district.csv" */
void rank_filename(const struct rank_opts *o, char *out, size_t outsz);

extern const struct field rank_home_fields[], rank_file_fields[];
int ui_rank_home(struct req *r);      /* GET /export/ranking */
int ui_rank_csv(struct req *r);       /* GET /export/ranking.csv?period=|year=&kind= */
int ui_rank_xlsx(struct req *r);      /* GET /export/ranking.xlsx?period=|year= */

#endif
