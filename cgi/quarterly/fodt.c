/* The report as a Flat ODT (one XML file LibreOffice opens and converts).
 * Markup comes only from the literals here; every text from the database or
 * the language file goes through x_text, so a unit's "<b>" or "&" stays the
 * text it typed. */
#include <string.h>

#include "../lib/text.h"
#include "quarterly.h"

/* Length of the UTF-8 sequence at s (1 for a bad byte, which the caller
 * replaces), and whether XML 1.0 allows the character. */
static size_t u8_len(const unsigned char *s, int *ok)
{
	size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3
		   : (s[0] & 0xf8) == 0xf0 ? 4 : 0;

	*ok = n > 0 && utf8_valid((const char *)s, n);
	if (!*ok)
		return 1;
	/* U+FFFE and U+FFFF are not XML characters */
	if (n == 3 && s[0] == 0xef && s[1] == 0xbf && (s[2] == 0xbe || s[2] == 0xbf))
		*ok = 0;
	return n;
}

void x_text(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (*p) {
		int ok;
		size_t n;

		switch (*p) {
		case '&': buf_adds(b, "&amp;"); p++; continue;
		case '<': buf_adds(b, "&lt;"); p++; continue;
		case '>': buf_adds(b, "&gt;"); p++; continue;
		case '"': buf_adds(b, "&quot;"); p++; continue;
		case '\'': buf_adds(b, "&apos;"); p++; continue;
		case '\t': buf_adds(b, "<text:tab/>"); p++; continue;
		case '\r':
			if (p[1] == '\n')
				p++;
			/* fall through */
		case '\n': buf_adds(b, "<text:line-break/>"); p++; continue;
		case ' ':
			/* ODF collapses runs of spaces: keep the first, count the rest */
			if (p[1] == ' ') {
				size_t k = 0;
				while (p[1 + k] == ' ')
					k++;
				buf_printf(b, " <text:s text:c=\"%zu\"/>", k);
				p += 1 + k;
				continue;
			}
			buf_adds(b, " ");
			p++;
			continue;
		default:
			break;
		}
		if (*p < 0x20 || *p == 0x7f) {   /* no place in XML 1.0 */
			p++;
			continue;
		}
		n = u8_len(p, &ok);
		if (ok)
			buf_add(b, p, n);
		else
			buf_adds(b, "\xef\xbf\xbd");
		p += n;
	}
}

void x_head(struct buf *b, int level, const char *text)
{
	buf_printf(b, "<text:h text:style-name=\"Heading_20_%d\" text:outline-level=\"%d\">", level, level);
	x_text(b, text);
	buf_adds(b, "</text:h>\n");
}

void x_para(struct buf *b, const char *style, const char *text)
{
	buf_printf(b, "<text:p text:style-name=\"%s\">", style);
	x_text(b, text);
	buf_adds(b, "</text:p>\n");
}

void x_labelled(struct buf *b, const char *label, const char *text)
{
	buf_adds(b, "<text:p text:style-name=\"Text_20_body\"><text:span text:style-name=\"Strong\">");
	x_text(b, label);
	buf_adds(b, "</text:span> ");
	x_text(b, text);
	buf_adds(b, "</text:p>\n");
}

void x_table_begin(struct buf *b, const char *name, const char *const *colwidths, int ncols,
		   const char *const *headers)
{
	buf_printf(b, "<table:table table:name=\"%s\" table:style-name=\"Tbl\">\n", name);
	for (int i = 0; i < ncols; i++)
		buf_printf(b, "<table:table-column table:style-name=\"Col%s\"/>\n", colwidths[i]);
	buf_adds(b, "<table:table-header-rows><table:table-row>\n");
	for (int i = 0; i < ncols; i++) {
		buf_adds(b, "<table:table-cell table:style-name=\"CellHead\" office:value-type=\"string\">"
			    "<text:p text:style-name=\"Table_20_Heading\">");
		x_text(b, headers[i]);
		buf_adds(b, "</text:p></table:table-cell>\n");
	}
	buf_adds(b, "</table:table-row></table:table-header-rows>\n");
}

void x_row_begin(struct buf *b)
{
	buf_adds(b, "<table:table-row>");
}

void x_cell(struct buf *b, const char *text, int numeric)
{
	buf_printf(b, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">"
		      "<text:p text:style-name=\"%s\">", numeric ? "Table_20_Number" : "Table_20_Contents");
	x_text(b, text);
	buf_adds(b, "</text:p></table:table-cell>");
}

void x_span_row(struct buf *b, int ncols, const char *text)
{
	buf_printf(b, "<table:table-row><table:table-cell table:style-name=\"CellGroup\" "
		      "table:number-columns-spanned=\"%d\" office:value-type=\"string\">"
		      "<text:p text:style-name=\"Table_20_Group\">", ncols);
	x_text(b, text);
	buf_adds(b, "</text:p></table:table-cell>");
	for (int i = 1; i < ncols; i++)
		buf_adds(b, "<table:covered-table-cell/>");
	buf_adds(b, "</table:table-row>\n");
}

void x_row_end(struct buf *b)
{
	buf_adds(b, "</table:table-row>\n");
}

void x_table_end(struct buf *b)
{
	buf_adds(b, "</table:table>\n");
}

/* Styles: A4 portrait, a serif font with Vietnamese, numbered-looking
 * headings written by the program, tables with thin borders; column
 * widths Col<width> as the sections ask for them. */
static const char *const head =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
	"xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
	"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
	"xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	"xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
	"xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
	"office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n";

