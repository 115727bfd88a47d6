/* /report/form: one unit's form for one period.  GET shows it; POST saves a
 * draft or submits.  The unit always comes from the session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/auth.h"
#include "../lib/db.h"
#include "../lib/indicator.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "report.h"

#define NOTE_MAX 2000
#define BATCH 40   /* rows per multi-row statement */

struct row {
	struct ind in;
	const char *name, *pillar, *pillar_name, *uom;
	const char *cur_num, *cur_text, *cur_note, *prev_num, *prev_text, *target;
	int cur_na, prev_na;
	/* what was posted */
	const char *raw, *note;
	int na;
	char *canon;
	double num;
	const char *err;
};

struct form {
	long long period_id, prev_id, sub_id, version;
	int year, seq, is_open, locked;
	char kind;
	const char *status, *problems, *proposals, *review_comment, *submitted_on, *on_time;
	const char *due, *cutoff_start, *cutoff_end;
	struct dbres pres, sres, rres;
	struct row *rows;
	unsigned nrows;
	int nerrors;
};

static void form_release(struct form *f)
{
	for (unsigned i = 0; i < f->nrows; i++)
		free(f->rows[i].canon);
	free(f->rows);
	dbres_free(&f->pres);
	dbres_free(&f->sres);
	dbres_free(&f->rres);
}

static int editable(const struct form *f)
{
	return f->is_open && !f->locked &&
	       (f->status == NULL || strcmp(f->status, "draft") == 0 ||
		strcmp(f->status, "returned") == 0);
}

static int is_numeric(const char *vtype)
{
	return strcmp(vtype, "text") != 0 && strcmp(vtype, "date") != 0;
}

static int load(struct req *r, long long period_id, struct form *f)
{
	struct dbres *p = &f->pres, *s = &f->sres, *rr = &f->rres;
	int rc;

	memset(f, 0, sizeof *f);
	if ((rc = db_exec(ST_PERIOD_GET, p, "ii", r->user.unit_id, period_id)) != E_OK)
		return rc;
	if (p->nrows != 1)
		return E_NOTFOUND;
	f->period_id = period_id;
	f->kind = dbres_get(p, 0, 1)[0];
	f->year = (int)dbres_int(p, 0, 2);
	f->seq = (int)dbres_int(p, 0, 3);
	f->cutoff_start = dbres_get(p, 0, 4);
	f->cutoff_end = dbres_get(p, 0, 5);
	f->due = dbres_get(p, 0, 6);
	f->is_open = (int)dbres_int(p, 0, 7);
	f->locked = (int)dbres_int(p, 0, 8);
	f->prev_id = dbres_int(p, 0, 9);
	if ((rc = db_exec(ST_SUB_GET, s, "ii", r->user.unit_id, period_id)) != E_OK)
		return rc;
	if (s->nrows == 1) {
		f->sub_id = dbres_int(s, 0, 0);
		f->status = dbres_get(s, 0, 1);
		f->version = dbres_int(s, 0, 2);
		f->problems = dbres_get(s, 0, 3);
		f->proposals = dbres_get(s, 0, 4);
		f->review_comment = dbres_get(s, 0, 5);
		f->submitted_on = dbres_get(s, 0, 6);
		f->on_time = dbres_get(s, 0, 7);
	}
	rc = db_exec(ST_FORM_ROWS, rr, "ssiiiiiiis", r->lang, r->lang, r->user.unit_id, period_id,
		     r->user.unit_id, f->prev_id, (long long)f->year, (long long)f->year,
		     r->user.unit_id, r->user.unit_kind);
	if (rc != E_OK)
		return rc;
	f->nrows = rr->nrows;
	f->rows = calloc(f->nrows ? f->nrows : 1, sizeof *f->rows);
	if (f->rows == NULL)
		return E_INTERNAL;
	for (unsigned i = 0; i < f->nrows; i++) {
		struct row *w = &f->rows[i];
		w->in.id = dbres_int(rr, i, 0);
		w->in.code = dbres_get(rr, i, 1);
		w->name = dbres_get(rr, i, 2);
		w->pillar = dbres_get(rr, i, 3);
		w->pillar_name = dbres_get(rr, i, 4);
		w->uom = dbres_get(rr, i, 5);
		w->in.vtype = dbres_get(rr, i, 6);
		w->in.min = dbres_get(rr, i, 7);
		w->in.max = dbres_get(rr, i, 8);
		w->in.required = (int)dbres_int(rr, i, 9);
		w->cur_num = dbres_get(rr, i, 10);
		w->cur_text = dbres_get(rr, i, 11);
		w->cur_na = (int)dbres_int(rr, i, 12);
		w->cur_note = dbres_get(rr, i, 13);
		w->prev_num = dbres_get(rr, i, 14);
		w->prev_text = dbres_get(rr, i, 15);
		w->prev_na = (int)dbres_int(rr, i, 16);
		w->target = dbres_get(rr, i, 17);
	}
	return E_OK;
}

