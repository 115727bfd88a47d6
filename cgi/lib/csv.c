#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

int csv_next(FILE *f, struct csv_row *row)
{
	struct buf b;
	size_t starts[CSV_MAX_FIELDS];
	int c, quoted = 0, n = 0, any = 0;

	memset(row, 0, sizeof *row);
	buf_init(&b);
	starts[n++] = 0;
	while ((c = fgetc(f)) != EOF) {
		any = 1;
		if (quoted) {
			if (c == '"') {
				int d = fgetc(f);
				if (d == '"') {
					buf_add(&b, "\"", 1);
					continue;
				}
				quoted = 0;
				if (d == EOF)
					break;
				c = d;
			} else {
				buf_add(&b, &(char){(char)c}, 1);
				continue;
			}
		}
		if (c == '"') {
			quoted = 1;
		} else if (c == ',') {
			if (n >= CSV_MAX_FIELDS)
				goto bad;
			buf_add(&b, "", 1);
			starts[n++] = b.len;
		} else if (c == '\n') {
			break;
		} else if (c != '\r') {
			buf_add(&b, &(char){(char)c}, 1);
		}
	}
	if (quoted)
		goto bad;
	if (!any) {
		buf_free(&b);
		return 0;
	}
	buf_add(&b, "", 1);
	row->buf = b.p;
	row->n = n;
	for (int i = 0; i < n; i++)
		row->field[i] = row->buf + starts[i];
	/* a UTF-8 byte order mark on the first field is not data */
	if (strncmp(row->field[0], "\xEF\xBB\xBF", 3) == 0)
		row->field[0] += 3;
	return 1;
bad:
	buf_free(&b);
	return -1;
}

void csv_row_free(struct csv_row *row)
{
	free(row->buf);
	row->buf = NULL;
	row->n = 0;
}

void csv_put(struct buf *b, const char *s, int first)
{
	int formula, quote;

	if (!first)
		buf_add(b, ",", 1);
	if (s == NULL || *s == '\0')
		return;
	formula = strchr("=+-@\t\r", s[0]) != NULL;
	quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		buf_adds(b, s);
		return;
	}
	buf_add(b, "\"", 1);
	if (formula)
		buf_add(b, "'", 1);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_add(b, "\"", 1);
		buf_add(b, p, 1);
	}
	buf_add(b, "\"", 1);
}
