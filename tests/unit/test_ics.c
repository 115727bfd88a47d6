#include <stdlib.h>

#include "check.h"
#include "../../cgi/lib/buf.h"
#include "../../cgi/lib/ics.h"

/* Every physical line ends in CRLF and is at most 75 octets; a continuation
 * starts with one space and never begins inside a UTF-8 sequence. */
static int well_folded(const char *s)
{
	const char *line = s;

	while (*line) {
		const char *crlf = strstr(line, "\r\n");
		if (crlf == NULL || crlf - line > 75)
			return 0;
		for (const char *c = line; c < crlf; c++)
			if (*c == '\r' || *c == '\n')
				return 0;
		if (line != s && line[0] == ' ' && ((unsigned char)line[1] & 0xC0) == 0x80)
			return 0;
		line = crlf + 2;
	}
	return 1;
}

/* Undoes folding: CRLF followed by a space disappears. */
static char *unfold(const char *s)
{
	char *o = malloc(strlen(s) + 1), *p = o;

	while (*s) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ')
			s += 3;
		else
			*p++ = *s++;
	}
	*p = '\0';
	return o;
}

void test_ics(void)
{
	struct buf b;
	char t[17];

	buf_init(&b);
	ics_escape(&b, "a,b;c\\d\r\ne");
	CHECK_STR(buf_str(&b), "a\\,b\\;c\\\\d\\ne");
	buf_reset(&b);

	CHECK(ics_utc("2026-12-18 01:30:00", t) == 0);
	CHECK_STR(t, "20261218T013000Z");
	CHECK(ics_utc("2026-13-18 01:30:00", t) == -1);
	CHECK(ics_utc("hôm nay", t) == -1);

	/* a long Vietnamese line: every cut on a character boundary */
	{
		const char *v = "Họp thường kỳ Ban Chỉ đạo xây dựng Chính quyền điện tử thành phố Hải "
				"Phòng quý IV năm 2026 – đánh giá kết quả, chỉ số, kế hoạch năm tới";
		char *u;

		ics_line(&b, "SUMMARY", v);
		CHECK(well_folded(buf_str(&b)));
		CHECK(b.len > 75 + 2);
		u = unfold(buf_str(&b));
		CHECK(strncmp(u, "SUMMARY:", 8) == 0 && strncmp(u + 8, v, strlen(v)) == 0);
		CHECK_STR(u + strlen(u) - 2, "\r\n");
		free(u);
		buf_reset(&b);
	}
	/* exactly 75 octets: no fold */
	{
		char v[80];
		memset(v, 'x', 67);
		v[67] = '\0';
		ics_line(&b, "SUMMARY", v);   /* 8 + 67 = 75 */
		CHECK(b.len == 77 && strstr(buf_str(&b), "\r\n ") == NULL);
		buf_reset(&b);
	}

	{
		struct ics_event e = {"meeting-7@egov", 3, "2026-11-27 09:00:00", "2026-12-18 01:30:00",
				      NULL, "Họp quý IV, năm 2026; phiên 1", "Phòng họp số 1, UBND TP",
				      "Dòng 1\nDòng 2", "CONFIRMED", "Nguyễn Văn Tùng",
				      "mailto:truongban@example.vn"};
		struct ics_attendee a[] = {
			{"Đỗ Thị \"Hương\"", "mailto:gd@example.vn", "ACCEPTED", NULL},
			{"Bùi Văn Nam", "mailto:ct@example.vn", NULL, "REQ-PARTICIPANT"},
		};
		char *u;

		CHECK(ics_calendar(&b, "PUBLISH", &e, a, 2) == 0);
		CHECK(well_folded(buf_str(&b)));
		u = unfold(buf_str(&b));
		CHECK(strncmp(u, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) == 0);
		CHECK(strstr(u, "\r\nMETHOD:PUBLISH\r\n") != NULL);
		CHECK(strstr(u, "\r\nUID:meeting-7@egov\r\n") != NULL);
		CHECK(strstr(u, "\r\nSEQUENCE:3\r\n") != NULL);
		CHECK(strstr(u, "\r\nDTSTAMP:20261127T090000Z\r\n") != NULL);
		CHECK(strstr(u, "\r\nDTSTART:20261218T013000Z\r\n") != NULL);
		/* no end given: two hours */
		CHECK(strstr(u, "\r\nDTEND:20261218T033000Z\r\n") != NULL);
		CHECK(strstr(u, "\r\nSUMMARY:Họp quý IV\\, năm 2026\\; phiên 1\r\n") != NULL);
		CHECK(strstr(u, "\r\nDESCRIPTION:Dòng 1\\nDòng 2\r\n") != NULL);
		CHECK(strstr(u, "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;"
			     "CN=\"Đỗ Thị Hương\":mailto:gd@example.vn\r\n") != NULL);
		CHECK(strstr(u, "PARTSTAT=NEEDS-ACTION;CN=\"Bùi Văn Nam\":mailto:ct@example.vn") != NULL);
		CHECK(strstr(u, "ORGANIZER;CN=\"Nguyễn Văn Tùng\":mailto:truongban@example.vn") != NULL);
		CHECK_STR(u + strlen(u) - 15, "END:VCALENDAR\r\n");
		free(u);
		buf_reset(&b);

		/* a meeting ending past midnight UTC rolls the date */
		e.start = "2026-12-31 23:00:00";
		CHECK(ics_calendar(&b, "REQUEST", &e, NULL, 0) == 0);
		CHECK(strstr(buf_str(&b), "DTEND:20270101T010000Z\r\n") != NULL);
		buf_reset(&b);
		e.start = "bad";
		CHECK(ics_calendar(&b, "PUBLISH", &e, NULL, 0) == -1);
	}
	buf_free(&b);
}
