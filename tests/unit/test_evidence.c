/* Evidence: the type comes from the content (magic bytes, ZIP and OLE2
 * directories), and the original file name is cleaned before it is kept. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "../../cgi/lib/evidence.h"
#include "../../cgi/lib/text.h"

static const char *key_of(const unsigned char *p, size_t n, const char **why)
{
	const struct ev_type *t = ev_sniff(p, n, why);
	return t ? t->key : NULL;
}

static const char *sniff_key(const void *p, size_t n)
{
	const char *why;
	const char *k = key_of(p, n, &why);
	return k ? k : "-";
}

static const char *sniff_why(const void *p, size_t n)
{
	const char *why = NULL;
	return key_of(p, n, &why) ? "-" : (why ? why : "?");
}

/* ---- a ZIP archive with empty entries; the first may be a stored "mimetype" ---- */

static void le16(unsigned char *p, unsigned v) { p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8); }
static void le32(unsigned char *p, uint32_t v)
{
	le16(p, v & 0xffff);
	le16(p + 2, v >> 16);
}

static size_t zip_build(unsigned char *out, const char *const *names, int n, const char *mimetype)
{
	size_t off = 0, local[16], cd;
	int k = 0;

	for (int i = -1; i < n; i++) {
		const char *name = i < 0 ? "mimetype" : names[i];
		size_t nl = strlen(name), dl = (i < 0 && mimetype) ? strlen(mimetype) : 0;

		if (i < 0 && mimetype == NULL)
			continue;
		local[k++] = off;
		memset(out + off, 0, 30);
		memcpy(out + off, "PK\x03\x04", 4);
		le16(out + off + 4, 10);
		le32(out + off + 18, (uint32_t)dl);
		le32(out + off + 22, (uint32_t)dl);
		le16(out + off + 26, (unsigned)nl);
		memcpy(out + off + 30, name, nl);
		if (dl)
			memcpy(out + off + 30 + nl, mimetype, dl);
		off += 30 + nl + dl;
	}
	cd = off;
	k = 0;
	for (int i = -1; i < n; i++) {
		const char *name = i < 0 ? "mimetype" : names[i];
		size_t nl = strlen(name), dl = (i < 0 && mimetype) ? strlen(mimetype) : 0;

		if (i < 0 && mimetype == NULL)
			continue;
		memset(out + off, 0, 46);
		memcpy(out + off, "PK\x01\x02", 4);
		le32(out + off + 20, (uint32_t)dl);
		le32(out + off + 24, (uint32_t)dl);
		le16(out + off + 28, (unsigned)nl);
		le32(out + off + 42, (uint32_t)local[k++]);
		memcpy(out + off + 46, name, nl);
		off += 46 + nl;
	}
	memset(out + off, 0, 22);
	memcpy(out + off, "PK\x05\x06", 4);
	le16(out + off + 8, (unsigned)k);
	le16(out + off + 10, (unsigned)k);
	le32(out + off + 12, (uint32_t)(off - cd));
	le32(out + off + 16, (uint32_t)cd);
	return off + 22;
}

/* ---- an OLE2 compound file: header, one FAT sector, one directory sector ---- */

