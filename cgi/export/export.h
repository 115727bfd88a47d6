/* egov-export: the working group's exports (issue 5), read-only.  Under
 * /export/ for the working group, its lead and admins, and the same exports
 * from the command line for scheduled use (cli.c):
 *
 *   egov-export -c CONFIG raw --from-period ID --to-period ID --format csv|xlsx
 *               [--kind K] [--pillar P] [--status S] [--lang vi|en] --out FILE
 *
 * One file per page group, each with its own statement table:
 *   ui-home.c   /export/                      the choices (a GET form)
 *   ui-raw.c    /export/raw.csv, raw.xlsx     the raw data, streamed
 *   raw.c       the raw data export itself, shared by the pages and the CLI
 *   cli.c       the command line
 *   exportfile.c  what the file writers share: the temporary file a
 *               download is built in, workbooks, numbers into cells */
#ifndef EGOV_EXPORT_H
#define EGOV_EXPORT_H
#include <stddef.h>

#include "../lib/req.h"
#include "../lib/stmts.h"

#define EXPORT_ROLES (R_WG | R_WG_LEAD | R_ADMIN)

/* Where the bytes of a file go: the FastCGI stream or a FILE. */
struct sink {
	int (*write)(void *ctx, const char *buf, size_t n);   /* 0 or -1 */
	void *ctx;
};

/* ---- the raw data (raw.c) ---- */
struct raw_opts {
	long long from, to;         /* period ids, same kind; from's window ends first */
	const char *kind;           /* unit kind or "" for all */
	const char *pillar;         /* pillar code or "" for all */
	const char *status;         /* final (default: submitted+accepted), one status, or all */
	int xlsx;
	const char *lang;           /* headers and labels: "vi" or "en" */
	const char *who;            /* "display name (login)" for the metadata */
	/* filled by raw_prepare */
	char statuses[64];          /* the SET matched: "submitted,accepted" */
	char from_label[64], to_label[64];
	char from_window[32], to_window[32];
	long long rows;             /* counted before writing */
};
/* Checks the periods and filters (E_BADREQ, E_NOTFOUND) and counts the rows. */
int raw_prepare(struct raw_opts *o);
/* The audit row (who, what, filters, rows): before anything is written. */
int raw_audit(struct req *r, const struct raw_opts *o);
/* CSV: UTF-8 with BOM, CRLF, every text field through csv_put. */
int raw_csv(const struct raw_opts *o, const struct sink *out, long long *written);
/* XLSX (libxlsxwriter, constant memory) into path. */
int raw_xlsx(const struct raw_opts *o, const char *path, long long *written);
/* "du-lieu-tho-<from>-<to>.csv" */
void raw_filename(const struct raw_opts *o, char *out, size_t outsz);

/* ---- pages ---- */
extern const struct field home_fields[], raw_fields[];
int ui_home(struct req *r);
int ui_raw_csv(struct req *r);
int ui_raw_xlsx(struct req *r);

/* ---- command line (cli.c) ---- */
int cli_is_command(const char *arg);
int cli_main(int argc, char **argv);

#include "index.h"
#include "ranking.h"
#include "plan.h"
#include "template.h"
#endif
