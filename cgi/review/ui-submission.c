/* /review/submission: one unit's form as the reviewer sees it, with what
 * looks wrong flagged; accept, return with a comment, reopen, or correct a
 * value with a reason. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/evidence.h"
#include "../lib/indicator.h"
#include "../lib/period.h"
#include "../lib/refdata.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

const struct field sub_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"done", F_WORD, 0, 0, 0, "accept|return|reopen|corrected"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { DF_ID, DF_VERSION, DF_DECISION, DF_COMMENT };
const struct field decide_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 1, 4294967295LL, 1, NULL},
	{"decision", F_WORD, 0, 0, 1, "accept|return|reopen"},
	{"comment", F_TEXT, 0, 2000, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { CF_ID, CF_VERSION, CF_INDICATOR, CF_VALUE, CF_REASON };
const struct field correct_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 1, 4294967295LL, 1, NULL},
	{"indicator", F_LINE, 1, 32, 1, NULL},
	{"value", F_TEXT, 0, 2000, 0, NULL},
	{"reason", F_TEXT, 0, 2000, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_HEAD, Q_FIGURES, Q_DECIDE, Q_FIG_OLD, Q_BUMP, Q_CORRECT, Q_N };
static const char *const sql[Q_N] = {
	/* Q_HEAD */
	"SELECT s.id, s.unit_id, u.name, u.kind, s.period_id, p.kind, p.year, p.seq, p.due_on, "
	"p.locked, s.status, s.version, s.problems, s.proposals, s.review_comment, "
	"DATE_FORMAT(s.submitted_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'), "
	"DATE(s.submitted_at + INTERVAL 7 HOUR) <= p.due_on, COALESCE(us.display_name, ''), ps.id "
	"FROM submission s JOIN unit u ON u.id = s.unit_id JOIN period p ON p.id = s.period_id "
	"LEFT JOIN app_user us ON us.id = s.submitted_by "
	"LEFT JOIN submission ps ON ps.unit_id = s.unit_id AND ps.period_id = (SELECT q.id FROM "
	"period q WHERE q.kind = p.kind AND (q.year < p.year OR (q.year = p.year AND q.seq < p.seq)) "
	"ORDER BY q.year DESC, q.seq DESC LIMIT 1) WHERE s.id = ?",
	/* Q_FIGURES */
	"SELECT submission_id, indicator_id, num_value, text_value, not_applicable, note, "
	"officer_value, corrected_at IS NOT NULL FROM figure WHERE submission_id IN (?, ?)",
	/* Q_DECIDE: the version check keeps two reviewers from deciding twice */
	"UPDATE submission SET status = ?, review_comment = ?, reviewed_at = UTC_TIMESTAMP(), "
	"reviewed_by = ?, version = version + 1 WHERE id = ? AND version = ? AND status = ?",
	/* Q_FIG_OLD */
	"SELECT num_value, text_value, not_applicable FROM figure "
	"WHERE submission_id = ? AND indicator_id = ? FOR UPDATE",
	/* Q_BUMP */
	"UPDATE submission SET version = version + 1 WHERE id = ? AND version = ? "
	"AND status IN ('submitted', 'accepted')",
	/* Q_CORRECT: the officer's figure is kept the first time it is corrected */
	"INSERT INTO figure (submission_id, indicator_id, num_value, text_value, not_applicable, "
	"officer_value, corrected_by, corrected_at, updated_at, updated_by) "
	"VALUES (?, ?, ?, ?, 0, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?) "
	"ON DUPLICATE KEY UPDATE officer_value = COALESCE(officer_value, VALUES(officer_value)), "
	"num_value = VALUES(num_value), text_value = VALUES(text_value), not_applicable = 0, "
	"corrected_by = VALUES(corrected_by), corrected_at = VALUES(corrected_at), "
	"updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)",
};
static struct stmt_table tab = STMT_TABLE(sql);

struct sub {
	long long id, unit_id, period_id, version, prev_id;
	const char *unit, *kind, *status, *on_time;
	int year, locked;
	struct dbres head;
};

