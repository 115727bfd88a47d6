#include "check.h"
#include "../../cgi/lib/indicator.h"

void test_indicator(void)
{
	struct ind pct = {1, "HT-MAYTINH", "percent", "0.000000", "100.000000", 1};
	struct ind cnt = {2, "DVC-TOTAL", "integer", "0", "100000", 1};
	struct ind yn = {3, "HT-IPV6", "yesno", "0", "1", 1};
	struct ind dt = {4, "D", "date", NULL, NULL, 0};
	char c[64];
	double v;

	CHECK(ind_check(&pct, "99,5", c, sizeof c, &v) == NULL && v == 99.5);
	CHECK_STR(c, "99.5");
	CHECK_STR(ind_check(&pct, "100,5", c, sizeof c, &v), "range");
	CHECK_STR(ind_check(&pct, "-1", c, sizeof c, &v), "range");
	CHECK(ind_check(&pct, "", c, sizeof c, &v) == NULL && c[0] == '\0');  /* blank is not zero */
	CHECK_STR(ind_check(&cnt, "12,5", c, sizeof c, &v), "fraction");
	CHECK_STR(ind_check(&cnt, "1.000", c, sizeof c, &v), "ambiguous");
	CHECK_STR(ind_check(&cnt, "<script>", c, sizeof c, &v), "syntax");
	CHECK_STR(ind_check(&cnt, "1' OR '1'='1", c, sizeof c, &v), "syntax");
	CHECK(ind_check(&cnt, "0", c, sizeof c, &v) == NULL && strcmp(c, "0") == 0);
	CHECK(ind_check(&yn, "1", c, sizeof c, &v) == NULL && v == 1);
	CHECK_STR(ind_check(&yn, "2", c, sizeof c, &v), "yesno");
	CHECK(ind_check(&dt, "06/12/2026", c, sizeof c, &v) == NULL && strcmp(c, "2026-12-06") == 0);
	CHECK_STR(ind_check(&dt, "31/02/2026", c, sizeof c, &v), "date");
	canon_decimal("12.500000", c, sizeof c);
	CHECK_STR(c, "12.5");
	canon_decimal("40", c, sizeof c);
	CHECK_STR(c, "40");
	CHECK(rule_holds(3, "<=", 3) && !rule_holds(4, "<=", 3) && rule_holds(4, ">", 3));
}
