/* egov-review: the working group's program (Art. 4.2b, 6.1, 6.3 of the
 * regulation): the reporting calendar, review, completeness, evidence,
 * reference data and the audit trail.  One file per page group; each keeps
 * its own statement table and field tables. */
#ifndef EGOV_REVIEW_H
#define EGOV_REVIEW_H
#include "../lib/req.h"
#include "../lib/stmts.h"
#include "refdata.h"

#define WG (R_WG | R_WG_LEAD | R_ADMIN)

/* ui-home.c */
extern const struct field home_fields[];
int ui_home(struct req *r);
/* ui-queue.c */
extern const struct field queue_fields[];
int ui_queue(struct req *r);
/* ui-submission.c */
extern const struct field sub_fields[], decide_fields[], correct_fields[];
int ui_sub_get(struct req *r);
int ui_decide(struct req *r);
int ui_correct(struct req *r);
/* ui-periods.c */
extern const struct field periods_fields[], pstate_fields[], pind_fields[];
int ui_periods_get(struct req *r);
int ui_periods_post(struct req *r);
int ui_period_state(struct req *r);
int ui_pind_get(struct req *r);
int ui_pind_post(struct req *r);
/* ui-completeness.c */
extern const struct field compl_fields[], history_fields[];
int ui_completeness(struct req *r);
int ui_history(struct req *r);
/* ui-audit.c */
extern const struct field audit_fields[];
int ui_audit(struct req *r);
int ui_audit_csv(struct req *r);

/* ui-aggregate.c */
extern const struct field aggregate_fields[];
int ui_aggregate(struct req *r);

/* Sets the navigation every review page shows. */
void review_nav(struct req *r, const char *active);
/* Fills Periods.N.{id,label,selected} for a period selector. */
int review_period_choice(struct req *r, long long selected);


/* ---- evidence (ui-evidence.c; core in lib/evidence.c) ---- */
extern const struct field evidence_fields[];
int ui_evidence_get(struct req *r);   /* GET /review/evidence?id= : download, any unit */
/* ---- end of evidence ---- */

#include "indices.h"
#include "meetings.h"
#include "directions.h"
#include "commendation.h"
#include "quarterly.h"
#endif
