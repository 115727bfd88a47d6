/* egov-report: the unit officer's program. */
#ifndef EGOV_REPORT_H
#define EGOV_REPORT_H
#include "../lib/req.h"
#include "../lib/stmts.h"

enum {
	ST_PERIODS = ST_LIB_COUNT,
	ST_FORM_HEAD,
	ST_FIGURES,
	ST_PERIOD_CHECK,
	ST_SUB_INSERT,
	ST_SUB_UPDATE,
	ST_COUNT
};

/* Fields of /report/form, in the order of its field table. */
enum { FF_PERIOD, FF_VERSION, FF_ACTION, FF_PROBLEMS, FF_PROPOSALS, FF_DONE };

#define OFFICERS (R_OFFICER | R_UNIT_HEAD)

extern const char *const report_sql[ST_COUNT];


int ui_home(struct req *r);
int ui_form_get(struct req *r);
int ui_form_post(struct req *r);

/* One save of the form, from the web page or from a file (ui-import.c), so
 * both go through the same checks, messages, transaction, audit and version
 * check.  The unit is the session's. */
struct form_src {
	long long period_id;
	long long version;        /* the version the officer saw; -1: none posted */
	int submit;
	const char *problems, *proposals;
	/* One indicator's input: returns 1 with *raw, *note (NULL: blank) and
	 * *na set, or 0 when the source says nothing of it: the stored figure
	 * then stays as it is. */
	int (*get)(void *ctx, const char *code, const char **raw, const char **note, int *na);
	void *ctx;
	const char *origin;       /* NULL: the web form; else the detail of an extra
				   * "import_file" audit row */
};
/* Answers as the form's POST does: a redirect after a save, the form again
 * with the messages (422) or a conflict (409), or an error code. */
int form_apply(struct req *r, const struct form_src *src);

/* ---- evidence attachments (ui-evidence.c; core in lib/evidence.c) ---- */
extern const struct field evidence_fields[], evidence_del_fields[];
int ui_evidence_get(struct req *r);      /* GET /report/evidence?id= : download */
int ui_evidence_post(struct req *r);     /* POST /report/evidence : upload */
int ui_evidence_delete(struct req *r);   /* POST /report/evidence-delete */
/* For the form page: Form.evidence.* (see evidence_list), Form.ev_done,
 * Form.evidence_max_mb. */
int evidence_form(struct req *r, long long sub_id);
/* ---- end of evidence ---- */

#include "import.h"
#include "meetings.h"
#include "directions.h"
#endif
