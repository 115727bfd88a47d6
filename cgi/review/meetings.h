/* meetings, invitations, attendance (ui-meetings*.c): declarations */
#ifndef EGOV_REVIEW_MEETINGS_H
#define EGOV_REVIEW_MEETINGS_H
#include "../lib/req.h"

/* ui-meetings.c: the list, creating a meeting, one meeting's page and its edit */
extern const struct field meetings_fields[], meeting_fields[];
int ui_meetings_get(struct req *r);
int ui_meetings_post(struct req *r);
int ui_meeting_get(struct req *r);
int ui_meeting_post(struct req *r);
/* Shows a meeting's page with a refusal (Mt.error = key of Lang.Meet.Err);
 * status is the HTTP status; the caller rolled back. */
int meeting_refuse(struct req *r, long long id, int status, const char *why);

/* ui-meetings-act.c: agenda items, invitees, attendance after the meeting */
extern const struct field magenda_fields[], minvitee_fields[], mattend_fields[];
int ui_meeting_agenda(struct req *r);
int ui_meeting_invitee(struct req *r);
int ui_meeting_attendance(struct req *r);

/* ui-meetings-files.c: papers and minutes files, downloads, the .ics */
extern const struct field mfile_fields[], mfile_del_fields[], mics_fields[];
int ui_meeting_file_post(struct req *r);
int ui_meeting_file_delete(struct req *r);
int ui_meeting_file_get(struct req *r);
int ui_meeting_ics(struct req *r);

/* ui-meetings-year.c: attendance per member across a year, page and CSV */
extern const struct field myear_fields[];
int ui_attendance(struct req *r);
int ui_attendance_csv(struct req *r);


#endif
