/* Evidence attachments: type detection from the content, name cleaning,
 * storage and the parts both programs share (list, download). */
#include "evidence.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "audit.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "refdata.h"
#include "render.h"
#include "text.h"

static const struct ev_type types[] = {
	{"pdf", "PDF", "application/pdf", "pdf", "pdf"},
	{"png", "PNG", "image/png", "png", "png"},
	{"jpeg", "JPEG", "image/jpeg", "jpg", "jpg|jpeg|jpe|jfif"},
	{"gif", "GIF", "image/gif", "gif", "gif"},
	{"docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	 "docx", "docx"},
	{"xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
	 "xlsx"},
	{"pptx", "PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	 "pptx", "pptx"},
	{"odt", "ODT", "application/vnd.oasis.opendocument.text", "odt", "odt"},
	{"ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet", "ods", "ods"},
	{"odp", "ODP", "application/vnd.oasis.opendocument.presentation", "odp", "odp"},
	{"doc", "DOC", "application/msword", "doc", "doc|dot"},
	{"xls", "XLS", "application/vnd.ms-excel", "xls", "xls|xlt"},
	{"ppt", "PPT", "application/vnd.ms-powerpoint", "ppt", "ppt|pps|pot"},
};
#define NTYPES (sizeof types / sizeof types[0])

static const struct ev_type *type_of(const char *key)
{
	for (size_t i = 0; i < NTYPES; i++)
		if (strcmp(types[i].key, key) == 0)
			return &types[i];
	return NULL;
}

const struct ev_type *ev_type_by_mime(const char *mime)
{
	for (size_t i = 0; mime != NULL && i < NTYPES; i++)
		if (strcmp(types[i].mime, mime) == 0)
			return &types[i];
	return NULL;
}

/* ---- reading little-endian fields within bounds ---- */

static int rd16(const unsigned char *p, size_t n, size_t off, unsigned *v)
{
	if (off > n || n - off < 2)
		return -1;
	*v = (unsigned)p[off] | (unsigned)p[off + 1] << 8;
	return 0;
}

static int rd32(const unsigned char *p, size_t n, size_t off, uint32_t *v)
{
	if (off > n || n - off < 4)
		return -1;
	*v = (uint32_t)p[off] | (uint32_t)p[off + 1] << 8 | (uint32_t)p[off + 2] << 16 |
	     (uint32_t)p[off + 3] << 24;
	return 0;
}

/* ---- ZIP: OOXML (docx/xlsx/pptx) and ODF (odt/ods/odp) ---- */

static int name_is(const unsigned char *s, size_t l, const char *lit)
{
	return l == strlen(lit) && memcmp(s, lit, l) == 0;
}

static int name_starts(const unsigned char *s, size_t l, const char *lit)
{
	size_t ll = strlen(lit);
	return l > ll && memcmp(s, lit, ll) == 0;
}

static int name_ends(const unsigned char *s, size_t l, const char *lit)
{
	size_t ll = strlen(lit);
	return l >= ll && memcmp(s + l - ll, lit, ll) == 0;
}

/* ODF puts an uncompressed "mimetype" entry first; its content names the kind. */
static const struct ev_type *odf_kind(const unsigned char *p, size_t n)
{
	static const struct {
		const char *mime, *key;
	} odf[] = {
		{"application/vnd.oasis.opendocument.text", "odt"},
		{"application/vnd.oasis.opendocument.spreadsheet", "ods"},
		{"application/vnd.oasis.opendocument.presentation", "odp"},
	};
	unsigned method, nl, el;
	uint32_t csize;
	size_t data;

	if (rd16(p, n, 8, &method) || rd32(p, n, 18, &csize) || rd16(p, n, 26, &nl) ||
	    rd16(p, n, 28, &el) || method != 0 || nl != 8 || 30 + 8 > n ||
	    memcmp(p + 30, "mimetype", 8) != 0)
		return NULL;
	data = 30 + (size_t)nl + el;
	if (data > n || n - data < csize)
		return NULL;
	for (size_t i = 0; i < sizeof odf / sizeof odf[0]; i++)
		if (name_is(p + data, csize, odf[i].mime))
			return type_of(odf[i].key);
	return NULL;
}

static const struct ev_type *zip_kind(const unsigned char *p, size_t n, const char **why)
{
	size_t eocd = 0, off;
	unsigned disk, cd_disk, on_disk, total, clen;
	uint32_t cd_size, cd_off;
	int found = 0, ctypes = 0, word = 0, xl = 0, ppt = 0, macro = 0;
	const struct ev_type *odt;

	*why = EV_WHY_ZIP;
	/* the end-of-central-directory record: at most a 64 KiB comment after it */
	for (size_t i = n >= 22 ? n - 22 : 0; n >= 22; i--) {
		if (p[i] == 'P' && p[i + 1] == 'K' && p[i + 2] == 5 && p[i + 3] == 6) {
			eocd = i;
			found = 1;
			break;
		}
		if (i == 0 || n - i > 22 + 65535)
			break;
	}
	if (!found || rd16(p, n, eocd + 4, &disk) || rd16(p, n, eocd + 6, &cd_disk) ||
	    rd16(p, n, eocd + 8, &on_disk) || rd16(p, n, eocd + 10, &total) ||
	    rd32(p, n, eocd + 12, &cd_size) || rd32(p, n, eocd + 16, &cd_off) ||
	    rd16(p, n, eocd + 20, &clen))
		return NULL;
	/* one disk, no ZIP64, nothing before the archive nor after its comment */
	if (disk != 0 || cd_disk != 0 || on_disk != total || total == 0 ||
	    eocd + 22 + clen != n || (size_t)cd_off + cd_size != eocd)
		return NULL;
	off = cd_off;
	for (unsigned k = 0; k < total; k++) {
		uint32_t sig;
		unsigned nl, el, cl;
		const unsigned char *name;

		if (rd32(p, n, off, &sig) || sig != 0x02014b50 || rd16(p, n, off + 28, &nl) ||
		    rd16(p, n, off + 30, &el) || rd16(p, n, off + 32, &cl) ||
		    off + 46 + (size_t)nl + el + cl > eocd)
			return NULL;
		name = p + off + 46;
		if (name_is(name, nl, "[Content_Types].xml"))
			ctypes = 1;
		else if (name_starts(name, nl, "word/"))
			word = 1;
		else if (name_starts(name, nl, "xl/"))
			xl = 1;
		else if (name_starts(name, nl, "ppt/"))
			ppt = 1;
		/* VBA projects (OOXML) and Basic libraries or scripts (ODF) */
		if (name_ends(name, nl, "vbaProject.bin") || name_starts(name, nl, "Basic/") ||
		    name_starts(name, nl, "Scripts/"))
			macro = 1;
		off += 46 + (size_t)nl + el + cl;
	}
	if (off != eocd)
		return NULL;
	odt = odf_kind(p, n);
	if (odt == NULL && !(ctypes && (word || xl || ppt)))
		return NULL;
	if (macro) {
		*why = EV_WHY_MACRO;
		return NULL;
	}
	*why = NULL;
	if (odt != NULL)
		return odt;
	return type_of(word ? "docx" : xl ? "xlsx" : "pptx");
}

/* ---- OLE2 compound files: doc, xls, ppt ---- */

#define OLE_FREE 0xFFFFFFFAu  /* at or above: no sector (end of chain, free...) */
#define OLE_MAX_DIR 8192

struct ole {
	const unsigned char *p;
	size_t n, ss;           /* sector size */
	uint32_t difat_first, ndifat;
};

static int ole_sector(const struct ole *o, uint32_t s, size_t *off)
{
	size_t at;

	if (s >= OLE_FREE)
		return -1;
	at = ((size_t)s + 1) * o->ss;
	if (at / o->ss != (size_t)s + 1 || at > o->n || o->n - at < o->ss)
		return -1;
	*off = at;
	return 0;
}

/* Which sector holds the idx-th sector of the FAT: the header lists 109, the
 * DIFAT chain the rest. */
static int ole_fat_sector(const struct ole *o, uint32_t idx, uint32_t *fs)
{
	size_t per = o->ss / 4 - 1, off;
	uint32_t s = o->difat_first;

	if (idx < 109)
		return rd32(o->p, o->n, 76 + (size_t)idx * 4, fs);
	idx -= 109;
	for (uint32_t hops = 0; hops <= o->ndifat; hops++) {
		if (ole_sector(o, s, &off))
			return -1;
		if (idx < per)
			return rd32(o->p, o->n, off + (size_t)idx * 4, fs);
		idx -= (uint32_t)per;
		if (rd32(o->p, o->n, off + per * 4, &s))
			return -1;
	}
	return -1;
}

static int ole_next(const struct ole *o, uint32_t s, uint32_t *next)
{
	size_t per = o->ss / 4, off;
	uint32_t fs;

	if (ole_fat_sector(o, (uint32_t)(s / per), &fs) || ole_sector(o, fs, &off))
		return -1;
	return rd32(o->p, o->n, off + (s % per) * 4, next);
}

struct ole_entry {
	char name[32];   /* ASCII names only; others stay "" */
	unsigned type;
	uint32_t left, right, child;
};

static const struct ev_type *ole_kind(const unsigned char *p, size_t n, const char **why)
{
	struct ole o = {p, n, 0, 0, 0};
	struct ole_entry *e = NULL;
	uint32_t *stack = NULL;
	unsigned char *seen = NULL;
	unsigned shift, bom, ne = 0, sp = 0;
	uint32_t dir;
	int word = 0, xls = 0, ppt = 0, macro = 0;
	const struct ev_type *t = NULL;

	*why = EV_WHY_OLE;
	if (rd16(p, n, 28, &bom) || bom != 0xFFFE || rd16(p, n, 30, &shift) ||
	    (shift != 9 && shift != 12) || rd32(p, n, 48, &dir) || rd32(p, n, 68, &o.difat_first) ||
	    rd32(p, n, 72, &o.ndifat))
		return NULL;
	o.ss = (size_t)1 << shift;
	e = calloc(OLE_MAX_DIR, sizeof *e);
	if (e == NULL)
		return NULL;
	/* the directory: a chain of sectors of 128-byte entries */
	for (uint32_t s = dir, hops = 0; s < OLE_FREE && ne < OLE_MAX_DIR; hops++) {
		size_t off;

		if (hops > n / o.ss || ole_sector(&o, s, &off))
			goto out;
		for (size_t k = 0; k < o.ss / 128 && ne < OLE_MAX_DIR; k++, ne++) {
			const unsigned char *d = p + off + k * 128;
			struct ole_entry *x = &e[ne];
			unsigned nl = 0;

			rd16(d, 128, 64, &nl);
			x->type = d[66];
			rd32(d, 128, 68, &x->left);
			rd32(d, 128, 72, &x->right);
			rd32(d, 128, 76, &x->child);
			if (nl >= 2 && nl <= 64 && nl % 2 == 0) {
				size_t c = 0;
				/* UTF-16LE, the length counting the terminating NUL */
				for (size_t i = 0; i + 2 < nl; i += 2) {
					if (d[i + 1] != 0 || d[i] < 0x20 || d[i] > 0x7e || c + 1 >= sizeof x->name) {
						c = 0;
						break;
					}
					x->name[c++] = (char)d[i];
				}
				x->name[c] = '\0';
			}
		}
		if (ole_next(&o, s, &s))
			goto out;
	}
	if (ne == 0 || e[0].type != 5)
		goto out;
	/* the root's children: its child and that one's siblings (a tree) */
	stack = calloc(ne, sizeof *stack);
	seen = calloc(ne, 1);
	if (stack == NULL || seen == NULL)
		goto out;
	if (e[0].child < ne)
		stack[sp++] = e[0].child;
	while (sp > 0) {
		uint32_t i = stack[--sp];
		const struct ole_entry *x;

		if (seen[i])
			goto out;  /* a cycle: not a valid file */
		seen[i] = 1;
		x = &e[i];
		if (strcmp(x->name, "WordDocument") == 0)
			word = 1;
		else if (strcmp(x->name, "Workbook") == 0 || strcmp(x->name, "Book") == 0)
			xls = 1;
		else if (strcmp(x->name, "PowerPoint Document") == 0)
			ppt = 1;
		else if (strcmp(x->name, "Macros") == 0 || strcmp(x->name, "_VBA_PROJECT_CUR") == 0 ||
			 strcmp(x->name, "_VBA_PROJECT") == 0)
			macro = 1;
		if (x->left < ne && sp < ne)
			stack[sp++] = x->left;
		if (x->right < ne && sp < ne)
			stack[sp++] = x->right;
	}
	if (word + xls + ppt != 1)
		goto out;
	if (macro) {
		*why = EV_WHY_MACRO;
		goto out;
	}
	*why = NULL;
	t = type_of(word ? "doc" : xls ? "xls" : "ppt");
out:
	free(e);
	free(stack);
	free(seen);
	return t;
}

const struct ev_type *ev_sniff(const unsigned char *p, size_t n, const char **why)
{
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
					    0, 0, 0, 13, 'I', 'H', 'D', 'R'};
	static const unsigned char ole[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

	*why = NULL;
	if (n == 0) {
		*why = EV_WHY_EMPTY;
		return NULL;
	}
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return type_of("pdf");
	if (n >= sizeof png + 13 && memcmp(p, png, sizeof png) == 0)
		return type_of("png");
	if (n >= 4 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
		return type_of("jpeg");
	if (n >= 10 && (memcmp(p, "GIF87a", 6) == 0 || memcmp(p, "GIF89a", 6) == 0))
		return type_of("gif");
	if (n >= 512 && memcmp(p, ole, sizeof ole) == 0)
		return ole_kind(p, n, why);
	if (n >= 30 && memcmp(p, "PK\x03\x04", 4) == 0)
		return zip_kind(p, n, why);
	*why = EV_WHY_TYPE;
	return NULL;
}

/* ---- file names ---- */

/* Decodes one UTF-8 character; returns its length, or 0 if invalid. */
static size_t utf8_next(const unsigned char *s, size_t len, unsigned *cp)
{
	unsigned c = s[0], n, v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xE0) == 0xC0) {
		n = 1;
		v = c & 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		n = 2;
		v = c & 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		n = 3;
		v = c & 0x07;
	} else {
		return 0;
	}
	if (len <= n)
		return 0;
	for (unsigned k = 1; k <= n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[k] & 0x3F);
	}
	if ((n == 1 && v < 0x80) || (n == 2 && v < 0x800) || (n == 3 && v < 0x10000) ||
	    v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n + 1;
}

/* Characters never kept: controls, quotes, line separators, the marks that
 * reorder text (a "gnp.exe" shown for "exe.png") and the byte-order mark. */
static int dropped(unsigned cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == '"' || cp == '\'' ||
	       cp == '`' || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

/* Browsers send CR, LF and " in names as %0D, %0A, %22 (HTML's form encoding). */
static int escaped_drop(const char *s)
{
	if (s[0] != '%' || s[1] == '\0')
		return 0;
	return (s[1] == '0' && (s[2] == 'd' || s[2] == 'D' || s[2] == 'a' || s[2] == 'A')) ||
	       (s[1] == '2' && s[2] == '2');
}

static int is_alnum_ascii(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The extension after the last dot, if it looks like one: 1-10 ASCII letters
 * and digits with at least one letter. */
static const char *extension_of(const char *s)
{
	const char *dot = strrchr(s, '.');
	int letter = 0;
	size_t l;

	if (dot == NULL)
		return NULL;
	l = strlen(dot + 1);
	if (l == 0 || l > 10)
		return NULL;
	for (const char *c = dot + 1; *c; c++) {
		if (!is_alnum_ascii((unsigned char)*c))
			return NULL;
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z'))
			letter = 1;
	}
	return letter ? dot + 1 : NULL;
}

static int ext_agrees(const struct ev_type *t, const char *ext)
{
	char low[12];
	size_t i;

	for (i = 0; ext[i] && i + 1 < sizeof low; i++)
		low[i] = (char)((ext[i] >= 'A' && ext[i] <= 'Z') ? ext[i] + 32 : ext[i]);
	low[i] = '\0';
	return list_has(t->exts, '|', low);
}

static int trim_char(unsigned char c)
{
	return c == ' ' || c == '.';
}

int ev_clean_name(const char *raw, const struct ev_type *t, char *out, size_t outsz)
{
	const char *base = raw ? raw : "", *ext;
	char *s;
	size_t n = 0, len, start, end, chars = 0, keep, cut;
	int rc = 0;

	for (const char *c = base; *c; c++)
		if (*c == '/' || *c == '\\')
			base = c + 1;
	len = strlen(base);
	s = malloc(len + 1);
	if (s == NULL || outsz < EV_NAME_BUF) {
		free(s);
		if (outsz > 0)
			snprintf(out, outsz, "tai-lieu.%s", t->ext);
		return 0;
	}
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t k;

		if (escaped_drop(base + i)) {
			i += 3;
			continue;
		}
		k = utf8_next((const unsigned char *)base + i, len - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		if (!dropped(cp)) {
			memcpy(s + n, base + i, k);
			n += k;
		}
		i += k;
	}
	s[n] = '\0';
	/* no names ending in a dot or a space; the extension is what follows the
	 * last dot then (".pdf" is an extension without a name) */
	for (end = n; end > 0 && trim_char((unsigned char)s[end - 1]); end--)
		s[end - 1] = '\0';
	ext = extension_of(s);
	if (ext != NULL) {
		if (!ext_agrees(t, ext))
			rc = -1;
		s[ext - s - 1] = '\0';
		for (end = strlen(s); end > 0 && trim_char((unsigned char)s[end - 1]); end--)
			s[end - 1] = '\0';
	} else {
		ext = t->ext;
	}
	/* no hidden files, no ".." */
	for (start = 0; s[start] && trim_char((unsigned char)s[start]); start++)
		;
	memmove(s, s + start, strlen(s + start) + 1);
	/* the base, cut on a character boundary so that base.ext fits */
	keep = EV_NAME_MAX - 1 - strlen(ext);
	for (cut = 0; s[cut] && chars < keep; chars++) {
		cut++;
		while ((s[cut] & 0xC0) == 0x80)
			cut++;
	}
	s[cut] = '\0';
	for (end = cut; end > 0 && trim_char((unsigned char)s[end - 1]); end--)
		s[end - 1] = '\0';
	snprintf(out, outsz, "%s.%s", s[0] ? s : "tai-lieu", ext);
	free(s);
	return rc;
}

/* ---- storage ---- */

void ev_sha256_hex(const unsigned char *data, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, 65, h, sizeof h);
}

static int stored_name_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == 64;
}

int ev_store(const char *dir, const unsigned char *data, size_t len, char stored[65])
{
	char tmp[4096], fin[4096];
	size_t done = 0;
	int fd, dfd;

	random_hex(stored, 32);
	if ((size_t)snprintf(tmp, sizeof tmp, "%s/.%s.part", dir, stored) >= sizeof tmp ||
	    (size_t)snprintf(fin, sizeof fin, "%s/%s", dir, stored) >= sizeof fin)
		return E_INTERNAL;
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_msg(NULL, "evidence: create %s: %s", tmp, strerror(errno));
		return E_INTERNAL;
	}
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			log_msg(NULL, "evidence: write %s: %s", tmp, strerror(errno));
			goto fail;
		}
		done += (size_t)w;
	}
	if (fsync(fd) != 0) {
		log_msg(NULL, "evidence: fsync %s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, fin) != 0) {
		log_msg(NULL, "evidence: rename %s: %s", tmp, strerror(errno));
		goto fail;
	}
	/* the rename itself survives a crash once the directory is synced */
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		if (fsync(dfd) != 0)
			log_msg(NULL, "evidence: fsync %s: %s", dir, strerror(errno));
		close(dfd);
	}
	return E_OK;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return E_INTERNAL;
}

