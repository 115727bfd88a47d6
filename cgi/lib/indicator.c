#include "indicator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

void canon_decimal(const char *db, char *out, size_t outsz)
{
	size_t n;

	snprintf(out, outsz, "%s", db ? db : "");
	if (strchr(out, '.') == NULL)
		return;
	n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
	if (strcmp(out, "-0") == 0)
		strcpy(out, "0");
}

const char *ind_check(const struct ind *in, const char *raw, char *canon, size_t canonsz,
		      double *num)
{
	const char *s = raw ? raw : "";
	enum num_err ne;

	canon[0] = '\0';
	*num = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return NULL;
	if (strcmp(in->vtype, "text") == 0) {
		if (utf8_chars(raw) > 2000)
			return "too_long";
		snprintf(canon, canonsz, "%s", raw);
		return NULL;
	}
	if (strcmp(in->vtype, "date") == 0) {
		struct ymd d;
		if (date_parse(s, &d) != 0)
			return "date";
		date_iso(d, canon, canonsz);
		return NULL;
	}
	if (strcmp(in->vtype, "yesno") == 0) {
		if (strcmp(s, "1") != 0 && strcmp(s, "0") != 0)
			return "yesno";
		snprintf(canon, canonsz, "%s", s);
		*num = s[0] == '1';
		return NULL;
	}
	ne = num_parse(s, strcmp(in->vtype, "integer") == 0, canon, canonsz, num);
	switch (ne) {
	case NUM_OK:
		break;
	case NUM_AMBIGUOUS:
		return "ambiguous";
	case NUM_FRACTION:
		return "fraction";
	case NUM_DIGITS:
		return "digits";
	default:
		return "syntax";
	}
	if ((in->min != NULL && *num < strtod(in->min, NULL)) ||
	    (in->max != NULL && *num > strtod(in->max, NULL)))
		return "range";
	return NULL;
}

int rule_holds(double l, const char *op, double r)
{
	if (strcmp(op, "<=") == 0)
		return l <= r;
	if (strcmp(op, "<") == 0)
		return l < r;
	if (strcmp(op, ">=") == 0)
		return l >= r;
	if (strcmp(op, ">") == 0)
		return l > r;
	return l == r;
}
