/* Writing what gnuplot reads and what the dashboard offers: data files with
 * every text escaped the way gnuplot reads it back literally, CSV files for
 * spreadsheets, and numbers the Vietnamese way. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/text.h"
#include "../lib/csv.h"
#include "charts.h"

/* Length of the valid UTF-8 sequence at s (1-4), or 0. */
static size_t utf8_seq(const unsigned char *s)
{
	unsigned c = s[0], cp;
	size_t n;

	if (c < 0x80)
		return c ? 1 : 0;
	if ((c & 0xE0) == 0xC0)
		n = 1, cp = c & 0x1F;
	else if ((c & 0xF0) == 0xE0)
		n = 2, cp = c & 0x0F;
	else if ((c & 0xF8) == 0xF0)
		n = 3, cp = c & 0x07;
	else
		return 0;
	for (size_t k = 1; k <= n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	/* U+0080-U+009F (C1 controls) and the line/paragraph separators are
	 * layout, not text */
	if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029)
		return 0;
	return n + 1;
}

/* Copies s into out as clean text: one line, valid UTF-8, spaces for
 * control characters, runs of blanks squeezed, no blanks at the ends. */
static void clean(const char *s, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	int space = 0;

	while (*p) {
		size_t n = utf8_seq(p);
		if (n == 0 || *p < 0x20 || *p == 0x7f || *p == ' ') {
			int replacement = n == 0 && *p >= 0x80;
			if (replacement) {
				if (space && out->len)
					buf_add(out, " ", 1);
				space = 0;
				buf_adds(out, "\xEF\xBF\xBD");
			} else {
				space = 1;
			}
			p += n ? n : 1;
			continue;
		}
		if (space && out->len)
			buf_add(out, " ", 1);
		space = 0;
		buf_add(out, p, n);
		p += n;
	}
	buf_str(out);
}

void text_plain(struct buf *b, const char *s)
{
	struct buf t;

	buf_init(&t);
	clean(s, &t);
	buf_add(b, t.p ? t.p : "", t.len);
	buf_free(&t);
}

static void escape_into(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			buf_add(b, "\\\\", 2);
		else if (*s == '"')
			buf_add(b, "\\042", 4);
		else
			buf_add(b, s, 1);
	}
}

void gp_text(struct buf *b, const char *s)
{
	gp_text_cut(b, s, 0);
}

/* Cuts clean text to max characters (0: no limit), with "…". */
static void cut(struct buf *t, size_t max)
{
	size_t chars = 0, i, last_space = 0, at_space_chars = 0;

	if (max == 0 || utf8_chars(buf_str(t)) <= max)
		return;
	for (i = 0; i < t->len; i++) {
		if (((unsigned char)t->p[i] & 0xC0) == 0x80)
			continue;
		if (chars == max - 1)
			break;
		if (t->p[i] == ' ') {
			last_space = i;
			at_space_chars = chars;
		}
		chars++;
	}
	/* end at a word if that loses little */
	if (last_space > 0 && at_space_chars * 4 >= (max - 1) * 3)
		i = last_space;
	while (i > 0 && (t->p[i - 1] == ' ' || t->p[i - 1] == ',' || t->p[i - 1] == ';'))
		i--;
	t->len = i;
	buf_adds(t, "…");
}

void gp_text_cut(struct buf *b, const char *s, size_t max)
{
	struct buf t;

	buf_init(&t);
	clean(s, &t);
	cut(&t, max);
	if (t.len == 0)
		buf_adds(b, "-");
	else
		escape_into(b, buf_str(&t));
	buf_free(&t);
}

void gp_num(struct buf *b, double v, int has)
{
	if (!has || !isfinite(v))
		buf_adds(b, "NaN");
	else
		buf_printf(b, "%.10g", v);
}

int wrap_text(const char *s, size_t width, char lines[][512], int nlines)
{
	struct buf t;
	const char *p;
	int n = 0;

	buf_init(&t);
	clean(s, &t);
	p = buf_str(&t);
	while (*p && n < nlines) {
		size_t chars = 0, i = 0, brk = 0;
		struct buf line;

		/* the longest prefix of at most width characters ending at a space */
		for (; p[i]; i++) {
			if (((unsigned char)p[i] & 0xC0) == 0x80)
				continue;
			if (chars == width)
				break;
			if (p[i] == ' ')
				brk = i;
			chars++;
		}
		if (p[i] == '\0')
			brk = i;
		else if (brk == 0)
			brk = i;   /* one long word: cut it */
		buf_init(&line);
		if (n == nlines - 1 && p[brk] != '\0') {
			/* the last line: everything left, cut with "…" */
			buf_adds(&line, p);
			cut(&line, width);
			brk = strlen(p);
		} else {
			buf_add(&line, p, brk);
		}
		snprintf(lines[n++], 512, "%s", buf_str(&line));
		buf_free(&line);
		p += brk;
		while (*p == ' ')
			p++;
	}
	if (n == 0)
		snprintf(lines[n++], 512, "-");
	buf_free(&t);
	return n;
}

