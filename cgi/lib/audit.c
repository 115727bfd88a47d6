#include "audit.h"

#include <string.h>

#include "buf.h"
#include "db.h"

#define AUDIT_BATCH 50
#define AUDIT_COLS 9

static void bind_row(struct req *r, const struct audit_row *a, struct dbparam *p)
{
	memset(p, 0, sizeof(struct dbparam) * AUDIT_COLS);
	p[0] = (struct dbparam){'i', r->user.id, 0, NULL, 0};
	p[1] = (struct dbparam){'i', r->user.unit_id, 0, NULL, 0};
	/* the CLI and failed logins have no actor */
	if (r->user.id == 0)
		p[0] = (struct dbparam){'s', 0, 0, NULL, 0};
	if (r->user.unit_id == 0)
		p[1] = (struct dbparam){'s', 0, 0, NULL, 0};
	p[2] = (struct dbparam){'s', 0, 0, a->action, 0};
	p[3] = (struct dbparam){'s', 0, 0, a->entity, 0};
	p[4] = (struct dbparam){'s', 0, 0, a->entity_id, 0};
	p[5] = (struct dbparam){'s', 0, 0, a->old_value, 0};
	p[6] = (struct dbparam){'s', 0, 0, a->new_value, 0};
	p[7] = (struct dbparam){'s', 0, 0, a->reason, 0};
	p[8] = (struct dbparam){'s', 0, 0, r->id, 0};
}

int audit_many(struct req *r, const struct audit_row *rows, int n)
{
	struct dbparam p[AUDIT_BATCH * AUDIT_COLS];

	for (int done = 0; done < n;) {
		int k = n - done < AUDIT_BATCH ? n - done : AUDIT_BATCH, rc;
		struct buf sql;

		buf_init(&sql);
		buf_adds(&sql, "INSERT INTO audit (at, actor_id, actor_unit_id, action, entity, entity_id, "
			       "old_value, new_value, reason, request_id) VALUES ");
		for (int i = 0; i < k; i++) {
			buf_adds(&sql, i ? ",(UTC_TIMESTAMP(3),?,?,?,?,?,?,?,?,?)"
					 : "(UTC_TIMESTAMP(3),?,?,?,?,?,?,?,?,?)");
			bind_row(r, &rows[done + i], &p[i * AUDIT_COLS]);
		}
		rc = db_exec_text(buf_str(&sql), NULL, p, k * AUDIT_COLS);
		buf_free(&sql);
		if (rc != E_OK)
			return rc;
		done += k;
	}
	return E_OK;
}

int audit(struct req *r, const char *action, const char *entity, const char *entity_id,
	  const char *old_value, const char *new_value, const char *reason)
{
	struct audit_row a = {action, entity, entity_id, old_value, new_value, reason};

	return audit_many(r, &a, 1);
}