void ev_unlink(const char *dir, const char *stored)
{
	char path[4096];

	if (!stored_name_ok(stored))
		return;
	snprintf(path, sizeof path, "%s/%s", dir, stored);
	if (unlink(path) != 0 && errno != ENOENT)
		log_msg(NULL, "evidence: unlink %s: %s", path, strerror(errno));
}

int ev_load(struct req *r, const char *dir, const char *stored, long long size, const char *sha256,
	    const char *what)
{
	char path[4096], sum[65];

	if (!stored_name_ok(stored)) {
		log_msg(r->id, "%s: bad stored name", what);
		return E_INTERNAL;
	}
	snprintf(path, sizeof path, "%s/%s", dir, stored);
	buf_reset(&r->out);
	if (buf_read_file(&r->out, path, (size_t)size) != 0 || (long long)r->out.len != size) {
		log_msg(r->id, "%s: cannot read %s (or its size changed)", what, path);
		buf_reset(&r->out);
		return E_INTERNAL;
	}
	ev_sha256_hex((const unsigned char *)r->out.p, r->out.len, sum);
	if (strcmp(sum, sha256) != 0) {
		log_msg(r->id, "%s: checksum mismatch for %s", what, path);
		buf_reset(&r->out);
		return E_INTERNAL;
	}
	return E_OK;
}