void fmt_num(double v, int dec, char *out, size_t n)
{
	if (!isfinite(v))
		snprintf(out, n, "-");
	else
		num_grouped(v, dec, 0, out, n);
}

const char *ind_uom(const struct indicator *in)
{
	if (in->share)
		return "% đơn vị trả lời Có";
	if (strcmp(in->vtype, "yesno") == 0)
		return "đơn vị trả lời Có";
	return in->uom;
}

void fmt_value(const struct indicator *in, double v, char *out, size_t n)
{
	char num[64];

	/* share_yes figures are percentages already (egov-aggregate) */
	fmt_num(v, in->decimals, num, sizeof num);
	if (in->pct)
		snprintf(out, n, "%s %%", num);
	else
		snprintf(out, n, "%s %s", num, in->uom);
}

void fmt_unit_value(const struct indicator *in, double v, char *out, size_t n)
{
	/* one unit's yes/no answer: 100 (share_yes) or 1 (count_yes) is yes */
	if (strcmp(in->vtype, "yesno") == 0)
		snprintf(out, n, "%s", v >= (in->share ? 50 : 0.5) ? "Có" : "Không");
	else
		fmt_value(in, v, out, n);
}

/* "12.500000" -> "12.5" */
static void trim_decimal(const char *s, char *out, size_t n)
{
	char *dot;

	snprintf(out, n, "%s", s);
	dot = strchr(out, '.');
	if (dot != NULL) {
		char *e = out + strlen(out);
		while (e > dot + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == dot + 1)
			*dot = '\0';
	}
}

void csv_value(const struct indicator *in, const char *db, char *out, size_t n)
{
	(void)in;
	if (db == NULL)
		snprintf(out, n, "%s", "");
	else
		trim_decimal(db, out, n);
}

const char *mark_of(const struct pdata *d, const struct fig *f)
{
	if (!f->has_value)
		return "no_data";
	if (!f->has_target || !f->has_progress)
		return "no_target";
	if (f->progress >= 1 - 1e-9)
		return "met";
	if (f->progress >= d->on_track - 1e-9)
		return "on_track";
	return "behind";
}

const char *mark_vi(const char *mark)
{
	if (strcmp(mark, "met") == 0)
		return "Đạt mục tiêu";
	if (strcmp(mark, "on_track") == 0)
		return "Đúng tiến độ";
	if (strcmp(mark, "behind") == 0)
		return "Chậm tiến độ";
	if (strcmp(mark, "no_target") == 0)
		return "Chưa có mục tiêu";
	return "Chưa có số liệu";
}

/* ---- files ---- */

static int record(struct outset *o, const char *name)
{
	if (o->n == o->cap) {
		int cap = o->cap ? o->cap * 2 : 256;
		struct outfile *f = realloc(o->f, (size_t)cap * sizeof *f);
		if (f == NULL)
			return -1;
		o->f = f;
		o->cap = cap;
	}
	snprintf(o->f[o->n++].name, sizeof o->f[0].name, "%s", name);
	return 0;
}

int out_write(struct outset *o, const char *name, const struct buf *b)
{
	char path[1300];
	int fd;
	size_t off = 0;

	snprintf(path, sizeof path, "%s/%s", o->dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		goto bad;
	if (fchmod(fd, 0644) != 0)
		goto bad_fd;
	while (off < b->len) {
		ssize_t w = write(fd, b->p + off, b->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto bad_fd;
		off += (size_t)w;
	}
	if (close(fd) != 0)
		goto bad;
	return record(o, name);
bad_fd:
	{
		int e = errno;
		close(fd);
		errno = e;
	}
bad:
	fprintf(stderr, "egov-charts: cannot write %s: %s\n", path, strerror(errno));
	o->failed = 1;
	return -1;
}

int out_expect(struct outset *o, const char *name)
{
	return record(o, name);
}

/* ---- CSV ---- */

void csv_start(struct buf *b)
{
	buf_add(b, "\xEF\xBB\xBF", 3);
}

void csv_text(struct buf *b, const char *s, int first)
{
	struct buf t;

	/* one line per row: the dashboard's table and spreadsheets agree */
	buf_init(&t);
	clean(s, &t);
	csv_put(b, buf_str(&t), first);
	buf_free(&t);
}

void csv_raw(struct buf *b, const char *s, int first)
{
	if (!first)
		buf_add(b, ",", 1);
	buf_adds(b, s ? s : "");
}

void csv_end_row(struct buf *b)
{
	buf_adds(b, "\r\n");
}
