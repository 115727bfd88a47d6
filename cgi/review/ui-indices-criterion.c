/* One criterion of an index version, its page showing the indicators that
 * feed it (changed through ui-indices-mapping.c):
 *   /review/index-criterion        GET: add form (?version=) or a criterion's page (?id=);
 *                                  POST: add or edit its fields
 *   /review/index-criterion-state  POST: retire / reactivate, verify / unverify
 * Edits carry the fingerprint of the row they were drawn from (fp): a save
 * over a colleague's newer change is refused with 409 and nothing written.
 * Audited as entity "index_criterion", entity_id the criterion's id. */
#define REFDATA_IMPL
#define INDICES_IMPL
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/db.h"
#include "../lib/indicator.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

#define DONE_WORDS "created|saved|retired|reactivated|verified|unverified|map_added|map_saved|" \
	"map_removed"
#define SCORINGS "ratio|tiers|role|evidence|value|survey|other"

/* The editable fields, in the order of the first columns of Q_CGET: form
 * names, HDF names (F.<name>, E.<name>) and audit actions (set_<name>). */
enum {
	X_PARENT, X_CODE, X_NAME, X_NAME_EN, X_MAX, X_SCORING, X_STEXT, X_EVID, X_DSRC, X_VERIFIER,
	X_KINDS, X_VERIFIED, X_SOURCE, X_SORT, X_N
};
enum { C_ACTIVE = X_N, C_VERSION, C_ID };

static const char *const xname[X_N] = {
	"parent", "code", "name", "name_en", "max_points", "scoring", "scoring_text",
	"evidence_text", "data_source", "verifier", "unit_kinds", "verified", "source", "sort"};

#define CRIT_COLS "COALESCE(parent_id, 0), code, name, name_en, max_points, scoring, scoring_text, " \
	"evidence_text, data_source, verifier, unit_kinds, verified, source, sort, active, " \
	"version_id, id"

enum {
	Q_VER, Q_CGET, Q_CLOCK, Q_CRITS, Q_CDUP, Q_MAXSORT, Q_CINSERT, Q_CUPDATE, Q_CACTIVE,
	Q_CVERIFIED, Q_CHILDREN, Q_MAPS, Q_INDS, Q_N
};

static const char *const sql[Q_N] = {
	/* Q_VER */
	"SELECT id, code, name FROM index_version WHERE id = ?",
	/* Q_CGET */
	"SELECT " CRIT_COLS " FROM index_criterion WHERE id = ?",
	/* Q_CLOCK */
	"SELECT " CRIT_COLS " FROM index_criterion WHERE id = ? FOR UPDATE",
	/* Q_CRITS: the parent choices (and the loop check) */
	"SELECT id, COALESCE(parent_id, 0), code, name, name_en, active FROM index_criterion "
	"WHERE version_id = ? ORDER BY sort, code",
	/* Q_CDUP */
	"SELECT id FROM index_criterion WHERE version_id = ? AND code = ? AND id <> ?",
	/* Q_MAXSORT: a new criterion goes last */
	"SELECT COALESCE(MAX(sort), 0) + 10 FROM index_criterion WHERE version_id = ?",
	/* Q_CINSERT */
	"INSERT INTO index_criterion (parent_id, code, name, name_en, max_points, scoring, "
	"scoring_text, evidence_text, data_source, verifier, unit_kinds, verified, source, sort, "
	"version_id, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
	/* Q_CUPDATE */
	"UPDATE index_criterion SET parent_id = ?, code = ?, name = ?, name_en = ?, max_points = ?, "
	"scoring = ?, scoring_text = ?, evidence_text = ?, data_source = ?, verifier = ?, "
	"unit_kinds = ?, verified = ?, source = ?, sort = ? WHERE id = ?",
	/* Q_CACTIVE */
	"UPDATE index_criterion SET active = ? WHERE id = ?",
	/* Q_CVERIFIED */
	"UPDATE index_criterion SET verified = ? WHERE id = ?",
	/* Q_CHILDREN: the active children, for the points warning */
	"SELECT id, code, name, name_en, max_points FROM index_criterion "
	"WHERE parent_id = ? AND active = 1 ORDER BY sort, code",
	/* Q_MAPS */
	"SELECT i.id, i.code, i.name, i.name_en, i.uom, ci.factor, ci.offset_value, ci.uom, ci.note, "
	"ci.verified, i.active FROM criterion_indicator ci JOIN indicator i ON i.id = ci.indicator_id "
	"WHERE ci.criterion_id = ? ORDER BY i.code",
	/* Q_INDS: a mapping's choices: active indicators only */
	"SELECT id, code, name, name_en, uom FROM indicator WHERE active = 1 ORDER BY code",
};