static size_t ole_build(unsigned char *out, const char *const *names, int n)
{
	static const unsigned char magic[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	unsigned char *fat = out + 512, *dir = out + 1024;

	memset(out, 0, 1536);
	memcpy(out, magic, 8);
	le16(out + 24, 0x3E);
	le16(out + 26, 3);
	le16(out + 28, 0xFFFE);
	le16(out + 30, 9);
	le16(out + 32, 6);
	le32(out + 44, 1);            /* one FAT sector */
	le32(out + 48, 1);            /* the directory in sector 1 */
	le32(out + 60, 0xFFFFFFFE);
	le32(out + 68, 0xFFFFFFFE);   /* no DIFAT sectors */
	for (int i = 0; i < 109; i++)
		le32(out + 76 + i * 4, i == 0 ? 0 : 0xFFFFFFFF);
	for (int i = 0; i < 128; i++)
		le32(fat + i * 4, i == 0 ? 0xFFFFFFFD : i == 1 ? 0xFFFFFFFE : 0xFFFFFFFF);
	/* root, then the streams as a chain of right siblings under it */
	for (int e = 0; e <= n && e < 4; e++) {
		unsigned char *d = dir + e * 128;
		const char *name = e == 0 ? "Root Entry" : names[e - 1];
		size_t l = strlen(name);

		for (size_t i = 0; i < l; i++)
			d[i * 2] = (unsigned char)name[i];
		le16(d + 64, (unsigned)(l + 1) * 2);
		d[66] = e == 0 ? 5 : 2;
		le32(d + 68, 0xFFFFFFFF);
		le32(d + 72, (e > 0 && e < n) ? (uint32_t)(e + 1) : 0xFFFFFFFF);
		le32(d + 76, (e == 0 && n > 0) ? 1 : 0xFFFFFFFF);
	}
	return 1536;
}

static void test_sniff(void)
{
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
					    'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0,
					    0x3a, 0x7e, 0x9b, 0x55};
	static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
	unsigned char *z = calloc(1, 1 << 16);
	size_t n;

	CHECK_STR(sniff_key("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 16), "pdf");
	CHECK_STR(sniff_key(png, sizeof png), "png");
	CHECK_STR(sniff_why(png, 16), "type");                /* signature without its IHDR */
	CHECK_STR(sniff_key(jpeg, sizeof jpeg), "jpeg");
	CHECK_STR(sniff_key("GIF89a\x01\x00\x01\x00\x00\x00", 12), "gif");
	CHECK_STR(sniff_key("GIF87a\x01\x00\x01\x00\x00\x00", 12), "gif");
	CHECK_STR(sniff_why("", 0), "empty");
	CHECK_STR(sniff_why("<!doctype html><script>alert(1)</script>", 40), "type");
	CHECK_STR(sniff_why("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 42), "type");
	CHECK_STR(sniff_why("#!/bin/sh\nrm -rf /\n", 19), "type");
	CHECK_STR(sniff_why("MZ\x90\x00\x03\x00\x00\x00", 8), "type");
	CHECK_STR(sniff_why("\x7f" "ELF\x02\x01\x01", 7), "type");
	CHECK_STR(sniff_why(" %PDF-1.4", 9), "type");        /* the magic must come first */
	CHECK_STR(sniff_why("plain text that ends in .pdf", 28), "type");

	/* OOXML: [Content_Types].xml and the part folder of the application */
	{
		const char *docx[] = {"[Content_Types].xml", "_rels/.rels", "word/document.xml"};
		const char *xlsx[] = {"[Content_Types].xml", "xl/workbook.xml"};
		const char *pptx[] = {"[Content_Types].xml", "ppt/presentation.xml"};
		const char *plain[] = {"a.txt", "b/c.txt"};
		const char *no_ct[] = {"word/document.xml"};
		const char *macro[] = {"[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"};
		const char *odf_macro[] = {"content.xml", "Basic/Standard/Module1.xml"};
		const char *odf[] = {"content.xml", "META-INF/manifest.xml"};

		n = zip_build(z, docx, 3, NULL);
		CHECK_STR(sniff_key(z, n), "docx");
		CHECK_STR(sniff_why(z, n - 1), "zip");                 /* truncated */
		n = zip_build(z, xlsx, 2, NULL);
		CHECK_STR(sniff_key(z, n), "xlsx");
		n = zip_build(z, pptx, 2, NULL);
		CHECK_STR(sniff_key(z, n), "pptx");
		n = zip_build(z, plain, 2, NULL);
		CHECK_STR(sniff_why(z, n), "zip");
		n = zip_build(z, no_ct, 1, NULL);
		CHECK_STR(sniff_why(z, n), "zip");
		n = zip_build(z, macro, 3, NULL);
		CHECK_STR(sniff_why(z, n), "macro");
		n = zip_build(z, odf, 2, "application/vnd.oasis.opendocument.text");
		CHECK_STR(sniff_key(z, n), "odt");
		n = zip_build(z, odf, 2, "application/vnd.oasis.opendocument.spreadsheet");
		CHECK_STR(sniff_key(z, n), "ods");
		n = zip_build(z, odf, 2, "application/vnd.oasis.opendocument.presentation");
		CHECK_STR(sniff_key(z, n), "odp");
		n = zip_build(z, odf, 2, "application/vnd.oasis.opendocument.graphics");
		CHECK_STR(sniff_why(z, n), "zip");
		n = zip_build(z, odf, 2, "application/x-shellscript");
		CHECK_STR(sniff_why(z, n), "zip");
		n = zip_build(z, odf_macro, 2, "application/vnd.oasis.opendocument.text");
		CHECK_STR(sniff_why(z, n), "macro");
		/* a program with an office document appended (a self-extracting archive) */
		n = zip_build(z + 64, docx, 3, NULL);
		memcpy(z, "MZ", 2);
		CHECK_STR(sniff_why(z, n + 64), "type");
		memcpy(z, "PK\x03\x04", 4);
		CHECK_STR(sniff_why(z, n + 64), "zip");
		/* a central directory that points outside the file */
		n = zip_build(z, docx, 3, NULL);
		le32(z + n - 6, 60000);
		CHECK_STR(sniff_why(z, n), "zip");
		/* more entries claimed than there are */
		n = zip_build(z, docx, 3, NULL);
		le16(z + n - 14, 200);
		le16(z + n - 12, 200);
		CHECK_STR(sniff_why(z, n), "zip");
	}

	/* OLE2: Word, Excel, PowerPoint by their main stream; anything else refused */
	{
		const char *doc[] = {"WordDocument", "1Table", "\x05SummaryInformation"};
		const char *xls[] = {"Workbook"};
		const char *xls5[] = {"Book"};
		const char *ppt[] = {"PowerPoint Document", "Current User"};
		const char *msi[] = {"\x05SummaryInformation"};
		const char *doc_macro[] = {"WordDocument", "Macros"};
		const char *two[] = {"WordDocument", "Workbook"};

		n = ole_build(z, doc, 3);
		CHECK_STR(sniff_key(z, n), "doc");
		n = ole_build(z, xls, 1);
		CHECK_STR(sniff_key(z, n), "xls");
		n = ole_build(z, xls5, 1);
		CHECK_STR(sniff_key(z, n), "xls");
		n = ole_build(z, ppt, 2);
		CHECK_STR(sniff_key(z, n), "ppt");
		n = ole_build(z, msi, 1);
		CHECK_STR(sniff_why(z, n), "ole");
		n = ole_build(z, doc_macro, 2);
		CHECK_STR(sniff_why(z, n), "macro");
		n = ole_build(z, two, 2);
		CHECK_STR(sniff_why(z, n), "ole");
		n = ole_build(z, doc, 3);
		CHECK_STR(sniff_why(z, 1024), "ole");         /* directory sector cut off */
		le32(z + 48, 7);                              /* directory beyond the end */
		CHECK_STR(sniff_why(z, n), "ole");
		n = ole_build(z, doc, 3);
		le32(z + 1024 + 128 + 72, 1);                 /* a sibling cycle */
		CHECK_STR(sniff_why(z, n), "ole");
		n = ole_build(z, doc, 3);
		le32(z + 512 + 4, 1);                         /* a FAT chain that loops */
		CHECK_STR(sniff_why(z, n), "ole");
		n = ole_build(z, doc, 3);
		le16(z + 30, 7);                              /* a sector size that does not exist */
		CHECK_STR(sniff_why(z, n), "ole");
	}

	CHECK(ev_type_by_mime("application/pdf") != NULL);
	CHECK_STR(ev_type_by_mime("image/jpeg")->key, "jpeg");
	CHECK(ev_type_by_mime("text/html") == NULL);
	CHECK(ev_type_by_mime(NULL) == NULL);
	free(z);
}

static const struct ev_type *T(const char *key)
{
	static const char *mimes[][2] = {
		{"pdf", "application/pdf"}, {"png", "image/png"}, {"jpeg", "image/jpeg"},
		{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	};
	for (size_t i = 0; i < sizeof mimes / sizeof mimes[0]; i++)
		if (strcmp(mimes[i][0], key) == 0)
			return ev_type_by_mime(mimes[i][1]);
	return NULL;
}

static const char *clean(const char *raw, const char *type, int *rc)
{
	static char out[EV_NAME_BUF];
	*rc = ev_clean_name(raw, T(type), out, sizeof out);
	return out;
}

static void test_names(void)
{
	char longname[1200], expect[1200];
	const char *s;
	int rc;

	CHECK_STR(clean("../../etc/passwd\r\nX-Injected: 1.pdf", "pdf", &rc), "passwdX-Injected: 1.pdf");
	CHECK(rc == 0);
	CHECK_STR(clean("../../etc/passwd%0D%0AX-Injected: 1%22.pdf", "pdf", &rc), "passwdX-Injected: 1.pdf");
	CHECK_STR(clean("C:\\Users\\cb\\Desktop\\bien ban.pdf", "pdf", &rc), "bien ban.pdf");
	CHECK_STR(clean("/abs/path/", "pdf", &rc), "tai-lieu.pdf");
	CHECK_STR(clean("", "pdf", &rc), "tai-lieu.pdf");
	CHECK_STR(clean(NULL, "pdf", &rc), "tai-lieu.pdf");
	CHECK_STR(clean("..", "pdf", &rc), "tai-lieu.pdf");
	CHECK_STR(clean("...", "pdf", &rc), "tai-lieu.pdf");
	CHECK_STR(clean(".pdf", "pdf", &rc), "tai-lieu.pdf");
	CHECK(rc == 0);
	CHECK_STR(clean(" .. hidden.pdf", "pdf", &rc), "hidden.pdf");
	CHECK_STR(clean("Báo cáo quý 1.pdf", "pdf", &rc), "Báo cáo quý 1.pdf");
	CHECK_STR(clean("Kế hoạch.DOCX", "docx", &rc), "Kế hoạch.DOCX");
	CHECK(rc == 0);
	CHECK_STR(clean("anh.JPG", "jpeg", &rc), "anh.JPG");
	CHECK(rc == 0);
	CHECK_STR(clean("anh.jpeg", "jpeg", &rc), "anh.jpeg");
	CHECK(rc == 0);
	/* no extension: the type's; a dot that starts no extension stays */
	CHECK_STR(clean("bien ban", "pdf", &rc), "bien ban.pdf");
	CHECK(rc == 0);
	CHECK_STR(clean("Báo cáo Q1.2026", "pdf", &rc), "Báo cáo Q1.2026.pdf");
	CHECK_STR(clean("So 12.QĐ-UBND", "pdf", &rc), "So 12.QĐ-UBND.pdf");
	/* an extension that contradicts the content */
	CHECK_STR(clean("x.pdf", "png", &rc), "x.pdf");
	CHECK(rc == -1);
	clean("x.html", "pdf", &rc);
	CHECK(rc == -1);
	clean("x.exe", "pdf", &rc);
	CHECK(rc == -1);
	clean("x.tar.gz", "pdf", &rc);
	CHECK(rc == -1);
	clean("x.svg", "png", &rc);
	CHECK(rc == -1);
	clean("report.pdf.exe", "pdf", &rc);
	CHECK(rc == -1);
	CHECK_STR(clean("report.exe.pdf", "pdf", &rc), "report.exe.pdf");
	CHECK(rc == 0);
	/* quotes, controls, C1 controls, direction marks, invalid UTF-8 */
	CHECK_STR(clean("a\"b'c`d.pdf", "pdf", &rc), "abcd.pdf");
	CHECK_STR(clean("a\tb\x01\x7f" "c.pdf", "pdf", &rc), "abc.pdf");
	CHECK_STR(clean("a\xc2\x85" "b.pdf", "pdf", &rc), "ab.pdf");
	CHECK_STR(clean("invoice\xe2\x80\xae" "fdp.exe", "pdf", &rc), "invoicefdp.exe");
	CHECK(rc == -1);
	CHECK_STR(clean("a\xe2\x81\xa6" "b\xef\xbb\xbf" "c.pdf", "pdf", &rc), "abc.pdf");
	CHECK_STR(clean("a\xff\xfe" "b\xc3.pdf", "pdf", &rc), "ab.pdf");
	CHECK_STR(clean("a\xed\xa0\x80" "b.pdf", "pdf", &rc), "ab.pdf");       /* a surrogate */
	CHECK_STR(clean("a\xc0\xaf" "b.pdf", "pdf", &rc), "ab.pdf");           /* overlong "/" */
	CHECK_STR(clean("trailing . .pdf", "pdf", &rc), "trailing.pdf");
	CHECK_STR(clean("name. . ", "pdf", &rc), "name.pdf");
	CHECK_STR(clean("%0d%0a%22.pdf", "pdf", &rc), "tai-lieu.pdf");
	CHECK_STR(clean("50%.pdf", "pdf", &rc), "50%.pdf");
	CHECK_STR(clean("%", "pdf", &rc), "%.pdf");
	CHECK_STR(clean("%0", "pdf", &rc), "%0.pdf");
	/* at most 200 characters, cut on a character, the extension kept */
	longname[0] = '\0';
	for (int i = 0; i < 300; i++)
		strcat(longname, "\xe1\xba\xaf");  /* ắ */
	strcat(longname, ".pdf");
	s = clean(longname, "pdf", &rc);
	CHECK(rc == 0);
	CHECK(utf8_chars(s) == EV_NAME_MAX);
	CHECK(utf8_valid(s, strlen(s)));
	CHECK(strlen(s) > 4 && strcmp(s + strlen(s) - 4, ".pdf") == 0);
	memset(longname, 'a', 500);
	longname[500] = '\0';
	memset(expect, 'a', 196);
	strcpy(expect + 196, ".pdf");
	CHECK_STR(clean(longname, "pdf", &rc), expect);
	/* whatever comes in, what goes out is valid UTF-8 without controls or paths */
	{
		unsigned seed = 12345;
		for (int k = 0; k < 2000; k++) {
			char raw[64];
			int bad = 0;
			for (int i = 0; i < 63; i++) {
				seed = seed * 1103515245u + 12345u;
				raw[i] = (char)((seed >> 16) & 0xff);
				if (raw[i] == 0)
					raw[i] = '/';
			}
			raw[63] = '\0';
			s = clean(raw, "pdf", &rc);
			for (const unsigned char *c = (const unsigned char *)s; *c; c++)
				if (*c < 0x20 || *c == 0x7f || *c == '/' || *c == '\\' || *c == '"' || *c == '\'')
					bad = 1;
			if (bad || !utf8_valid(s, strlen(s)) || s[0] == '.' || s[0] == '\0' ||
			    utf8_chars(s) > EV_NAME_MAX) {
				CHECK(!"clean name");
				break;
			}
		}
	}
}

void test_evidence(void)
{
	test_sniff();
	test_names();
}
