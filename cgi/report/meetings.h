/* a member's invitations and answers; the chair's leave decisions (ui-meetings.c): declarations */
#ifndef EGOV_REPORT_MEETINGS_H
#define EGOV_REPORT_MEETINGS_H
#include "../lib/req.h"

/* Who is invited to meetings: committee members (heads of departments and
 * districts, as members or unit heads), deputies and the head.  Only these
 * pages widen the report program's roles. */
#define MEMBERS (R_MEMBER | R_UNIT_HEAD | R_DEPUTY | R_HEAD)

extern const struct field rmeetings_fields[], ranswer_fields[], rdecide_fields[], rmfile_fields[];
int ui_rmeetings(struct req *r);        /* GET /report/meetings */
int ui_rmeeting_answer(struct req *r);  /* POST /report/meeting-answer (multipart) */
int ui_rmeeting_decide(struct req *r);  /* POST /report/meeting-decide: the chair */
int ui_rmeeting_file(struct req *r);    /* GET /report/meeting-file?id= */
int ui_rmeeting_ics(struct req *r);     /* GET /report/meeting.ics?id= */

#endif