/* ---- listing and download, for both programs ---- */

static const char *const sql[] = {
#define ST_EV_LIST 0
	"SELECT e.id, COALESCE(i.code, ''), e.original_name, e.content_type, e.size_bytes, "
	"u.display_name, DATE(e.uploaded_at + INTERVAL 7 HOUR), COALESCE(e.indicator_id, 0) "
	"FROM evidence e JOIN app_user u ON u.id = e.uploaded_by "
	"LEFT JOIN indicator i ON i.id = e.indicator_id "
	"WHERE e.submission_id = ? AND e.deleted = 0 ORDER BY e.id",
#define ST_EV_GET 1
	"SELECT stored_name, original_name, content_type, size_bytes, sha256, submission_id "
	"FROM evidence WHERE id = ? AND deleted = 0 AND (? = 0 OR unit_id = ?)",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* Indicator codes become HDF names: letters, digits, - and _ only. */
static int hdf_name_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!is_alnum_ascii((unsigned char)*s) && *s != '-' && *s != '_')
			return 0;
	return 1;
}

int evidence_list(struct req *r, long long sub_id, const char *prefix)
{
	struct dbres res = {0};
	const struct refdata *rd = NULL;
	int en = r->lang && strcmp(r->lang, "en") == 0, whole = 0, rc;
	char key[160];

	if (sub_id <= 0) {
		hsetf(r, "0", "%s.count", prefix);
		hsetf(r, "0", "%s.whole", prefix);
		return E_OK;
	}
	if ((rc = db_tab_exec(&tab, ST_EV_LIST, &res, "i", sub_id)) != E_OK)
		return rc;
	/* indicator names from the worker's cache; a missing cache only costs the names */
	if (ref_get(r, &rd) != E_OK)
		rd = NULL;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "%s.list.%u", prefix, i);
		const char *code = dbres_get(&res, i, 1), *name = "";
		const struct ev_type *t = ev_type_by_mime(dbres_get(&res, i, 3));
		long long size = dbres_int(&res, i, 4), ind = dbres_int(&res, i, 7);
		char date[32];

		for (unsigned k = 0; rd != NULL && ind && k < rd->nind; k++)
			if (rd->ind[k].id == ind)
				name = en ? rd->ind[k].name_en : rd->ind[k].name;
		date_iso_to_vn(dbres_get(&res, i, 6), date, sizeof date);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", code);
		nset(r, n, "indicator", name);
		nset(r, n, "name", dbres_get(&res, i, 2));
		nset(r, n, "type", t ? t->label : "?");
		nseti(r, n, "size_kb", (size + 1023) / 1024);
		nset(r, n, "by", dbres_get(&res, i, 5));
		nset(r, n, "date", date);
		if (code[0] == '\0') {
			whole++;
		} else if (hdf_name_ok(code)) {
			snprintf(key, sizeof key, "%s.by_code.%s", prefix, code);
			hseti(r, key, hdf_get_int_value(r->hdf, key, 0) + 1);
		}
	}
	hsetfi(r, res.nrows, "%s.count", prefix);
	hsetfi(r, whole, "%s.whole", prefix);
	dbres_free(&res);
	return E_OK;
}

