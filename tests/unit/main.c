/* Unit tests of the core: one function per area, one CHECK per behaviour.
 * Prints "unit: N passed, N failed" for the top-level runner. */
#include "check.h"

int checks_passed, checks_failed;

static int group(const char *name, void (*fn)(void))
{
	int before_p = checks_passed, before_f = checks_failed;

	fn();
	if (checks_failed > before_f)
		printf("FAIL unit/%s: %d of %d checks failed\n", name, checks_failed - before_f,
		       checks_failed - before_f + checks_passed - before_p);
	else
		printf("PASS unit/%s (%d checks)\n", name, checks_passed - before_p);
	return checks_failed > before_f;
}

int main(void)
{
	int failed = 0;

	failed += group("text", test_text);
	failed += group("period", test_period);
	failed += group("form", test_form);
	failed += group("csv", test_csv);
	failed += group("indicator", test_indicator);
	failed += group("render", test_render);
	failed += group("refdata", test_refdata);
	failed += group("evidence", test_evidence);
	failed += group("aggregate", test_aggregate);
	failed += group("clock", test_clock);
	failed += group("ics", test_ics);
	failed += group("ranking", test_ranking);
	failed += group("xlsx", test_xlsx);
	failed += group("fodt", test_fodt);
	failed += group("cache", test_cache);
	return failed ? 1 : 0;
}
