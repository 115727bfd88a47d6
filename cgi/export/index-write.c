/* The per-index export's writers: the sheets index.c has built, as XLSX
 * (libxlsxwriter, constant memory), as one CSV per sheet zipped, or as JSON.
 * Numbers stay the exact decimals MariaDB computed wherever the format lets
 * them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "../lib/buf.h"
#include "../lib/csv.h"
#include "../lib/log.h"
#include "exportfile.h"
#include "index-sheets.h"

/* ---- XLSX ---- */

/* A cell holds at most 32,767 characters: a longer list (evidence of every
 * unit, say) is cut at an item and marked; the CSV and JSON keep it whole. */
#define XLSX_CELL 32000

static const char *fit(const char *s, char *tmp)
{
	size_t n = XLSX_CELL;

	if (strlen(s) <= XLSX_CELL)
		return s;
	while (n > 0 && s[n] != '\n')
		n--;
	if (n == 0)
		for (n = XLSX_CELL; n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80; n--)
			;
	memcpy(tmp, s, n);
	memcpy(tmp + n, "\n…", sizeof "\n…");
	return tmp;
}

int ix_write_xlsx(const struct ix *x, const char *path)
{
	lxw_workbook *wb = export_workbook(path, LXW_TRUE);
	lxw_format *bold, *wrap;
	lxw_error le;
	int bad = 0;
	char *tmpcell;

	if (wb == NULL)
		return E_INTERNAL;
	if ((tmpcell = malloc(XLSX_CELL + 8)) == NULL) {
		workbook_close(wb);
		return E_INTERNAL;
	}
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_text_wrap(bold);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	for (int i = 0; i < x->nsh && !bad; i++) {
		const struct sheet *s = &x->sh[i];
		lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);
		if (ws == NULL) {
			bad = 1;
			break;
		}
		for (int k = 0; k < s->ncols; k++) {
			worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, s->cols[k].width, NULL);
			bad |= worksheet_write_string(ws, 0, (lxw_col_t)k, x->en ? s->cols[k].en : s->cols[k].vi,
						      bold) != LXW_NO_ERROR;
		}
		worksheet_freeze_panes(ws, 1, 0);
		for (size_t r = 0; r < s->nrows && !bad; r++) {
			const struct cell *c = s->cells + r * (size_t)s->ncols;
			lxw_row_t row = (lxw_row_t)(r + 1);
			lxw_format *strong = s->heading[r] ? bold : NULL;
			for (int k = 0; k < s->ncols && !bad; k++) {
				double d;
				if (c[k].t == CT_EMPTY)
					continue;
				if (c[k].t == CT_NUM && export_exact_double(c[k].s, &d))
					bad = worksheet_write_number(ws, row, (lxw_col_t)k, d, strong) != LXW_NO_ERROR;
				else
					bad = worksheet_write_string(ws, row, (lxw_col_t)k, fit(c[k].s, tmpcell),
								     c[k].t == CT_LIST ? wrap : strong) != LXW_NO_ERROR;
			}
		}
	}
	le = workbook_close(wb);
	free(tmpcell);
	if (!bad && le != LXW_NO_ERROR) {
		log_msg(NULL, "export: xlsx: %s", lxw_strerror(le));
		bad = 1;
	}
	return bad ? E_INTERNAL : E_OK;
}

/* ---- CSV, zipped ---- */

static void sheet_csv(const struct ix *x, const struct sheet *s, struct buf *b)
{
	buf_add(b, "\xEF\xBB\xBF", 3);
	for (int k = 0; k < s->ncols; k++)
		csv_put(b, x->en ? s->cols[k].en : s->cols[k].vi, k == 0);
	buf_add(b, "\r\n", 2);
	for (size_t r = 0; r < s->nrows; r++) {
		const struct cell *c = s->cells + r * (size_t)s->ncols;
		for (int k = 0; k < s->ncols; k++) {
			if (c[k].t == CT_NUM) {
				/* a DECIMAL as MariaDB sent it: digits, a dot, a sign */
				if (k > 0)
					buf_add(b, ",", 1);
				buf_adds(b, c[k].s);
			} else {
				csv_put(b, c[k].s, k == 0);
			}
		}
		buf_add(b, "\r\n", 2);
	}
}

