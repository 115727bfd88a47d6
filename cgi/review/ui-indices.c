/* The national indices, kept as data by the working group:
 *   /review/indices              GET: indices and their versions; POST: add a version
 *   /review/index-version        GET: one version's criteria tree, the indicators
 *                                mapped to each criterion and the gaps
 *   /review/index-version-state  POST: mark a version verified or not
 * A version's code is what exports and the audit trail name it by: unique,
 * fixed once created.  Audited as entity "index_version", entity_id the
 * version's code. */
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

#define DONE_WORDS "created|saved|verified|unverified"
#define TREE_MAX 2000       /* criteria drawn per version */
#define DEPTH_MAX 8         /* deeper than any index numbers its criteria */

enum {
	Q_INDICES, Q_VERSIONS, Q_VCODE, Q_VINSERT, Q_VGET, Q_VLOCK, Q_VSTATE, Q_CRITS, Q_MAPS,
	Q_VEDIT, Q_VEDIT_LOCK, Q_VUPDATE, Q_N
};

/* The editable columns of a version, in the order of Q_VEDIT. */
enum { V_NAME, V_DECISION, V_FROM, V_TO, V_MAX, V_SOURCE, V_N };
static const char *const vname[V_N] = {"name", "decision", "year_from", "year_to", "max_points",
					"source"};
#define VEDIT_COLS "name, decision, year_from, year_to, max_points, source, code"

static const char *const sql[Q_N] = {
	/* Q_INDICES */
	"SELECT code, name, name_en, owner FROM nat_index ORDER BY sort, code",
	/* Q_VERSIONS */
	"SELECT v.id, v.index_code, v.code, v.name, v.decision, v.year_from, v.year_to, "
	"v.max_points, v.verified, v.source, "
	"(SELECT COUNT(*) FROM index_criterion c WHERE c.version_id = v.id AND c.active = 1), "
	"(SELECT COUNT(*) FROM criterion_indicator ci JOIN index_criterion c ON c.id = ci.criterion_id "
	" WHERE c.version_id = v.id AND c.active = 1) "
	"FROM index_version v ORDER BY v.index_code, v.year_from DESC, v.code",
	/* Q_VCODE */
	"SELECT id FROM index_version WHERE code = ?",
	/* Q_VINSERT */
	"INSERT INTO index_version (index_code, code, name, decision, year_from, year_to, max_points, "
	"verified, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* Q_VGET */
	"SELECT v.id, v.index_code, v.code, v.name, v.decision, v.year_from, v.year_to, "
	"v.max_points, v.verified, v.source, n.name, n.name_en "
	"FROM index_version v JOIN nat_index n ON n.code = v.index_code WHERE v.id = ?",
	/* Q_VLOCK */
	"SELECT id, code, verified FROM index_version WHERE id = ? FOR UPDATE",
	/* Q_VSTATE */
	"UPDATE index_version SET verified = ? WHERE id = ?",
	/* Q_CRITS: a version's criteria; the tree is drawn from parent_id */
	"SELECT id, COALESCE(parent_id, 0), code, name, name_en, max_points, scoring, scoring_text, "
	"evidence_text, data_source, verifier, unit_kinds, verified, source, active "
	"FROM index_criterion WHERE version_id = ? ORDER BY sort, code",
	/* Q_MAPS */
	"SELECT ci.criterion_id, i.id, i.code, i.name, i.name_en, i.uom, ci.factor, ci.offset_value, "
	"ci.uom, ci.note, ci.verified, i.active FROM criterion_indicator ci "
	"JOIN index_criterion c ON c.id = ci.criterion_id JOIN indicator i ON i.id = ci.indicator_id "
	"WHERE c.version_id = ? ORDER BY ci.criterion_id, i.code",
	/* Q_VEDIT */
	"SELECT " VEDIT_COLS " FROM index_version WHERE id = ?",
	/* Q_VEDIT_LOCK */
	"SELECT " VEDIT_COLS " FROM index_version WHERE id = ? FOR UPDATE",
	/* Q_VUPDATE */
	"UPDATE index_version SET name = ?, decision = ?, year_from = ?, year_to = ?, max_points = ?, "
	"source = ? WHERE id = ?",
};

static struct stmt_table tab = STMT_TABLE(sql);

const struct field ix_list_fields[] = {
	{"done", F_WORD, 0, 0, 0, DONE_WORDS},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FL_DONE };

