/* a member's invitations and answers; the chair's leave decisions (ui-meetings.c): declarations */
#ifndef EGOV_REPORT_MEETINGS_H
#define EGOV_REPORT_MEETINGS_H
#include "../lib/req.h"

#endif
