/* The XLSX reader (see xlsx.h).  The workbook's relationships name the first
 * sheet and the shared strings; every entry is inflated in chunks straight
 * into expat, counting the bytes actually produced, so a lying size in the
 * ZIP directory cannot get past the cap. */
#include "xlsx.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../lib/buf.h"

#define CHUNK 65536
#define ENTRIES_MAX 4096
#define PATH_MAX_LEN 256

struct reader {
	zip_t *za;
	const struct xlsx_limits *lim;
	int err;
};

/* ---- entries through expat ---- */

static const char *local(const char *name)
{
	const char *bar = strrchr(name, '|');
	return bar ? bar + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i] != NULL; i += 2)
		if (strcmp(local(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

/* DTDs are where entity tricks live; no OOXML part needs one */
static void XMLCALL no_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int internal)
{
	XML_Parser p = ud;
	(void)name, (void)sysid, (void)pubid, (void)internal;
	XML_StopParser(p, XML_FALSE);
}

struct parse_ctx {
	XML_Parser p;
	int err;          /* set by handlers to stop with a reason of ours */
};

static void stop(struct parse_ctx *c, int err)
{
	if (c->err == XLSX_OK)
		c->err = err;
	XML_StopParser(c->p, XML_FALSE);
}

/* Feeds one entry to a parser whose user data begins with a struct parse_ctx.
 * XLSX_NOT_XLSX when the entry is missing (optional ones: the caller). */
static int parse_entry(struct reader *rd, const char *name, struct parse_ctx *c,
		       XML_StartElementHandler start, XML_EndElementHandler end,
		       XML_CharacterDataHandler text)
{
	zip_int64_t idx = zip_name_locate(rd->za, name, 0);
	zip_file_t *zf;
	char *chunk;
	size_t total = 0;
	int rc = XLSX_OK;

	if (idx < 0)
		return XLSX_NOT_XLSX;
	if ((zf = zip_fopen_index(rd->za, (zip_uint64_t)idx, 0)) == NULL)
		return XLSX_NOT_XLSX;
	chunk = malloc(CHUNK);
	c->p = XML_ParserCreateNS("UTF-8", '|');
	if (chunk == NULL || c->p == NULL) {
		rc = XLSX_NOMEM;
		goto out;
	}
	XML_SetElementHandler(c->p, start, end);
	if (text)
		XML_SetCharacterDataHandler(c->p, text);
	XML_SetStartDoctypeDeclHandler(c->p, no_doctype);
	XML_UseParserAsHandlerArg(c->p);
	/* the doctype handler gets the parser; the others need our context */
	XML_SetUserData(c->p, c);
	for (;;) {
		zip_int64_t n = zip_fread(zf, chunk, CHUNK);

		if (n < 0) {
			rc = XLSX_NOT_ZIP;   /* corrupt data or CRC mismatch */
			break;
		}
		total += (size_t)n;
		if (total > rd->lim->entry_max) {
			rc = XLSX_TOO_BIG;
			break;
		}
		if (XML_Parse(c->p, chunk, (int)n, n == 0) != XML_STATUS_OK) {
			rc = c->err != XLSX_OK ? c->err : XLSX_BAD_XML;
			break;
		}
		if (n == 0)
			break;
	}
out:
	if (c->p)
		XML_ParserFree(c->p);
	c->p = NULL;
	free(chunk);
	zip_fclose(zf);
	return rc;
}

/* ---- workbook.xml and its relationships: where the first sheet is ---- */

struct wb_ctx {
	struct parse_ctx c;
	char rid[PATH_MAX_LEN];
	char sheet[PATH_MAX_LEN], strings[PATH_MAX_LEN];
};

static void XMLCALL wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	XML_Parser p = ud;
	struct wb_ctx *w = XML_GetUserData(p);
	const char *id;

	if (strcmp(local(name), "sheet") == 0 && w->rid[0] == '\0' && (id = attr(atts, "id")) != NULL)
		snprintf(w->rid, sizeof w->rid, "%s", id);
}

/* A relationship target of xl/workbook.xml as a path in the archive. */
static void resolve(const char *target, char *out, size_t n)
{
	if (target[0] == '/')
		snprintf(out, n, "%s", target + 1);
	else
		snprintf(out, n, "xl/%s", target);
}

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && strcmp(s + a - b, tail) == 0;
}

