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

/* ui-indices-criterion.c: one criterion and its mappings */
extern const struct field ix_crit_fields[], ix_cstate_fields[], ix_map_fields[];
int ix_crit_get(struct req *r);
int ix_crit_post(struct req *r);
int ix_crit_state(struct req *r);
int ix_map_post(struct req *r);

#endif

/* Helpers shared by the ui-indices*.c files only (they define INDICES_IMPL). */
#if defined(INDICES_IMPL) && !defined(EGOV_REVIEW_INDICES_IMPL)
#define EGOV_REVIEW_INDICES_IMPL
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../lib/db.h"
#include "../lib/text.h"

#define IX_ID_MAX 4294967295LL

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

#endif
