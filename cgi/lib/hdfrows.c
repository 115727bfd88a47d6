/* Rows into the page's HDF (see hdfrows.h). */
#include "hdfrows.h"

void nset_row(struct req *r, HDF *n, const struct dbres *res, unsigned row, const char *const *keys,
	      unsigned nkeys)
{
	for (unsigned c = 0; c < nkeys; c++)
		nset(r, n, keys[c], dbres_get(res, row, c));
}