const struct field ix_version_fields[] = {
	{"id", F_INT, 1, IX_ID_MAX, 1, NULL},
	{"done", F_WORD, 0, 0, 0, DONE_WORDS},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FV_ID, FV_DONE };

const struct field ix_vstate_fields[] = {
	{"id", F_INT, 1, IX_ID_MAX, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "verify|unverify"},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FS_ID, FS_ACTION };

/* The add form's fields, kept as typed when refused. */
static const char *const vfield[] = {"index_code", "code", "name", "decision", "year_from",
				     "year_to", "max_points", "source", "verified"};

/* ---- the list ---- */

static int show_list(struct req *r)
{
	struct dbres idx = {0}, ver = {0};
	char pts[48];
	int rc, en = ix_is_en(r);

	review_nav(r, "indices");
	r->tmpl = "review/indices.cs";
	if ((rc = db_tab_exec(&tab, Q_INDICES, &idx, "")) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_VERSIONS, &ver, "")) != E_OK)
		goto out;
	for (unsigned i = 0; i < idx.nrows; i++) {
		HDF *n = hnode(r, "Indices.%u", i);
		int k = 0;

		nset(r, n, "code", dbres_get(&idx, i, 0));
		nset(r, n, "name", dbres_get(&idx, i, en ? 2 : 1));
		nset(r, n, "owner", dbres_get(&idx, i, 3));
		for (unsigned j = 0; j < ver.nrows; j++) {
			HDF *v;

			if (strcmp(dbres_get(&ver, j, 1), dbres_get(&idx, i, 0)) != 0)
				continue;
			v = hnode(r, "Indices.%u.versions.%d", i, k++);
			nset(r, v, "id", dbres_get(&ver, j, 0));
			nset(r, v, "code", dbres_get(&ver, j, 2));
			nset(r, v, "name", dbres_get(&ver, j, 3));
			nset(r, v, "decision", dbres_get(&ver, j, 4));
			nset(r, v, "year_from", dbres_get(&ver, j, 5));
			nset(r, v, "year_to", dbres_get(&ver, j, 6));
			rd_num_show(dbres_get(&ver, j, 7), pts, sizeof pts);
			nset(r, v, "max_points", pts);
			nset(r, v, "verified", dbres_get(&ver, j, 8));
			nset(r, v, "source", dbres_get(&ver, j, 9));
			nset(r, v, "ncrit", dbres_get(&ver, j, 10));
			nset(r, v, "nmap", dbres_get(&ver, j, 11));
		}
	}
out:
	dbres_free(&idx);
	dbres_free(&ver);
	return rc;
}

int ix_list_get(struct req *r)
{
	if (r->fv[FL_DONE].present)
		hset(r, "Page.done", r->fv[FL_DONE].s);
	return show_list(r);
}

/* A year as typed; 0 when blank (and not required). */
static long long year_field(struct req *r, int *nerr, const char *name, int required)
{
	const char *s;
	char canon[24];

	if (!rd_field(r, nerr, name, 4, required, &s) || *s == '\0')
		return 0;
	if (rd_num(s, 1, canon, sizeof canon) != NULL || atoll(canon) < 1990 || atoll(canon) > 2100) {
		rd_err(r, nerr, name, "year", 0);
		return -1;
	}
	return atoll(canon);
}

/* A version's fields as posted (index and code only when creating). */
struct verf {
	const char *index, *code, *name, *decision, *pts, *source;
	char ptc[48], yf[24], yt[24];
	long long from, to;
};

