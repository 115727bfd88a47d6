/* GET /review/evidence?id=: the working group downloads any unit's evidence
 * (always as an attachment; core in lib/evidence.c).  The submission page
 * lists a submission's evidence with evidence_list(). */
#include "../lib/evidence.h"
#include "review.h"

const struct field evidence_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

int ui_evidence_get(struct req *r)
{
	/* unit 0: any unit's evidence; deleted or unknown ids are 404 */
	return evidence_send(r, r->fv[0].i, 0);
}
