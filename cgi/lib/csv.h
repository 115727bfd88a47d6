/* RFC 4180 CSV reading, for the admin CLI's imports. */
#ifndef EGOV_CSV_H
#define EGOV_CSV_H
#include <stdio.h>

#define CSV_MAX_FIELDS 32

struct csv_row {
	char *field[CSV_MAX_FIELDS];
	int n;
	char *buf;
};

/* 1: a row, 0: end of file, -1: malformed (unterminated quote, too many fields) */
int csv_next(FILE *f, struct csv_row *row);
void csv_row_free(struct csv_row *row);

struct buf;
/* Appends one field (a comma before it unless first): quoted when needed,
 * and a leading = + - @ neutralised with a quote so a spreadsheet never runs
 * it as a formula. */
void csv_put(struct buf *b, const char *s, int first);

#endif