static int read_version(struct req *r, struct verf *v, int creating, const struct dbres *idx)
{
	const char *e;
	int nerr = 0, known = 0;

	memset(v, 0, sizeof *v);
	v->index = v->code = "";
	if (creating && rd_field(r, &nerr, "index_code", 16, 1, &v->index)) {
		for (unsigned i = 0; i < idx->nrows; i++)
			known |= strcmp(dbres_get(idx, i, 0), v->index) == 0;
		if (!known)
			rd_err(r, &nerr, "index_code", "choose", 0);
	}
	if (creating && rd_field(r, &nerr, "code", 32, 1, &v->code) && !rd_code_ok(v->code))
		rd_err(r, &nerr, "code", "code", 0);
	rd_field(r, &nerr, "name", 255, 1, &v->name);
	rd_field(r, &nerr, "decision", 255, 0, &v->decision);
	v->from = year_field(r, &nerr, "year_from", 1);
	v->to = year_field(r, &nerr, "year_to", 0);
	if (v->from > 0 && v->to > 0 && v->to < v->from)
		rd_err(r, &nerr, "year_to", "years", 0);
	if (rd_field(r, &nerr, "max_points", 20, 0, &v->pts) && *v->pts &&
	    (e = ix_dec(v->pts, 8, 2, 0, v->ptc, sizeof v->ptc)) != NULL)
		rd_err(r, &nerr, "max_points", e, 0);
	rd_field(r, &nerr, "source", 500, 0, &v->source);
	snprintf(v->yf, sizeof v->yf, "%lld", v->from > 0 ? v->from : 0);
	if (v->to > 0)
		snprintf(v->yt, sizeof v->yt, "%lld", v->to);
	return nerr;
}

int ix_list_post(struct req *r)
{
	struct dbres idx = {0}, dup = {0};
	struct dbparam p[9];
	struct verf v;
	char loc[96];
	int rc, nerr, verified = ix_checked(rd_body(r, "verified"));
	long long nid;
	struct buf b;

	buf_init(&b);
	if ((rc = db_tab_exec(&tab, Q_INDICES, &idx, "")) != E_OK)
		return rc;
	nerr = read_version(r, &v, 1, &idx);
	if (nerr > 0)
		goto refuse;

	if ((rc = db_begin()) != E_OK)
		goto out;
	/* the unique key would refuse it too; asking first gives the field its message */
	if ((rc = db_tab_exec(&tab, Q_VCODE, &dup, "s", v.code)) != E_OK)
		goto fail;
	if (dup.nrows > 0) {
		db_rollback();
		rd_err(r, &nerr, "code", "code_exists", 0);
		goto refuse;
	}
	memset(p, 0, sizeof p);
	p[0] = (struct dbparam){'s', 0, 0, v.index, 0};
	p[1] = (struct dbparam){'s', 0, 0, v.code, 0};
	p[2] = (struct dbparam){'s', 0, 0, v.name, 0};
	p[3] = (struct dbparam){'s', 0, 0, ix_nz(v.decision), 0};
	p[4] = (struct dbparam){'i', v.from, 0, NULL, 0};
	p[5] = v.to > 0 ? (struct dbparam){'i', v.to, 0, NULL, 0} : (struct dbparam){'s', 0, 0, NULL, 0};
	p[6] = (struct dbparam){'s', 0, 0, ix_nz(v.ptc), 0};
	p[7] = (struct dbparam){'i', verified, 0, NULL, 0};
	p[8] = (struct dbparam){'s', 0, 0, ix_nz(v.source), 0};
	rd_kv(&b, "index", v.index);
	rd_kv(&b, "name", v.name);
	rd_kv(&b, "decision", v.decision);
	rd_kv(&b, "year_from", v.yf);
	rd_kv(&b, "year_to", v.yt);
	rd_kv(&b, "max_points", v.ptc);
	rd_kv(&b, "verified", verified ? "1" : "0");
	rd_kv(&b, "source", v.source);
	rc = db_tab_execv(&tab, Q_VINSERT, NULL, p, 9);
	if (rc == E_DUP) {
		/* a colleague took the code between the check and the insert */
		db_rollback();
		rd_err(r, &nerr, "code", "code_exists", 0);
		goto refuse;
	}
	if (rc != E_OK)
		goto fail;
	/* before the audit row's insert changes it */
	nid = (long long)db_insert_id();
	if ((rc = audit(r, "version_add", "index_version", v.code, NULL, buf_str(&b), NULL)) != E_OK ||
	    (rc = db_commit()) != E_OK)
		goto fail;
	snprintf(loc, sizeof loc, "/review/index-version?id=%lld&done=created", nid);
	req_redirect(r, loc);
	goto out;
refuse:
	rd_refuse(r, vfield, sizeof vfield / sizeof vfield[0], nerr);
	rc = show_list(r);
	goto out;
fail:
	db_rollback();
out:
	buf_free(&b);
	dbres_free(&idx);
	dbres_free(&dup);
	return rc;
}

/* ---- one version ---- */

