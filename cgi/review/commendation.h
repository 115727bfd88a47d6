/* commendation proposals (ui-commendation.c): declarations */
#ifndef EGOV_REVIEW_COMMENDATION_H
#define EGOV_REVIEW_COMMENDATION_H
#include "../lib/req.h"

extern const struct field com_fields[];
int ui_com_get(struct req *r);    /* GET /review/commendation?year= */
int ui_com_post(struct req *r);   /* POST /review/commendation: one unit's pick and note */
int ui_com_csv(struct req *r);    /* GET /review/commendation.csv?year= */

#endif
