/* index mappings of the national indices (ui-indices.c): declarations */
#ifndef EGOV_REVIEW_INDICES_H
#define EGOV_REVIEW_INDICES_H
#include "../lib/req.h"

#endif
