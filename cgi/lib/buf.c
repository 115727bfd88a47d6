#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b) { b->p = NULL; b->len = b->cap = 0; }

void buf_free(struct buf *b)
{
	free(b->p);
	buf_init(b);
}

void buf_reset(struct buf *b) { b->len = 0; }

static int grow(struct buf *b, size_t need)
{
	size_t cap;
	char *p;

	if (b->len + need + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + need + 1)
		cap *= 2;
	p = realloc(b->p, cap);
	if (p == NULL)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

int buf_reserve(struct buf *b, size_t n) { return grow(b, n); }

int buf_add(struct buf *b, const void *data, size_t n)
{
	if (grow(b, n) != 0)
		return -1;
	memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int buf_adds(struct buf *b, const char *s) { return buf_add(b, s, strlen(s)); }

int buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || grow(b, (size_t)n) != 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

const char *buf_str(struct buf *b)
{
	if (grow(b, 0) != 0)
		return "";
	b->p[b->len] = '\0';
	return b->p;
}

int buf_read_file(struct buf *b, const char *path, size_t limit)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;
	int rc = 0;

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b->len + n > limit || buf_add(b, chunk, n) != 0) {
			rc = -1;
			break;
		}
	}
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}
