/* iCalendar writer (RFC 5545 sections 3.1, 3.3.11, 3.6.1, 3.8). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "ics.h"
#include "log.h"
#include "req.h"
#include "text.h"

#define FOLD 75

void ics_line(struct buf *b, const char *name, const char *value)
{
	struct buf l;
	size_t i = 0, room = FOLD;

	buf_init(&l);
	buf_adds(&l, name);
	buf_adds(&l, ":");
	buf_adds(&l, value ? value : "");
	while (i < l.len) {
		size_t n = l.len - i;

		if (n > room) {
			n = room;
			/* back off to the start of a UTF-8 sequence: calendar programs
			 * that unfold byte-wise must not see a broken character */
			while (n > 0 && ((unsigned char)l.p[i + n] & 0xC0) == 0x80)
				n--;
		}
		buf_add(b, l.p + i, n);
		buf_adds(b, "\r\n");
		i += n;
		if (i < l.len)
			buf_adds(b, " ");
		room = FOLD - 1;   /* the leading space of a continuation counts */
	}
	buf_free(&l);
}

void ics_escape(struct buf *b, const char *text)
{
	for (const char *c = text ? text : ""; *c; c++) {
		switch (*c) {
		case '\\': buf_adds(b, "\\\\"); break;
		case ';': buf_adds(b, "\\;"); break;
		case ',': buf_adds(b, "\\,"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': break;
		default:
			/* other control characters are not allowed in TEXT */
			if ((unsigned char)*c >= 0x20 || *c == '\t')
				buf_add(b, c, 1);
		}
	}
}

static int parse_dbtime(const char *s, struct ymd *d, int *h, int *mi, int *se)
{
	if (s == NULL || sscanf(s, "%4d-%2d-%2d %2d:%2d:%2d", &d->y, &d->m, &d->d, h, mi, se) != 6)
		return -1;
	if (!ymd_valid(*d) || *h < 0 || *h > 23 || *mi < 0 || *mi > 59 || *se < 0 || *se > 60)
		return -1;
	return 0;
}

static void fmt_utc(char out[17], struct ymd d, int h, int mi, int se)
{
	char tmp[64];

	snprintf(tmp, sizeof tmp, "%04u%02u%02uT%02u%02u%02uZ", (unsigned)d.y % 10000u,
		 (unsigned)d.m % 100u, (unsigned)d.d % 100u, (unsigned)h % 100u, (unsigned)mi % 100u,
		 (unsigned)se % 100u);
	memcpy(out, tmp, 17);
	out[16] = '\0';
}

int ics_utc(const char *dbtime, char out[17])
{
	struct ymd d;
	int h, mi, se;

	if (parse_dbtime(dbtime, &d, &h, &mi, &se) != 0)
		return -1;
	fmt_utc(out, d, h, mi, se);
	return 0;
}

/* start + 2 hours, for a meeting without an end */
static int two_hours_later(const char *start, char out[17])
{
	struct ymd d;
	int h, mi, se;
	long days;

	if (parse_dbtime(start, &d, &h, &mi, &se) != 0)
		return -1;
	h += 2;
	days = days_from_civil(d) + h / 24;
	d = civil_from_days(days);
	fmt_utc(out, d, h % 24, mi, se);
	return 0;
}

static void text_prop(struct buf *b, const char *name, const char *text)
{
	struct buf v;

	buf_init(&v);
	ics_escape(&v, text);
	ics_line(b, name, buf_str(&v));
	buf_free(&v);
}

/* A parameter value: quoted, without the characters a quoted value cannot hold. */
static void param_value(struct buf *b, const char *s)
{
	buf_adds(b, "\"");
	for (const char *c = s ? s : ""; *c; c++)
		if (*c != '"' && ((unsigned char)*c >= 0x20 || *c == '\t'))
			buf_add(b, c, 1);
	buf_adds(b, "\"");
}

static void person(struct buf *b, const char *prop, const char *cn, const char *extra,
		   const char *uri)
{
	struct buf n;

	buf_init(&n);
	buf_adds(&n, prop);
	if (extra)
		buf_adds(&n, extra);
	if (cn && cn[0]) {
		buf_adds(&n, ";CN=");
		param_value(&n, cn);
	}
	ics_line(b, buf_str(&n), uri);
	buf_free(&n);
}

int ics_calendar(struct buf *b, const char *method, const struct ics_event *e,
		 const struct ics_attendee *a, size_t na)
{
	char start[17], end[17], stamp[17], seq[24];

	if (ics_utc(e->start, start) != 0 || ics_utc(e->stamp, stamp) != 0)
		return -1;
	if (e->end && e->end[0] ? ics_utc(e->end, end) != 0 : two_hours_later(e->start, end) != 0)
		return -1;
	snprintf(seq, sizeof seq, "%lld", e->sequence);
	ics_line(b, "BEGIN", "VCALENDAR");
	ics_line(b, "VERSION", "2.0");
	ics_line(b, "PRODID", "-//Hai Phong e-Government Steering Committee//egov-progress//VI");
	ics_line(b, "CALSCALE", "GREGORIAN");
	ics_line(b, "METHOD", method);
	ics_line(b, "BEGIN", "VEVENT");
	ics_line(b, "UID", e->uid);
	ics_line(b, "SEQUENCE", seq);
	ics_line(b, "DTSTAMP", stamp);
	ics_line(b, "DTSTART", start);
	ics_line(b, "DTEND", end);
	text_prop(b, "SUMMARY", e->summary);
	if (e->location && e->location[0])
		text_prop(b, "LOCATION", e->location);
	if (e->description && e->description[0])
		text_prop(b, "DESCRIPTION", e->description);
	if (e->status)
		ics_line(b, "STATUS", e->status);
	if (e->organizer_uri)
		person(b, "ORGANIZER", e->organizer_cn, NULL, e->organizer_uri);
	for (size_t i = 0; i < na; i++) {
		struct buf x;

		buf_init(&x);
		buf_printf(&x, ";CUTYPE=INDIVIDUAL;ROLE=%s;PARTSTAT=%s",
			   a[i].role ? a[i].role : "REQ-PARTICIPANT",
			   a[i].partstat ? a[i].partstat : "NEEDS-ACTION");
		person(b, "ATTENDEE", a[i].cn, buf_str(&x), a[i].uri);
		buf_free(&x);
	}
	ics_line(b, "END", "VEVENT");
	ics_line(b, "END", "VCALENDAR");
	return 0;
}

enum { Q_MEETING, Q_AGENDA, Q_PEOPLE, Q_N };
static const char *const sql[Q_N] = {
	"SELECT m.title, m.place, COALESCE(m.notice, ''), DATE_FORMAT(m.starts_at, '%Y-%m-%d %H:%i:%s'), "
	"COALESCE(DATE_FORMAT(m.ends_at, '%Y-%m-%d %H:%i:%s'), ''), m.status, m.version, "
	"DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s'), u.display_name, u.login, COALESCE(u.email, '') "
	"FROM meeting m JOIN app_user u ON u.id = m.chair_id WHERE m.id = ?",
	"SELECT seq, title, COALESCE(presenter, '') FROM meeting_agenda WHERE meeting_id = ? ORDER BY seq",
	"SELECT u.display_name, u.login, COALESCE(u.email, ''), i.answer, COALESCE(i.leave_decision, ''), "
	"u.id = m.chair_id FROM invitation i JOIN app_user u ON u.id = i.user_id "
	"JOIN meeting m ON m.id = i.meeting_id WHERE i.meeting_id = ? ORDER BY u.display_name",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* mailto: when the user has an address; else a URN naming the account, so
 * the attendee still has the URI the format requires */
static void person_uri(char *out, size_t n, const char *login, const char *email)
{
	if (email[0])
		snprintf(out, n, "mailto:%s", email);
	else
		snprintf(out, n, "urn:x-egov-progress:user:%s", login);
}

static const char *partstat(const char *answer, const char *decision)
{
	if (strcmp(answer, "attend") == 0)
		return "ACCEPTED";
	if (strcmp(answer, "delegate") == 0)
		return "DELEGATED";
	if (strcmp(answer, "leave") == 0)
		return strcmp(decision, "approved") == 0 ? "DECLINED" : "TENTATIVE";
	return "NEEDS-ACTION";
}

int ics_meeting(struct req *r, long long id)
{
	struct dbres m = {0}, ag = {0}, pp = {0};
	struct ics_attendee *a = NULL;
	char (*uris)[320] = NULL;
	char uid[96], org[320], name[48];
	struct buf desc;
	int rc;

	buf_init(&desc);
	if ((rc = db_tab_exec(&tab, Q_MEETING, &m, "i", id)) != E_OK)
		goto out;
	if (m.nrows != 1) {
		rc = E_NOTFOUND;
		goto out;
	}
	if ((rc = db_tab_exec(&tab, Q_AGENDA, &ag, "i", id)) != E_OK ||
	    (rc = db_tab_exec(&tab, Q_PEOPLE, &pp, "i", id)) != E_OK)
		goto out;
	buf_adds(&desc, dbres_get(&m, 0, 2));
	for (unsigned i = 0; i < ag.nrows; i++) {
		buf_printf(&desc, "%s%s. %s", desc.len ? "\n" : "", dbres_get(&ag, i, 0),
			   dbres_get(&ag, i, 1));
		if (dbres_get(&ag, i, 2)[0])
			buf_printf(&desc, " (%s)", dbres_get(&ag, i, 2));
	}
	a = calloc(pp.nrows + 1, sizeof *a);
	uris = calloc(pp.nrows + 1, sizeof *uris);
	if (a == NULL || uris == NULL) {
		rc = E_INTERNAL;
		goto out;
	}
	for (unsigned i = 0; i < pp.nrows; i++) {
		person_uri(uris[i], sizeof uris[i], dbres_get(&pp, i, 1), dbres_get(&pp, i, 2));
		a[i].cn = dbres_get(&pp, i, 0);
		a[i].uri = uris[i];
		a[i].partstat = partstat(dbres_get(&pp, i, 3), dbres_get(&pp, i, 4));
		a[i].role = dbres_int(&pp, i, 5) ? "CHAIR" : "REQ-PARTICIPANT";
	}
	snprintf(uid, sizeof uid, "meeting-%lld@%s", id, config_get("ics_domain", "egov-progress.haiphong.gov.vn"));
	person_uri(org, sizeof org, dbres_get(&m, 0, 9), dbres_get(&m, 0, 10));
	{
		struct ics_event e = {uid, dbres_int(&m, 0, 6), dbres_get(&m, 0, 7), dbres_get(&m, 0, 3),
				      dbres_get(&m, 0, 4), dbres_get(&m, 0, 0), dbres_get(&m, 0, 1),
				      buf_str(&desc),
				      strcmp(dbres_get(&m, 0, 5), "cancelled") == 0 ? "CANCELLED" : "CONFIRMED",
				      dbres_get(&m, 0, 8), org};
		buf_reset(&r->out);
		if (ics_calendar(&r->out, "PUBLISH", &e, a, pp.nrows) != 0) {
			log_msg(r->id, "ics: meeting %lld has a malformed time", id);
			buf_reset(&r->out);
			rc = E_INTERNAL;
			goto out;
		}
	}
	snprintf(name, sizeof name, "cuoc-hop-%lld.ics", id);
	req_download(r, "text/calendar; charset=utf-8", name);
out:
	buf_free(&desc);
	free(a);
	free(uris);
	dbres_free(&m);
	dbres_free(&ag);
	dbres_free(&pp);
	return rc;
}
