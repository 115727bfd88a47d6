/* The append-only audit trail, written in the caller's transaction. */
#ifndef EGOV_AUDIT_H
#define EGOV_AUDIT_H
#include "req.h"

struct audit_row {
	const char *action, *entity, *entity_id, *old_value, *new_value, *reason;
};

int audit(struct req *r, const char *action, const char *entity, const char *entity_id,
	  const char *old_value, const char *new_value, const char *reason);
/* Many rows in as few statements as possible (a save changes dozens). */
int audit_many(struct req *r, const struct audit_row *rows, int n);

#endif
