/* A small XLSX reader for filled-in form templates: the first worksheet's
 * cells (numbers as the text stored, shared and inline strings, booleans,
 * cached values of formulas) within a window of columns and rows.  The file
 * is untrusted: sizes are capped while inflating, DOCTYPEs are refused. */
#ifndef EGOV_XLSX_H
#define EGOV_XLSX_H
#include <stddef.h>

enum xlsx_err {
	XLSX_OK = 0,
	XLSX_NOT_ZIP,     /* not a ZIP archive at all */
	XLSX_ENCRYPTED,   /* a password-protected workbook (or encrypted ZIP entries) */
	XLSX_OLD_XLS,     /* an Office 97-2003 file */
	XLSX_NOT_XLSX,    /* a ZIP, but no workbook with a worksheet in it */
	XLSX_TOO_BIG,     /* an entry inflates past the cap (zip bomb) */
	XLSX_TOO_MANY,    /* cells past the last row allowed, or too many strings */
	XLSX_BAD_XML,     /* malformed XML, or a DOCTYPE */
	XLSX_NOMEM
};

enum xlsx_type {
	XC_EMPTY = 0,
	XC_NUMBER,        /* text as stored: "12.5", "1E-3" */
	XC_STRING,
	XC_BOOL,          /* "1" or "0" */
	XC_ERROR,         /* "#DIV/0!" */
	XC_NO_VALUE       /* a formula without a cached value */
};

struct xlsx_cell {
	enum xlsx_type type;
	char *text;       /* NUL-terminated, valid UTF-8; NULL when empty */
};

struct xlsx_limits {
	unsigned cols, rows;      /* the window kept: A.., 1.. */
	size_t entry_max;         /* bytes of one inflated XML entry */
	unsigned strings_max;     /* shared strings */
};

struct xlsx_sheet {
	unsigned cols, rows;      /* rows actually holding cells */
	struct xlsx_cell *cell;   /* rows x cols, row-major */
};

int xlsx_read(const void *data, size_t len, const struct xlsx_limits *lim, struct xlsx_sheet *out);
void xlsx_free(struct xlsx_sheet *s);
/* row and col from 0; an empty cell outside the window. */
const struct xlsx_cell *xlsx_at(const struct xlsx_sheet *s, unsigned row, unsigned col);
/* "G12" for row 11, col 6. */
void xlsx_ref(unsigned row, unsigned col, char *out, size_t outsz);
/* A number cell's text as a plain decimal that the form reads the way the
 * spreadsheet meant it: exponent expanded, "12.0" -> "12", and a point
 * followed by three digits padded ("1.234" -> "1.2340") since a number cell
 * has no thousands separator.  -1 when it is not a number. */
int xlsx_plain_number(const char *v, char *out, size_t outsz);

#endif
