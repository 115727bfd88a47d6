/* egov-quarterly: the working group's quarterly report to the committee
 * (Art. 6.7), assembled from what the system holds and written as a Flat ODT
 * that LibreOffice turns into ODT, DOCX and PDF. */
#ifndef EGOV_QUARTERLY_H
#define EGOV_QUARTERLY_H
#include <stddef.h>

#include "../lib/buf.h"

/* The period the report is about, and the day it is written (Hanoi). */
struct qperiod {
	long long id;
	char kind;
	int year, seq;
	char label[64];          /* "Quý 3/2026" */
	char start[11], end[11]; /* the data cut-off window, yyyy-mm-dd */
	char due[11];
	char today[11];          /* yyyy-mm-dd, Asia/Ho_Chi_Minh */
};

/* ---- fodt.c: the document as XML; every text passes through x_text ---- */

/* Appends s as XML character data: & < > " ' escaped, characters XML 1.0
 * forbids dropped, invalid UTF-8 replaced, newlines as line breaks, tabs
 * and runs of spaces as ODF's own elements (so they survive). */
void x_text(struct buf *b, const char *s);
void x_head(struct buf *b, int level, const char *text);
void x_para(struct buf *b, const char *style, const char *text);
/* A paragraph of a label in bold followed by the text. */
void x_labelled(struct buf *b, const char *label, const char *text);
void x_table_begin(struct buf *b, const char *name, const char *const *colwidths, int ncols,
		   const char *const *headers);
void x_row_begin(struct buf *b);
void x_cell(struct buf *b, const char *text, int numeric);
/* A row with one cell across the table (a pillar's or a unit's name). */
void x_span_row(struct buf *b, int ncols, const char *text);
void x_row_end(struct buf *b);
void x_table_end(struct buf *b);
void x_doc_begin(struct buf *b, const char *title);
void x_doc_end(struct buf *b);

/* ---- lang.c: the document's Vietnamese headings (templates/lang/vi-quarterly.hdf) ---- */
int lang_load(const char *templates, char *err, size_t errsz);
const char *L(const char *key);   /* Lang.Quarterly.Doc.<key>, or the key itself */
void lang_free(void);

/* ---- sections.c: the report's content, read in one read-only transaction ---- */
const char *const *sections_sql(int *n);
/* 1 the period exists (filled in), 0 it does not, -1 database error */
int period_load(long long id, struct qperiod *p);
/* 1 there are aggregated figures or delivered forms, 0 none, -1 error */
int period_has_data(const struct qperiod *p);
/* Writes every section; returns 0 or -1 with a message in err. */
int sections_write(const struct qperiod *p, struct buf *doc, char *err, size_t errsz);
int record_run(const struct qperiod *p, const char *files);

/* ---- fmt.c ---- */
/* "12.500000" -> "12,5", thousands with dots; NULL -> "—" */
void fmt_num(const char *dec, int decimals, char *out, size_t n);
/* "2026-09-14" -> "14/09/2026" */
void fmt_date(const char *iso, char *out, size_t n);

/* ---- soffice.c ---- */
/* soffice --headless --convert-to <filter> --outdir <dir> <file>, with a
 * profile of its own under profile_dir, a time limit and its exit status
 * checked; its messages go to dir/.soffice.log. */
int soffice_convert(const char *prog, const char *dir, const char *profile_dir, const char *input,
		    const char *filter, int timeout_s, char *err, size_t errsz);
#endif