enum { K_ID, K_PARENT, K_CODE, K_NAME, K_NAME_EN, K_MAX, K_SCORING, K_STEXT, K_EVIDENCE,
       K_DSOURCE, K_VERIFIER, K_KINDS, K_VERIFIED, K_SOURCE, K_ACTIVE };

struct tree {
	const struct dbres *c, *m;
	unsigned order[TREE_MAX];
	int depth[TREE_MAX];
	int covered[TREE_MAX];  /* an indicator feeds it or an active descendant */
	double childsum[TREE_MAX];
	int nchildpts[TREE_MAX];
	unsigned n;
};

static unsigned direct_maps(const struct tree *t, long long id)
{
	unsigned k = 0;

	for (unsigned j = 0; j < t->m->nrows; j++)
		k += dbres_int(t->m, j, 0) == id;
	return k;
}

/* Depth-first from row i; returns whether it is covered. */
static int visit(struct tree *t, unsigned i, int depth)
{
	long long id = dbres_int(t->c, i, K_ID);
	unsigned at = t->n;
	int cov;

	if (t->n >= TREE_MAX)
		return 0;
	t->order[t->n] = i;
	t->depth[t->n] = depth;
	t->childsum[t->n] = 0;
	t->nchildpts[t->n] = 0;
	t->n++;
	cov = direct_maps(t, id) > 0;
	if (depth < DEPTH_MAX)
		for (unsigned j = 0; j < t->c->nrows; j++) {
			if (dbres_int(t->c, j, K_PARENT) != id)
				continue;
			int child = visit(t, j, depth + 1);
			if (!dbres_int(t->c, j, K_ACTIVE))
				continue;
			cov |= child;
			if (dbres_get(t->c, j, K_MAX) != NULL) {
				t->childsum[at] += strtod(dbres_get(t->c, j, K_MAX), NULL);
				t->nchildpts[at]++;
			}
		}
	t->covered[at] = cov;
	return cov;
}

static void put_maps(struct req *r, const char *key, const struct dbres *m, long long id)
{
	int k = 0;

	for (unsigned j = 0; j < m->nrows; j++)
		if (dbres_int(m, j, 0) == id)
			ix_put_map(r, hnode(r, "%s.maps.%d", key, k++), m, j, 1);
}

/* The edit form: what is stored (unless a refused form was posted) and the
 * fingerprint it was drawn from. */
static int put_edit(struct req *r, long long id)
{
	struct dbres e = {0};
	char fp[17], v[48];
	int rc;

	if ((rc = db_tab_exec(&tab, Q_VEDIT, &e, "i", id)) != E_OK)
		return rc;
	if (e.nrows == 1) {
		ix_fp(&e, 0, 0, V_N, fp);
		hset(r, "Ver.fp", fp);
		if (hdf_get_value(r->hdf, "F.name", NULL) == NULL)
			for (int i = 0; i < V_N; i++) {
				if (i == V_MAX)
					rd_num_show(dbres_get(&e, 0, V_MAX), v, sizeof v);
				hsetf(r, i == V_MAX ? v : dbres_get(&e, 0, (unsigned)i), "F.%s", vname[i]);
			}
	}
	dbres_free(&e);
	return E_OK;
}

