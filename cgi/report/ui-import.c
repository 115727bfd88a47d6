/* POST /report/import (multipart: csrf, period, version, file): the unit's
 * form filled in from the XLSX template of /export/template.xlsx.  The file
 * is read (xlsx.c), checked to be the template of this unit and this period,
 * its rows turned into what the web form would have posted, and saved
 * through form_apply: the same rules, messages, version check, transaction
 * and audit as "Lưu nháp", plus one audit row naming the file.  A file that
 * cannot be read as a template is refused on its own page; nothing is
 * stored then.  Statements: none of its own (the form's). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../export/template.h"
#include "../lib/config.h"
#include "../lib/files.h"
#include "../lib/refdata.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "report.h"
#include "../lib/xlsx.h"

#define MIB (1024LL * 1024LL)
#define ENTRY_MAX (8 * MIB)       /* one inflated XML part: a form's sheet is ~100 KiB */
#define STRINGS_MAX 20000
#define TEXT_MAX 5000              /* problems and proposals, as on the page */
#define CODES_SHOWN 10

const struct field import_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 0, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { IF_PERIOD, IF_VERSION };

/* A refusal before anything is saved: why, and the way back. */
static int refuse(struct req *r, int status, const char *why, long long period_id)
{
	r->status = status;
	r->tmpl = "report/import.cs";
	hset(r, "Imp.err", why);
	if (period_id > 0)
		hseti(r, "Imp.period", period_id);
	hseti(r, "Imp.max_mb", config_int("evidence_max_bytes", 10 * MIB) / MIB);
	return E_OK;
}

static int refuse_at(struct req *r, const char *why, long long period_id, unsigned row, unsigned col)
{
	char ref[16];

	xlsx_ref(row, col, ref, sizeof ref);
	hset(r, "Imp.cell", ref);
	return refuse(r, 422, why, period_id);
}

/* ---- from cells to what the page would post ---- */

struct in_row {
	const char *code;
	char *raw, *note;
	int na;
};

struct input {
	struct in_row *row;
	unsigned n;
	const char *problems, *proposals;
};

static int file_get(void *ctx, const char *code, const char **raw, const char **note, int *na)
{
	const struct input *in = ctx;

	for (unsigned i = 0; i < in->n; i++)
		if (strcmp(in->row[i].code, code) == 0) {
			*raw = in->row[i].raw;
			*note = in->row[i].note;
			*na = in->row[i].na;
			return 1;
		}
	return 0;   /* not in the file: the stored figure stays */
}

static void input_free(struct input *in)
{
	for (unsigned i = 0; i < in->n; i++) {
		free(in->row[i].raw);
		free(in->row[i].note);
	}
	free(in->row);
}

static const char *trimmed(const char *s, char *out, size_t n)
{
	size_t len;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	snprintf(out, n, "%s", s);
	len = strlen(out);
	while (len > 0 && strchr(" \t\r\n", out[len - 1]) != NULL)
		out[--len] = '\0';
	return out;
}

/* 1 yes, 0 no, -1 neither (as the template's list and the usual spellings) */
static int yes_no(const char *s)
{
	static const char *const yes[] = {TPL_YES, "có", "CÓ", "Yes", "yes", "YES", "x", "X", "1", NULL};
	static const char *const no[] = {TPL_NO, "không", "KHÔNG", "No", "no", "NO", "0", NULL};
	char t[32];

	trimmed(s, t, sizeof t);
	for (int i = 0; yes[i]; i++)
		if (strcmp(t, yes[i]) == 0)
			return 1;
	for (int i = 0; no[i]; i++)
		if (strcmp(t, no[i]) == 0)
			return 0;
	return -1;
}

/* A date typed into a cell Excel took for a date: a serial day number of
 * the 1900 system (day 60 is the 29/02/1900 that never was). */
static int serial_date(const char *v, char *out, size_t n)
{
	char *end;
	double d = strtod(v, &end);
	struct ymd base = {1899, 12, 30};

	if (*end != '\0' || d < 61 || d > 2958465)
		return -1;
	date_vn(civil_from_days(days_from_civil(base) + (long)d), out, n);
	return 0;
}

/* The text of a value cell as if typed into the page; *why when the cell
 * cannot stand for any value. */
