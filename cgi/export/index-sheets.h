/* The per-index export's content (index.c builds it, index-write.c writes
 * it): sheets of cells in memory, the same for the XLSX, the zipped CSV and
 * the JSON, so the three never disagree. */
#ifndef EGOV_EXPORT_INDEX_SHEETS_H
#define EGOV_EXPORT_INDEX_SHEETS_H
#include <stddef.h>

#include "../lib/buf.h"
#include "../lib/db.h"
#include "index.h"

enum { CT_EMPTY, CT_TEXT, CT_NUM, CT_LIST };   /* a list: items separated by newlines */
struct cell {
	const char *s;
	int t;
};
struct col {
	const char *key, *vi, *en;
	double width;
};

struct sheet {
	const char *key;            /* city, department, district, commune, other, metadata */
	const char *name;           /* as the reader sees it */
	const struct col *cols;
	int ncols;
	struct cell *cells;         /* nrows x ncols */
	unsigned char *heading;     /* per row: a main index with components, bold in XLSX */
	size_t nrows, cap;
	const char **meta_keys;     /* the metadata sheet: a stable key per row, for JSON */
};

#define NSHEETS 6
struct block;          /* index.c's arena of the cells' text */
struct ix {
	const struct ix_opts *o;
	int en;
	int failed;                 /* out of memory somewhere: the export fails whole */
	struct block *arena;
	struct sheet sh[NSHEETS];
	int nsh;
	const char *meta_keys[32];
	/* what the sheets are built from */
	struct dbres crit, map, units, src, ev;
	unsigned *order;            /* criteria rows in the index's own order */
	unsigned char *has_children;
	int ngaps, nunverified;
	struct buf gaps, unverified;   /* their codes, for the metadata */
	char base[512];             /* base_url for the evidence links, without its final slash */
};

/* Each writes the whole file into path: E_OK or E_INTERNAL. */
int ix_write_xlsx(const struct ix *x, const char *path);
int ix_write_zip(const struct ix *x, const char *path);
int ix_write_json(const struct ix *x, const char *path);

#endif
