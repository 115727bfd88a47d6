/* Rows from the database into the page's HDF, column by column. */
#ifndef EGOV_HDFROWS_H
#define EGOV_HDFROWS_H
#include "db.h"
#include "render.h"

/* Sets <n>.<keys[c]> to column c of the row for each c < nkeys: the leading
 * columns a page shows as the database gives them (NULL as ""). */
void nset_row(struct req *r, HDF *n, const struct dbres *res, unsigned row, const char *const *keys,
	      unsigned nkeys);
/* The same with a static array of keys, all of them. */
#define NSET_ROW(r, n, res, row, keys) nset_row(r, n, res, row, keys, sizeof keys / sizeof keys[0])

#endif