static int show_version(struct req *r, long long id)
{
	struct dbres v = {0}, c = {0}, m = {0};
	struct tree *t = NULL;
	char pts[48];
	int rc, en = ix_is_en(r), ngaps = 0, nunver = 0, nwarn = 0;

	review_nav(r, "indices");
	r->tmpl = "review/indices-version.cs";
	if ((rc = db_tab_exec(&tab, Q_VGET, &v, "i", id)) != E_OK)
		return rc;
	if (v.nrows != 1) {
		rc = E_NOTFOUND;
		goto out;
	}
	hset(r, "Ver.id", dbres_get(&v, 0, 0));
	hset(r, "Ver.index_code", dbres_get(&v, 0, 1));
	hset(r, "Ver.code", dbres_get(&v, 0, 2));
	hset(r, "Ver.name", dbres_get(&v, 0, 3));
	hset(r, "Ver.decision", dbres_get(&v, 0, 4));
	hset(r, "Ver.year_from", dbres_get(&v, 0, 5));
	hset(r, "Ver.year_to", dbres_get(&v, 0, 6));
	rd_num_show(dbres_get(&v, 0, 7), pts, sizeof pts);
	hset(r, "Ver.max_points", pts);
	hset(r, "Ver.verified", dbres_get(&v, 0, 8));
	hset(r, "Ver.source", dbres_get(&v, 0, 9));
	hset(r, "Ver.index_name", dbres_get(&v, 0, en ? 11 : 10));
	if ((rc = put_edit(r, id)) != E_OK)
		goto out;
	if ((rc = db_tab_exec(&tab, Q_CRITS, &c, "i", id)) != E_OK ||
	    (rc = db_tab_exec(&tab, Q_MAPS, &m, "i", id)) != E_OK)
		goto out;
	if ((t = calloc(1, sizeof *t)) == NULL) {
		rc = E_INTERNAL;
		goto out;
	}
	t->c = &c;
	t->m = &m;
	for (unsigned i = 0; i < c.nrows; i++)
		if (dbres_int(&c, i, K_PARENT) == 0)
			visit(t, i, 0);
	{
		double mainsum = 0;
		int nmainpts = 0;

		for (unsigned k = 0; k < t->n; k++) {
			unsigned i = t->order[k];
			int active = (int)dbres_int(&c, i, K_ACTIVE);
			const char *max = dbres_get(&c, i, K_MAX);
			char key[24];
			HDF *n;

			snprintf(key, sizeof key, "Crit.%u", k);
			n = hnode(r, "%s", key);
			nset(r, n, "id", dbres_get(&c, i, K_ID));
			nseti(r, n, "depth", t->depth[k]);
			nset(r, n, "code", dbres_get(&c, i, K_CODE));
			nset(r, n, "name", dbres_get(&c, i, en && dbres_get(&c, i, K_NAME_EN) ? K_NAME_EN
										: K_NAME));
			rd_num_show(max, pts, sizeof pts);
			nset(r, n, "max_points", pts);
			nset(r, n, "scoring", dbres_get(&c, i, K_SCORING));
			nset(r, n, "scoring_text", dbres_get(&c, i, K_STEXT));
			nset(r, n, "evidence_text", dbres_get(&c, i, K_EVIDENCE));
			nset(r, n, "data_source", dbres_get(&c, i, K_DSOURCE));
			nset(r, n, "verifier", dbres_get(&c, i, K_VERIFIER));
			nset(r, n, "verified", dbres_get(&c, i, K_VERIFIED));
			nset(r, n, "source", dbres_get(&c, i, K_SOURCE));
			nseti(r, n, "active", active);
			nseti(r, n, "nmaps", direct_maps(t, dbres_int(&c, i, K_ID)));
			put_maps(r, key, &m, dbres_int(&c, i, K_ID));
			if (!active)
				continue;
			if (!t->covered[k]) {
				nset(r, n, "gap", "1");
				ngaps++;
			}
			if (!dbres_int(&c, i, K_VERIFIED))
				nunver++;
			/* more points below than the criterion has: shown, not refused
			 * (a ministry's own table may be inconsistent) */
			if (max != NULL && t->nchildpts[k] > 0 && t->childsum[k] > strtod(max, NULL) + 1e-9) {
				char sum[48], shown[48];

				snprintf(sum, sizeof sum, "%.2f", t->childsum[k]);
				rd_num_show(sum, shown, sizeof shown);
				nset(r, n, "childsum", shown);
				nwarn++;
			}
			if (t->depth[k] == 0 && max != NULL) {
				mainsum += strtod(max, NULL);
				nmainpts++;
			}
		}
		if (nmainpts > 0) {
			char s[48], shown[48];
			snprintf(s, sizeof s, "%.2f", mainsum);
			rd_num_show(s, shown, sizeof shown);
			hset(r, "Ver.mainsum", shown);
			if (dbres_get(&v, 0, 7) != NULL && mainsum > strtod(dbres_get(&v, 0, 7), NULL) + 1e-9)
				hset(r, "Ver.over", "1");
		}
	}
	hseti(r, "Ver.ncrit", (long long)t->n);
	hseti(r, "Ver.ngaps", ngaps);
	hseti(r, "Ver.nunverified", nunver);
	hseti(r, "Ver.nwarn", nwarn);
out:
	free(t);
	dbres_free(&v);
	dbres_free(&c);
	dbres_free(&m);
	return rc;
}

int ix_version_get(struct req *r)
{
	if (r->fv[FV_DONE].present)
		hset(r, "Page.done", r->fv[FV_DONE].s);
	return show_version(r, r->fv[FV_ID].i);
}