static char *value_text(const struct xlsx_cell *c, const char *vtype, const char **why)
{
	char buf[96];
	const char *v = c->text;

	*why = NULL;
	switch (c->type) {
	case XC_EMPTY:
		return NULL;
	case XC_ERROR:
		*why = "cell_error";
		return NULL;
	case XC_NO_VALUE:
		*why = "no_value";
		return NULL;
	case XC_BOOL:
		break;
	case XC_NUMBER:
		if (strcmp(vtype, "date") == 0 && serial_date(v, buf, sizeof buf) == 0)
			v = buf;
		else if (strcmp(vtype, "text") != 0 && xlsx_plain_number(v, buf, sizeof buf) == 0)
			v = buf;
		break;
	case XC_STRING:
		if (strcmp(vtype, "yesno") == 0 && yes_no(v) >= 0)
			v = yes_no(v) ? "1" : "0";
		break;
	}
	return strdup(v);
}

/* One indicator row: value, not-applicable mark and note.  0, or -1 with
 * *why and *col. */
static int read_row(const struct xlsx_sheet *s, unsigned row, const struct ref_ind *ind,
		    struct in_row *out, const char **why, unsigned *col)
{
	const struct xlsx_cell *v = xlsx_at(s, row, TPL_COL_VALUE), *na = xlsx_at(s, row, TPL_COL_NA),
			       *note = xlsx_at(s, row, TPL_COL_NOTE);

	out->code = ind->code;
	*col = TPL_COL_VALUE;
	out->raw = value_text(v, ind->vtype, why);
	if (*why != NULL)
		return -1;
	*col = TPL_COL_NA;
	if (na->type == XC_ERROR || na->type == XC_NO_VALUE) {
		*why = na->type == XC_ERROR ? "cell_error" : "no_value";
		return -1;
	}
	if (na->type == XC_EMPTY || na->text[strspn(na->text, " \t\r\n")] == '\0')
		out->na = 0;
	else
		out->na = yes_no(na->text);   /* a ticked box: "Có", "x", 1, TRUE */
	if (out->na < 0) {
		*why = "na_value";
		return -1;
	}
	*col = TPL_COL_NOTE;
	out->note = value_text(note, "text", why);
	return *why != NULL ? -1 : 0;
}

/* ---- the template's key and rows ---- */

/* "egov-form;1;unit=12;period=34;code=P-X": 0 with the ids, -1 if not ours. */
static int parse_key(const struct xlsx_sheet *s, long long *unit, long long *period, char *code,
		     size_t codesz)
{
	const struct xlsx_cell *k = xlsx_at(s, 0, TPL_COL_KIND);
	int used = 0;

	if (k->type != XC_STRING || strncmp(k->text, TPL_KEY_PREFIX, strlen(TPL_KEY_PREFIX)) != 0)
		return -1;
	if (sscanf(k->text + strlen(TPL_KEY_PREFIX), "unit=%lld;period=%lld;code=%n", unit, period,
		   &used) != 2 || used == 0)
		return -1;
	snprintf(code, codesz, "%s", k->text + strlen(TPL_KEY_PREFIX) + used);
	return 0;
}

static const struct ref_ind *asked(const struct refdata *rd, long long period, const char *kind,
				   const char *code)
{
	for (unsigned i = 0; i < rd->nind; i++)
		if (strcmp(rd->ind[i].code, code) == 0 && ref_asked(rd, period, kind, rd->ind[i].id))
			return &rd->ind[i];
	return NULL;
}

static const char *cell_string(const struct xlsx_cell *c, char *buf, size_t n)
{
	if (c->type == XC_EMPTY)
		return "";
	return trimmed(c->text, buf, n);
}

/* Reads every row the template marks; refusals set the page and return 1. */
static int read_rows(struct req *r, const struct xlsx_sheet *s, long long period_id,
		     const struct refdata *rd, struct input *in)
{
	unsigned unknown = 0;
	char code[64];

	in->row = calloc(s->rows + 1, sizeof *in->row);
	if (in->row == NULL)
		return -1;
	for (unsigned row = 1; row < s->rows; row++) {
		const struct xlsx_cell *mark = xlsx_at(s, row, TPL_COL_KIND);
		const struct ref_ind *ind;
		const char *why;
		unsigned col;

		if (mark->type != XC_STRING)
			continue;
		if (strcmp(mark->text, TPL_MARK_PROBLEMS) == 0 || strcmp(mark->text, TPL_MARK_PROPOSALS) == 0) {
			const struct xlsx_cell *t = xlsx_at(s, row, 1);
			if (t->type == XC_ERROR || t->type == XC_NO_VALUE)
				return refuse_at(r, t->type == XC_ERROR ? "cell_error" : "no_value",
						 period_id, row, 1), 1;
			if (t->text != NULL && utf8_chars(t->text) > TEXT_MAX)
				return refuse_at(r, "text_too_long", period_id, row, 1), 1;
			if (strcmp(mark->text, TPL_MARK_PROBLEMS) == 0)
				in->problems = t->text;
			else
				in->proposals = t->text;
			continue;
		}
		if (strcmp(mark->text, TPL_MARK_IND) != 0)
			continue;
		cell_string(xlsx_at(s, row, TPL_COL_CODE), code, sizeof code);
		if ((ind = asked(rd, period_id, r->user.unit_kind, code)) == NULL) {
			if (unknown < CODES_SHOWN)
				hsetf(r, code[0] ? code : "–", "Imp.codes.%u", unknown);
			unknown++;
			continue;
		}
		for (unsigned k = 0; k < in->n; k++)
			if (strcmp(in->row[k].code, ind->code) == 0) {
				hset(r, "Imp.code", ind->code);
				return refuse_at(r, "duplicate", period_id, row, TPL_COL_CODE), 1;
			}
		if (read_row(s, row, ind, &in->row[in->n], &why, &col) != 0) {
			in->n++;   /* what it holds so far is freed with the rest */
			hset(r, "Imp.code", ind->code);
			return refuse_at(r, why, period_id, row, col), 1;
		}
		in->n++;
	}
	if (unknown > 0) {
		hseti(r, "Imp.nunknown", unknown);
		return refuse(r, 422, "unknown_codes", period_id), 1;
	}
	return 0;
}