static struct stmt_table tab = STMT_TABLE(sql);

const struct field ix_crit_fields[] = {
	{"id", F_INT, 1, IX_ID_MAX, 0, NULL},
	{"version", F_INT, 1, IX_ID_MAX, 0, NULL},
	{"parent", F_INT, 0, IX_ID_MAX, 0, NULL},
	{"done", F_WORD, 0, 0, 0, DONE_WORDS},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FC_ID, FC_VERSION, FC_PARENT, FC_DONE };

const struct field ix_cstate_fields[] = {
	{"id", F_INT, 1, IX_ID_MAX, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "retire|reactivate|verify|unverify"},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FS_ID, FS_ACTION };

/* ---- a criterion's fields ---- */

struct crit {
	const char *v[X_N];      /* as stored: canonical numbers, "" for NULL, parent "0" for none */
	const char *show[X_N];   /* as shown in the form */
	char max[48], maxs[48], kinds[64], sort[24], parent[24];
};

static void from_row(struct crit *f, const struct dbres *res)
{
	memset(f, 0, sizeof *f);
	for (int i = 0; i < X_N; i++) {
		const char *v = dbres_get(res, 0, (unsigned)i);
		f->v[i] = f->show[i] = v ? v : "";
	}
	canon_decimal(dbres_get(res, 0, X_MAX), f->max, sizeof f->max);
	rd_num_show(dbres_get(res, 0, X_MAX), f->maxs, sizeof f->maxs);
	f->v[X_MAX] = f->max;
	f->show[X_MAX] = f->maxs;
}

/* The row of crits whose id is id, or -1. */
static int crit_row(const struct dbres *crits, long long id)
{
	for (unsigned i = 0; i < crits->nrows; i++)
		if (dbres_int(crits, i, 0) == id)
			return (int)i;
	return -1;
}

/* Whether making parent the parent of self would close a loop. */
static int makes_loop(const struct dbres *crits, long long self, long long parent)
{
	for (int hops = 0; parent != 0 && hops < 64; hops++) {
		int i;

		if (parent == self)
			return 1;
		if ((i = crit_row(crits, parent)) < 0)
			return 0;
		parent = dbres_int(crits, (unsigned)i, 1);
	}
	return parent != 0;
}

