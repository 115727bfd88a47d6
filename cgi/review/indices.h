/* The national indices as data (ui-indices*.c): versions of DTI, PAR Index
 * and ICT Index, their criteria (a tree per version) and which of our
 * indicators feed each criterion, with the conversion into the criterion's
 * unit.  The working group (WG) edits them; criteria are retired, never
 * deleted (exports of past years refer to them); mappings may be removed.
 * Every change is audited in its own transaction (entities index_version,
 * index_criterion, criterion_indicator). */
#ifndef EGOV_REVIEW_INDICES_H
#define EGOV_REVIEW_INDICES_H
#include "../lib/req.h"

/* ui-indices.c: the list of versions and one version's criteria tree */
extern const struct field ix_list_fields[], ix_version_fields[], ix_vstate_fields[];
int ix_list_get(struct req *r);
int ix_list_post(struct req *r);
int ix_version_get(struct req *r);
int ix_version_post(struct req *r);
int ix_version_state(struct req *r);

/* ui-indices-criterion.c: one criterion */
extern const struct field ix_crit_fields[], ix_cstate_fields[];
int ix_crit_get(struct req *r);
int ix_crit_post(struct req *r);
int ix_crit_state(struct req *r);

/* ui-indices-mapping.c: the indicators that feed a criterion */
extern const struct field ix_map_fields[];
int ix_map_post(struct req *r);

#endif

/* Helpers shared by the ui-indices*.c files only (they define INDICES_IMPL,
 * and REFDATA_IMPL for the form helpers these build on). */
#if defined(INDICES_IMPL) && !defined(EGOV_REVIEW_INDICES_IMPL)
#define EGOV_REVIEW_INDICES_IMPL
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../lib/db.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "refdata.h"

#define IX_ID_MAX 4294967295LL

/* A mapping's edit that was refused: its row is shown as typed. */
struct ix_merr {
	long long ind;
	const char *factor, *offset, *uom, *note, *err;
};

/* A criterion's page (ui-indices-criterion.c) drawn again after a mapping's
 * change was refused (me: the refused row, or NULL). */
int ix_crit_page(struct req *r, long long id, const struct ix_merr *me);

/* A row's fingerprint (FNV-1a over the cells [from, to)): the edit forms
 * carry the one they were drawn from, so a save over someone else's newer
 * change is refused instead of silently undoing it (the tables have no
 * version column). */
static inline void ix_fp(const struct dbres *res, unsigned row, unsigned from, unsigned to,
			 char out[17])
{
	uint64_t h = 1469598103934665603ULL;

	for (unsigned c = from; c < to; c++) {
		const char *v = dbres_get(res, row, c);
		/* NULL and "" must differ */
		h = (h ^ (v ? 1u : 2u)) * 1099511628211ULL;
		for (const unsigned char *p = (const unsigned char *)(v ? v : ""); *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ 0x1f) * 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* A decimal as typed into a DECIMAL(p, s) column: canonical form into
 * canon, or an error key (of Lang.Indices.Err). */
static inline const char *ix_dec(const char *s, int maxint, int maxfrac, int negative_ok,
				 char *canon, size_t n)
{
	const char *dot, *digits;
	size_t intlen;

	switch (num_parse(s, 0, canon, n, NULL)) {
	case NUM_OK: break;
	case NUM_EMPTY: return "required";
	case NUM_AMBIGUOUS: return "ambiguous";
	case NUM_DIGITS: return "digits";
	default: return "number";
	}
	if (canon[0] == '-' && !negative_ok)
		return "negative";
	digits = canon[0] == '-' ? canon + 1 : canon;
	dot = strchr(digits, '.');
	intlen = dot ? (size_t)(dot - digits) : strlen(digits);
	if ((int)intlen > maxint)
		return "too_big";
	if (dot && (int)strlen(dot + 1) > maxfrac)
		return "decimals";
	return NULL;
}

/* A criterion's code as the index numbers it: "1", "1.2", "7.3.1", "UD-NB",
 * "1.a" (letters of both cases, digits, '.', '_', '-'). */
static inline int ix_code_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

static inline int ix_is_en(const struct req *r) { return strcmp(r->lang, "en") == 0; }

static inline const char *ix_nz(const char *s) { return (s && *s) ? s : NULL; }

/* "1" when a checkbox was posted checked, else "0". */
static inline int ix_checked(const char *v) { return v != NULL && strcmp(v, "1") == 0; }

/* One indicator's mapping into n, from the columns c.. of res: indicator id,
 * code, name, name_en, unit of measure, then the mapping's factor, offset,
 * unit and note, whether verified, whether the indicator is active. */
static inline void ix_put_map(struct req *r, HDF *n, const struct dbres *res, unsigned row,
			      unsigned c)
{
	char v[64];

	nset(r, n, "ind_id", dbres_get(res, row, c));
	nset(r, n, "ind_code", dbres_get(res, row, c + 1));
	nset(r, n, "ind_name", dbres_get(res, row, ix_is_en(r) ? c + 3 : c + 2));
	nset(r, n, "ind_uom", dbres_get(res, row, c + 4));
	rd_num_show(dbres_get(res, row, c + 5), v, sizeof v);
	nset(r, n, "factor", v);
	rd_num_show(dbres_get(res, row, c + 6), v, sizeof v);
	nset(r, n, "offset", v);
	nset(r, n, "uom", dbres_get(res, row, c + 7));
	nset(r, n, "note", dbres_get(res, row, c + 8));
	nset(r, n, "verified", dbres_get(res, row, c + 9));
	nset(r, n, "ind_active", dbres_get(res, row, c + 10));
}

#endif
