/* The arithmetic of egov-aggregate (cgi/aggregate/calc.c): fixed-point
 * figures, the aggregation rules, targets, progress, scores and ranks.  The
 * job's own object files are not in libegov.a, so the file is compiled in
 * here. */
#include <math.h>

#include "../../cgi/aggregate/calc.h"

#include "check.h"

static const char *fmt(micro_t v)
{
	static char out[4][64];
	static int k;

	k = (k + 1) % 4;
	micro_format(v, out[k], sizeof out[k]);
	return out[k];
}

static micro_t m(const char *s)
{
	micro_t v = 0;

	CHECK(micro_parse(s, &v) == 0);
	return v;
}

static void parse_and_format(void)
{
	micro_t v;

	CHECK_STR(fmt(m("12.5")), "12.500000");
	CHECK_STR(fmt(m("-0.25")), "-0.250000");
	CHECK_STR(fmt(m("7")), "7.000000");
	CHECK_STR(fmt(m("0.000001")), "0.000001");
	CHECK_STR(fmt(m("99999999999999.999999")), "99999999999999.999999");
	CHECK_STR(fmt(m("1.0000005")), "1.000001");         /* a seventh decimal rounds */
	CHECK_STR(fmt(m("-1.0000005")), "-1.000001");
	CHECK_STR(fmt(m(".5")), "0.500000");
	CHECK_STR(fmt(0), "0.000000");
	CHECK(micro_parse("", &v) == -1);
	CHECK(micro_parse("-", &v) == -1);
	CHECK(micro_parse("1e3", &v) == -1);
	CHECK(micro_parse("1,5", &v) == -1);
	CHECK(micro_parse(NULL, &v) == -1);
	CHECK(micro_parse("1234567890123456789012345678901", &v) == -1);
	/* rounding half away from zero */
	CHECK(div_round(5, 2) == 3);
	CHECK(div_round(-5, 2) == -3);
	CHECK(div_round(4, 3) == 1);
	CHECK(div_round(-4, 3) == -1);
	CHECK(div_round(7, -2) == -4);
}

static void rules(void)
{
	struct acc a;
	micro_t v;

	CHECK(rule_parse("sum") == RULE_SUM && rule_parse("wmean") == RULE_WMEAN);
	CHECK(rule_parse("share_yes") == RULE_SHARE_YES && rule_parse("none") == RULE_NONE);
	CHECK(rule_parse("median") == -1 && rule_parse(NULL) == -1);
	CHECK(direction_parse("down") == DIR_DOWN && direction_parse("sideways") == -1);
	CHECK(rule_additive(RULE_SUM) && rule_additive(RULE_COUNT_YES) && !rule_additive(RULE_MEAN));

	/* nobody reported: NULL for every rule */
	memset(&a, 0, sizeof a);
	CHECK(acc_value(&a, RULE_SUM, &v) == 0);
	CHECK(acc_value(&a, RULE_COUNT_YES, &v) == 0);

	/* 10.5 + 20.25 + 5: sum 35.75, mean 11.916667 */
	memset(&a, 0, sizeof a);
	acc_add(&a, m("10.5"), 0, 0);
	acc_add(&a, m("20.25"), 0, 0);
	acc_add(&a, m("5"), 0, 0);
	CHECK(acc_value(&a, RULE_SUM, &v) == 1);
	CHECK_STR(fmt(v), "35.750000");
	CHECK(acc_value(&a, RULE_MEAN, &v) == 1);
	CHECK_STR(fmt(v), "11.916667");
	CHECK(acc_value(&a, RULE_NONE, &v) == 0);
	CHECK(a.reporting == 3);

	/* weighted: 50 (w 1), 90 (w 3), 30 (w 2), 70 without a weight -> 380/6 */
	memset(&a, 0, sizeof a);
	acc_add(&a, m("50"), 1, m("1"));
	acc_add(&a, m("90"), 1, m("3"));
	acc_add(&a, m("30"), 1, m("2"));
	acc_add(&a, m("70"), 0, 0);
	CHECK(acc_value(&a, RULE_WMEAN, &v) == 1);
	CHECK_STR(fmt(v), "63.333333");
	CHECK(acc_value(&a, RULE_MEAN, &v) == 1);
	CHECK_STR(fmt(v), "60.000000");
	/* no weights, or weights all 0: the mean */
	memset(&a, 0, sizeof a);
	acc_add(&a, m("50"), 0, 0);
	acc_add(&a, m("90"), 1, 0);
	CHECK(acc_value(&a, RULE_WMEAN, &v) == 1);
	CHECK_STR(fmt(v), "70.000000");
	/* weights too large for 128 bits of w*v: the long double sum takes over */
	memset(&a, 0, sizeof a);
	acc_add(&a, m("99999999999999"), 1, m("99999999999999"));
	acc_add(&a, m("99999999999999"), 1, m("99999999999999"));
	CHECK(a.wv_overflow == 1);
	CHECK(acc_value(&a, RULE_WMEAN, &v) == 1);
	CHECK(v > m("99999999999998") && v < m("100000000000000"));

	/* yes/no: 1, 0, 1, 1 -> count 3, share 75 %; 2 is an answer but not yes */
	memset(&a, 0, sizeof a);
	acc_add(&a, m("1"), 0, 0);
	acc_add(&a, m("0"), 0, 0);
	acc_add(&a, m("1.000000"), 0, 0);
	acc_add(&a, m("1"), 0, 0);
	CHECK(acc_value(&a, RULE_COUNT_YES, &v) == 1);
	CHECK_STR(fmt(v), "3.000000");
	CHECK(acc_value(&a, RULE_SHARE_YES, &v) == 1);
	CHECK_STR(fmt(v), "75.000000");
	acc_add(&a, m("2"), 0, 0);
	CHECK(acc_value(&a, RULE_SHARE_YES, &v) == 1);
	CHECK_STR(fmt(v), "60.000000");
	memset(&a, 0, sizeof a);
	acc_add(&a, m("1"), 0, 0);
	acc_add(&a, m("0"), 0, 0);
	acc_add(&a, m("1"), 0, 0);
	CHECK(acc_value(&a, RULE_SHARE_YES, &v) == 1);
	CHECK_STR(fmt(v), "66.666667");
}

