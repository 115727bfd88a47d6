#include <stdlib.h>

#include "check.h"
#include "../../cgi/lib/buf.h"
#include "../../cgi/lib/csv.h"

void test_csv(void)
{
	const char *text = "\xEF\xBB\xBF" "code,name\nA,\"Sở Nội vụ, Hải Phòng\"\r\nB,\"say \"\"hi\"\"\nline\"\n,\n";
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct csv_row r;

	CHECK(csv_next(f, &r) == 1 && r.n == 2);
	CHECK_STR(r.field[0], "code");
	csv_row_free(&r);
	CHECK(csv_next(f, &r) == 1 && r.n == 2);
	CHECK_STR(r.field[1], "Sở Nội vụ, Hải Phòng");
	csv_row_free(&r);
	CHECK(csv_next(f, &r) == 1);
	CHECK_STR(r.field[1], "say \"hi\"\nline");
	csv_row_free(&r);
	CHECK(csv_next(f, &r) == 1 && r.n == 2 && r.field[0][0] == '\0');
	csv_row_free(&r);
	CHECK(csv_next(f, &r) == 0);
	fclose(f);

	{
		struct buf b;
		buf_init(&b);
		csv_put(&b, "plain", 1);
		csv_put(&b, "a,b", 0);
		csv_put(&b, "say \"x\"", 0);
		csv_put(&b, "=SUM(A1)", 0);
		csv_put(&b, "-3", 0);
		csv_put(&b, "@cmd", 0);
		csv_put(&b, NULL, 0);
		csv_put(&b, "dòng\nhai", 0);
		CHECK_STR(buf_str(&b), "plain,\"a,b\",\"say \"\"x\"\"\",\"'=SUM(A1)\",\"'-3\",\"'@cmd\",,\"dòng\nhai\"");
		buf_free(&b);
	}
	f = fmemopen((void *)"a,\"open", 7, "r");
	CHECK(csv_next(f, &r) == -1);
	fclose(f);
}
