/* Unit tests of the core: one function per area, one CHECK per behaviour.
 * Prints "unit: N passed, N failed" for the top-level runner. */
#include "check.h"

int checks_passed, checks_failed;

int main(void)
{
	test_text();
	test_period();
	test_form();
	test_csv();
	test_indicator();
	test_render();
	printf("unit: %d passed, %d failed\n", checks_passed, checks_failed);
	return checks_failed ? 1 : 0;
}