/* Reads and checks the posted fields; returns the number of errors. */
static int from_post(struct req *r, struct crit *f, long long self, const struct dbres *crits,
		     const char *old_sort)
{
	const char *s, *e;
	int nerr = 0;

	memset(f, 0, sizeof *f);
	for (int i = 0; i < X_N; i++)
		f->v[i] = f->show[i] = "";
	if (rd_field(r, &nerr, "parent", 12, 0, &s)) {
		snprintf(f->parent, sizeof f->parent, "0");
		if (*s && strcmp(s, "0") != 0) {
			char canon[24];
			long long p = 0;
			if (rd_num(s, 1, canon, sizeof canon) == NULL)
				p = atoll(canon);
			if (p <= 0 || crit_row(crits, p) < 0)
				rd_err(r, &nerr, "parent", "choose", 0);
			else if (makes_loop(crits, self, p))
				rd_err(r, &nerr, "parent", "parent_loop", 0);
			else
				snprintf(f->parent, sizeof f->parent, "%lld", p);
		}
		f->v[X_PARENT] = f->parent;
	}
	if (rd_field(r, &nerr, "code", 32, 1, &f->v[X_CODE]) && !ix_code_ok(f->v[X_CODE]))
		rd_err(r, &nerr, "code", "crit_code", 0);
	rd_field(r, &nerr, "name", 500, 1, &f->v[X_NAME]);
	rd_field(r, &nerr, "name_en", 500, 0, &f->v[X_NAME_EN]);
	if (rd_field(r, &nerr, "max_points", 20, 0, &s)) {
		f->show[X_MAX] = s;
		f->v[X_MAX] = f->max;
		if (*s && (e = ix_dec(s, 8, 2, 0, f->max, sizeof f->max)) != NULL)
			rd_err(r, &nerr, "max_points", e, 0);
	}
	if (rd_field(r, &nerr, "scoring", 16, 1, &f->v[X_SCORING]) &&
	    !list_has(SCORINGS, '|', f->v[X_SCORING]))
		rd_err(r, &nerr, "scoring", "choose", 0);
	rd_field(r, &nerr, "scoring_text", 2000, 0, &f->v[X_STEXT]);
	rd_field(r, &nerr, "evidence_text", 1000, 0, &f->v[X_EVID]);
	rd_field(r, &nerr, "data_source", 500, 0, &f->v[X_DSRC]);
	rd_field(r, &nerr, "verifier", 255, 0, &f->v[X_VERIFIER]);
	f->v[X_KINDS] = f->kinds;
	if (!rd_kinds_post(r, f->kinds, sizeof f->kinds))
		rd_err(r, &nerr, "unit_kinds", "choose_kind", 0);
	f->v[X_VERIFIED] = ix_checked(rd_body(r, "verified")) ? "1" : "0";
	rd_field(r, &nerr, "source", 500, 0, &f->v[X_SOURCE]);
	if (rd_sort(r, &nerr, old_sort, f->sort, sizeof f->sort, &f->show[X_SORT]))
		f->v[X_SORT] = f->sort;
	for (int i = 0; i < X_N; i++)
		if (i != X_MAX && i != X_SORT)
			f->show[i] = f->v[i];
	return nerr;
}

static struct dbparam bind_one(const struct crit *f, int i)
{
	struct dbparam p;

	memset(&p, 0, sizeof p);
	p.type = 's';
	switch (i) {
	case X_PARENT:
		if (atoll(f->v[i]) > 0) {
			p.type = 'i';
			p.i = atoll(f->v[i]);
		}
		break;
	case X_VERIFIED:
	case X_SORT:
		p.type = 'i';
		p.i = atoll(f->v[i]);
		break;
	case X_CODE:
	case X_NAME:
	case X_SCORING:
	case X_KINDS:
		p.s = f->v[i];
		break;
	default:
		p.s = ix_nz(f->v[i]);
	}
	return p;
}

/* ---- the page ---- */

/* The parent choices: every other criterion of the version, not below self. */
static void put_parents(struct req *r, const struct dbres *crits, long long self)
{
	char label[700];
	int en = ix_is_en(r), k = 0;

	for (unsigned i = 0; i < crits->nrows; i++) {
		long long id = dbres_int(crits, i, 0);
		HDF *n;

		if (self && (id == self || makes_loop(crits, self, id)))
			continue;
		n = hnode(r, "Parents.%d", k++);
		nset(r, n, "id", dbres_get(crits, i, 0));
		snprintf(label, sizeof label, "%s – %s%s", dbres_get(crits, i, 2),
			 dbres_get(crits, i, en && dbres_get(crits, i, 4) ? 4 : 3),
			 dbres_int(crits, i, 5) ? "" : (en ? " (retired)" : " (đã ngừng)"));
		nset(r, n, "label", label);
	}
}