static int load_head(long long id, struct sub *s)
{
	struct dbres *h = &s->head;
	int rc;

	memset(s, 0, sizeof *s);
	if ((rc = db_tab_exec(&tab, Q_HEAD, h, "i", id)) != E_OK)
		return rc;
	if (h->nrows != 1)
		return E_NOTFOUND;
	s->id = id;
	s->unit_id = dbres_int(h, 0, 1);
	s->unit = dbres_get(h, 0, 2);
	s->kind = dbres_get(h, 0, 3);
	s->period_id = dbres_int(h, 0, 4);
	s->year = (int)dbres_int(h, 0, 6);
	s->locked = (int)dbres_int(h, 0, 9);
	s->status = dbres_get(h, 0, 10);
	s->version = dbres_int(h, 0, 11);
	s->on_time = dbres_get(h, 0, 16);
	s->prev_id = dbres_int(h, 0, 18);
	return E_OK;
}

static const struct ref_ind *find_ind(const struct refdata *rd, long long id)
{
	for (unsigned i = 0; i < rd->nind; i++)
		if (rd->ind[i].id == id)
			return &rd->ind[i];
	return NULL;
}

struct fig {
	const char *num, *text, *note, *officer;
	int na, corrected, present;
};

/* The figures of a submission and of the one before it, by indicator. */
static void put_rows(struct req *r, const struct refdata *rd, const struct sub *s,
		     const struct dbres *f)
{
	double jump = strtod(config_get("jump_share", "0.5"), NULL);
	long long broken[64];
	unsigned nbroken = 0;
	int k = 0, flagged = 0;

	/* cross-field rules, on the stored figures: listed above the table and
	 * flagged on the row of their left-hand indicator */
	for (unsigned i = 0; i < rd->nrule; i++) {
		const struct ref_rule *ru = &rd->rule[i];
		const char *l = NULL, *rv = NULL;

		for (unsigned j = 0; j < f->nrows; j++) {
			if (dbres_int(f, j, 0) != s->id || dbres_int(f, j, 4))
				continue;
			if (dbres_int(f, j, 1) == ru->left)
				l = dbres_get(f, j, 2);
			if (dbres_int(f, j, 1) == ru->right)
				rv = dbres_get(f, j, 2);
		}
		if (l && rv && !rule_holds(strtod(l, NULL), ru->op, strtod(rv, NULL))) {
			const struct ref_ind *li = find_ind(rd, ru->left);
			HDF *n = hnode(r, "Sub.rules.%u", i);
			nset(r, n, "message", strcmp(r->lang, "en") == 0 ? ru->message_en : ru->message);
			nset(r, n, "code", li ? li->code : "");
			if (nbroken < sizeof broken / sizeof broken[0])
				broken[nbroken++] = ru->left;
			flagged++;
		}
	}

	for (unsigned i = 0; i < rd->nind; i++) {
		const struct ref_ind *in = &rd->ind[i];
		struct fig cur = {0}, prev = {0};
		char v[8200], pv[64];
		HDF *n;

		if (!ref_asked(rd, s->period_id, s->kind, in->id))
			continue;
		for (unsigned j = 0; j < f->nrows; j++) {
			struct fig *x;
			if (dbres_int(f, j, 1) != in->id)
				continue;
			x = dbres_int(f, j, 0) == s->id ? &cur : &prev;
			x->num = dbres_get(f, j, 2);
			x->text = dbres_get(f, j, 3);
			x->na = (int)dbres_int(f, j, 4);
			x->note = dbres_get(f, j, 5);
			x->officer = dbres_get(f, j, 6);
			x->corrected = (int)dbres_int(f, j, 7);
			x->present = 1;
		}
		n = hnode(r, "Sub.rows.%d", k++);
		nset(r, n, "code", in->code);
		nset(r, n, "name", strcmp(r->lang, "en") == 0 ? in->name_en : in->name);
		nset(r, n, "uom", in->uom);
		nset(r, n, "vtype", in->vtype);
		nseti(r, n, "required", in->required);
		v[0] = '\0';
		if (cur.num)
			num_display(cur.num, v, sizeof v);
		else if (cur.text)
			snprintf(v, sizeof v, "%s", cur.text);
		nset(r, n, "value", v);
		nseti(r, n, "na", cur.na);
		nset(r, n, "note", cur.note);
		if (cur.corrected) {
			nset(r, n, "corrected", "1");
			nset(r, n, "officer_value", cur.officer);
		}
		if (prev.num) {
			num_display(prev.num, pv, sizeof pv);
			nset(r, n, "prev", pv);
		}
		if (in->min) {
			num_display(in->min, pv, sizeof pv);
			nset(r, n, "min", pv);
		}
		if (in->max) {
			num_display(in->max, pv, sizeof pv);
			nset(r, n, "max", pv);
		}
		/* what looks wrong: missing, out of range, a jump since last period */
		if (!cur.present || (!cur.na && !cur.num && !cur.text)) {
			if (in->required) {
				nset(r, n, "flags.missing", "1");
				flagged++;
			}
			continue;
		}
		for (unsigned b = 0; b < nbroken; b++)
			if (broken[b] == in->id)
				nset(r, n, "flags.rule", "1");
		if (cur.num) {
			double x = strtod(cur.num, NULL);
			if ((in->min && x < strtod(in->min, NULL)) || (in->max && x > strtod(in->max, NULL))) {
				nset(r, n, "flags.range", "1");
				flagged++;
			}
			if (prev.num && strtod(prev.num, NULL) != 0) {
				double p = strtod(prev.num, NULL), share = fabs(x - p) / fabs(p);
				if (share > jump) {
					nseti(r, n, "flags.jump", (long long)llround(share * 100));
					flagged++;
				}
			}
		}
	}
	hseti(r, "Sub.flagged", flagged);
}

