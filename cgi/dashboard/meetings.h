/* meetings and attendance, read only (ui-meetings.c): declarations */
#ifndef EGOV_DASHBOARD_MEETINGS_H
#define EGOV_DASHBOARD_MEETINGS_H
#include "../lib/req.h"

extern const struct field dmeetings_fields[];
int ui_dmeetings(struct req *r);   /* GET /dashboard/meetings[?id=] */

#endif
