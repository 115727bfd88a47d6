/* directions and the plan, read only (ui-directions.c): declarations */
#ifndef EGOV_DASHBOARD_DIRECTIONS_H
#define EGOV_DASHBOARD_DIRECTIONS_H
#include "../lib/req.h"

#endif
