/* the annual plan (ui-plan.c): declarations */
#ifndef EGOV_EXPORT_PLAN_H
#define EGOV_EXPORT_PLAN_H
#include "../lib/req.h"

extern const struct field plan_xlsx_fields[];
int ui_plan_xlsx(struct req *r);   /* GET /export/plan.xlsx?year= */

#endif
