/* Form parsing (urlencoded and multipart) and validation against a page's
 * declared fields. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "req.h"
#include "text.h"

#define KV_MAX 2000

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes %XX and '+'; returns NULL on a bad escape or invalid UTF-8 / NUL. */
static char *decode(const char *s, size_t len, size_t *outlen)
{
	char *o = malloc(len + 1);
	size_t n = 0;

	if (o == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '+') {
			o[n++] = ' ';
		} else if (s[i] == '%') {
			int h, l;
			if (i + 2 >= len) {
				free(o);
				return NULL;
			}
			h = hexval((unsigned char)s[i + 1]);
			l = hexval((unsigned char)s[i + 2]);
			if (h < 0 || l < 0) {
				free(o);
				return NULL;
			}
			o[n++] = (char)(h * 16 + l);
			i += 2;
		} else {
			o[n++] = s[i];
		}
	}
	o[n] = '\0';
	if (!utf8_valid(o, n)) {
		free(o);
		return NULL;
	}
	*outlen = n;
	return o;
}

static int push(struct kv **kv, int *n, char *key, char *val, size_t vlen)
{
	struct kv *p;

	if (*n >= KV_MAX)
		return -1;
	p = realloc(*kv, (size_t)(*n + 1) * sizeof **kv);
	if (p == NULL)
		return -1;
	*kv = p;
	memset(&p[*n], 0, sizeof p[*n]);
	p[*n].key = key;
	p[*n].val = val;
	p[*n].vlen = vlen;
	(*n)++;
	return 0;
}

int form_parse_urlencoded(const char *s, size_t len, struct kv **kv, int *n)
{
	size_t i = 0;

	while (i < len) {
		size_t end = i, eq;
		char *k, *v;
		size_t klen, vlen;

		while (end < len && s[end] != '&')
			end++;
		eq = i;
		while (eq < end && s[eq] != '=')
			eq++;
		if (end > i) {
			k = decode(s + i, eq - i, &klen);
			v = eq < end ? decode(s + eq + 1, end - eq - 1, &vlen) : decode("", 0, &vlen);
			if (k == NULL || v == NULL || push(kv, n, k, v, vlen) != 0) {
				free(k);
				free(v);
				return -1;
			}
		}
		i = end + 1;
	}
	return 0;
}

static const char *memfind(const char *h, size_t hl, const char *nd, size_t nl)
{
	if (nl == 0 || hl < nl)
		return NULL;
	for (size_t i = 0; i + nl <= hl; i++)
		if (h[i] == nd[0] && memcmp(h + i, nd, nl) == 0)
			return h + i;
	return NULL;
}

/* Copies the value of name="..." from a header line; NULL if absent. */
static char *header_param(const char *line, size_t len, const char *name)
{
	size_t nl = strlen(name);

	for (size_t i = 0; i + nl + 2 <= len; i++) {
		if ((i == 0 || line[i - 1] == ' ' || line[i - 1] == ';') &&
		    strncasecmp(line + i, name, nl) == 0 && line[i + nl] == '=' &&
		    line[i + nl + 1] == '"') {
			size_t s = i + nl + 2, e = s;
			char *out;
			while (e < len && line[e] != '"')
				e++;
			if (e >= len)
				return NULL;
			out = malloc(e - s + 1);
			if (out == NULL)
				return NULL;
			memcpy(out, line + s, e - s);
			out[e - s] = '\0';
			return out;
		}
	}
	return NULL;
}