static int put_mappings(struct req *r, long long id, const struct ix_merr *me)
{
	struct dbres res = {0};
	char label[700], fp[17];
	int rc, en = ix_is_en(r);

	if ((rc = db_tab_exec(&tab, Q_MAPS, &res, "i", id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Maps.%u", i);

		ix_put_map(r, n, &res, i, 0);
		ix_fp(&res, i, 5, 10, fp);
		nset(r, n, "fp", fp);
		if (me != NULL && me->ind == dbres_int(&res, i, 0)) {
			/* the refused edit, as typed */
			nset(r, n, "factor", me->factor);
			nset(r, n, "offset", me->offset);
			nset(r, n, "uom", me->uom);
			nset(r, n, "note", me->note);
			nset(r, n, "err", me->err);
		}
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_INDS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Inds.%u", i);

		nset(r, n, "id", dbres_get(&res, i, 0));
		snprintf(label, sizeof label, "%s – %s (%s)", dbres_get(&res, i, 1),
			 dbres_get(&res, i, en ? 3 : 2), dbres_get(&res, i, 4));
		nset(r, n, "label", label);
	}
	dbres_free(&res);
	return E_OK;
}

/* Children's points against the criterion's own: a warning, never a block. */
static int put_children(struct req *r, long long id, const char *max)
{
	struct dbres res = {0};
	char v[48], s[48];
	double sum = 0;
	int rc, en = ix_is_en(r), npts = 0;

	if ((rc = db_tab_exec(&tab, Q_CHILDREN, &res, "i", id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Children.%u", i);

		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "code", dbres_get(&res, i, 1));
		nset(r, n, "name", dbres_get(&res, i, en && dbres_get(&res, i, 3) ? 3 : 2));
		rd_num_show(dbres_get(&res, i, 4), v, sizeof v);
		nset(r, n, "max_points", v);
		if (dbres_get(&res, i, 4) != NULL) {
			sum += strtod(dbres_get(&res, i, 4), NULL);
			npts++;
		}
	}
	if (npts > 0) {
		snprintf(s, sizeof s, "%.2f", sum);
		rd_num_show(s, v, sizeof v);
		hset(r, "Crit.childsum", v);
		if (max != NULL && *max && sum > strtod(max, NULL) + 1e-9)
			hset(r, "Crit.over", "1");
	}
	dbres_free(&res);
	return E_OK;
}

/* The criterion id (none when 0) with its version (else version *vid) and
 * the version's criteria. */
static int load(long long id, long long *vid, struct dbres *row, struct dbres *ver,
		struct dbres *crits)
{
	int rc;

	if (id) {
		if ((rc = db_tab_exec(&tab, Q_CGET, row, "i", id)) != E_OK)
			return rc;
		if (row->nrows != 1)
			return E_NOTFOUND;
		*vid = dbres_int(row, 0, C_VERSION);
	}
	if ((rc = db_tab_exec(&tab, Q_VER, ver, "i", *vid)) != E_OK)
		return rc;
	if (ver->nrows != 1)
		return E_NOTFOUND;
	return db_tab_exec(&tab, Q_CRITS, crits, "i", *vid);
}

/* The page of one criterion (id 0: the add form for version vid). */
static int show_page(struct req *r, long long id, long long vid, const struct crit *posted,
		     const struct ix_merr *me)
{
	struct dbres row = {0}, ver = {0}, crits = {0};
	struct crit f;
	char fp[17];
	int rc;

	review_nav(r, "indices");
	r->tmpl = "review/indices-criterion.cs";
	if ((rc = load(id, &vid, &row, &ver, &crits)) != E_OK)
		goto out;
	hset(r, "Ver.id", dbres_get(&ver, 0, 0));
	hset(r, "Ver.code", dbres_get(&ver, 0, 1));
	hset(r, "Ver.name", dbres_get(&ver, 0, 2));
	put_parents(r, &crits, id);
	if (id == 0) {
		hset(r, "Crit.new", "1");
		if (posted)
			rd_put_form(r, xname, posted->show, X_N, posted->v[X_KINDS]);
		goto out;
	}
	from_row(&f, &row);
	hseti(r, "Crit.id", id);
	hset(r, "Crit.code", f.v[X_CODE]);
	hset(r, "Crit.name", f.v[ix_is_en(r) && *f.v[X_NAME_EN] ? X_NAME_EN : X_NAME]);
	hset(r, "Crit.active", dbres_get(&row, 0, C_ACTIVE));
	hset(r, "Crit.verified", f.v[X_VERIFIED]);
	ix_fp(&row, 0, 0, C_ACTIVE + 1, fp);
	hset(r, "Crit.fp", fp);
	if (posted == NULL)
		posted = &f;
	rd_put_form(r, xname, posted->show, X_N, posted->v[X_KINDS]);
	/* the add-mapping form starts from "no conversion" */
	if (hdf_get_value(r->hdf, "F.m_factor", NULL) == NULL)
		hset(r, "F.m_factor", "1");
	if ((rc = put_children(r, id, f.v[X_MAX])) != E_OK)
		goto out;
	rc = put_mappings(r, id, me);
out:
	dbres_free(&row);
	dbres_free(&ver);
	dbres_free(&crits);
	return rc;
}

int ix_crit_get(struct req *r)
{
	long long id = r->fv[FC_ID].present ? r->fv[FC_ID].i : 0;

	if (r->fv[FC_DONE].present)
		hset(r, "Page.done", r->fv[FC_DONE].s);
	if (id == 0) {
		if (!r->fv[FC_VERSION].present) {
			r->bad_field = "version";
			return E_BADREQ;
		}
		hset(r, "F.scoring", "other");
		hset(r, "F.unit_kinds.department", "1");
		hset(r, "F.unit_kinds.district", "1");
		hset(r, "F.unit_kinds.commune", "1");
		if (r->fv[FC_PARENT].present)
			hseti(r, "F.parent", r->fv[FC_PARENT].i);
		return show_page(r, 0, r->fv[FC_VERSION].i, NULL, NULL);
	}
	return show_page(r, id, 0, NULL, NULL);
}

/* ---- adding and editing ---- */

static void describe(struct buf *b, const char *vcode, const struct crit *f)
{
	rd_kv(b, "version", vcode);
	for (int i = 0; i < X_N; i++)
		rd_kv(b, xname[i], f->v[i]);
}

static int insert(struct req *r, long long vid, const char *vcode, struct crit *f, long long *id)
{
	struct dbparam p[X_N + 1];
	struct dbres ms = {0};
	struct buf b;
	char eid[24];
	int rc;

	if ((rc = db_begin()) != E_OK)
		return rc;
	if (f->v[X_SORT][0] == '\0') {
		if ((rc = db_tab_exec(&tab, Q_MAXSORT, &ms, "i", vid)) != E_OK)
			goto fail;
		snprintf(f->sort, sizeof f->sort, "%lld", dbres_int(&ms, 0, 0));
		f->v[X_SORT] = f->sort;
		dbres_free(&ms);
	}
	for (int i = 0; i < X_N; i++)
		p[i] = bind_one(f, i);
	p[X_N] = (struct dbparam){'i', vid, 0, NULL, 0};
	if ((rc = db_tab_execv(&tab, Q_CINSERT, NULL, p, X_N + 1)) != E_OK)
		goto fail;
	*id = (long long)db_insert_id();
	snprintf(eid, sizeof eid, "%lld", *id);
	buf_init(&b);
	describe(&b, vcode, f);
	rc = audit(r, "criterion_add", "index_criterion", eid, NULL, buf_str(&b), NULL);
	buf_free(&b);
	if (rc != E_OK)
		goto fail;
	return db_commit();
fail:
	db_rollback();
	return rc;
}

/* Writes the changed fields, one audit row per field; *why is set (and
 * nothing written) when the row changed since the form was drawn. */
static int update(struct req *r, long long id, struct crit *f, const char **why)
{
	struct dbres cur = {0};
	struct crit o;
	struct audit_row rows[X_N];
	struct dbparam p[X_N + 1];
	char act[X_N][32], eid[24], fp[17];
	const char *posted_fp = rd_body(r, "fp");
	int rc, n = 0;

	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_CLOCK, &cur, "i", id)) != E_OK)
		goto fail;
	if (cur.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	ix_fp(&cur, 0, 0, C_ACTIVE + 1, fp);
	if (posted_fp == NULL || strcmp(posted_fp, fp) != 0) {
		*why = "conflict";
		rc = E_OK;
		goto fail;
	}
	from_row(&o, &cur);
	if (f->v[X_SORT][0] == '\0')
		f->v[X_SORT] = o.v[X_SORT];
	snprintf(eid, sizeof eid, "%lld", id);
	n = rd_changes(rows, act, "index_criterion", eid, xname, o.v, f->v, 0, X_N);
	if (n == 0) {
		db_rollback();
		dbres_free(&cur);
		return E_OK;
	}
	for (int i = 0; i < X_N; i++)
		p[i] = bind_one(f, i);
	p[X_N] = (struct dbparam){'i', id, 0, NULL, 0};
	if ((rc = db_tab_execv(&tab, Q_CUPDATE, NULL, p, X_N + 1)) != E_OK)
		goto fail;
	if ((rc = audit_many(r, rows, n)) != E_OK)
		goto fail;
	rc = db_commit();
	dbres_free(&cur);
	return rc;
fail:
	db_rollback();
	dbres_free(&cur);
	return rc;
}

int ix_crit_post(struct req *r)
{
	long long id = r->fv[FC_ID].present ? r->fv[FC_ID].i : 0, vid, nid;
	struct dbres old = {0}, ver = {0}, crits = {0}, dup = {0};
	struct crit f;
	const char *why = NULL;
	char loc[112];
	int rc, nerr;

	if (id == 0 && !r->fv[FC_VERSION].present) {
		r->bad_field = "version";
		return E_BADREQ;
	}
	vid = id ? 0 : r->fv[FC_VERSION].i;
	if ((rc = load(id, &vid, &old, &ver, &crits)) != E_OK)
		goto out;
	nerr = from_post(r, &f, id, &crits, id ? dbres_get(&old, 0, X_SORT) : NULL);
	if (nerr == 0) {
		/* the unique key (version, code) refuses it too: this gives the message */
		if ((rc = db_tab_exec(&tab, Q_CDUP, &dup, "isi", vid, f.v[X_CODE], id)) != E_OK)
			goto out;
		if (dup.nrows > 0)
			rd_err(r, &nerr, "code", "code_exists", 0);
	}
	if (nerr == 0) {
		nid = id;
		rc = id ? update(r, id, &f, &why) : insert(r, vid, dbres_get(&ver, 0, 1), &f, &nid);
		if (rc == E_DUP) {
			rd_err(r, &nerr, "code", "code_exists", 0);
			rc = E_OK;
		} else if (rc != E_OK) {
			goto out;
		} else if (why != NULL) {
			/* show what is stored now, with the message */
			r->status = 409;
			hset(r, "Page.conflict", "1");
			rc = show_page(r, id, vid, NULL, NULL);
			goto out;
		} else {
			snprintf(loc, sizeof loc, "/review/index-criterion?id=%lld&done=%s", nid,
				 id ? "saved" : "created");
			req_redirect(r, loc);
			goto out;
		}
	}
	rd_refuse(r, NULL, 0, nerr);
	rc = show_page(r, id, vid, &f, NULL);
out:
	dbres_free(&old);
	dbres_free(&ver);
	dbres_free(&crits);
	dbres_free(&dup);
	return rc;
}

int ix_crit_state(struct req *r)
{
	static const struct rd_flag active = {&tab, Q_CLOCK, Q_CACTIVE, C_ACTIVE, -1, "active",
					      "index_criterion"};
	static const struct rd_flag verified = {&tab, Q_CLOCK, Q_CVERIFIED, X_VERIFIED, -1,
						"verified", "index_criterion"};
	static const char *const done[] = {"retired", "reactivated", "unverified", "verified"};
	long long id = r->fv[FS_ID].i;
	const char *action = r->fv[FS_ACTION].s;
	int on = strcmp(action, "reactivate") == 0 || strcmp(action, "verify") == 0;
	int active_flag = strcmp(action, "retire") == 0 || strcmp(action, "reactivate") == 0;
	char act[32], loc[112];
	int rc;

	snprintf(act, sizeof act, "criterion_%s", action);
	if ((rc = rd_set_flag(r, active_flag ? &active : &verified, id, on, act)) != E_OK)
		return rc;
	snprintf(loc, sizeof loc, "/review/index-criterion?id=%lld&done=%s", id,
		 done[(active_flag ? 0 : 2) + on]);
	req_redirect(r, loc);
	return E_OK;
}

int ix_crit_page(struct req *r, long long id, const struct ix_merr *me)
{
	return show_page(r, id, 0, NULL, me);
}
