#include "check.h"
#include "../../cgi/lib/period.h"

static const char *window(int kind, int year, int seq)
{
	static char out[32];
	struct ymd s, e;
	char a[11], b[11];

	if (period_window(kind, year, seq, &s, &e) != 0)
		return "invalid";
	date_iso(s, a, sizeof a);
	date_iso(e, b, sizeof b);
	snprintf(out, sizeof out, "%s..%s", a, b);
	return out;
}

void test_period(void)
{
	char label[64];

	/* Decree 09/2019: 15th of the month before the quarter .. 14th of its last month */
	CHECK_STR(window('Q', 2026, 1), "2025-12-15..2026-03-14");
	CHECK_STR(window('Q', 2026, 2), "2026-03-15..2026-06-14");
	CHECK_STR(window('Q', 2026, 3), "2026-06-15..2026-09-14");
	CHECK_STR(window('Q', 2026, 4), "2026-09-15..2026-12-14");
	CHECK_STR(window('H', 2026, 1), "2025-12-15..2026-06-14");
	CHECK_STR(window('H', 2026, 2), "2026-06-15..2026-12-14");
	CHECK_STR(window('Y', 2026, 1), "2025-12-15..2026-12-14");
	CHECK_STR(window('Q', 2026, 5), "invalid");
	CHECK_STR(window('H', 2026, 3), "invalid");
	CHECK_STR(window('X', 2026, 1), "invalid");
	{
		struct ymd e = {2026, 12, 14}, due = period_default_due(e, 6), op = period_default_open(e);
		CHECK(due.y == 2026 && due.m == 12 && due.d == 20);
		CHECK(op.m == 12 && op.d == 1);
		e = (struct ymd){2026, 12, 30};
		due = period_default_due(e, 6);
		CHECK(due.y == 2027 && due.m == 1 && due.d == 5);
	}
	CHECK_STR(form_status(NULL, NULL), "not_started");
	CHECK_STR(form_status("draft", NULL), "draft");
	CHECK_STR(form_status("submitted", "1"), "on_time");
	CHECK_STR(form_status("submitted", "0"), "late");
	CHECK_STR(form_status("submitted", NULL), "late");
	CHECK_STR(form_status("returned", "1"), "returned");
	CHECK_STR(form_status("accepted", "0"), "accepted");
	period_label('Q', 2026, 4, "vi", label, sizeof label);
	CHECK_STR(label, "Quý 4/2026");
	period_label('H', 2026, 1, "vi", label, sizeof label);
	CHECK_STR(label, "6 tháng đầu năm 2026");
	period_label('Q', 2026, 4, "en", label, sizeof label);
	CHECK_STR(label, "Q4/2026");
}