/* How a stored value is shown: "12,5", "Có"/"Không" keys, dd/mm/yyyy. */
static void show(const char *vtype, const char *num, const char *text, char *out, size_t n)
{
	out[0] = '\0';
	if (num != NULL)
		num_display(num, out, n);
	else if (text != NULL && strcmp(vtype, "date") == 0)
		date_iso_to_vn(text, out, n);
	else if (text != NULL)
		snprintf(out, n, "%s", text);
}

static void put_form(struct req *r, const struct form *f, int posted)
{
	char label[64], buf[64];
	const char *last_pillar = NULL;
	int g = -1, k = 0;

	period_label(f->kind, f->year, f->seq, r->lang, label, sizeof label);
	hseti(r, "Form.period.id", f->period_id);
	hset(r, "Form.period.label", label);
	date_iso_to_vn(f->due, buf, sizeof buf);
	hset(r, "Form.period.due", buf);
	date_iso_to_vn(f->cutoff_start, buf, sizeof buf);
	hset(r, "Form.period.cutoff_start", buf);
	date_iso_to_vn(f->cutoff_end, buf, sizeof buf);
	hset(r, "Form.period.cutoff_end", buf);
	hseti(r, "Form.period.year", f->year);
	hseti(r, "Form.period.locked", f->locked);
	hseti(r, "Form.period.open", f->is_open);
	hset(r, "Form.status", sub_status(f->status, f->on_time));
	hseti(r, "Form.version", f->version);
	hseti(r, "Form.editable", editable(f));
	if (f->review_comment && f->status && strcmp(f->status, "returned") == 0)
		hset(r, "Form.review_comment", f->review_comment);
	if (f->submitted_on) {
		date_iso_to_vn(f->submitted_on, buf, sizeof buf);
		hset(r, "Form.submitted_on", buf);
	}
	hset(r, "Form.problems", posted ? r->fv[FF_PROBLEMS].s : f->problems);
	hset(r, "Form.proposals", posted ? r->fv[FF_PROPOSALS].s : f->proposals);
	for (unsigned i = 0; i < f->nrows; i++) {
		const struct row *w = &f->rows[i];
		char v[64], base[48];

		if (last_pillar == NULL || strcmp(last_pillar, w->pillar) != 0) {
			g++;
			k = 0;
			last_pillar = w->pillar;
			hsetf(r, w->pillar_name, "Form.groups.%d.name", g);
			hsetf(r, w->pillar, "Form.groups.%d.code", g);
		}
		snprintf(base, sizeof base, "Form.groups.%d.rows.%d", g, k++);
		hsetf(r, w->in.code, "%s.code", base);
		hsetf(r, w->name, "%s.name", base);
		hsetf(r, w->uom, "%s.uom", base);
		hsetf(r, w->in.vtype, "%s.vtype", base);
		hsetfi(r, w->in.required, "%s.required", base);
		if (w->in.min) {
			num_display(w->in.min, v, sizeof v);
			hsetf(r, v, "%s.min", base);
		}
		if (w->in.max) {
			num_display(w->in.max, v, sizeof v);
			hsetf(r, v, "%s.max", base);
		}
		if (posted) {
			hsetf(r, w->raw, "%s.value", base);
			hsetf(r, w->note, "%s.note", base);
			hsetfi(r, w->na, "%s.na", base);
			if (w->err)
				hsetf(r, w->err, "%s.err", base);
		} else {
			char cur[8200];
			show(w->in.vtype, w->cur_num, w->cur_text, cur, sizeof cur);
			hsetf(r, cur, "%s.value", base);
			hsetf(r, w->cur_note, "%s.note", base);
			hsetfi(r, w->cur_na, "%s.na", base);
		}
		if (w->prev_na) {
			hsetf(r, "na", "%s.prev_na", base);
		} else if (w->prev_num || w->prev_text) {
			char prev[8200];
			show(w->in.vtype, w->prev_num, w->prev_text, prev, sizeof prev);
			hsetf(r, prev, "%s.prev", base);
		}
		if (w->target) {
			num_display(w->target, v, sizeof v);
			hsetf(r, v, "%s.target", base);
		}
	}
	r->tmpl = "report/form.cs";
}

