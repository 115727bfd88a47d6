/* Dates from the database into the page's HDF, shown as dd/mm/yyyy. */
#ifndef EGOV_HDFDATE_H
#define EGOV_HDFDATE_H
#include "render.h"

/* Sets name under n to the ISO date iso as dd/mm/yyyy; a NULL (a date not
 * yet known, such as done_on) sets nothing, so the template tests it. */
void nset_date(struct req *r, HDF *n, const char *name, const char *iso);

#endif
