/* Numbers and dates the way a Vietnamese report prints them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quarterly.h"

void fmt_num(const char *dec, int decimals, char *out, size_t n)
{
	char tmp[64], *dot, *p = out, *end = out + n - 1;
	size_t intlen;
	double v;

	if (n == 0)
		return;
	if (dec == NULL || *dec == '\0') {
		snprintf(out, n, "—");
		return;
	}
	v = strtod(dec, NULL);
	snprintf(tmp, sizeof tmp, "%.*f", decimals, fabs(v));
	dot = strchr(tmp, '.');
	if (dot != NULL) {
		char *e = tmp + strlen(tmp);
		while (e > dot + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == dot + 1)
			*dot = '\0';
		else
			*dot = ',';
	}
	intlen = strcspn(tmp, ",");
	if (v < 0 && strspn(tmp, "0,") != strlen(tmp) && p < end)
		*p++ = '-';
	for (size_t i = 0; tmp[i] && p < end; i++) {
		if (i > 0 && i < intlen && (intlen - i) % 3 == 0 && p < end)
			*p++ = '.';
		if (p < end)
			*p++ = tmp[i];
	}
	*p = '\0';
}

void fmt_date(const char *iso, char *out, size_t n)
{
	int y, m, d;

	if (iso != NULL && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(out, n, "%02d/%02d/%04d", d, m, y);
	else
		snprintf(out, n, "%s", iso ? iso : "");
}
