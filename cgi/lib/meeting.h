/* What the committee's meetings look like alike to the programs that show
 * them (review edits, report answers, dashboard reads): the written-opinion
 * rule, the briefing pack, the agenda, and a meeting's stored files. */
#ifndef EGOV_MEETING_H
#define EGOV_MEETING_H
#include "files.h"
#include "req.h"

/* Whether an invitee who sends a delegate left no written opinion (no text,
 * no opinion file): Art. 5.5 asks for one.  `i` is the invitation alias; the
 * query joins MEETING_OPINIONS(i) for the files.  A join with a derived table
 * rather than a correlated NOT EXISTS: MariaDB 10.11 has crashed re-executing
 * prepared statements with one inside a grouped query. */
#define MEETING_OPINIONS(i) \
	"LEFT JOIN (SELECT DISTINCT meeting_id, user_id FROM meeting_file " \
	"WHERE kind = 'opinion' AND deleted = 0) op ON op.meeting_id = " i ".meeting_id " \
	"AND op.user_id = " i ".user_id "
#define MEETING_NO_OPINION(i) \
	"(" i ".answer = 'delegate' AND TRIM(COALESCE(" i ".opinion_text, '')) = '' " \
	"AND op.user_id IS NULL)"

/* Whether the chart job drew the briefing pack of the period a regular
 * meeting reviews (0 for no period or no charts_dir). */
int meeting_briefing_exists(long long period);
/* For a meeting that reviews a quarter (period > 0): node.period_label and
 * node.briefing (whether its briefing pack is there to read first). */
void meeting_period_hdf(struct req *r, const char *node, long long period, int kind, int year,
			int seq);

/* A meeting's agenda items under node.N (seq, title, presenter), in order.
 * Needs SELECT on meeting_agenda. */
int meeting_agenda_hdf(struct req *r, long long meeting_id, const char *node);

/* Records a file already stored under evidence_dir (ev_store) as the
 * meeting's, with its audit row: kind "paper", "minutes" or "opinion";
 * user_id the sender of an opinion, else 0.  The caller's transaction. */
int meeting_file_add(struct req *r, long long meeting_id, const char *kind, long long user_id,
		     const char *stored, const struct upfile *f);

/* Sends a meeting file the caller may see (columns as stored), audited. */
int meeting_file_send(struct req *r, long long id, const char *stored, long long size,
		      const char *sha256, const char *mime, const char *original);

#endif
