/* How an indicator's figures feed a criterion of an index version:
 *   /review/index-mapping  POST: add, edit or remove an indicator's mapping
 * An edit carries the fingerprint of the mapping it was drawn from (fp): a
 * save over a colleague's newer change is refused with 409 and nothing
 * written.  Audited as entity "criterion_indicator", entity_id
 * "<criterion id>:<indicator code>". */
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

enum { Q_CLOCK, Q_IND, Q_MGET, Q_MINSERT, Q_MUPDATE, Q_MDELETE, Q_N };

static const char *const sql[Q_N] = {
	/* Q_CLOCK: the criterion's row, where two additions of one mapping queue */
	"SELECT id FROM index_criterion WHERE id = ? FOR UPDATE",
	/* Q_IND */
	"SELECT id, code, active FROM indicator WHERE id = ?",
	/* Q_MGET */
	"SELECT factor, offset_value, uom, note, verified FROM criterion_indicator "
	"WHERE criterion_id = ? AND indicator_id = ? FOR UPDATE",
	/* Q_MINSERT */
	"INSERT INTO criterion_indicator (criterion_id, indicator_id, factor, offset_value, uom, note, "
	"verified) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* Q_MUPDATE */
	"UPDATE criterion_indicator SET factor = ?, offset_value = ?, uom = ?, note = ?, verified = ? "
	"WHERE criterion_id = ? AND indicator_id = ?",
	/* Q_MDELETE */
	"DELETE FROM criterion_indicator WHERE criterion_id = ? AND indicator_id = ?",
};

static struct stmt_table tab = STMT_TABLE(sql);