static int show(struct req *r, long long id)
{
	const struct refdata *rd;
	struct sub s;
	struct dbres f;
	char label[64], due[16];
	int rc;

	review_nav(r, "queue");
	if ((rc = ref_get(r, &rd)) != E_OK)
		return rc;
	if ((rc = load_head(id, &s)) != E_OK) {
		dbres_free(&s.head);
		return rc;
	}
	period_label(dbres_get(&s.head, 0, 5)[0], s.year, (int)dbres_int(&s.head, 0, 7), r->lang,
		     label, sizeof label);
	date_iso_to_vn(dbres_get(&s.head, 0, 8), due, sizeof due);
	hseti(r, "Sub.id", s.id);
	hseti(r, "Sub.version", s.version);
	hseti(r, "Sub.unit_id", s.unit_id);
	hset(r, "Sub.unit", s.unit);
	hset(r, "Sub.kind", s.kind);
	hset(r, "Sub.period", label);
	hset(r, "Sub.due", due);
	hseti(r, "Sub.locked", s.locked);
	hset(r, "Sub.status", form_status(s.status, s.on_time));
	hset(r, "Sub.raw_status", s.status);
	hset(r, "Sub.problems", dbres_get(&s.head, 0, 12));
	hset(r, "Sub.proposals", dbres_get(&s.head, 0, 13));
	hset(r, "Sub.review_comment", dbres_get(&s.head, 0, 14));
	hset(r, "Sub.submitted_at", dbres_get(&s.head, 0, 15));
	hset(r, "Sub.submitted_by", dbres_get(&s.head, 0, 17));
	rc = evidence_list(r, s.id, "Sub.evidence");
	if (rc == E_OK)
		rc = db_tab_exec(&tab, Q_FIGURES, &f, "ii", s.id, s.prev_id);
	if (rc == E_OK) {
		put_rows(r, rd, &s, &f);
		dbres_free(&f);
	}
	dbres_free(&s.head);
	r->tmpl = "review/submission.cs";
	return rc;
}

int ui_sub_get(struct req *r)
{
	int rc = show(r, r->fv[0].i);

	if (rc == E_OK && r->fv[1].present)
		hset(r, "Sub.done", r->fv[1].s);
	return rc;
}

static void back_to(struct req *r, long long id, const char *done)
{
	char loc[96];

	snprintf(loc, sizeof loc, "/review/submission?id=%lld&done=%s", id, done);
	req_redirect(r, loc);
}

int ui_decide(struct req *r)
{
	const char *d = r->fv[DF_DECISION].s, *comment = r->fv[DF_COMMENT].s;
	const char *to, *from;
	struct sub s;
	char sid[24];
	int rc = load_head(r->fv[DF_ID].i, &s);

	if (rc != E_OK)
		goto out;
	if (s.locked) {
		r->message = "period_locked";
		rc = E_FORBIDDEN;
		goto out;
	}
	/* returning or reopening a form needs a word to the unit */
	if (strcmp(d, "accept") != 0 && (comment == NULL || comment[strspn(comment, " \t\r\n")] == '\0')) {
		dbres_free(&s.head);
		rc = show(r, r->fv[DF_ID].i);
		hset(r, "Sub.error", "comment_required");
		r->status = 422;
		return rc;
	}
	to = strcmp(d, "accept") == 0 ? "accepted" : "returned";
	from = strcmp(d, "reopen") == 0 ? "accepted" : "submitted";
	snprintf(sid, sizeof sid, "%lld", s.id);
	if ((rc = db_begin()) != E_OK)
		goto out;
	rc = db_tab_exec(&tab, Q_DECIDE, NULL, "ssiiis", to, strcmp(d, "accept") == 0 ? NULL : comment,
			 r->user.id, s.id, r->fv[DF_VERSION].i, from);
	if (rc == E_OK && db_affected() != 1)
		rc = E_CONFLICT;
	if (rc == E_OK)
		rc = audit(r, d, "submission", sid, s.status, to, comment && *comment ? comment : NULL);
	if (rc == E_OK)
		rc = db_commit();
	else
		db_rollback();
	if (rc == E_OK)
		back_to(r, s.id, d);
out:
	dbres_free(&s.head);
	return rc;
}

