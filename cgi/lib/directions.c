/* Directions and the annual plan (see directions.h). */
#include "directions.h"

#include <string.h>

#include "text.h"
#include "textutil.h"

int budget_parse(const char *s, char *out, size_t outsz)
{
	double v;
	const char *dot;

	out[0] = '\0';
	if (blank(s))
		return 0;
	if (num_parse(s, 0, out, outsz, &v) != NUM_OK || v < 0)
		return -1;
	/* DECIMAL(14,3): 11 digits before the mark, 3 after */
	dot = strchr(out, '.');
	if ((dot ? (size_t)(dot - out) : strlen(out)) > 11 || (dot && strlen(dot + 1) > 3))
		return -1;
	return 0;
}
