#include "check.h"
#include "../../cgi/lib/refdata.h"

void test_refdata(void)
{
	struct ref_target t[] = {
		{7, 0, 2026, "80.000000"},   /* city-wide */
		{7, 42, 2026, "95.000000"},  /* unit 42's own */
		{7, 0, 2025, "70.000000"},
		{8, 0, 2026, "1.000000"},
	};
	struct ref_ind in = {7, "X", "", "", "", "", "", "", "percent", "0", "100",
			     "department,commune", 1, 1};
	struct refdata rd = {.target = t, .ntarget = 4};

	CHECK_STR(ref_target(&rd, 7, 2026, 42), "95.000000");
	CHECK_STR(ref_target(&rd, 7, 2026, 43), "80.000000");
	CHECK_STR(ref_target(&rd, 7, 2025, 42), "70.000000");
	CHECK(ref_target(&rd, 7, 2024, 42) == NULL);
	CHECK(ref_target(&rd, 9, 2026, 0) == NULL);
	CHECK(ref_kind_has(&in, "commune") && ref_kind_has(&in, "department"));
	CHECK(!ref_kind_has(&in, "district") && !ref_kind_has(&in, "dep"));
}