int ui_form_get(struct req *r)
{
	struct form f;
	int rc = load(r, r->fv[FF_PERIOD].i, &f);

	if (rc == E_OK) {
		put_form(r, &f, 0);
		if (r->fv[FF_DONE].present)
			hset(r, "Form.done", r->fv[FF_DONE].s);
	}
	form_release(&f);
	return rc;
}

/* Reads and checks every posted value; returns the number of errors. */
static int check_posted(struct req *r, struct form *f, int submit)
{
	struct dbres rules;
	char key[64];
	int errors = 0;

	for (unsigned i = 0; i < f->nrows; i++) {
		struct row *w = &f->rows[i];
		size_t csz = is_numeric(w->in.vtype) ? 64 : 8200;

		snprintf(key, sizeof key, "v_%s", w->in.code);
		w->raw = req_param(r, key);
		snprintf(key, sizeof key, "n_%s", w->in.code);
		w->note = req_param(r, key);
		snprintf(key, sizeof key, "na_%s", w->in.code);
		w->na = req_param(r, key) != NULL && strcmp(req_param(r, key), "1") == 0;
		w->canon = malloc(csz);
		if (w->canon == NULL)
			return -1;
		w->canon[0] = '\0';
		if (w->note && utf8_chars(w->note) > NOTE_MAX)
			w->err = "note_too_long";
		else if (w->na && (w->note == NULL || w->note[strspn(w->note, " \t\r\n")] == '\0'))
			w->err = "na_note";
		else if (!w->na)
			w->err = ind_check(&w->in, w->raw, w->canon, csz, &w->num);
		if (w->err == NULL && submit && !w->na && w->in.required && w->canon[0] == '\0')
			w->err = "required";
		if (w->err)
			errors++;
	}
	if (!submit || errors)
		return errors;
	/* cross-field rules, as data: checked when both sides are given */
	if (db_exec(ST_RULES, &rules, "s", r->lang) != E_OK)
		return -1;
	for (unsigned k = 0; k < rules.nrows; k++) {
		long long lid = dbres_int(&rules, k, 0), rid = dbres_int(&rules, k, 2);
		struct row *lw = NULL, *rw = NULL;

		for (unsigned i = 0; i < f->nrows; i++) {
			if (f->rows[i].in.id == lid)
				lw = &f->rows[i];
			if (f->rows[i].in.id == rid)
				rw = &f->rows[i];
		}
		if (lw == NULL || rw == NULL || lw->na || rw->na || !lw->canon[0] || !rw->canon[0])
			continue;
		if (!rule_holds(lw->num, dbres_get(&rules, k, 1), rw->num)) {
			hsetf(r, dbres_get(&rules, k, 3), "Form.rules.%d", errors);
			hsetf(r, lw->in.code, "Form.rules.%d.code", errors);
			lw->err = "rule";
			errors++;
		}
	}
	dbres_free(&rules);
	return errors;
}

static void old_repr(const struct row *w, char *out, size_t n)
{
	if (w->cur_na)
		snprintf(out, n, "n/a");
	else if (w->cur_num)
		canon_decimal(w->cur_num, out, n);
	else
		snprintf(out, n, "%s", w->cur_text ? w->cur_text : "");
}