const struct field ix_map_fields[] = {
	{"id", F_INT, 1, IX_ID_MAX, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "add|save|delete"},
	{"indicator", F_INT, 1, IX_ID_MAX, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FM_ID, FM_ACTION, FM_INDICATOR };

struct mapf {
	const char *factor, *offset, *uom, *note;   /* as typed */
	char fc[48], oc[48];                        /* canonical */
	int verified;
};

static void map_desc(struct buf *b, const char *factor, const char *offset, const char *uom,
		     const char *note, const char *verified)
{
	char v[64];

	canon_decimal(factor, v, sizeof v);
	rd_kv(b, "factor", v);
	canon_decimal(offset, v, sizeof v);
	rd_kv(b, "offset", v);
	rd_kv(b, "uom", uom);
	rd_kv(b, "note", note);
	rd_kv(b, "verified", verified);
}

/* Reads the mapping's fields (names prefixed with pre); the error key, or NULL. */
static const char *map_read(struct req *r, const char *pre, struct mapf *m, const char **field)
{
	char name[32];
	const char *e;

	memset(m, 0, sizeof *m);
	snprintf(name, sizeof name, "%sfactor", pre);
	*field = "factor";
	if ((e = rd_line(r, name, 30, 1, &m->factor)) != NULL)
		return e;
	if ((e = ix_dec(m->factor, 10, 6, 1, m->fc, sizeof m->fc)) != NULL)
		return e;
	if (strtod(m->fc, NULL) == 0)
		return "factor_zero";
	snprintf(name, sizeof name, "%soffset", pre);
	*field = "offset";
	if ((e = rd_line(r, name, 30, 0, &m->offset)) != NULL)
		return e;
	if (*m->offset == '\0')
		snprintf(m->oc, sizeof m->oc, "0");
	else if ((e = ix_dec(m->offset, 14, 6, 1, m->oc, sizeof m->oc)) != NULL)
		return e;
	snprintf(name, sizeof name, "%suom", pre);
	*field = "uom";
	if ((e = rd_line(r, name, 64, 0, &m->uom)) != NULL)
		return e;
	snprintf(name, sizeof name, "%snote", pre);
	*field = "note";
	if ((e = rd_line(r, name, 500, 0, &m->note)) != NULL)
		return e;
	snprintf(name, sizeof name, "%sverified", pre);
	m->verified = ix_checked(rd_body(r, name));
	*field = NULL;
	return NULL;
}

static int map_add(struct req *r, long long cid, long long ind)
{
	static const char *const keep[] = {"m_indicator", "m_factor", "m_offset", "m_uom", "m_note",
					   "m_verified"};
	struct dbres in = {0}, cur = {0};
	struct dbparam p[7];
	struct mapf m;
	const char *e, *field;
	char eid[80], loc[112];
	int rc = E_OK, nerr = 0;
	struct buf b;

	buf_init(&b);
	if (ind == 0) {
		rd_err(r, &nerr, "m_indicator", "choose", 0);
	} else {
		if ((rc = db_tab_exec(&tab, Q_IND, &in, "i", ind)) != E_OK)
			goto out;
		if (in.nrows != 1 || !dbres_int(&in, 0, 2))
			rd_err(r, &nerr, "m_indicator", "choose", 0);
	}
	if ((e = map_read(r, "m_", &m, &field)) != NULL) {
		char fname[32];
		snprintf(fname, sizeof fname, "m_%s", field);
		rd_err(r, &nerr, fname, e, strcmp(e, "too_long") == 0 ? (strcmp(field, "note") == 0 ? 500 : 64) : 0);
	}
	if (nerr == 0) {
		if ((rc = db_begin()) != E_OK)
			goto out;
		/* the criterion's row first: two additions of one mapping queue here */
		if ((rc = db_tab_exec(&tab, Q_CLOCK, &cur, "i", cid)) != E_OK)
			goto fail;
		if (cur.nrows != 1) {
			rc = E_NOTFOUND;
			goto fail;
		}
		memset(p, 0, sizeof p);
		p[0] = (struct dbparam){'i', cid, 0, NULL, 0};
		p[1] = (struct dbparam){'i', ind, 0, NULL, 0};
		p[2] = (struct dbparam){'s', 0, 0, m.fc, 0};
		p[3] = (struct dbparam){'s', 0, 0, m.oc, 0};
		p[4] = (struct dbparam){'s', 0, 0, ix_nz(m.uom), 0};
		p[5] = (struct dbparam){'s', 0, 0, ix_nz(m.note), 0};
		p[6] = (struct dbparam){'i', m.verified, 0, NULL, 0};
		rc = db_tab_execv(&tab, Q_MINSERT, NULL, p, 7);
		if (rc == E_DUP) {
			db_rollback();
			rc = E_OK;
			rd_err(r, &nerr, "m_indicator", "map_exists", 0);
		} else {
			if (rc != E_OK)
				goto fail;
			snprintf(eid, sizeof eid, "%lld:%s", cid, dbres_get(&in, 0, 1));
			map_desc(&b, m.fc, m.oc, m.uom, m.note, m.verified ? "1" : "0");
			if ((rc = audit(r, "mapping_add", "criterion_indicator", eid, NULL, buf_str(&b),
					NULL)) != E_OK ||
			    (rc = db_commit()) != E_OK)
				goto fail;
			snprintf(loc, sizeof loc, "/review/index-criterion?id=%lld&done=map_added#maps", cid);
			req_redirect(r, loc);
			goto out;
		}
	}
	rd_refuse(r, keep, sizeof keep / sizeof keep[0], nerr);
	rc = ix_crit_page(r, cid, NULL);
	goto out;
fail:
	db_rollback();
out:
	buf_free(&b);
	dbres_free(&in);
	dbres_free(&cur);
	return rc;
}

/* Edits or removes one mapping of the criterion. */
static int map_change(struct req *r, long long cid, long long ind, int del)
{
	struct dbres in = {0}, cur = {0};
	struct mapf m;
	struct buf ob, nb;
	const char *e = NULL, *field, *posted_fp = rd_body(r, "fp");
	char eid[80], loc[112], fp[17];
	int rc;

	buf_init(&ob);
	buf_init(&nb);
	if ((rc = db_tab_exec(&tab, Q_IND, &in, "i", ind)) != E_OK)
		goto out;
	if (in.nrows != 1) {
		rc = E_NOTFOUND;
		goto out;
	}
	if (!del && (e = map_read(r, "", &m, &field)) != NULL) {
		struct ix_merr me = {ind, rd_body(r, "factor"), rd_body(r, "offset"), rd_body(r, "uom"),
				  rd_body(r, "note"), e};
		r->status = 422;
		hseti(r, "Page.nerr", 1);
		hset(r, "Page.merr", e);
		rc = ix_crit_page(r, cid, &me);
		goto out;
	}
	if ((rc = db_begin()) != E_OK)
		goto out;
	if ((rc = db_tab_exec(&tab, Q_MGET, &cur, "ii", cid, ind)) != E_OK)
		goto fail;
	if (cur.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	ix_fp(&cur, 0, 0, 5, fp);
	if (!del && (posted_fp == NULL || strcmp(posted_fp, fp) != 0)) {
		db_rollback();
		r->status = 409;
		hset(r, "Page.conflict", "1");
		rc = ix_crit_page(r, cid, NULL);
		goto out;
	}
	snprintf(eid, sizeof eid, "%lld:%s", cid, dbres_get(&in, 0, 1));
	map_desc(&ob, dbres_get(&cur, 0, 0), dbres_get(&cur, 0, 1), dbres_get(&cur, 0, 2),
		 dbres_get(&cur, 0, 3), dbres_get(&cur, 0, 4));
	if (del) {
		if ((rc = db_tab_exec(&tab, Q_MDELETE, NULL, "ii", cid, ind)) != E_OK ||
		    (rc = audit(r, "mapping_remove", "criterion_indicator", eid, buf_str(&ob), NULL,
				NULL)) != E_OK)
			goto fail;
	} else {
		map_desc(&nb, m.fc, m.oc, m.uom, m.note, m.verified ? "1" : "0");
		if (strcmp(buf_str(&ob), buf_str(&nb)) == 0) {
			db_rollback();   /* unchanged: nothing to write or audit */
			goto done;
		}
		if ((rc = db_tab_exec(&tab, Q_MUPDATE, NULL, "ssssiii", m.fc, m.oc, ix_nz(m.uom),
				      ix_nz(m.note), (long long)m.verified, cid, ind)) != E_OK ||
		    (rc = audit(r, "mapping_update", "criterion_indicator", eid, buf_str(&ob),
				buf_str(&nb), NULL)) != E_OK)
			goto fail;
	}
	if ((rc = db_commit()) != E_OK)
		goto fail;
done:
	snprintf(loc, sizeof loc, "/review/index-criterion?id=%lld&done=%s#maps", cid,
		 del ? "map_removed" : "map_saved");
	req_redirect(r, loc);
	goto out;
fail:
	db_rollback();
out:
	buf_free(&ob);
	buf_free(&nb);
	dbres_free(&in);
	dbres_free(&cur);
	return rc;
}

int ix_map_post(struct req *r)
{
	long long cid = r->fv[FM_ID].i;
	const char *action = r->fv[FM_ACTION].s;
	long long ind = r->fv[FM_INDICATOR].present ? r->fv[FM_INDICATOR].i : 0;

	if (strcmp(action, "add") == 0) {
		/* the add form names its select m_indicator */
		const char *s = rd_body(r, "m_indicator");
		char canon[24];

		ind = 0;
		if (s && *s && rd_num(s, 1, canon, sizeof canon) == NULL && atoll(canon) > 0)
			ind = atoll(canon);
		return map_add(r, cid, ind);
	}
	if (ind == 0) {
		r->bad_field = "indicator";
		return E_BADREQ;
	}
	return map_change(r, cid, ind, strcmp(action, "delete") == 0);
}
