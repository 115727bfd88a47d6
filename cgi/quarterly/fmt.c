/* Numbers and dates the way a Vietnamese report prints them. */
#include <stdio.h>
#include <stdlib.h>

#include "../lib/text.h"
#include "quarterly.h"

void fmt_num(const char *dec, int decimals, char *out, size_t n)
{
	if (dec == NULL || *dec == '\0')
		snprintf(out, n, "—");
	else
		num_grouped(strtod(dec, NULL), decimals, 0, out, n);
}

void fmt_date(const char *iso, char *out, size_t n)
{
	int y, m, d;

	if (iso != NULL && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(out, n, "%02d/%02d/%04d", d, m, y);
	else
		snprintf(out, n, "%s", iso ? iso : "");
}
