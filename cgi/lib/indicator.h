/* Validation of one indicator's typed value, shared by the web form and, later,
 * spreadsheet import, so both give the same messages. */
#ifndef EGOV_INDICATOR_H
#define EGOV_INDICATOR_H
#include <stddef.h>

struct ind {
	long long id;
	const char *code;
	const char *vtype;      /* integer, decimal, percent, yesno, text, date */
	const char *min, *max;  /* canonical decimals or NULL */
	int required;
};

/* Returns NULL when raw is acceptable (blank included: the caller decides
 * whether blank is allowed), else a message key (Lang.Err.<key>).  The value
 * to store goes into canon ("" for blank) and, for numbers, *num. */
const char *ind_check(const struct ind *in, const char *raw, char *canon, size_t canonsz,
		      double *num);
/* Normalises a DECIMAL as MariaDB returns it ("12.500000" -> "12.5"). */
void canon_decimal(const char *db, char *out, size_t outsz);
/* Whether a cross-field rule "left op right" holds. */
int rule_holds(double left, const char *op, double right);

#endif
