/* Templates with HTML escaping by default: data never becomes markup. */
#include <stdlib.h>

#include "check.h"
#include "../../cgi/lib/buf.h"
#include <ClearSilver.h>

static NEOERR *out(void *ctx, char *s)
{
	buf_adds(ctx, s);
	return STATUS_OK;
}

static int render(const char *tmpl, const char *value, struct buf *b)
{
	HDF *h;
	CSPARSE *cs;
	NEOERR *err;
	char *t = strdup(tmpl);

	hdf_init(&h);
	hdf_set_value(h, "Config.VarEscapeMode", "html");
	hdf_set_value(h, "X", value);
	err = cs_init(&cs, h);
	if (err == STATUS_OK)
		err = cs_parse_string(cs, t, strlen(t));
	else
		free(t);
	if (err == STATUS_OK)
		err = cs_render(cs, b, out);
	cs_destroy(&cs);
	hdf_destroy(&h);
	if (err != STATUS_OK) {
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

void test_render(void)
{
	struct buf b;

	nerr_init();
	buf_init(&b);
	CHECK(render("<p><?cs var:X ?></p>", "<script>alert(1)</script>", &b) == 0);
	CHECK_STR(buf_str(&b), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
	buf_reset(&b);
	CHECK(render("<input value=\"<?cs var:X ?>\">", "\" onfocus=\"x", &b) == 0);
	CHECK(strstr(buf_str(&b), "&quot; onfocus") != NULL);
	buf_reset(&b);
	CHECK(render("<?cs var:X ?>", "Hải Phòng & Hà Nội", &b) == 0);
	CHECK_STR(buf_str(&b), "Hải Phòng &amp; Hà Nội");
	buf_free(&b);
}