/* The name a download is offered under: the kept name, shortened (on a
 * character, the extension kept) when its percent-encoded form would not fit
 * the Content-Disposition header req_download builds (1 KiB in all). */
#define DL_ENC_MAX 680
#define DL_BYTES_MAX 240
static void download_name(const char *name, char *out, size_t outsz)
{
	const char *dot = strrchr(name, '.');
	size_t ext = dot ? strlen(dot) : 0, enc = 0, bytes = 0, cut = 0;

	for (const unsigned char *c = (const unsigned char *)name; *c; c++)
		enc += (is_alnum_ascii(*c) || *c == '.' || *c == '-' || *c == '_') ? 1 : 3;
	if (enc <= DL_ENC_MAX && strlen(name) <= DL_BYTES_MAX) {
		snprintf(out, outsz, "%s", name);
		return;
	}
	/* room left for the base once the extension (ASCII: one each) is in */
	enc = ext;
	bytes = ext;
	for (size_t i = 0; name + i != dot && name[i];) {
		size_t k = 1, e = 0;
		while ((name[i + k] & 0xC0) == 0x80)
			k++;
		for (size_t j = 0; j < k; j++) {
			unsigned char c = (unsigned char)name[i + j];
			e += (is_alnum_ascii(c) || c == '.' || c == '-' || c == '_') ? 1 : 3;
		}
		if (enc + e > DL_ENC_MAX || bytes + k > DL_BYTES_MAX)
			break;
		enc += e;
		bytes += k;
		i += k;
		cut = i;
	}
	snprintf(out, outsz, "%.*s%s", (int)cut, name, dot ? dot : "");
}