static const char *read_error(int rc)
{
	switch (rc) {
	case XLSX_ENCRYPTED: return "encrypted";
	case XLSX_OLD_XLS: return "old_xls";
	case XLSX_NOT_ZIP: return "not_xlsx";
	case XLSX_NOT_XLSX: return "not_xlsx";
	case XLSX_TOO_BIG: return "entry_too_big";
	case XLSX_TOO_MANY: return "too_many_rows";
	default: return "bad_xml";
	}
}

int ui_import_post(struct req *r)
{
	const struct xlsx_limits lim = {TPL_COLS, TPL_ROWS_MAX, ENTRY_MAX, STRINGS_MAX};
	long long period_id = r->fv[IF_PERIOD].i, key_unit, key_period;
	long long max = config_int("evidence_max_bytes", 10 * MIB);
	const struct refdata *rd;
	const struct kv *file;
	struct xlsx_sheet s;
	struct input in = {NULL, 0, NULL, NULL};
	char key_code[64], origin[400];
	int count, rc;

	if (r->user.unit_id <= 0)
		return refuse(r, 403, "no_unit", 0);
	file = file_first(r, "file", &count);
	if (count > 1)
		return refuse(r, 422, "many_files", period_id);
	if (file == NULL || file->vlen == 0)
		return refuse(r, 422, "no_file", period_id);
	if ((long long)file->vlen > max)
		return refuse(r, 413, "too_big", period_id);
	if ((rc = xlsx_read(file->val, file->vlen, &lim, &s)) != XLSX_OK) {
		if (rc == XLSX_NOMEM)
			return E_INTERNAL;
		return refuse(r, rc == XLSX_TOO_BIG ? 413 : 422, read_error(rc), period_id);
	}
	if (parse_key(&s, &key_unit, &key_period, key_code, sizeof key_code) != 0) {
		rc = refuse(r, 422, "not_template", period_id);
		goto out;
	}
	if (key_unit != r->user.unit_id || key_period != period_id) {
		hset(r, "Imp.key_unit", key_code);
		rc = refuse(r, 422, key_unit != r->user.unit_id ? "other_unit" : "other_period", period_id);
		goto out;
	}
	if ((rc = ref_get(r, &rd)) != E_OK)
		goto out;
	if ((rc = read_rows(r, &s, period_id, rd, &in)) != 0) {
		rc = rc > 0 ? E_OK : E_INTERNAL;
		goto out;
	}
	{
		/* the name cut to 200 bytes on a character boundary: the audit keeps UTF-8 */
		int cut = (int)strlen(file->filename);
		if (cut > 200)
			for (cut = 200; cut > 0 && ((unsigned char)file->filename[cut] & 0xC0) == 0x80; cut--)
				;
		snprintf(origin, sizeof origin, "file=%.*s bytes=%zu rows=%u", cut, file->filename,
			 file->vlen, in.n);
	}
	{
		struct form_src src = {period_id, r->fv[IF_VERSION].present ? r->fv[IF_VERSION].i : -1, 0,
				       in.problems, in.proposals, file_get, &in, origin};
		/* on the form page again (errors, conflict): say where the figures came from */
		hset(r, "Form.imported", "1");
		rc = form_apply(r, &src);
	}
out:
	input_free(&in);
	xlsx_free(&s);
	return rc;
}
