/* commendation proposals (ui-commendation.c): declarations */
#ifndef EGOV_REVIEW_COMMENDATION_H
#define EGOV_REVIEW_COMMENDATION_H
#include "../lib/req.h"

#endif