static void XMLCALL rel_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	XML_Parser p = ud;
	struct wb_ctx *w = XML_GetUserData(p);
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");

	if (strcmp(local(name), "Relationship") != 0 || target == NULL || strstr(target, "..") != NULL)
		return;
	if (id != NULL && strcmp(id, w->rid) == 0)
		resolve(target, w->sheet, sizeof w->sheet);
	else if (type != NULL && ends_with(type, "/sharedStrings"))
		resolve(target, w->strings, sizeof w->strings);
}

static void XMLCALL no_end(void *ud, const XML_Char *name)
{
	(void)ud, (void)name;
}

/* ---- shared strings ---- */

struct sst_ctx {
	struct parse_ctx c;
	const struct xlsx_limits *lim;
	char **s;
	unsigned n, cap;
	int in_t, in_rph;
	struct buf t;
};

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	XML_Parser p = ud;
	struct sst_ctx *x = XML_GetUserData(p);
	const char *l = local(name);

	(void)atts;
	if (strcmp(l, "si") == 0)
		buf_reset(&x->t);
	else if (strcmp(l, "rPh") == 0)
		x->in_rph = 1;   /* phonetic guides are not part of the text */
	else if (strcmp(l, "t") == 0)
		x->in_t = !x->in_rph;
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
	XML_Parser p = ud;
	struct sst_ctx *x = XML_GetUserData(p);
	const char *l = local(name);

	if (strcmp(l, "t") == 0) {
		x->in_t = 0;
	} else if (strcmp(l, "rPh") == 0) {
		x->in_rph = 0;
	} else if (strcmp(l, "si") == 0) {
		char *copy;
		if (x->n >= x->lim->strings_max) {
			stop(&x->c, XLSX_TOO_MANY);
			return;
		}
		if (x->n == x->cap) {
			unsigned cap = x->cap ? x->cap * 2 : 256;
			char **s = realloc(x->s, cap * sizeof *s);
			if (s == NULL) {
				stop(&x->c, XLSX_NOMEM);
				return;
			}
			x->s = s;
			x->cap = cap;
		}
		if ((copy = strdup(buf_str(&x->t))) == NULL) {
			stop(&x->c, XLSX_NOMEM);
			return;
		}
		x->s[x->n++] = copy;
	}
}

static void XMLCALL collect(void *ud, const XML_Char *s, int len)
{
	XML_Parser p = ud;
	struct sst_ctx *x = XML_GetUserData(p);

	if (x->in_t && buf_add(&x->t, s, (size_t)len) != 0)
		stop(&x->c, XLSX_NOMEM);
}

/* ---- the worksheet ---- */

struct ws_ctx {
	struct parse_ctx c;
	const struct xlsx_limits *lim;
	struct sst_ctx *sst;
	struct xlsx_sheet *out;
	unsigned cap_rows;
	long row, col;            /* current, from 0; -1 before the first */
	char type[12];
	int in_cell, in_v, in_is_t, has_f, has_v;
	struct buf v;
};

/* "AB12" -> col 27, row 11.  0 when it is not a cell reference. */
static int parse_ref(const char *s, long *row, long *col)
{
	long c = 0, r = 0;
	int nl = 0, nd = 0;

	for (; *s >= 'A' && *s <= 'Z' && nl < 4; s++, nl++)
		c = c * 26 + (*s - 'A' + 1);
	for (; *s >= '0' && *s <= '9' && nd < 8; s++, nd++)
		r = r * 10 + (*s - '0');
	if (*s != '\0' || nl == 0 || nl > 3 || nd == 0 || r < 1 || r > 1048576 || c > 16384)
		return 0;
	*row = r - 1;
	*col = c - 1;
	return 1;
}