static int same_note(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Writes the changed figures and one audit row for each, in batches. */
static int write_figures(struct req *r, struct form *f, long long sub_id)
{
	struct row *changed[BATCH];
	char olds[BATCH][8200], ids[BATCH][96];
	unsigned i = 0;

	while (i < f->nrows) {
		int n = 0, rc;
		struct buf sql_f, sql_a;
		struct dbparam pf[BATCH * 7], pa[BATCH * 7];

		for (; i < f->nrows && n < BATCH; i++) {
			struct row *w = &f->rows[i];
			const char *nv = w->na ? "n/a" : w->canon;
			old_repr(w, olds[n], sizeof olds[n]);
			if (strcmp(olds[n], nv) != 0 || !same_note(w->cur_note, w->note))
				changed[n++] = w;
		}
		if (n == 0)
			continue;
		buf_init(&sql_f);
		buf_init(&sql_a);
		buf_adds(&sql_f, "INSERT INTO figure (submission_id, indicator_id, num_value, "
				 "text_value, not_applicable, note, updated_at, updated_by) VALUES ");
		buf_adds(&sql_a, "INSERT INTO audit (at, actor_id, actor_unit_id, action, entity, "
				 "entity_id, old_value, new_value, reason, request_id) VALUES ");
		memset(pf, 0, sizeof(struct dbparam) * (size_t)n * 7);
		memset(pa, 0, sizeof(struct dbparam) * (size_t)n * 7);
		for (int k = 0; k < n; k++) {
			struct row *w = changed[k];
			struct dbparam *p = &pf[k * 7], *a = &pa[k * 7];
			int num = is_numeric(w->in.vtype) && !w->na && w->canon[0];
			int text = !is_numeric(w->in.vtype) && !w->na && w->canon[0];
			const char *note = (w->note && w->note[0]) ? w->note : NULL;

			buf_adds(&sql_f, k ? ",(?,?,?,?,?,?,UTC_TIMESTAMP(),?)" : "(?,?,?,?,?,?,UTC_TIMESTAMP(),?)");
			buf_adds(&sql_a, k ? ",(UTC_TIMESTAMP(3),?,?,'set_value','figure',?,?,?,?,?)"
					   : "(UTC_TIMESTAMP(3),?,?,'set_value','figure',?,?,?,?,?)");
			p[0] = (struct dbparam){'i', sub_id, 0, NULL, 0};
			p[1] = (struct dbparam){'i', w->in.id, 0, NULL, 0};
			p[2] = (struct dbparam){'s', 0, 0, num ? w->canon : NULL, 0};
			p[3] = (struct dbparam){'s', 0, 0, text ? w->canon : NULL, 0};
			p[4] = (struct dbparam){'i', w->na, 0, NULL, 0};
			p[5] = (struct dbparam){'s', 0, 0, note, 0};
			p[6] = (struct dbparam){'i', r->user.id, 0, NULL, 0};
			snprintf(ids[k], sizeof ids[k], "%lld:%s", sub_id, w->in.code);
			a[0] = (struct dbparam){'i', r->user.id, 0, NULL, 0};
			a[1] = (struct dbparam){'i', r->user.unit_id, 0, NULL, 0};
			a[2] = (struct dbparam){'s', 0, 0, ids[k], 0};
			a[3] = (struct dbparam){'s', 0, 0, w->cur_num || w->cur_text || w->cur_na ? olds[k] : NULL, 0};
			a[4] = (struct dbparam){'s', 0, 0, w->na ? "n/a" : w->canon, 0};
			a[5] = (struct dbparam){'s', 0, 0, note, 0};
			a[6] = (struct dbparam){'s', 0, 0, r->id, 0};
		}
		buf_adds(&sql_f, " ON DUPLICATE KEY UPDATE num_value = VALUES(num_value), "
				 "text_value = VALUES(text_value), not_applicable = VALUES(not_applicable), "
				 "note = VALUES(note), updated_at = VALUES(updated_at), "
				 "updated_by = VALUES(updated_by)");
		rc = db_exec_text(buf_str(&sql_f), NULL, pf, n * 7);
		if (rc == E_OK)
			rc = db_exec_text(buf_str(&sql_a), NULL, pa, n * 7);
		buf_free(&sql_f);
		buf_free(&sql_a);
		if (rc != E_OK)
			return rc;
	}
	return E_OK;
}

static int save(struct req *r, struct form *f, int submit)
{
	struct dbres chk;
	long long sub_id = f->sub_id, version = f->version;
	char sid[24], ver[24];
	int rc;

	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_exec(ST_PERIOD_CHECK, &chk, "i", f->period_id)) != E_OK)
		goto fail;
	if (chk.nrows != 1 || !dbres_int(&chk, 0, 0) || dbres_int(&chk, 0, 1)) {
		dbres_free(&chk);
		r->message = "period_closed";
		rc = E_FORBIDDEN;
		goto fail;
	}
	dbres_free(&chk);
	if (sub_id == 0) {
		rc = db_exec(ST_SUB_INSERT, NULL, "iissii", r->user.unit_id, f->period_id,
			     r->fv[FF_PROBLEMS].s, r->fv[FF_PROPOSALS].s, r->user.id, r->user.id);
		if (rc == E_DUP)
			rc = E_CONFLICT;  /* someone else created it meanwhile */
		if (rc != E_OK)
			goto fail;
		sub_id = (long long)db_insert_id();
		version = 1;
	}
	rc = db_exec(ST_SUB_UPDATE, NULL, "ssiiiiiii", r->fv[FF_PROBLEMS].s, r->fv[FF_PROPOSALS].s,
		     r->user.id, (long long)submit, (long long)submit, (long long)submit, r->user.id,
		     sub_id, version);
	if (rc != E_OK)
		goto fail;
	if (db_affected() != 1) {
		rc = E_CONFLICT;
		goto fail;
	}
	if ((rc = write_figures(r, f, sub_id)) != E_OK)
		goto fail;
	snprintf(sid, sizeof sid, "%lld", sub_id);
	snprintf(ver, sizeof ver, "%lld", version + 1);
	if ((rc = audit(r, submit ? "submit" : "save_draft", "submission", sid, NULL, ver, NULL)) != E_OK)
		goto fail;
	return db_commit();
