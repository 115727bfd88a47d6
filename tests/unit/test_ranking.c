/* The ranking's arithmetic (cgi/lib/ranking.c) against a fixture computed
 * by hand with the default weights 60/20/10/10. */
#include <stdlib.h>

#include "../../cgi/lib/ranking.h"
#include "check.h"

static struct rk_unit unit(const char *name, double score_sum, int score_n, int on_time, int late,
			   int missing, int dir_total, int dir_on_time, int plan_total, int plan_on_time)
{
	static long long next_id = 1;
	struct rk_unit u;

	memset(&u, 0, sizeof u);
	u.id = next_id++;
	snprintf(u.name, sizeof u.name, "%s", name);
	u.score_sum = score_sum;
	u.score_n = score_n;
	u.on_time = on_time;
	u.late = late;
	u.missing = missing;
	u.dir_total = dir_total;
	u.dir_on_time = dir_on_time;
	u.plan_total = plan_total;
	u.plan_on_time = plan_on_time;
	return u;
}

static int near(double a, double b) { return a - b < 1e-9 && b - a < 1e-9; }

void test_ranking(void)
{
	struct rk_weights w = {{60, 20, 10, 10}};
	struct rk_unit u[6];
	char s[200];

	/* Gamma: (60*85 + 20*0 + 10*100) / 90, no plan task: re-weighted */
	u[0] = unit("Gamma", 85, 1, 0, 0, 1, 1, 1, 0, 0);
	/* Alpha: (60*80 + 20*50 + 10*50 + 10*100) / 100 = 73 */
	u[1] = unit("Alpha", 80, 1, 1, 1, 0, 2, 1, 1, 1);
	/* no indicator score: listed, not ranked */
	u[2] = unit("Zeta", 0, 0, 2, 0, 0, 1, 1, 0, 0);
	/* Beta: mean of 70 and 80; (60*75 + 20*100 + 10*0) / 90 = 650/9 */
	u[3] = unit("Beta", 150, 2, 2, 0, 0, 0, 0, 2, 0);
	/* Delta: Alpha's figures exactly: shares rank 1 */
	u[4] = unit("Delta", 80, 1, 1, 1, 0, 2, 1, 1, 1);
	/* Epsilon: 73 too, a lower indicator score: after the pair, rank 3 */
	u[5] = unit("Epsilon", 70, 1, 1, 0, 0, 1, 1, 10, 1);
	ranking_compute(u, 6, &w);

	CHECK_STR(u[0].name, "Alpha");
	CHECK_STR(u[1].name, "Delta");
	CHECK_STR(u[2].name, "Epsilon");
	CHECK_STR(u[3].name, "Beta");
	CHECK_STR(u[4].name, "Gamma");
	CHECK_STR(u[5].name, "Zeta");
	CHECK(u[0].rank == 1 && u[1].rank == 1 && u[2].rank == 3 && u[3].rank == 4 && u[4].rank == 5);
	CHECK(u[5].rank == 0 && !u[5].ranked && !u[5].has[RK_IND]);
	CHECK(u[0].combined == 73.0 && u[2].combined == 73.0);
	CHECK(near(u[3].combined, 650.0 / 9));
	CHECK(near(u[4].combined, 6100.0 / 90));
	CHECK(u[0].comp[RK_TIME] == 50 && u[0].comp[RK_DIR] == 50 && u[0].comp[RK_PLAN] == 100);
	CHECK(u[3].comp[RK_IND] == 75 && u[3].comp[RK_TIME] == 100 && !u[3].has[RK_DIR]);
	CHECK(u[3].has[RK_PLAN] && u[3].comp[RK_PLAN] == 0);
	CHECK(u[4].has[RK_TIME] && u[4].comp[RK_TIME] == 0 && !u[4].has[RK_PLAN]);
	CHECK(u[5].has[RK_TIME] && u[5].comp[RK_TIME] == 100);

	/* cells: full precision, a dash (not a zero) for what a unit lacks */
	{
		char tmp[64];
		int num;
		CHECK_STR(ranking_cell(&u[0], RC_COMBINED, 0, tmp, sizeof tmp, &num), "73");
		CHECK(num == 1);
		CHECK_STR(ranking_cell(&u[3], RC_DIR, 0, tmp, sizeof tmp, &num), "\xE2\x80\x94");
		CHECK(num == 0);
		CHECK_STR(ranking_cell(&u[5], RC_RANK, 0, tmp, sizeof tmp, &num), "\xE2\x80\x94");
		CHECK_STR(ranking_cell(&u[5], RC_COMBINED, 0, tmp, sizeof tmp, &num), "\xE2\x80\x94");
		CHECK_STR(ranking_cell(&u[2], RC_RANK, 0, tmp, sizeof tmp, &num), "3");
		CHECK_STR(ranking_cell(&u[0], RC_TIME, 0, tmp, sizeof tmp, &num), "50");
		CHECK_STR(ranking_cell(&u[0], RC_NAME, 1, tmp, sizeof tmp, &num), "Alpha");
	}

	/* a component weighted 0 is left out of the mean */
	{
		struct rk_weights w2 = {{50, 50, 0, 0}};
		struct rk_unit v[1];
		v[0] = unit("Solo", 90, 1, 1, 1, 0, 4, 0, 0, 0);
		ranking_compute(v, 1, &w2);
		CHECK(v[0].combined == 70.0 && v[0].rank == 1);
	}

	CHECK(ranking_formula("a {ind} b {time} c {dir} d {plan} e {x}", &w, s, sizeof s) == 0);
	CHECK_STR(s, "a 60 b 20 c 10 d 10 e {x}");
	CHECK(ranking_formula("{ind}{ind}{ind}", &w, s, 6) == -1);
	CHECK(ranking_formula("", &w, s, sizeof s) == 0 && s[0] == '\0');

	ranking_num(73.0, s, sizeof s);
	CHECK_STR(s, "73");
	ranking_num(71.5, s, sizeof s);
	CHECK_STR(s, "71.5");
	ranking_num(650.0 / 9, s, sizeof s);
	CHECK(strtod(s, NULL) == 650.0 / 9 && strlen(s) > 10);
}
