/* The reporting calendar of Decree 09/2019/ND-CP. */
#ifndef EGOV_PERIOD_H
#define EGOV_PERIOD_H
#include "text.h"

enum period_kind { PK_QUARTER = 'Q', PK_HALF = 'H', PK_YEAR = 'Y' };

/* Data cut-off window: a quarter runs from the 15th of the month before it to
 * the 14th of its last month; H1 15 Dec-14 Jun, H2 15 Jun-14 Dec; a year
 * 15 Dec-14 Dec.  Returns -1 for a kind/seq that does not exist. */
int period_window(int kind, int year, int seq, struct ymd *start, struct ymd *end);
/* Defaults: opens on the 1st of the window's last month, due a number of days
 * after the cut-off. */
struct ymd period_default_open(struct ymd cutoff_end);
struct ymd period_default_due(struct ymd cutoff_end, int days_after);
/* "Quý 4/2026", "6 tháng đầu năm 2026"... in the given language ("vi"/"en") */
void period_label(int kind, int year, int seq, const char *lang, char *out, size_t outsz);

/* A unit's form as people talk about it: not_started, draft, on_time, late,
 * returned, accepted (status NULL: no form yet; on_time "1" when submitted
 * by the due date). */
const char *form_status(const char *status, const char *on_time);

#endif