static void targets_and_progress(void)
{
	double p;

	/* a yes/no target of 1 (every unit) is 100 % of a share_yes aggregate */
	CHECK_STR(fmt(target_scale(RULE_SHARE_YES, m("1"))), "100.000000");
	CHECK_STR(fmt(target_scale(RULE_SHARE_YES, m("0.8"))), "80.000000");
	CHECK_STR(fmt(target_scale(RULE_SHARE_YES, m("90"))), "90.000000");
	CHECK_STR(fmt(target_scale(RULE_COUNT_YES, m("1"))), "1.000000");
	CHECK_STR(fmt(target_scale(RULE_MEAN, m("0.5"))), "0.500000");

	CHECK(progress_of(DIR_UP, m("35.75"), m("50"), &p) == 1 && fabs(p - 0.715) < 1e-12);
	CHECK(progress_of(DIR_DOWN, m("6"), m("5"), &p) == 1 && fabs(p - 5.0 / 6) < 1e-12);
	CHECK(progress_of(DIR_DOWN, 0, m("5"), &p) == 0);     /* value 0, down: NULL */
	CHECK(progress_of(DIR_UP, m("3"), 0, &p) == 0);       /* target 0: NULL */
	CHECK(progress_of(DIR_NONE, m("3"), m("4"), &p) == 0);
	CHECK(progress_of(DIR_UP, m("1000000000"), m("0.000001"), &p) == 1 && p == 999999.999999);

	/* scores: min(progress, 1), at least 0 */
	CHECK(fabs(indicator_score(DIR_UP, m("80"), m("100")) - 0.8) < 1e-12);
	CHECK(indicator_score(DIR_UP, m("120"), m("100")) == 1.0);
	CHECK(indicator_score(DIR_DOWN, m("5"), m("10")) == 1.0);
	CHECK(fabs(indicator_score(DIR_DOWN, m("20"), m("10")) - 0.5) < 1e-12);
	CHECK(indicator_score(DIR_DOWN, 0, m("10")) == 1.0);   /* nothing left: the best */
	CHECK(indicator_score(DIR_UP, m("-5"), m("10")) == 0.0);
	CHECK(indicator_score(DIR_UP, m("0"), 0) == 1.0);
	CHECK(indicator_score(DIR_UP, m("-1"), 0) == 0.0);
	CHECK(score4(82.5) == 825000 && score4(66.666666666) == 666667 && score4(0) == 0);
}

static void ranks(void)
{
	long long sc[7] = {825000, 750000, 750000, 0, 999999, 0, 100};
	int has[7] = {1, 1, 1, 1, 0, 1, 1}, rank[7];

	CHECK(rank_desc(sc, has, 7, rank) == 0);
	CHECK(rank[0] == 1);
	CHECK(rank[1] == 2 && rank[2] == 2);     /* a tie shares its rank */
	CHECK(rank[6] == 4);                     /* ... and the next one skips */
	CHECK(rank[3] == 5 && rank[5] == 5);
	CHECK(rank[4] == 0);                     /* no score: not ranked */
	CHECK(rank_desc(sc, has, 0, rank) == 0);
}

void test_aggregate(void)
{
	parse_and_format();
	rules();
	targets_and_progress();
	ranks();
}
