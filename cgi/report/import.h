/* filling the form from an XLSX template (ui-import.c): declarations */
#ifndef EGOV_REPORT_IMPORT_H
#define EGOV_REPORT_IMPORT_H
#include "../lib/req.h"

extern const struct field import_fields[];
/* POST /report/import: multipart csrf, period, version, file */
int ui_import_post(struct req *r);

#endif
