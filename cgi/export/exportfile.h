/* What the export's file writers share.  The downloads built whole before
 * they are sent (XLSX, zipped CSV, JSON): libxlsxwriter and libzip write to
 * a path and the client is told the length, so the file is made in a
 * temporary file first.  And the numbers that go into XLSX cells. */
#ifndef EGOV_EXPORTFILE_H
#define EGOV_EXPORTFILE_H
#include <stddef.h>
#include <xlsxwriter.h>

#include "../lib/req.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* A new empty file $TMPDIR/egov-<tag>-XXXXXX (/tmp without TMPDIR), its
 * name in path.  E_OK, or E_INTERNAL (logged). */
int export_tmpfile(struct req *r, const char *tag, char *path, size_t pathsz);
/* Sends the file at path that a writer has built (built: the writer's
 * result) with its length, as a download named name; removes it in every
 * case.  A writer's failure is returned as it is, with nothing sent. */
int export_send_tmpfile(struct req *r, const char *path, int built, const char *type, const char *name);

/* A new workbook at path, its scratch files under $TMPDIR (/tmp without);
 * constant_memory (LXW_TRUE) for rows written in order, one at a time.
 * NULL when it cannot be created (logged). */
lxw_workbook *export_workbook(const char *path, uint8_t constant_memory);
/* Whether the decimal text s (a DECIMAL as MariaDB gives it) survives as a
 * number cell: 15 significant digits read back as the same text, the double
 * in *d.  Else the caller writes text, so that nothing is rounded. */
int export_exact_double(const char *s, double *d);

#endif
