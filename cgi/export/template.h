/* a unit's form as an XLSX template (ui-template.c): declarations */
#ifndef EGOV_EXPORT_TEMPLATE_H
#define EGOV_EXPORT_TEMPLATE_H
#include "../lib/req.h"

#endif
