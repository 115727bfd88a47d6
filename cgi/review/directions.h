/* conclusions and directions register, annual plan (ui-directions.c, ui-plan.c): declarations */
#ifndef EGOV_REVIEW_DIRECTIONS_H
#define EGOV_REVIEW_DIRECTIONS_H
#include "../lib/req.h"

#endif
