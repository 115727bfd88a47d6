/* /report/form: one unit's form for one period.  GET shows it; POST saves a
 * draft or submits.  The unit always comes from the session.  A filled-in
 * XLSX template (ui-import.c) is saved through form_apply too, so a file
 * meets exactly the rules of the page. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/auth.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/indicator.h"
#include "../lib/pagecache.h"
#include "../lib/period.h"
#include "../lib/refdata.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "report.h"
#include "../lib/xlsx.h"

#define NOTE_MAX 2000
#define BATCH 40   /* rows per multi-row statement */

struct row {
	struct ind in;
	const char *name, *pillar, *pillar_name, *uom;
	const char *cur_num, *cur_text, *cur_note, *prev_num, *prev_text, *target;
	int cur_na, prev_na, has_cur;
	/* what was posted */
	const char *raw, *note;
	int na;
	char *canon;
	char *kept;   /* the stored figure as typed, when the input left it out */
	double num;
	const char *err;
};

struct form {
	long long period_id, prev_id, sub_id, version;
	int year, seq, is_open, locked;
	char kind;
	const char *status, *problems, *proposals, *review_comment, *submitted_on, *on_time;
	const char *due, *cutoff_start, *cutoff_end;
	const char *in_problems, *in_proposals;   /* what was posted */
	const struct refdata *rd;
	struct dbres hres, fres;
	struct row *rows;
	unsigned nrows;
	int nerrors;
};

