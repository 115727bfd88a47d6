#include "clock.h"

#define HANOI_OFFSET (7 * 3600L)

/* Floor division: an instant before 1970 still lands on the right day. */
struct ymd hanoi_date(time_t t)
{
	long long s = (long long)t + HANOI_OFFSET;
	long long days = s / 86400;

	if (s % 86400 < 0)
		days--;
	return civil_from_days((long)days);
}

void hanoi_today_iso(time_t t, char *out, size_t outsz)
{
	date_iso(hanoi_date(t), out, outsz);
}

void hanoi_today(char *out, size_t outsz)
{
	hanoi_today_iso(time(NULL), out, outsz);
}
