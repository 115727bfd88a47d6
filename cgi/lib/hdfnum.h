/* Decimals from the database into the page's HDF, shown the Vietnamese way. */
#ifndef EGOV_HDFNUM_H
#define EGOV_HDFNUM_H
#include "render.h"

/* Sets name under n to the DECIMAL db as num_display shows it ("12,5");
 * a NULL (no figure, such as a budget not yet set) sets nothing. */
void nset_num(struct req *r, HDF *n, const char *name, const char *db);

#endif