static void form_release(struct form *f)
{
	for (unsigned i = 0; i < f->nrows; i++) {
		free(f->rows[i].canon);
		free(f->rows[i].kept);
	}
	free(f->rows);
	dbres_free(&f->hres);
	dbres_free(&f->fres);
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

static struct row *row_of(struct form *f, long long ind)
{
	for (unsigned i = 0; i < f->nrows; i++)
		if (f->rows[i].in.id == ind)
			return &f->rows[i];
	return NULL;
}

/* Three cheap statements (session included): the indicators come from the
 * worker's reference-data cache, figures by primary key. */
static int load(struct req *r, long long period_id, struct form *f)
{
	struct dbres *h = &f->hres, *fr = &f->fres;
	int en = strcmp(r->lang, "en") == 0, rc;
	long long prev_sub;

	memset(f, 0, sizeof *f);
	if ((rc = ref_get(r, &f->rd)) != E_OK)
		return rc;
	if ((rc = db_exec(ST_FORM_HEAD, h, "ii", r->user.unit_id, period_id)) != E_OK)
		return rc;
	if (h->nrows != 1)
		return E_NOTFOUND;
	f->period_id = period_id;
	f->kind = dbres_get(h, 0, 1)[0];
	f->year = (int)dbres_int(h, 0, 2);
	f->seq = (int)dbres_int(h, 0, 3);
	f->cutoff_start = dbres_get(h, 0, 4);
	f->cutoff_end = dbres_get(h, 0, 5);
	f->due = dbres_get(h, 0, 6);
	f->is_open = (int)dbres_int(h, 0, 7);
	f->locked = (int)dbres_int(h, 0, 8);
	f->sub_id = dbres_int(h, 0, 9);
	if (f->sub_id) {
		f->status = dbres_get(h, 0, 10);
		f->version = dbres_int(h, 0, 11);
		f->problems = dbres_get(h, 0, 12);
		f->proposals = dbres_get(h, 0, 13);
		f->review_comment = dbres_get(h, 0, 14);
		f->submitted_on = dbres_get(h, 0, 15);
		f->on_time = dbres_get(h, 0, 16);
	}
	prev_sub = dbres_int(h, 0, 17);
	f->rows = calloc(f->rd->nind + 1, sizeof *f->rows);
	if (f->rows == NULL)
		return E_INTERNAL;
	for (unsigned i = 0; i < f->rd->nind; i++) {
		const struct ref_ind *in = &f->rd->ind[i];
		struct row *w;

		/* what this period asks of this kind of unit, retired or not since */
		if (!ref_asked(f->rd, period_id, r->user.unit_kind, in->id))
			continue;
		w = &f->rows[f->nrows++];
		w->in = (struct ind){in->id, in->code, in->vtype, in->min, in->max, in->required};
		w->name = en ? in->name_en : in->name;
		w->pillar = in->pillar;
		w->pillar_name = en ? in->pillar_name_en : in->pillar_name;
		w->uom = in->uom;
		w->target = ref_target(f->rd, in->id, f->year, r->user.unit_id);
	}
	if (f->sub_id == 0 && prev_sub == 0)
		return E_OK;
	if ((rc = db_exec(ST_FIGURES, fr, "ii", f->sub_id, prev_sub)) != E_OK)
		return rc;
	for (unsigned i = 0; i < fr->nrows; i++) {
		struct row *w = row_of(f, dbres_int(fr, i, 1));

		if (w == NULL)
			continue;  /* retired, or not asked of this kind of unit */
		if (dbres_int(fr, i, 0) == f->sub_id) {
			w->has_cur = 1;
			w->cur_num = dbres_get(fr, i, 2);
			w->cur_text = dbres_get(fr, i, 3);
			w->cur_na = (int)dbres_int(fr, i, 4);
			w->cur_note = dbres_get(fr, i, 5);
		} else {
			w->prev_num = dbres_get(fr, i, 2);
			w->prev_text = dbres_get(fr, i, 3);
			w->prev_na = (int)dbres_int(fr, i, 4);
		}
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
	hset(r, "Form.status", form_status(f->status, f->on_time));
	hseti(r, "Form.version", f->version);
	hseti(r, "Form.editable", editable(f));
	if (f->review_comment && f->status && strcmp(f->status, "returned") == 0)
		hset(r, "Form.review_comment", f->review_comment);
	if (f->submitted_on) {
		date_iso_to_vn(f->submitted_on, buf, sizeof buf);
		hset(r, "Form.submitted_on", buf);
	}
	hset(r, "Form.problems", posted ? f->in_problems : f->problems);
	hset(r, "Form.proposals", posted ? f->in_proposals : f->proposals);
	for (unsigned i = 0; i < f->nrows; i++) {
		const struct row *w = &f->rows[i];
		char v[64];
		HDF *row;

		if (last_pillar == NULL || strcmp(last_pillar, w->pillar) != 0) {
			g++;
			k = 0;
			last_pillar = w->pillar;
			hsetf(r, w->pillar_name, "Form.groups.%d.name", g);
			hsetf(r, w->pillar, "Form.groups.%d.code", g);
		}
		row = hnode(r, "Form.groups.%d.rows.%d", g, k++);
		nset(r, row, "code", w->in.code);
		nset(r, row, "name", w->name);
		nset(r, row, "uom", w->uom);
		nset(r, row, "vtype", w->in.vtype);
		nseti(r, row, "required", w->in.required);
		if (w->in.min) {
			num_display(w->in.min, v, sizeof v);
			nset(r, row, "min", v);
		}
		if (w->in.max) {
			num_display(w->in.max, v, sizeof v);
			nset(r, row, "max", v);
		}
		if (posted) {
			nset(r, row, "value", w->raw);
			nset(r, row, "note", w->note);
			nseti(r, row, "na", w->na);
			if (w->err)
				nset(r, row, "err", w->err);
		} else {
			char cur[8200];
			show(w->in.vtype, w->cur_num, w->cur_text, cur, sizeof cur);
			nset(r, row, "value", cur);
			nset(r, row, "note", w->cur_note);
			nseti(r, row, "na", w->cur_na);
		}
		if (w->prev_na) {
			nset(r, row, "prev_na", "na");
		} else if (w->prev_num || w->prev_text) {
			char prev[8200];
			show(w->in.vtype, w->prev_num, w->prev_text, prev, sizeof prev);
			nset(r, row, "prev", prev);
		}
		if (w->target) {
			num_display(w->target, v, sizeof v);
			nset(r, row, "target", v);
		}
	}
	/* evidence attachments: list and row marks (ui-evidence.c); a failure
	 * shows as Form.evidence.failed, the form itself still shows */
	(void)evidence_form(r, f->sub_id);
	r->tmpl = "report/form.cs";
}

int ui_form_get(struct req *r)
{
	struct form f;
	int rc;

	/* the officers' most visited page: kept per session until anything is
	 * saved anywhere (pagecache.h) */
	if (pagecache_serve(r))
		return E_OK;
	rc = load(r, r->fv[FF_PERIOD].i, &f);
	if (rc == E_OK) {
		const char *imp = req_param(r, "imp");
		put_form(r, &f, 0);
		if (r->fv[FF_DONE].present)
			hset(r, "Form.done", r->fv[FF_DONE].s);
		/* a draft saved from a file: say so, so the officer checks it */
		if (imp != NULL && strcmp(imp, "1") == 0 && r->fv[FF_DONE].present)
			hset(r, "Form.imported_done", "1");
	}
	form_release(&f);
	return rc;
}

/* The web form's fields: v_CODE, n_CODE, na_CODE (checked "1"); a field
 * left out is a blank, as a browser sends every field of the page. */
static int web_get(void *ctx, const char *code, const char **raw, const char **note, int *na)
{
	struct req *r = ctx;
	char key[64];
	const char *v;

	snprintf(key, sizeof key, "v_%s", code);
	*raw = req_param(r, key);
	snprintf(key, sizeof key, "n_%s", code);
	*note = req_param(r, key);
	snprintf(key, sizeof key, "na_%s", code);
	v = req_param(r, key);
	*na = v != NULL && strcmp(v, "1") == 0;
	return 1;
}

/* Reads and checks every value of the source; returns the number of errors. */
static int check_posted(struct req *r, struct form *f, const struct form_src *src)
{
	double jump = strtod(config_get("jump_share", "0.5"), NULL);
	int errors = 0, submit = src->submit;

	for (unsigned i = 0; i < f->nrows; i++) {
		struct row *w = &f->rows[i];
		size_t csz = is_numeric(w->in.vtype) ? 64 : 8200;

		if (!src->get(src->ctx, w->in.code, &w->raw, &w->note, &w->na)) {
			/* kept as stored, written so that it reads back as the same figure */
			if ((w->kept = malloc(8200)) == NULL)
				return -1;
			if (w->cur_num != NULL) {
				/* "1.234" as a plain decimal would read as ambiguous: padded */
				char c[64];
				canon_decimal(w->cur_num, c, sizeof c);
				if (xlsx_plain_number(c, w->kept, 8200) != 0)
					snprintf(w->kept, 8200, "%s", c);
			} else {
				show(w->in.vtype, w->cur_num, w->cur_text, w->kept, 8200);
			}
			w->raw = w->kept;
			w->note = w->cur_note;
			w->na = w->cur_na;
		}
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
		/* a large change since the last period needs a word of explanation */
		if (w->err == NULL && submit && !w->na && w->canon[0] && w->prev_num &&
		    is_numeric(w->in.vtype) && strtod(w->prev_num, NULL) != 0 &&
		    fabs(w->num - strtod(w->prev_num, NULL)) / fabs(strtod(w->prev_num, NULL)) > jump &&
		    (w->note == NULL || w->note[strspn(w->note, " \t\r\n")] == '\0'))
			w->err = "jump_note";
		if (w->err)
			errors++;
	}
	if (!submit || errors)
		return errors;
	/* cross-field rules, as data: checked when both sides are given */
	for (unsigned k = 0; k < f->rd->nrule; k++) {
		const struct ref_rule *rule = &f->rd->rule[k];
		struct row *lw = row_of(f, rule->left), *rw = row_of(f, rule->right);

		if (lw == NULL || rw == NULL || lw->na || rw->na || !lw->canon[0] || !rw->canon[0])
			continue;
		if (!rule_holds(lw->num, rule->op, rw->num)) {
			hsetf(r, strcmp(r->lang, "en") == 0 ? rule->message_en : rule->message,
			      "Form.rules.%d", errors);
			hsetf(r, lw->in.code, "Form.rules.%d.code", errors);
			lw->err = "rule";
			errors++;
		}
	}
	return errors;
}

/* A figure as the audit trail shows it: the value, or "n/a" with the flag. */
static void old_repr(const struct row *w, char *out, size_t n)
{
	if (w->cur_na)
		snprintf(out, n, "n/a");
	else if (w->cur_num)
		canon_decimal(w->cur_num, out, n);
	else
		snprintf(out, n, "%s", w->cur_text ? w->cur_text : "");
}

static int same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

struct changes {
	struct row **row;
	char (*old)[8200];
	char (*ids)[96];
	struct audit_row *audit;
	int n, naudit;
};

/* Which figures differ from what is stored: the not-applicable flag is
 * compared on its own, so a text "n/a" is never taken for the flag. */
static int find_changes(struct form *f, long long sub_id, struct changes *c)
{
	c->row = calloc(f->nrows + 1, sizeof *c->row);
	c->old = calloc(f->nrows + 1, sizeof *c->old);
	c->ids = calloc(f->nrows + 1, sizeof *c->ids);
	c->audit = calloc(f->nrows + 4, sizeof *c->audit);
	if (c->row == NULL || c->old == NULL || c->ids == NULL || c->audit == NULL)
		return E_INTERNAL;
	for (unsigned i = 0; i < f->nrows; i++) {
		struct row *w = &f->rows[i];
		int k = c->n;

		old_repr(w, c->old[k], sizeof c->old[k]);
		if (w->na == w->cur_na && (w->na || strcmp(c->old[k], w->canon) == 0) &&
		    same_text(w->cur_note, w->note))
			continue;
		c->row[c->n++] = w;
		snprintf(c->ids[k], sizeof c->ids[k], "%lld:%s", sub_id, w->in.code);
		c->audit[c->naudit++] = (struct audit_row){
			"set_value", "figure", c->ids[k], w->has_cur ? c->old[k] : NULL,
			w->na ? "n/a" : w->canon, (w->note && w->note[0]) ? w->note : NULL};
	}
	return E_OK;
}

static void changes_free(struct changes *c)
{
	free(c->row);
	free(c->old);
	free(c->ids);
	free(c->audit);
}

/* Writes the changed figures in multi-row statements. */
static int write_figures(struct req *r, struct changes *c, long long sub_id)
{
	for (int done = 0; done < c->n;) {
		int n = c->n - done < BATCH ? c->n - done : BATCH, rc;
		struct dbparam p[BATCH * 7];
		struct buf sql;

		buf_init(&sql);
		buf_adds(&sql, "INSERT INTO figure (submission_id, indicator_id, num_value, "
			       "text_value, not_applicable, note, updated_at, updated_by) VALUES ");
		for (int k = 0; k < n; k++) {
			struct row *w = c->row[done + k];
			struct dbparam *q = &p[k * 7];
			int num = is_numeric(w->in.vtype) && !w->na && w->canon[0];
			int text = !is_numeric(w->in.vtype) && !w->na && w->canon[0];

			buf_adds(&sql, k ? ",(?,?,?,?,?,?,UTC_TIMESTAMP(),?)" : "(?,?,?,?,?,?,UTC_TIMESTAMP(),?)");
			q[0] = (struct dbparam){'i', sub_id, 0, NULL, 0};
			q[1] = (struct dbparam){'i', w->in.id, 0, NULL, 0};
			q[2] = (struct dbparam){'s', 0, 0, num ? w->canon : NULL, 0};
			q[3] = (struct dbparam){'s', 0, 0, text ? w->canon : NULL, 0};
			q[4] = (struct dbparam){'i', w->na, 0, NULL, 0};
			q[5] = (struct dbparam){'s', 0, 0, (w->note && w->note[0]) ? w->note : NULL, 0};
			q[6] = (struct dbparam){'i', r->user.id, 0, NULL, 0};
		}
		buf_adds(&sql, " ON DUPLICATE KEY UPDATE num_value = VALUES(num_value), "
			       "text_value = VALUES(text_value), not_applicable = VALUES(not_applicable), "
			       "note = VALUES(note), updated_at = VALUES(updated_at), "
			       "updated_by = VALUES(updated_by)");
		rc = db_exec_text(buf_str(&sql), NULL, p, n * 7);
		buf_free(&sql);
		if (rc != E_OK)
			return rc;
		done += n;
	}
	return E_OK;
}

static int save(struct req *r, struct form *f, const struct form_src *src)
{
	struct dbres chk;
	struct changes c;
	long long sub_id = f->sub_id, version = f->version;
	const char *problems = f->in_problems, *proposals = f->in_proposals;
	int submit = src->submit;
	char sid[24], ver[24];
	int rc;

	memset(&c, 0, sizeof c);
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
			     (const char *)NULL, (const char *)NULL, r->user.id, r->user.id);
		if (rc == E_DUP)
			rc = E_CONFLICT;  /* someone else created it meanwhile */
		if (rc != E_OK)
			goto fail;
		sub_id = (long long)db_insert_id();
		version = 1;
	}
	rc = db_exec(ST_SUB_UPDATE, NULL, "ssiiiiiii", problems, proposals, r->user.id,
		     (long long)submit, (long long)submit, (long long)submit, r->user.id, sub_id, version);
	if (rc != E_OK)
		goto fail;
	if (db_affected() != 1) {
		rc = E_CONFLICT;
		goto fail;
	}
	if ((rc = find_changes(f, sub_id, &c)) != E_OK || (rc = write_figures(r, &c, sub_id)) != E_OK)
		goto fail;
	snprintf(sid, sizeof sid, "%lld", sub_id);
	snprintf(ver, sizeof ver, "%lld", version + 1);
	if (!same_text(f->problems, problems))
		c.audit[c.naudit++] = (struct audit_row){"set_problems", "submission", sid,
							 f->problems, problems, NULL};
	if (!same_text(f->proposals, proposals))
		c.audit[c.naudit++] = (struct audit_row){"set_proposals", "submission", sid,
							 f->proposals, proposals, NULL};
	c.audit[c.naudit++] = (struct audit_row){submit ? "submit" : "save_draft", "submission", sid,
						 NULL, ver, NULL};
	if (src->origin != NULL)
		c.audit[c.naudit++] = (struct audit_row){"import_file", "submission", sid, NULL,
							 src->origin, NULL};
	if ((rc = audit_many(r, c.audit, c.naudit)) != E_OK)
		goto fail;
	changes_free(&c);
	return db_commit();
fail:
	changes_free(&c);
	db_rollback();
	return rc;
}

