/* meetings and attendance, read only (ui-meetings.c): declarations */
#ifndef EGOV_DASHBOARD_MEETINGS_H
#define EGOV_DASHBOARD_MEETINGS_H
#include "../lib/req.h"

/* committee members without a unit role read the meetings too */
#define DASH_MEETINGS (R_UNIT_HEAD | R_WG | R_WG_LEAD | R_DEPUTY | R_HEAD | R_ADMIN | R_MEMBER)

extern const struct field dmeetings_fields[];
int ui_dmeetings(struct req *r);   /* GET /dashboard/meetings[?id=] */

#endif
