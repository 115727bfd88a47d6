/* iCalendar (RFC 5545) for meeting invitations: one VEVENT per file, as the
 * invitees' calendar programs import it.  Lines end in CRLF and are folded
 * at 75 octets without splitting a UTF-8 sequence; TEXT values have , ; \
 * and newlines escaped; times are UTC with Z. */
#ifndef EGOV_ICS_H
#define EGOV_ICS_H
#include <stddef.h>

#include "buf.h"

struct ics_attendee {
	const char *cn;        /* display name; quotes are dropped (a parameter cannot hold them) */
	const char *uri;       /* mailto:... or another URI */
	const char *partstat;  /* NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE, DELEGATED */
	const char *role;      /* REQ-PARTICIPANT, CHAIR... */
};

struct ics_event {
	const char *uid;       /* stable per meeting, so a re-import updates the entry */
	long long sequence;    /* the meeting's version: a later file supersedes an earlier one */
	const char *stamp;     /* "YYYY-MM-DD HH:MM:SS" UTC, as MariaDB gives a DATETIME */
	const char *start, *end;  /* the same; end NULL or "": two hours after the start */
	const char *summary, *location, *description;
	const char *status;    /* CONFIRMED, CANCELLED, TENTATIVE, or NULL */
	const char *organizer_cn, *organizer_uri;
};

/* Appends "NAME[;params]:value" folded, value as it is (already escaped). */
void ics_line(struct buf *b, const char *name, const char *value);
/* Appends a TEXT value escaped (\\ \; \, \n; CR dropped). */
void ics_escape(struct buf *b, const char *text);
/* "2026-12-18 01:30:00" -> "20261218T013000Z"; -1 when it is not such a time. */
int ics_utc(const char *dbtime, char out[17]);

/* A whole calendar with one event; method "PUBLISH" or "REQUEST".
 * Returns 0, or -1 when a time is malformed (b then holds a partial file). */
int ics_calendar(struct buf *b, const char *method, const struct ics_event *e,
		 const struct ics_attendee *a, size_t na);

/* A meeting's calendar file (METHOD:PUBLISH) as a download into r->out:
 * UID stable per meeting, SEQUENCE its version, the notice and agenda as the
 * description, the chair as organizer, every invitee as an attendee with
 * the state of their answer.  The caller checked that the user may see it.
 * Needs SELECT on meeting, meeting_agenda, invitation and app_user
 * (display_name, login, email).  E_NOTFOUND for an unknown meeting. */
struct req;
int ics_meeting(struct req *r, long long meeting_id);

#endif
