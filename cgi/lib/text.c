#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned cp;

		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1; cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2; cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3; cp = c & 0x07;
		} else {
			return 0;
		}
		for (size_t k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000))
			return 0; /* overlong */
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += n + 1;
	}
	return 1;
}

size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

int list_has(const char *list, char sep, const char *word)
{
	size_t wl = strlen(word);

	if (list == NULL || wl == 0)
		return 0;
	for (const char *p = list; *p;) {
		const char *e = strchr(p, sep);
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == wl && strncmp(p, word, l) == 0)
			return 1;
		if (e == NULL)
			break;
		p = e + 1;
	}
	return 0;
}

enum num_err num_parse(const char *s, int integer_only, char *out, size_t outsz, double *val)
{
	const char *p, *e, *sep = NULL;
	size_t intdigits = 0, fracdigits = 0, n = 0;
	int neg = 0;
	char canon[64];

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (s == e)
		return NUM_EMPTY;
	p = s;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (const char *q = p; q < e; q++) {
		if (*q >= '0' && *q <= '9') {
			if (sep)
				fracdigits++;
			else
				intdigits++;
		} else if (*q == ',' || *q == '.') {
			/* a second separator means thousands grouping: never guessed */
			if (sep != NULL)
				return NUM_AMBIGUOUS;
			sep = q;
		} else {
			return NUM_SYNTAX;
		}
	}
	if (intdigits == 0 || (sep != NULL && fracdigits == 0))
		return NUM_SYNTAX;
	/* "1,234" or "12.500": a thousands separator or a decimal mark? */
	if (sep != NULL && fracdigits == 3 && intdigits <= 3 && !(intdigits == 1 && *p == '0'))
		return NUM_AMBIGUOUS;
	if (sep != NULL && integer_only) {
		return NUM_FRACTION;
	}
	/* strip leading zeros of the integer part, keep one */
	while (intdigits > 1 && *p == '0') {
		p++;
		intdigits--;
	}
	if (intdigits > 14 || fracdigits > 6)
		return NUM_DIGITS;
	if (neg)
		canon[n++] = '-';
	for (const char *q = p; q < e; q++)
		canon[n++] = (*q == ',') ? '.' : *q;
	canon[n] = '\0';
	/* drop trailing fraction zeros: "12.50" -> "12.5", "3.0" -> "3" */
	if (sep != NULL) {
		while (canon[n - 1] == '0')
			canon[--n] = '\0';
		if (canon[n - 1] == '.')
			canon[--n] = '\0';
	}
	if (strcmp(canon, "-0") == 0)
		strcpy(canon, "0");
	if (strlen(canon) + 1 > outsz)
		return NUM_DIGITS;
	strcpy(out, canon);
	if (val)
		*val = strtod(canon, NULL);
	return NUM_OK;
}

void num_display(const char *canon, char *out, size_t outsz)
{
	size_t i, n = strlen(canon);
	const char *dot;

	if (outsz == 0)
		return;
	/* MariaDB returns DECIMAL(20,6) as "12.500000": trim to what was typed */
	dot = strchr(canon, '.');
	if (dot != NULL) {
		while (n > 0 && canon[n - 1] == '0')
			n--;
		if (n > 0 && canon[n - 1] == '.')
			n--;
	}
	for (i = 0; i < n && i + 1 < outsz; i++)
		out[i] = canon[i] == '.' ? ',' : canon[i];
	out[i] = '\0';
}

/* Howard Hinnant's days_from_civil: days since 1970-01-01. */
long days_from_civil(struct ymd d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct ymd civil_from_days(long z)
{
	struct ymd r;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int ymd_valid(struct ymd d)
{
	struct ymd back;

	if (d.y < 1900 || d.y > 2200 || d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31)
		return 0;
	back = civil_from_days(days_from_civil(d));
	return back.y == d.y && back.m == d.m && back.d == d.d;
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, struct ymd *out)
{
	struct ymd d;
	size_t n = strlen(s);

	if (n == 10 && s[2] == '/' && s[5] == '/') {
		if (digits(s, 2, &d.d) || digits(s + 3, 2, &d.m) || digits(s + 6, 4, &d.y))
			return -1;
	} else if (n == 10 && s[4] == '-' && s[7] == '-') {
		if (digits(s, 4, &d.y) || digits(s + 5, 2, &d.m) || digits(s + 8, 2, &d.d))
			return -1;
	} else {
		return -1;
	}
	if (!ymd_valid(d))
		return -1;
	*out = d;
	return 0;
}

void date_iso(struct ymd d, char *out, size_t outsz)
{
	snprintf(out, outsz, "%04d-%02d-%02d", d.y, d.m, d.d);
}

void date_vn(struct ymd d, char *out, size_t outsz)
{
	snprintf(out, outsz, "%02d/%02d/%04d", d.d, d.m, d.y);
}

void date_iso_to_vn(const char *iso, char *out, size_t outsz)
{
	struct ymd d;

	if (iso != NULL && strlen(iso) >= 10) {
		char tmp[11];
		memcpy(tmp, iso, 10);
		tmp[10] = '\0';
		if (date_parse(tmp, &d) == 0) {
			date_vn(d, out, outsz);
			return;
		}
	}
	snprintf(out, outsz, "%s", iso ? iso : "");
}

void num_grouped(double v, int dec, int en, char *out, size_t n)
{
	char tmp[64], *dot, *p = out, *end = out + n - 1;
	size_t intlen;

	if (n == 0)
		return;
	snprintf(tmp, sizeof tmp, "%.*f", dec, fabs(v));
	dot = strchr(tmp, '.');
	if (dot != NULL) {
		char *e = tmp + strlen(tmp);
		while (e > dot + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == dot + 1)
			*dot = '\0';
		else
			*dot = en ? '.' : ',';
	}
	intlen = strcspn(tmp, en ? "." : ",");
	if (v < 0 && strspn(tmp, "0,.") != strlen(tmp) && p < end)
		*p++ = '-';
	for (size_t i = 0; tmp[i] && p < end; i++) {
		if (i > 0 && i < intlen && (intlen - i) % 3 == 0 && p < end)
			*p++ = en ? ',' : '.';
		if (p < end)
			*p++ = tmp[i];
	}
	*p = '\0';
}
