/* Dates into the page's HDF (see hdfdate.h). */
#include "hdfdate.h"

#include "text.h"

void nset_date(struct req *r, HDF *n, const char *name, const char *iso)
{
	char d[16];

	if (iso == NULL)
		return;
	date_iso_to_vn(iso, d, sizeof d);
	nset(r, n, name, d);
}
