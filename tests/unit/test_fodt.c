#include "check.h"
#include "../../cgi/lib/buf.h"
#include "../../cgi/quarterly/quarterly.h"

static const char *text(struct buf *b, const char *s)
{
	buf_reset(b);
	x_text(b, s);
	return buf_str(b);
}

/* What a unit typed reaches the report document as text, never as markup. */
void test_fodt(void)
{
	struct buf b;

	buf_init(&b);
	CHECK_STR(text(&b, "<b>Khó khăn</b> & \"vướng mắc\" 'x'"),
		  "&lt;b&gt;Khó khăn&lt;/b&gt; &amp; &quot;vướng mắc&quot; &apos;x&apos;");
	CHECK_STR(text(&b, "a\r\nb\nc\td"), "a<text:line-break/>b<text:line-break/>c<text:tab/>d");
	CHECK_STR(text(&b, "a   b"), "a <text:s text:c=\"2\"/>b");
	/* control characters have no place in XML 1.0; bad UTF-8 is replaced */
	CHECK_STR(text(&b, "a\x01\x1f" "b"), "ab");
	CHECK_STR(text(&b, "a\xc3(b"), "a\xef\xbf\xbd(b");
	CHECK_STR(text(&b, "\xef\xbf\xbe"), "\xef\xbf\xbd");
	CHECK_STR(text(&b, NULL), "");
	buf_free(&b);
}