int evidence_send(struct req *r, long long id, long long unit_id)
{
	struct dbres res = {0};
	const char *dir = config_get("evidence_dir", NULL);
	const struct ev_type *t;
	char path[4096], eid[40];
	int rc;

	if (dir == NULL) {
		log_msg(r->id, "evidence: evidence_dir is not configured");
		return E_INTERNAL;
	}
	if ((rc = db_tab_exec(&tab, ST_EV_GET, &res, "iii", id, unit_id, unit_id)) != E_OK)
		return rc;
	if (res.nrows != 1) {
		dbres_free(&res);
		return E_NOTFOUND;
	}
	t = ev_type_by_mime(dbres_get(&res, 0, 2));
	snprintf(eid, sizeof eid, "evidence %lld", id);
	if ((rc = ev_load(r, dir, dbres_get(&res, 0, 0), dbres_int(&res, 0, 3), dbres_get(&res, 0, 4),
			  eid)) != E_OK) {
		dbres_free(&res);
		return rc;
	}
	snprintf(eid, sizeof eid, "%lld", id);
	if ((rc = audit(r, "evidence_download", "evidence", eid, NULL, NULL, NULL)) != E_OK) {
		buf_reset(&r->out);
		dbres_free(&res);
		return rc;
	}
	download_name(dbres_get(&res, 0, 1), path, sizeof path);
	req_download(r, t ? t->mime : "application/octet-stream", path);
	dbres_free(&res);
	return E_OK;
}
