/* Calendar days as the committee counts them: Asia/Ho_Chi_Minh (UTC+7, no
 * daylight saving since 1975).  Deadlines are dates there, so "overdue" is
 * decided against this day, bound into SQL as a parameter rather than the
 * database server's CURDATE(), whose time zone is whatever the host has. */
#ifndef EGOV_CLOCK_H
#define EGOV_CLOCK_H
#include <stddef.h>
#include <time.h>

#include "text.h"

/* The date in Hanoi at instant t. */
struct ymd hanoi_date(time_t t);
/* The same as "yyyy-mm-dd" (out needs 11 bytes), for binding into SQL. */
void hanoi_today_iso(time_t t, char *out, size_t outsz);
/* Today in Hanoi now, "yyyy-mm-dd". */
void hanoi_today(char *out, size_t outsz);

#endif
