/* Decimals into the page's HDF (see hdfnum.h). */
#include "hdfnum.h"

#include "text.h"

void nset_num(struct req *r, HDF *n, const char *name, const char *db)
{
	char out[48];

	if (db == NULL)
		return;
	num_display(db, out, sizeof out);
	nset(r, n, name, out);
}
