/* the units' ranking for commendation (ui-ranking.c): declarations */
#ifndef EGOV_EXPORT_RANKING_H
#define EGOV_EXPORT_RANKING_H
#include "../lib/req.h"

#endif
