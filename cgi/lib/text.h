/* Checks and conversions of user-typed text: UTF-8, numbers, dates. */
#ifndef EGOV_TEXT_H
#define EGOV_TEXT_H
#include <stddef.h>

int utf8_valid(const char *s, size_t len);
size_t utf8_chars(const char *s);
/* Whether word is one of the items of a list such as "save|submit". */
int list_has(const char *list, char sep, const char *word);

enum num_err {
	NUM_OK = 0,
	NUM_EMPTY,      /* nothing typed */
	NUM_SYNTAX,     /* not a number */
	NUM_AMBIGUOUS,  /* could be a thousands separator or a decimal mark */
	NUM_FRACTION,   /* a whole number was expected */
	NUM_DIGITS      /* more digits than a figure can keep */
};

/* Parses "12,5", "12.5", "-3", "0,125".  Writes the canonical form ("12.5")
 * into out, which keeps full precision for a DECIMAL column, and the value
 * as a double for range checks. */
enum num_err num_parse(const char *s, int integer_only, char *out, size_t outsz, double *val);
/* Shows a canonical decimal the Vietnamese way: "12,5"; "" stays "". */
void num_display(const char *canon, char *out, size_t outsz);
/* v with at most dec decimals, trailing zeros dropped, digits grouped:
 * "1.234.567,5" (Vietnamese) or "1,234,567.5" (en); never "-0". */
void num_grouped(double v, int dec, int en, char *out, size_t n);

struct ymd {
	int y, m, d;
};

long days_from_civil(struct ymd d);
struct ymd civil_from_days(long z);
int ymd_valid(struct ymd d);
/* Accepts dd/mm/yyyy and yyyy-mm-dd. */
int date_parse(const char *s, struct ymd *out);
void date_iso(struct ymd d, char *out, size_t outsz);     /* yyyy-mm-dd */
void date_vn(struct ymd d, char *out, size_t outsz);      /* dd/mm/yyyy */
/* "2026-12-06" (as MariaDB returns a DATE) -> "06/12/2026"; other text copied */
void date_iso_to_vn(const char *iso, char *out, size_t outsz);

#endif