int ix_version_state(struct req *r)
{
	static const struct rd_flag verified = {&tab, Q_VLOCK, Q_VSTATE, 2, 1, "verified",
						"index_version"};
	long long id = r->fv[FS_ID].i;
	int verify = strcmp(r->fv[FS_ACTION].s, "verify") == 0, rc;
	char loc[96];

	if ((rc = rd_set_flag(r, &verified, id, verify,
			      verify ? "version_verify" : "version_unverify")) != E_OK)
		return rc;
	snprintf(loc, sizeof loc, "/review/index-version?id=%lld&done=%s", id,
		 verify ? "verified" : "unverified");
	req_redirect(r, loc);
	return E_OK;
}

/* Edits a version's fields (its index and code stay), one audit row per
 * changed field; a form drawn before someone else's change is refused. */
int ix_version_post(struct req *r)
{
	long long id = r->fv[FV_ID].i;
	struct dbres cur = {0};
	struct audit_row rows[V_N];
	struct verf v;
	const char *nv[V_N], *posted_fp = rd_body(r, "fp");
	char ov[V_N][48], act[V_N][32], fp[17], loc[96];
	int rc, nerr, n = 0;

	nerr = read_version(r, &v, 0, NULL);
	if (nerr > 0) {
		rd_refuse(r, vfield, sizeof vfield / sizeof vfield[0], nerr);
		return show_version(r, id);
	}
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_VEDIT_LOCK, &cur, "i", id)) != E_OK)
		goto fail;
	if (cur.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	ix_fp(&cur, 0, 0, V_N, fp);
	if (posted_fp == NULL || strcmp(posted_fp, fp) != 0) {
		db_rollback();
		dbres_free(&cur);
		r->status = 409;
		hset(r, "Page.conflict", "1");
		return show_version(r, id);
	}
	nv[V_NAME] = v.name;
	nv[V_DECISION] = v.decision;
	nv[V_FROM] = v.yf;
	nv[V_TO] = v.yt;
	nv[V_MAX] = v.ptc;
	nv[V_SOURCE] = v.source;
	for (int i = 0; i < V_N; i++) {
		const char *o = dbres_get(&cur, 0, (unsigned)i);

		if (i == V_MAX)
			canon_decimal(o, ov[i], sizeof ov[i]);
		else
			snprintf(ov[i], sizeof ov[i], "%s", o ? o : "");
		/* long texts are compared whole, not through the short copy */
		if (i == V_MAX || i == V_FROM || i == V_TO ? rd_same(ov[i], nv[i]) : rd_same(o, nv[i]))
			continue;
		snprintf(act[i], sizeof act[i], "set_%s", vname[i]);
		rows[n++] = (struct audit_row){act[i], "index_version", dbres_get(&cur, 0, V_N),
					       i == V_MAX || i == V_FROM || i == V_TO ? ix_nz(ov[i]) : o,
					       ix_nz(nv[i]), NULL};
	}
	if (n > 0) {
		struct dbparam p[7];

		memset(p, 0, sizeof p);
		p[0] = (struct dbparam){'s', 0, 0, v.name, 0};
		p[1] = (struct dbparam){'s', 0, 0, ix_nz(v.decision), 0};
		p[2] = (struct dbparam){'i', v.from, 0, NULL, 0};
		p[3] = v.to > 0 ? (struct dbparam){'i', v.to, 0, NULL, 0}
				: (struct dbparam){'s', 0, 0, NULL, 0};
		p[4] = (struct dbparam){'s', 0, 0, ix_nz(v.ptc), 0};
		p[5] = (struct dbparam){'s', 0, 0, ix_nz(v.source), 0};
		p[6] = (struct dbparam){'i', id, 0, NULL, 0};
		if ((rc = db_tab_execv(&tab, Q_VUPDATE, NULL, p, 7)) != E_OK ||
		    (rc = audit_many(r, rows, n)) != E_OK || (rc = db_commit()) != E_OK)
			goto fail;
	} else {
		db_rollback();   /* unchanged: nothing to write or audit */
	}
	dbres_free(&cur);
	snprintf(loc, sizeof loc, "/review/index-version?id=%lld&done=saved", id);
	req_redirect(r, loc);
	return E_OK;
fail:
	db_rollback();
	dbres_free(&cur);
	return rc;
}
