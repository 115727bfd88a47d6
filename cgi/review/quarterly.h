/* the quarterly report document (ui-quarterly.c): declarations */
#ifndef EGOV_REVIEW_QUARTERLY_H
#define EGOV_REVIEW_QUARTERLY_H
#include "../lib/req.h"

#endif
