#include "check.h"
#include "../../cgi/lib/xlsx.h"

/* The reader's refusals that need no real workbook, and the number text the
 * form receives from a number cell. */
void test_xlsx(void)
{
	static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
	static const unsigned char ole[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0};
	const struct xlsx_limits lim = {10, 100, 1 << 20, 100};
	struct xlsx_sheet sh;
	char out[64], ref[16];

	CHECK(xlsx_read(pdf, sizeof pdf - 1, &lim, &sh) == XLSX_NOT_ZIP);
	CHECK(xlsx_read(ole, sizeof ole, &lim, &sh) == XLSX_OLD_XLS);
	CHECK(xlsx_read("", 0, &lim, &sh) == XLSX_NOT_ZIP);

	CHECK(xlsx_plain_number("12.5", out, sizeof out) == 0);
	CHECK_STR(out, "12.5");
	CHECK(xlsx_plain_number("12.0", out, sizeof out) == 0);
	CHECK_STR(out, "12");
	CHECK(xlsx_plain_number("2.5E-05", out, sizeof out) == 0);
	CHECK_STR(out, "0.000025");
	/* "1.234" from a number cell is one and a bit, never a thousand */
	CHECK(xlsx_plain_number("1.234", out, sizeof out) == 0);
	CHECK_STR(out, "1.2340");
	CHECK(xlsx_plain_number("abc", out, sizeof out) == -1);
	CHECK(xlsx_plain_number("", out, sizeof out) == -1);

	xlsx_ref(11, 6, ref, sizeof ref);
	CHECK_STR(ref, "G12");
	xlsx_ref(0, 26, ref, sizeof ref);
	CHECK_STR(ref, "AA1");
}