static void XMLCALL ws_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	XML_Parser p = ud;
	struct ws_ctx *w = XML_GetUserData(p);
	const char *l = local(name), *a;

	if (strcmp(l, "row") == 0) {
		char *end = NULL;
		long r;
		a = attr(atts, "r");
		r = a ? strtol(a, &end, 10) - 1 : w->row + 1;
		if (r < 0 || r >= 1048576 || (a && *end != '\0'))
			stop(&w->c, XLSX_BAD_XML);
		w->row = r;
		w->col = -1;
	} else if (strcmp(l, "c") == 0) {
		long r = w->row, c = w->col + 1;
		a = attr(atts, "r");
		if (a != NULL && !parse_ref(a, &r, &c)) {
			stop(&w->c, XLSX_BAD_XML);
			return;
		}
		if (r < 0)
			r = 0;
		w->row = r;
		w->col = c;
		a = attr(atts, "t");
		snprintf(w->type, sizeof w->type, "%s", a ? a : "n");
		w->in_cell = 1;
		w->has_f = w->has_v = 0;
		buf_reset(&w->v);
	} else if (w->in_cell && strcmp(l, "v") == 0) {
		w->in_v = w->has_v = 1;
	} else if (w->in_cell && strcmp(l, "f") == 0) {
		w->has_f = 1;
	} else if (w->in_cell && strcmp(l, "t") == 0) {
		w->in_is_t = 1;   /* inside <is>, rich runs included */
		w->has_v = 1;
	}
}

static struct xlsx_cell *slot(struct ws_ctx *w, unsigned row, unsigned col)
{
	struct xlsx_sheet *s = w->out;

	if (row >= w->cap_rows) {
		unsigned cap = w->cap_rows ? w->cap_rows : 64;
		struct xlsx_cell *n;
		while (cap <= row)
			cap *= 2;
		if (cap > w->lim->rows)
			cap = w->lim->rows;
		n = realloc(s->cell, (size_t)cap * s->cols * sizeof *n);
		if (n == NULL)
			return NULL;
		memset(n + (size_t)w->cap_rows * s->cols, 0, (size_t)(cap - w->cap_rows) * s->cols * sizeof *n);
		s->cell = n;
		w->cap_rows = cap;
	}
	if (row >= s->rows)
		s->rows = row + 1;
	return &s->cell[(size_t)row * s->cols + col];
}

static void cell_end(struct ws_ctx *w)
{
	const char *v = buf_str(&w->v);
	enum xlsx_type t;
	struct xlsx_cell *cell;
	char *text;

	w->in_cell = 0;
	if (!w->has_v && !w->has_f)
		return;     /* a formatted empty cell */
	if (strcmp(w->type, "s") == 0 && w->has_v) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		if (*v == '\0' || *end != '\0' || i >= w->sst->n) {
			stop(&w->c, XLSX_BAD_XML);
			return;
		}
		v = w->sst->s[i];
		t = XC_STRING;
	} else if (!w->has_v || (strcmp(w->type, "n") == 0 && *v == '\0')) {
		/* writers that do not calculate leave <v/> empty under a formula */
		if (!w->has_f)
			return;
		t = XC_NO_VALUE;
	} else if (strcmp(w->type, "b") == 0) {
		t = XC_BOOL;
		v = strcmp(v, "1") == 0 ? "1" : "0";
	} else if (strcmp(w->type, "e") == 0) {
		t = XC_ERROR;
	} else if (strcmp(w->type, "n") == 0) {
		t = XC_NUMBER;
	} else {
		t = XC_STRING;   /* str, inlineStr, d (ISO date text) */
	}
	if (w->col >= (long)w->out->cols)
		return;          /* outside the window: not ours to read */
	if (w->row >= (long)w->lim->rows) {
		if (t == XC_STRING && *v == '\0')
			return;
		stop(&w->c, XLSX_TOO_MANY);
		return;
	}
	if ((cell = slot(w, (unsigned)w->row, (unsigned)w->col)) == NULL ||
	    (text = strdup(v)) == NULL) {
		stop(&w->c, XLSX_NOMEM);
		return;
	}
	free(cell->text);
	cell->text = text;
	cell->type = t;
}

