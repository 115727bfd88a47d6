/* the annual plan (ui-plan.c): declarations */
#ifndef EGOV_EXPORT_PLAN_H
#define EGOV_EXPORT_PLAN_H
#include "../lib/req.h"

#endif
