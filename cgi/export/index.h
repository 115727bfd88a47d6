/* per-index exports (ui-index.c): declarations */
#ifndef EGOV_EXPORT_INDEX_H
#define EGOV_EXPORT_INDEX_H
#include "../lib/req.h"

#endif