int form_apply(struct req *r, const struct form_src *src)
{
	struct form f;
	int submit = src->submit;
	long long posted_version = src->version;
	int rc = load(r, src->period_id, &f), errors;

	if (rc != E_OK)
		goto out;
	f.in_problems = src->problems;
	f.in_proposals = src->proposals;
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
	errors = check_posted(r, &f, src);
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
	rc = save(r, &f, src);
	if (rc == E_CONFLICT) {
		put_form(r, &f, 1);
		hset(r, "Form.conflict", "1");
		r->status = 409;
		rc = E_OK;
	} else if (rc == E_OK) {
		char loc[96];
		snprintf(loc, sizeof loc, "/report/form?period=%lld&done=%s%s", f.period_id,
			 submit ? "submitted" : "saved", src->origin ? "&imp=1" : "");
		req_redirect(r, loc);
	}
out:
	form_release(&f);
	return rc;
}

int ui_form_post(struct req *r)
{
	struct form_src src = {
		r->fv[FF_PERIOD].i,
		r->fv[FF_VERSION].present ? r->fv[FF_VERSION].i : -1,
		r->fv[FF_ACTION].present && strcmp(r->fv[FF_ACTION].s, "submit") == 0,
		r->fv[FF_PROBLEMS].s, r->fv[FF_PROPOSALS].s, web_get, r, NULL};

	return form_apply(r, &src);
}
