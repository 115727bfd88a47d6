#include "check.h"
#include "../../cgi/lib/text.h"

static const char *parse(const char *s, int integer_only, enum num_err *e)
{
	static char out[64];
	double v;

	out[0] = '\0';
	*e = num_parse(s, integer_only, out, sizeof out, &v);
	return out;
}

void test_text(void)
{
	enum num_err e;
	char out[64];

	/* UTF-8 */
	CHECK(utf8_valid("Hải Phòng", strlen("Hải Phòng")));
	CHECK(!utf8_valid("a\0b", 3));                    /* NUL */
	CHECK(!utf8_valid("\xC3\x28", 2));                /* bad continuation */
	CHECK(!utf8_valid("\xC0\xAF", 2));                /* overlong '/' */
	CHECK(!utf8_valid("\xED\xA0\x80", 3));            /* surrogate */
	CHECK(!utf8_valid("\xF4\x90\x80\x80", 4));        /* above U+10FFFF */
	CHECK(!utf8_valid("\xE1\xBA", 2));                /* truncated */
	CHECK(utf8_valid("\xF0\x9F\x98\x80", 4));         /* emoji */
	CHECK(utf8_chars("Hải") == 3);
	CHECK(list_has("save|submit", '|', "submit") && !list_has("save|submit", '|', "sub"));
	CHECK(list_has("department,district", ',', "district") && !list_has("", ',', "x"));
	CHECK(!list_has("department,district", ',', ""));

	/* numbers: both decimal marks, never a guess */
	CHECK_STR(parse("12,5", 0, &e), "12.5"); CHECK(e == NUM_OK);
	CHECK_STR(parse("12.5", 0, &e), "12.5"); CHECK(e == NUM_OK);
	CHECK_STR(parse(" 42 ", 1, &e), "42"); CHECK(e == NUM_OK);
	CHECK_STR(parse("-3", 0, &e), "-3"); CHECK(e == NUM_OK);
	CHECK_STR(parse("0,125", 0, &e), "0.125"); CHECK(e == NUM_OK);
	CHECK_STR(parse("007", 1, &e), "7"); CHECK(e == NUM_OK);
	CHECK_STR(parse("12,50", 0, &e), "12.5"); CHECK(e == NUM_OK);
	CHECK_STR(parse("1234,567", 0, &e), "1234.567"); CHECK(e == NUM_OK);
	parse("1,234", 0, &e); CHECK(e == NUM_AMBIGUOUS);
	parse("1.234", 1, &e); CHECK(e == NUM_AMBIGUOUS);
	parse("1.234,5", 0, &e); CHECK(e == NUM_AMBIGUOUS);
	parse("1,234,567", 0, &e); CHECK(e == NUM_AMBIGUOUS);
	parse("12,5", 1, &e); CHECK(e == NUM_FRACTION);
	parse("", 0, &e); CHECK(e == NUM_EMPTY);
	parse("   ", 0, &e); CHECK(e == NUM_EMPTY);
	parse("12a", 0, &e); CHECK(e == NUM_SYNTAX);
	parse(",5", 0, &e); CHECK(e == NUM_SYNTAX);
	parse("5,", 0, &e); CHECK(e == NUM_SYNTAX);
	parse("1e5", 0, &e); CHECK(e == NUM_SYNTAX);
	parse("--1", 0, &e); CHECK(e == NUM_SYNTAX);
	parse("0x10", 0, &e); CHECK(e == NUM_SYNTAX);
	parse("123456789012345", 0, &e); CHECK(e == NUM_DIGITS);
	parse("1,1234567", 0, &e); CHECK(e == NUM_DIGITS);
	num_display("12.500000", out, sizeof out); CHECK_STR(out, "12,5");
	num_display("100.000000", out, sizeof out); CHECK_STR(out, "100");
	num_grouped(1234567.5, 2, 0, out, sizeof out); CHECK_STR(out, "1.234.567,5");
	num_grouped(1234567.5, 2, 1, out, sizeof out); CHECK_STR(out, "1,234,567.5");
	num_grouped(-0.004, 2, 0, out, sizeof out); CHECK_STR(out, "0");
	num_grouped(-1000, 0, 0, out, sizeof out); CHECK_STR(out, "-1.000");
	num_grouped(999.999, 2, 0, out, sizeof out); CHECK_STR(out, "1.000");
	num_display("7", out, sizeof out); CHECK_STR(out, "7");

	/* dates */
	{
		struct ymd d;
		CHECK(date_parse("29/02/2024", &d) == 0 && d.d == 29 && d.m == 2);
		CHECK(date_parse("29/02/2026", &d) != 0);
		CHECK(date_parse("2026-12-06", &d) == 0 && d.y == 2026 && d.m == 12 && d.d == 6);
		CHECK(date_parse("6/12/2026", &d) != 0);
		CHECK(date_parse("31/04/2026", &d) != 0);
		date_iso_to_vn("2026-12-20", out, sizeof out);
		CHECK_STR(out, "20/12/2026");
		CHECK(days_from_civil((struct ymd){1970, 1, 1}) == 0);
		CHECK(days_from_civil((struct ymd){2026, 12, 20}) - days_from_civil((struct ymd){2026, 12, 14}) == 6);
	}
}