int form_parse_multipart(const char *body, size_t len, const char *ctype, struct kv **kv, int *n)
{
	const char *bp = ctype ? strstr(ctype, "boundary=") : NULL;
	char delim[80];
	size_t dl, bl;
	const char *p, *end = body + len;

	if (bp == NULL)
		return -1;
	bp += 9;
	if (*bp == '"')
		bp++;
	bl = strcspn(bp, "\";");
	if (bl == 0 || bl > 70)
		return -1;
	dl = (size_t)snprintf(delim, sizeof delim, "\r\n--%.*s", (int)bl, bp);
	/* the first delimiter has no leading CRLF */
	if (len < dl - 2 || memcmp(body, delim + 2, dl - 2) != 0)
		return -1;
	p = body + dl - 2;
	for (;;) {
		const char *hdr_end, *next, *line;
		char *name = NULL, *filename = NULL, *ct = NULL, *val;
		size_t vlen;

		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0; /* closing delimiter */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return -1;
		p += 2;
		hdr_end = memfind(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (hdr_end == NULL)
			return -1;
		for (line = p; line < hdr_end;) {
			const char *le = memfind(line, (size_t)(hdr_end + 2 - line), "\r\n", 2);
			size_t ll = (size_t)(le - line);
			if (ll > 20 && strncasecmp(line, "Content-Disposition:", 20) == 0) {
				free(name);
				free(filename);
				name = header_param(line, ll, "name");
				filename = header_param(line, ll, "filename");
			} else if (ll > 13 && strncasecmp(line, "Content-Type:", 13) == 0) {
				const char *v = line + 13;
				while (*v == ' ')
					v++;
				free(ct);
				ct = strndup(v, (size_t)(le - v));
			}
			line = le + 2;
		}
		p = hdr_end + 4;
		next = memfind(p, (size_t)(end - p), delim, dl);
		if (next == NULL || name == NULL || !utf8_valid(name, strlen(name)) ||
		    (filename != NULL && !utf8_valid(filename, strlen(filename)))) {
			free(name);
			free(filename);
			free(ct);
			return -1;
		}
		vlen = (size_t)(next - p);
		val = malloc(vlen + 1);
		if (val == NULL) {
			free(name);
			free(filename);
			free(ct);
			return -1;
		}
		memcpy(val, p, vlen);
		val[vlen] = '\0';
		/* text fields must be valid UTF-8 without NUL; files are bytes */
		if ((filename == NULL && !utf8_valid(val, vlen)) || push(kv, n, name, val, vlen) != 0) {
			free(name);
			free(filename);
			free(ct);
			free(val);
			return -1;
		}
		(*kv)[*n - 1].filename = filename;
		(*kv)[*n - 1].ctype = ct;
		p = next + dl;
	}
}

void form_free(struct kv *kv, int n)
{
	for (int i = 0; i < n; i++) {
		free(kv[i].key);
		free(kv[i].val);
		free(kv[i].filename);
		free(kv[i].ctype);
	}
	free(kv);
}

static int check(const struct field *f, const char *v, struct fval *out)
{
	switch (f->type) {
	case F_INT: {
		char *end;
		long long x;
		if (*v == '\0' || strlen(v) > 19)
			return -1;
		for (const char *c = v; *c; c++)
			if (!isdigit((unsigned char)*c) && !(c == v && *c == '-'))
				return -1;
		x = strtoll(v, &end, 10);
		if (*end != '\0' || x < f->min || x > f->max)
			return -1;
		out->i = x;
		break;
	}
	case F_LINE:
		if (strchr(v, '\n') != NULL || strchr(v, '\r') != NULL)
			return -1;
		/* fall through */
	case F_TEXT: {
		long long chars = (long long)utf8_chars(v);
		if (chars < f->min || chars > f->max)
			return -1;
		break;
	}
	case F_WORD:
		if (!list_has(f->choices, '|', v))
			return -1;
		break;
	}
	out->s = v;
	out->present = 1;
	return 0;
}

int form_validate(const struct field *fields, const struct kv *kv, int n,
		  struct fval *fv, const char **bad)
{
	memset(fv, 0, sizeof(struct fval) * FIELDS_MAX);
	if (fields == NULL)
		return 0;
	for (int f = 0; fields[f].name != NULL && f < FIELDS_MAX; f++) {
		const char *v = NULL;

		/* the last occurrence wins: the form body comes after the query */
		for (int i = 0; i < n; i++)
			if (strcmp(kv[i].key, fields[f].name) == 0 && kv[i].filename == NULL)
				v = kv[i].val;
		if (v == NULL || (*v == '\0' && fields[f].type != F_TEXT && fields[f].type != F_LINE)) {
			if (fields[f].required) {
				*bad = fields[f].name;
				return -1;
			}
			continue;
		}
		if (check(&fields[f], v, &fv[f]) != 0) {
			*bad = fields[f].name;
			return -1;
		}
	}
	return 0;
}
