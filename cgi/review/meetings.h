/* meetings, invitations, attendance (ui-meetings*.c): declarations */
#ifndef EGOV_REVIEW_MEETINGS_H
#define EGOV_REVIEW_MEETINGS_H
#include "../lib/req.h"

#endif