fail:
	db_rollback();
	return rc;
}

int ui_form_post(struct req *r)
{
	struct form f;
	int submit = r->fv[FF_ACTION].present && strcmp(r->fv[FF_ACTION].s, "submit") == 0;
	long long posted_version = r->fv[FF_VERSION].present ? r->fv[FF_VERSION].i : -1;
	int rc = load(r, r->fv[FF_PERIOD].i, &f), errors;

	if (rc != E_OK)
		goto out;
	if (!f.is_open || f.locked) {
		r->message = f.locked ? "period_locked" : "period_closed";
		rc = E_FORBIDDEN;
		goto out;
	}
	if (!editable(&f)) {
		r->message = "read_only";
		rc = E_CONFLICT;
		goto out;
	}
	errors = check_posted(r, &f, submit);
	if (errors < 0) {
		rc = E_INTERNAL;
		goto out;
	}
	if (posted_version != f.version) {
		/* someone saved since this form was loaded: keep what was typed, overwrite nothing */
		put_form(r, &f, 1);
		hseti(r, "Form.version", posted_version);
		hset(r, "Form.conflict", "1");
		r->status = 409;
		goto out;
	}
	if (errors > 0) {
		put_form(r, &f, 1);
		hseti(r, "Form.nerrors", errors);
		r->status = 422;
		goto out;
	}
	rc = save(r, &f, submit);
	if (rc == E_CONFLICT) {
		put_form(r, &f, 1);
		hset(r, "Form.conflict", "1");
		r->status = 409;
		rc = E_OK;
	} else if (rc == E_OK) {
		char loc[96];
		snprintf(loc, sizeof loc, "/report/form?period=%lld&done=%s", f.period_id,
			 submit ? "submitted" : "saved");
		req_redirect(r, loc);
	}
out:
	form_release(&f);
	return rc;
}