static const char *const styles =
	"<office:font-face-decls><style:font-face style:name=\"DejaVu Serif\" "
	"svg:font-family=\"&apos;DejaVu Serif&apos;\" style:font-family-generic=\"roman\"/>"
	"</office:font-face-decls>\n"
	"<office:styles>\n"
	"<style:default-style style:family=\"paragraph\"><style:paragraph-properties "
	"fo:margin-top=\"0cm\" fo:margin-bottom=\"0.15cm\"/><style:text-properties "
	"style:font-name=\"DejaVu Serif\" fo:font-size=\"11pt\" fo:language=\"vi\" fo:country=\"VN\"/>"
	"</style:default-style>\n"
	"<style:style style:name=\"Standard\" style:family=\"paragraph\"/>\n"
	"<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\"><style:paragraph-properties fo:text-align=\"justify\" "
	"fo:margin-bottom=\"0.2cm\"/></style:style>\n"
	"<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
	"<style:paragraph-properties fo:text-align=\"center\" fo:margin-top=\"1cm\" fo:margin-bottom=\"0.4cm\"/>"
	"<style:text-properties fo:font-size=\"18pt\" fo:font-weight=\"bold\"/></style:style>\n"
	"<style:style style:name=\"Subtitle\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
	"<style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0.3cm\"/>"
	"<style:text-properties fo:font-size=\"13pt\"/></style:style>\n"
	"<style:style style:name=\"Org\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
	"<style:paragraph-properties fo:text-align=\"center\" fo:margin-top=\"2cm\"/>"
	"<style:text-properties fo:font-size=\"12pt\" fo:font-weight=\"bold\"/></style:style>\n"
	"<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\" style:default-outline-level=\"1\"><style:paragraph-properties "
	"fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.25cm\" fo:keep-with-next=\"always\"/>"
	"<style:text-properties fo:font-size=\"14pt\" fo:font-weight=\"bold\"/></style:style>\n"
	"<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\" style:default-outline-level=\"2\"><style:paragraph-properties "
	"fo:margin-top=\"0.35cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/>"
	"<style:text-properties fo:font-size=\"12pt\" fo:font-weight=\"bold\" fo:font-style=\"italic\"/>"
	"</style:style>\n"
	"<style:style style:name=\"Hint\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\">"
	"<style:text-properties fo:font-style=\"italic\" fo:color=\"#555555\"/></style:style>\n"
	"<style:style style:name=\"Quote\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\">"
	"<style:paragraph-properties fo:margin-left=\"1cm\"/></style:style>\n"
	"<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" "
	"style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties "
	"fo:margin-bottom=\"0cm\"/><style:text-properties fo:font-size=\"10pt\"/></style:style>\n"
	"<style:style style:name=\"Table_20_Number\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Table_20_Contents\"><style:paragraph-properties fo:text-align=\"end\"/>"
	"</style:style>\n"
	"<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" "
	"style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\"><style:paragraph-properties "
	"fo:text-align=\"center\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
	"<style:style style:name=\"Table_20_Group\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Table_20_Contents\"><style:text-properties fo:font-weight=\"bold\"/>"
	"</style:style>\n"
	"<style:style style:name=\"Strong\" style:family=\"text\"><style:text-properties "
	"fo:font-weight=\"bold\"/></style:style>\n"
	"</office:styles>\n"
	"<office:automatic-styles>\n"
	"<style:page-layout style:name=\"A4\"><style:page-layout-properties fo:page-width=\"21cm\" "
	"fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" "
	"fo:margin-bottom=\"2cm\" fo:margin-left=\"3cm\" fo:margin-right=\"2cm\"/></style:page-layout>\n"
	"<style:style style:name=\"Break\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
	"<style:paragraph-properties fo:break-before=\"page\"/></style:style>\n"
	"<style:style style:name=\"Tbl\" style:family=\"table\"><style:table-properties "
	"style:width=\"16cm\" table:align=\"left\" fo:margin-bottom=\"0.3cm\"/></style:style>\n"
	"<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties "
	"fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #000000\"/></style:style>\n"
	"<style:style style:name=\"CellHead\" style:family=\"table-cell\"><style:table-cell-properties "
	"fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #000000\" fo:background-color=\"#e6e6e6\"/>"
	"</style:style>\n"
	"<style:style style:name=\"CellGroup\" style:family=\"table-cell\"><style:table-cell-properties "
	"fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #000000\" fo:background-color=\"#f3f3f3\"/>"
	"</style:style>\n";

/* column widths in mm the sections use */
static const int widths[] = {10, 15, 18, 20, 22, 25, 28, 30, 35, 40, 45, 50, 55, 60, 65, 70, 80, 90, 100, 120, 160};

void x_doc_begin(struct buf *b, const char *title)
{
	buf_adds(b, head);
	buf_adds(b, "<office:meta><dc:title>");
	x_text(b, title);
	buf_adds(b, "</dc:title><meta:generator>egov-quarterly</meta:generator></office:meta>\n");
	buf_adds(b, styles);
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
		buf_printf(b, "<style:style style:name=\"Col%d\" style:family=\"table-column\">"
			      "<style:table-column-properties style:column-width=\"%d.%dcm\"/></style:style>\n",
			   widths[i], widths[i] / 10, widths[i] % 10);
	buf_adds(b, "</office:automatic-styles>\n"
		    "<office:master-styles><style:master-page style:name=\"Standard\" "
		    "style:page-layout-name=\"A4\"/></office:master-styles>\n"
		    "<office:body><office:text>\n");
}

void x_doc_end(struct buf *b)
{
	buf_adds(b, "</office:text></office:body></office:document>\n");
}
