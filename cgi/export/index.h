/* per-index exports (ui-index.c, index.c): declarations.
 *
 * One national index version (index_version) for one period, in the
 * layout of an official criteria table: the city sheet, one sheet per kind
 * of unit, and a metadata sheet; as XLSX, as CSV files zipped, or as JSON.
 * index.c builds the content once and writes it in the chosen format; the
 * pages and the command line only choose, audit and deliver. */
#ifndef EGOV_EXPORT_INDEX_H
#define EGOV_EXPORT_INDEX_H
#include "../lib/req.h"

enum ix_format { IX_XLSX, IX_ZIP, IX_JSON };

struct ix_opts {
	const char *version;        /* index_version.code, e.g. DTI2022 */
	long long period;           /* a period id, or 0 with year */
	int year;                   /* the year's last quarter with aggregated data */
	enum ix_format format;
	const char *lang;           /* "vi" or "en" */
	const char *who;            /* "display name (login)" or "cli:user" */
	/* filled by ix_prepare */
	long long version_id;
	char version_name[300];
	long long period_id;
	char period_label[64];
	const char *missing;        /* E_NOTFOUND: "index_version", "index_period" or "index_year" */
};

/* Finds the version and the period (E_NOTFOUND with o->missing set,
 * E_BADREQ for a malformed choice). */
int ix_prepare(struct ix_opts *o);
/* The audit row (who, what, when): before anything is written. */
int ix_audit(struct req *r, const struct ix_opts *o);
/* Writes the whole file into path. */
int ix_write(const struct ix_opts *o, const char *path);
/* "chi-so-DTI2022-ky-12.xlsx", "chi-so-DTI2022-nam-2026.zip" */
void ix_filename(const struct ix_opts *o, char *out, size_t outsz);
const char *ix_content_type(enum ix_format f);

/* pages */
extern const struct field ix_home_fields[], ix_file_fields[];
int ui_index(struct req *r);
int ui_index_xlsx(struct req *r);
int ui_index_zip(struct req *r);
int ui_index_json(struct req *r);

#endif
