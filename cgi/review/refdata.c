/* Helpers of the reference-data and national-indices pages (refdata.h):
 * refused forms, the sort and unit-kinds fields, audit rows of an edit,
 * retiring and verifying. */
#define REFDATA_IMPL
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/db.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "refdata.h"

void rd_refuse(struct req *r, const char *const *keep, size_t nkeep, int nerr)
{
	for (size_t i = 0; i < nkeep; i++)
		hsetf(r, rd_body(r, keep[i]), "F.%s", keep[i]);
	r->status = 422;
	hseti(r, "Page.nerr", nerr);
}

int rd_sort(struct req *r, int *nerr, const char *old_sort, char *sort, size_t n,
	    const char **typed)
{
	const char *s, *e = NULL;

	if (!rd_field(r, nerr, "sort", 12, 0, &s))
		return 0;
	*typed = s;
	if (*s == '\0')
		snprintf(sort, n, "%s", old_sort ? old_sort : "");
	else if ((e = rd_num(s, 1, sort, n)) == NULL && (atoll(sort) < -999999 || atoll(sort) > 999999))
		e = "sort";
	if (e != NULL)
		rd_err(r, nerr, "sort", e, 0);
	return 1;
}

const char *rd_kind(int k)
{
	static const char *const kinds[RD_NKINDS] = {"department", "district", "commune", "other"};

	return kinds[k];
}

int rd_kinds_post(struct req *r, char *set, size_t n)
{
	int has[RD_NKINDS] = {0}, bad = 0;

	set[0] = '\0';
	for (int i = r->nkv_query; i < r->nkv; i++) {
		int k = 0;

		if (strcmp(r->kv[i].key, "unit_kinds") != 0 || r->kv[i].filename != NULL)
			continue;
		while (k < RD_NKINDS && strcmp(rd_kind(k), r->kv[i].val) != 0)
			k++;
		if (k == RD_NKINDS)
			bad = 1;
		else
			has[k] = 1;
	}
	for (int k = 0; k < RD_NKINDS; k++)
		if (has[k]) {
			size_t l = strlen(set);
			snprintf(set + l, n - l, "%s%s", l ? "," : "", rd_kind(k));
		}
	return !bad && set[0] != '\0';
}

void rd_put_form(struct req *r, const char *const *names, const char *const *show, int n,
		 const char *kinds)
{
	for (int i = 0; i < n; i++)
		hsetf(r, show[i], "F.%s", names[i]);
	for (int k = 0; k < RD_NKINDS; k++)
		if (list_has(kinds, ',', rd_kind(k)))
			hsetf(r, "1", "F.unit_kinds.%s", rd_kind(k));
}

int rd_changes(struct audit_row *rows, char (*act)[32], const char *entity, const char *eid,
	       const char *const *names, const char *const *old, const char *const *new, int from,
	       int to)
{
	int n = 0;

	for (int i = from; i < to; i++) {
		if (rd_same(old[i], new[i]))
			continue;
		snprintf(act[i], sizeof act[i], "set_%s", names[i]);
		rows[n++] = (struct audit_row){act[i], entity, eid, (old[i] && *old[i]) ? old[i] : NULL,
					       (new[i] && *new[i]) ? new[i] : NULL, NULL};
	}
	return n;
}

int rd_set_flag(struct req *r, const struct rd_flag *f, long long id, int on, const char *action)
{
	struct dbres cur = {0};
	char eid[24], ov[40], nv[40];
	int rc;

	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(f->tab, f->lock, &cur, "i", id)) != E_OK)
		goto fail;
	if (cur.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	if (dbres_int(&cur, 0, f->col) == on) {
		db_rollback();
		dbres_free(&cur);
		return E_OK;
	}
	snprintf(eid, sizeof eid, "%lld", id);
	snprintf(ov, sizeof ov, "%s=%d", f->column, !on);
	snprintf(nv, sizeof nv, "%s=%d", f->column, on);
	if ((rc = db_tab_exec(f->tab, f->set, NULL, "ii", (long long)on, id)) != E_OK ||
	    (rc = audit(r, action, f->entity,
			f->eid_col < 0 ? eid : dbres_get(&cur, 0, (unsigned)f->eid_col), ov, nv,
			NULL)) != E_OK ||
	    (rc = db_commit()) != E_OK)
		goto fail;
	dbres_free(&cur);
	return E_OK;
fail:
	db_rollback();
	dbres_free(&cur);
	return rc;
}
