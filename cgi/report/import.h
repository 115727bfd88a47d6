/* filling the form from an XLSX template (ui-import.c): declarations */
#ifndef EGOV_REPORT_IMPORT_H
#define EGOV_REPORT_IMPORT_H
#include "../lib/req.h"

#endif