int ui_correct(struct req *r)
{
	const char *code = r->fv[CF_INDICATOR].s, *value = r->fv[CF_VALUE].s;
	const char *reason = r->fv[CF_REASON].s, *err = NULL;
	const struct refdata *rd;
	const struct ref_ind *in = NULL;
	struct dbres old;
	struct sub s;
	char canon[8200], oldv[8200], id[96];
	double num;
	int rc = load_head(r->fv[CF_ID].i, &s), numeric;

	if (rc != E_OK || (rc = ref_get(r, &rd)) != E_OK)
		goto out;
	if (s.locked) {
		r->message = "period_locked";
		rc = E_FORBIDDEN;
		goto out;
	}
	if (strcmp(s.status, "submitted") != 0 && strcmp(s.status, "accepted") != 0) {
		r->message = "not_submitted";
		rc = E_CONFLICT;
		goto out;
	}
	for (unsigned i = 0; i < rd->nind; i++)
		if (strcmp(rd->ind[i].code, code) == 0 && ref_asked(rd, s.period_id, s.kind, rd->ind[i].id))
			in = &rd->ind[i];
	if (in == NULL) {
		r->bad_field = "indicator";
		rc = E_BADREQ;
		goto out;
	}
	{
		struct ind chk = {in->id, in->code, in->vtype, in->min, in->max, in->required};
		err = ind_check(&chk, value, canon, sizeof canon, &num);
	}
	if (err == NULL && canon[0] == '\0')
		err = "required";
	if (err == NULL && (reason == NULL || utf8_chars(reason) < 5 ||
			    reason[strspn(reason, " \t\r\n")] == '\0'))
		err = "reason_required";
	if (err != NULL) {
		dbres_free(&s.head);
		rc = show(r, r->fv[CF_ID].i);
		hset(r, "Sub.error", err);
		hset(r, "Sub.error_code", code);
		hset(r, "Sub.typed_value", value);
		hset(r, "Sub.typed_reason", reason);
		r->status = 422;
		return rc;
	}
	numeric = strcmp(in->vtype, "text") != 0 && strcmp(in->vtype, "date") != 0;
	snprintf(id, sizeof id, "%lld:%s", s.id, in->code);
	if ((rc = db_begin()) != E_OK)
		goto out;
	rc = db_tab_exec(&tab, Q_FIG_OLD, &old, "ii", s.id, in->id);
	if (rc != E_OK)
		goto fail;
	oldv[0] = '\0';
	if (old.nrows == 1 && dbres_int(&old, 0, 2))
		snprintf(oldv, sizeof oldv, "n/a");
	else if (old.nrows == 1 && dbres_get(&old, 0, 0))
		canon_decimal(dbres_get(&old, 0, 0), oldv, sizeof oldv);
	else if (old.nrows == 1 && dbres_get(&old, 0, 1))
		snprintf(oldv, sizeof oldv, "%s", dbres_get(&old, 0, 1));
	dbres_free(&old);
	rc = db_tab_exec(&tab, Q_BUMP, NULL, "ii", s.id, r->fv[CF_VERSION].i);
	if (rc == E_OK && db_affected() != 1)
		rc = E_CONFLICT;
	if (rc == E_OK)
		rc = db_tab_exec(&tab, Q_CORRECT, NULL, "iisssii", s.id, in->id, numeric ? canon : NULL,
				 numeric ? NULL : canon, oldv[0] ? oldv : NULL, r->user.id, r->user.id);
	if (rc == E_OK)
		rc = audit(r, "correct", "figure", id, oldv[0] ? oldv : NULL, canon, reason);
	if (rc != E_OK)
		goto fail;
	if ((rc = db_commit()) == E_OK)
		back_to(r, s.id, "corrected");
	goto out;
fail:
	db_rollback();
out:
	dbres_free(&s.head);
	return rc;
}