static void XMLCALL ws_end(void *ud, const XML_Char *name)
{
	XML_Parser p = ud;
	struct ws_ctx *w = XML_GetUserData(p);
	const char *l = local(name);

	if (strcmp(l, "c") == 0 && w->in_cell)
		cell_end(w);
	else if (strcmp(l, "v") == 0)
		w->in_v = 0;
	else if (strcmp(l, "t") == 0)
		w->in_is_t = 0;
}

static void XMLCALL ws_text(void *ud, const XML_Char *s, int len)
{
	XML_Parser p = ud;
	struct ws_ctx *w = XML_GetUserData(p);

	if ((w->in_v || w->in_is_t) && buf_add(&w->v, s, (size_t)len) != 0)
		stop(&w->c, XLSX_NOMEM);
}

/* ---- the file ---- */

/* An OLE compound file is either an Office 97-2003 document or an encrypted
 * OOXML one (the package sits in an "EncryptedPackage" stream). */
static int ole_kind(const unsigned char *d, size_t len)
{
	static const char name[] = "EncryptionInfo";
	size_t nl = sizeof name - 1;

	for (size_t i = 0; i + nl * 2 <= len; i++) {
		size_t k = 0;
		while (k < nl && d[i + 2 * k] == (unsigned char)name[k] && d[i + 2 * k + 1] == 0)
			k++;
		if (k == nl)
			return XLSX_ENCRYPTED;
	}
	return XLSX_OLD_XLS;
}

static int any_encrypted(zip_t *za)
{
	zip_int64_t n = zip_get_num_entries(za, 0);

	if (n < 0 || n > ENTRIES_MAX)
		return XLSX_NOT_XLSX;
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0)
			return XLSX_NOT_ZIP;
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
			return XLSX_ENCRYPTED;
	}
	return XLSX_OK;
}

int xlsx_read(const void *data, size_t len, const struct xlsx_limits *lim, struct xlsx_sheet *out)
{
	static const unsigned char ole[4] = {0xD0, 0xCF, 0x11, 0xE0};
	const unsigned char *d = data;
	struct reader rd = {NULL, lim, XLSX_OK};
	struct wb_ctx wb;
	struct sst_ctx sst;
	struct ws_ctx ws;
	zip_source_t *src;
	zip_error_t ze;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&wb, 0, sizeof wb);
	memset(&sst, 0, sizeof sst);
	memset(&ws, 0, sizeof ws);
	if (len >= 4 && memcmp(d, ole, 4) == 0)
		return ole_kind(d, len);
	if (len < 4 || d[0] != 'P' || d[1] != 'K' || d[2] != 3 || d[3] != 4)
		return XLSX_NOT_ZIP;
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL) {
		zip_error_fini(&ze);
		return XLSX_NOMEM;
	}
	if ((rd.za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)) == NULL) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return XLSX_NOT_ZIP;
	}
	zip_error_fini(&ze);
	if ((rc = any_encrypted(rd.za)) != XLSX_OK)
		goto out;

	rc = parse_entry(&rd, "xl/workbook.xml", &wb.c, wb_start, no_end, NULL);
	if (rc != XLSX_OK)
		goto out;
	if (wb.rid[0] == '\0') {
		rc = XLSX_NOT_XLSX;
		goto out;
	}
	rc = parse_entry(&rd, "xl/_rels/workbook.xml.rels", &wb.c, rel_start, no_end, NULL);
	if (rc != XLSX_OK)
		goto out;
	if (wb.sheet[0] == '\0') {
		rc = XLSX_NOT_XLSX;
		goto out;
	}
	sst.lim = lim;
	buf_init(&sst.t);
	if (wb.strings[0] != '\0') {
		rc = parse_entry(&rd, wb.strings, &sst.c, sst_start, sst_end, collect);
		if (rc != XLSX_OK)
			goto out;
	}
	out->cols = lim->cols;
	ws.lim = lim;
	ws.sst = &sst;
	ws.out = out;
	ws.row = -1;
	ws.col = -1;
	buf_init(&ws.v);
	rc = parse_entry(&rd, wb.sheet, &ws.c, ws_start, ws_end, ws_text);
