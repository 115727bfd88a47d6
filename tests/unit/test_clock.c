/* The day boundary of deadlines: midnight in Hanoi is 17:00 UTC. */
#include "../../cgi/lib/clock.h"
#include "check.h"

void test_clock(void)
{
	char d[11];

	/* 2026-11-27 16:59:59 UTC is 23:59:59 on the 27th in Hanoi */
	hanoi_today_iso((time_t)1795798799, d, sizeof d);
	CHECK_STR(d, "2026-11-27");
	/* one second later it is the 28th there */
	hanoi_today_iso((time_t)1795798800, d, sizeof d);
	CHECK_STR(d, "2026-11-28");
	/* the UTC date is still the 27th until midnight UTC */
	hanoi_today_iso((time_t)1795823999, d, sizeof d);
	CHECK_STR(d, "2026-11-28");
	/* epoch and before it */
	hanoi_today_iso((time_t)0, d, sizeof d);
	CHECK_STR(d, "1970-01-01");
	hanoi_today_iso((time_t)-25201, d, sizeof d);
	CHECK_STR(d, "1969-12-31");
	hanoi_today_iso((time_t)-25200, d, sizeof d);
	CHECK_STR(d, "1970-01-01");
	/* a year's end */
	CHECK(hanoi_date((time_t)1798736399).y == 2026);   /* 2026-12-31 16:59:59 UTC */
	CHECK(hanoi_date((time_t)1798736400).y == 2027);
}
