/* the unit's directions and plan tasks (ui-directions.c): declarations */
#ifndef EGOV_REPORT_DIRECTIONS_H
#define EGOV_REPORT_DIRECTIONS_H
#include "../lib/req.h"

#endif