out:
	for (unsigned i = 0; i < sst.n; i++)
		free(sst.s[i]);
	free(sst.s);
	buf_free(&sst.t);
	buf_free(&ws.v);
	zip_discard(rd.za);   /* also frees the source */
	if (rc != XLSX_OK)
		xlsx_free(out);
	return rc;
}

void xlsx_free(struct xlsx_sheet *s)
{
	for (size_t i = 0; s->cell && i < (size_t)s->rows * s->cols; i++)
		free(s->cell[i].text);
	free(s->cell);
	memset(s, 0, sizeof *s);
}

const struct xlsx_cell *xlsx_at(const struct xlsx_sheet *s, unsigned row, unsigned col)
{
	static const struct xlsx_cell empty = {XC_EMPTY, NULL};

	if (row >= s->rows || col >= s->cols)
		return &empty;
	return &s->cell[(size_t)row * s->cols + col];
}

void xlsx_ref(unsigned row, unsigned col, char *out, size_t outsz)
{
	char letters[4];
	int n = 0;

	col++;
	while (col > 0 && n < 3) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n / 2; i++) {
		char t = letters[i];
		letters[i] = letters[n - 1 - i];
		letters[n - 1 - i] = t;
	}
	letters[n] = '\0';
	snprintf(out, outsz, "%s%u", letters, row + 1);
}

int xlsx_plain_number(const char *v, char *out, size_t outsz)
{
	char digits[48], res[96];
	int nd = 0, point = -1, exp = 0, neg = 0, n = 0, first;
	const char *s = v;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; (*s >= '0' && *s <= '9') || *s == '.'; s++) {
		if (*s == '.') {
			if (point >= 0)
				return -1;
			point = nd;
		} else if (nd < (int)sizeof digits - 1) {
			digits[nd++] = *s;
		} else {
			return -1;
		}
	}
	if (nd == 0)
		return -1;
	if (point < 0)
		point = nd;
	if (*s == 'e' || *s == 'E') {
		char *end;
		long e = strtol(s + 1, &end, 10);
		if (end == s + 1 || *end != '\0' || e < -30 || e > 30)
			return -1;
		exp = (int)e;
	} else if (*s != '\0') {
		return -1;
	}
	point += exp;   /* digits[0..point) is the whole part */
	if (neg)
		res[n++] = '-';
	first = n;
	if (point <= 0) {
		res[n++] = '0';
	} else {
		for (int i = 0; i < point; i++)
			res[n++] = i < nd ? digits[i] : '0';
	}
	/* one leading zero at most */
	while (res[first] == '0' && n - first > 1) {
		memmove(res + first, res + first + 1, (size_t)(n - first - 1));
		n--;
	}
	if (nd > point) {
		int whole = n - first, dot = n;
		res[n++] = '.';
		for (int i = point; i < 0; i++)
			res[n++] = '0';
		for (int i = point > 0 ? point : 0; i < nd; i++)
			res[n++] = digits[i];
		while (res[n - 1] == '0')
			n--;
		if (n == dot + 1)
			n = dot;
		/* "1.234" typed would be ambiguous; from a number cell it is not */
		if (n - dot - 1 == 3 && whole <= 3 && !(whole == 1 && res[first] == '0'))
			res[n++] = '0';
	}
	res[n] = '\0';
	if (strcmp(res, "-0") == 0)
		strcpy(res, "0");
	if (strlen(res) + 1 > outsz)
		return -1;
	strcpy(out, res);
	return 0;
}