int ix_write_zip(const struct ix *x, const char *path)
{
	int ze = 0, bad = 0;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);

	if (za == NULL) {
		log_msg(NULL, "export: cannot create %s (libzip %d)", path, ze);
		return E_INTERNAL;
	}
	for (int i = 0; i < x->nsh && !bad; i++) {
		struct buf b;
		char name[64];
		zip_source_t *src;

		buf_init(&b);
		sheet_csv(x, &x->sh[i], &b);
		snprintf(name, sizeof name, "%d-%s.csv", i + 1, x->sh[i].key);
		/* libzip owns and frees the bytes from here on */
		if (b.p == NULL || (src = zip_source_buffer(za, b.p, b.len, 1)) == NULL) {
			buf_free(&b);
			bad = 1;
		} else if (zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(src);
			bad = 1;
		}
	}
	if (bad) {
		zip_discard(za);
		return E_INTERNAL;
	}
	if (zip_close(za) != 0) {
		log_msg(NULL, "export: zip: %s", zip_strerror(za));
		zip_discard(za);
		return E_INTERNAL;
	}
	return E_OK;
}

/* ---- JSON ---- */

static void json_str(struct buf *b, const char *s)
{
	buf_add(b, "\"", 1);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			buf_printf(b, "\\%c", ch);
		else if (ch == '\n')
			buf_add(b, "\\n", 2);
		else if (ch < 0x20 || ch == 0x7f)
			buf_printf(b, "\\u%04x", ch);
		else
			buf_add(b, s, 1);
	}
	buf_add(b, "\"", 1);
}

static void json_cell(struct buf *b, const struct cell *c)
{
	if (c->t == CT_EMPTY) {
		buf_adds(b, "null");
	} else if (c->t == CT_NUM && strspn(c->s, "-0123456789.") == strlen(c->s)) {
		/* the exact decimal as a JSON number: a reader wanting every digit
		 * parses it as a decimal, not a double */
		buf_adds(b, c->s);
	} else if (c->t == CT_LIST) {
		const char *p = c->s;
		buf_add(b, "[", 1);
		while (*p) {
			size_t n = strcspn(p, "\n");
			char item[1024];
			snprintf(item, sizeof item, "%.*s", (int)(n < sizeof item ? n : sizeof item - 1), p);
			if (p != c->s)
				buf_add(b, ",", 1);
			json_str(b, item);
			p += n;
			if (*p == '\n')
				p++;
		}
		buf_add(b, "]", 1);
	} else {
		json_str(b, c->s);
	}
}

int ix_write_json(const struct ix *x, const char *path)
{
	const struct sheet *m = &x->sh[x->nsh - 1];
	struct buf b;
	FILE *f;
	int rc = E_OK;

	buf_init(&b);
	buf_adds(&b, "{\"version\":");
	json_str(&b, x->o->version);
	buf_printf(&b, ",\"period_id\":%lld,\"metadata\":{", x->o->period_id);
	for (size_t r = 0; r < m->nrows; r++) {
		if (r)
			buf_add(&b, ",", 1);
		json_str(&b, m->meta_keys[r]);
		buf_add(&b, ":", 1);
		json_cell(&b, &m->cells[r * 2 + 1]);
	}
	buf_adds(&b, "},\"sheets\":[");
	for (int i = 0; i + 1 < x->nsh; i++) {
		const struct sheet *s = &x->sh[i];
		buf_printf(&b, "%s{\"key\":", i ? "," : "");
		json_str(&b, s->key);
		buf_adds(&b, ",\"name\":");
		json_str(&b, s->name);
		buf_adds(&b, ",\"columns\":{");
		for (int k = 0; k < s->ncols; k++) {
			buf_printf(&b, "%s\"%s\":", k ? "," : "", s->cols[k].key);
			json_str(&b, x->en ? s->cols[k].en : s->cols[k].vi);
		}
		buf_adds(&b, "},\"rows\":[");
		for (size_t r = 0; r < s->nrows; r++) {
			const struct cell *c = s->cells + r * (size_t)s->ncols;
			buf_adds(&b, r ? ",\n{" : "\n{");
			for (int k = 0; k < s->ncols; k++) {
				buf_printf(&b, "%s\"%s\":", k ? "," : "", s->cols[k].key);
				json_cell(&b, &c[k]);
			}
			buf_add(&b, "}", 1);
		}
		buf_adds(&b, "]}");
	}
	buf_adds(&b, "]}\n");
	if ((f = fopen(path, "wb")) == NULL || fwrite(b.p, 1, b.len, f) != b.len)
		rc = E_INTERNAL;
	if (f != NULL && fclose(f) != 0)
		rc = E_INTERNAL;
	buf_free(&b);
	return rc;
}
