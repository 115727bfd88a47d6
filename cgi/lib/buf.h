/* Growable byte buffer: responses, SQL-free text assembly, file reading. */
#ifndef EGOV_BUF_H
#define EGOV_BUF_H
#include <stddef.h>

struct buf {
	char *p;
	size_t len, cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
int buf_reserve(struct buf *b, size_t n);
int buf_add(struct buf *b, const void *data, size_t n);
int buf_adds(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* NUL-terminates without counting it in len; returns the string or "" on OOM. */
const char *buf_str(struct buf *b);
int buf_read_file(struct buf *b, const char *path, size_t limit);

#endif
