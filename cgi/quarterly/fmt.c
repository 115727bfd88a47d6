/* Numbers and dates the way a Vietnamese report prints them. */
#include <stdio.h>
#include <stdlib.h>

#include "../lib/batch.h"
#include "quarterly.h"

void fmt_num(const char *dec, int decimals, char *out, size_t n)
{
	if (dec == NULL || *dec == '\0')
		snprintf(out, n, "—");
	else
		batch_num_vn(strtod(dec, NULL), decimals, out, n);
}

void fmt_date(const char *iso, char *out, size_t n)
{
	int y, m, d;

	if (iso != NULL && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(out, n, "%02d/%02d/%04d", d, m, y);
	else
		snprintf(out, n, "%s", iso ? iso : "");
}
