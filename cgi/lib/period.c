#include "period.h"

#include <stdio.h>
#include <string.h>

int period_window(int kind, int year, int seq, struct ymd *start, struct ymd *end)
{
	int last_month;

	switch (kind) {
	case PK_QUARTER:
		if (seq < 1 || seq > 4)
			return -1;
		last_month = seq * 3;
		break;
	case PK_HALF:
		if (seq < 1 || seq > 2)
			return -1;
		last_month = seq * 6;
		break;
	case PK_YEAR:
		if (seq != 1)
			return -1;
		last_month = 12;
		break;
	default:
		return -1;
	}
	if (year < 2000 || year > 2100)
		return -1;
	end->y = year;
	end->m = last_month;
	end->d = 14;
	/* the window opens on the 15th of the month before the period's first month */
	start->d = 15;
	start->m = last_month - (kind == PK_QUARTER ? 3 : kind == PK_HALF ? 6 : 12);
	start->y = year;
	if (start->m <= 0) {
		start->m += 12;
		start->y--;
	}
	return 0;
}

struct ymd period_default_open(struct ymd cutoff_end)
{
	struct ymd d = cutoff_end;

	d.d = 1;
	return d;
}

struct ymd period_default_due(struct ymd cutoff_end, int days_after)
{
	return civil_from_days(days_from_civil(cutoff_end) + days_after);
}

void period_label(int kind, int year, int seq, const char *lang, char *out, size_t outsz)
{
	int en = lang != NULL && strcmp(lang, "en") == 0;

	switch (kind) {
	case PK_QUARTER:
		snprintf(out, outsz, en ? "Q%d/%d" : "Quý %d/%d", seq, year);
		break;
	case PK_HALF:
		if (en)
			snprintf(out, outsz, "H%d %d", seq, year);
		else
			snprintf(out, outsz, "6 tháng %s năm %d", seq == 1 ? "đầu" : "cuối", year);
		break;
	default:
		snprintf(out, outsz, en ? "Year %d" : "Năm %d", year);
		break;
	}
}

const char *form_status(const char *status, const char *on_time)
{
	if (status == NULL)
		return "not_started";
	if (strcmp(status, "submitted") == 0)
		return (on_time && on_time[0] == '1') ? "on_time" : "late";
	return status;
}
