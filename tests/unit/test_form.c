#include <stdlib.h>

#include "check.h"
#include "../../cgi/lib/req.h"

static const char *get(struct kv *kv, int n, const char *k)
{
	for (int i = 0; i < n; i++)
		if (strcmp(kv[i].key, k) == 0)
			return kv[i].val;
	return NULL;
}

void test_form(void)
{
	struct kv *kv = NULL;
	int n = 0;
	struct fval fv[FIELDS_MAX];
	const char *bad = NULL;
	static const struct field fields[] = {
		{"period", F_INT, 1, 100, 1, NULL},
		{"action", F_WORD, 0, 0, 0, "save|submit"},
		{"title", F_LINE, 0, 5, 0, NULL},
		{NULL, 0, 0, 0, 0, NULL},
	};

	CHECK(form_parse_urlencoded("a=1&b=H%E1%BA%A3i+Ph%C3%B2ng&c=&d", 33, &kv, &n) == 0);
	CHECK(n == 4);
	CHECK_STR(get(kv, n, "b"), "Hải Phòng");
	CHECK_STR(get(kv, n, "c"), "");
	CHECK_STR(get(kv, n, "d"), "");
	form_free(kv, n); kv = NULL; n = 0;

	CHECK(form_parse_urlencoded("a=%00", 5, &kv, &n) != 0);     /* NUL */
	form_free(kv, n); kv = NULL; n = 0;
	CHECK(form_parse_urlencoded("a=%C3%28", 8, &kv, &n) != 0);  /* invalid UTF-8 */
	form_free(kv, n); kv = NULL; n = 0;
	CHECK(form_parse_urlencoded("a=%4", 4, &kv, &n) != 0);      /* truncated escape */
	form_free(kv, n); kv = NULL; n = 0;
	CHECK(form_parse_urlencoded("a=%zz", 5, &kv, &n) != 0);
	form_free(kv, n); kv = NULL; n = 0;

	/* declared fields: typed values or a named failure */
	form_parse_urlencoded("period=7&action=submit&title=abc", 33, &kv, &n);
	CHECK(form_validate(fields, kv, n, fv, &bad) == 0);
	CHECK(fv[0].present && fv[0].i == 7);
	CHECK_STR(fv[1].s, "submit");
	form_free(kv, n); kv = NULL; n = 0;
	form_parse_urlencoded("period=0", 8, &kv, &n);
	CHECK(form_validate(fields, kv, n, fv, &bad) != 0 && strcmp(bad, "period") == 0);
	form_free(kv, n); kv = NULL; n = 0;
	form_parse_urlencoded("period=5&action=drop", 20, &kv, &n);
	CHECK(form_validate(fields, kv, n, fv, &bad) != 0 && strcmp(bad, "action") == 0);
	form_free(kv, n); kv = NULL; n = 0;
	form_parse_urlencoded("period=1e3", 10, &kv, &n);
	CHECK(form_validate(fields, kv, n, fv, &bad) != 0);
	form_free(kv, n); kv = NULL; n = 0;
	form_parse_urlencoded("action=save", 11, &kv, &n);
	CHECK(form_validate(fields, kv, n, fv, &bad) != 0 && strcmp(bad, "period") == 0);
	form_free(kv, n); kv = NULL; n = 0;
	form_parse_urlencoded("period=1&title=%E1%BA%A3%E1%BA%A3%E1%BA%A3%E1%BA%A3%E1%BA%A3", 61, &kv, &n);
	CHECK(form_validate(fields, kv, n, fv, &bad) == 0);  /* 5 characters, 15 bytes */
	form_free(kv, n); kv = NULL; n = 0;
	form_parse_urlencoded("period=1&title=a%0Ab", 20, &kv, &n);
	CHECK(form_validate(fields, kv, n, fv, &bad) != 0);  /* a line field has no newline */
	form_free(kv, n); kv = NULL; n = 0;

	/* multipart */
	{
		const char *ct = "multipart/form-data; boundary=XyZ";
		const char body[] = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nHải\r\n"
				    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
				    "Content-Type: application/pdf\r\n\r\n%PDF\0\x01\r\n--XyZ--\r\n";
		CHECK(form_parse_multipart(body, sizeof body - 1, ct, &kv, &n) == 0);
		CHECK(n == 2);
		CHECK_STR(get(kv, n, "note"), "Hải");
		CHECK(n == 2 && kv[1].vlen == 6 && kv[1].filename && strcmp(kv[1].filename, "a.pdf") == 0);
		form_free(kv, n); kv = NULL; n = 0;
		const char bad1[] = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nab\0c\r\n--XyZ--";
		CHECK(form_parse_multipart(bad1, sizeof bad1 - 1, ct, &kv, &n) != 0);
		form_free(kv, n); kv = NULL; n = 0;
		const char bad2[] = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nunterminated";
		CHECK(form_parse_multipart(bad2, sizeof bad2 - 1, ct, &kv, &n) != 0);
		form_free(kv, n); kv = NULL; n = 0;
		CHECK(form_parse_multipart(body, sizeof body - 1, "multipart/form-data", &kv, &n) != 0);
		form_free(kv, n); kv = NULL; n = 0;
	}
}
