/* Files kept like evidence (lib/evidence.h: type from the content, random
 * names under evidence_dir, SHA-256) but recorded in other tables, such as
 * a meeting's papers and written opinions.  Checking and storing reuse the
 * evidence functions; this adds what is not tied to the evidence table. */
#ifndef EGOV_FILES_H
#define EGOV_FILES_H
#include <stddef.h>

#include "evidence.h"
#include "req.h"

/* One uploaded file, checked: type from the content, the name cleaned, the
 * size within evidence_max_bytes, the checksum computed.  */
struct upfile {
	const struct ev_type *type;
	const char *data;
	size_t len;
	char name[EV_NAME_BUF];
	char sum[65];
};

/* The multipart part named `field` with a file name: 0 none (or an empty
 * part), 1 one, 2 several. */
int file_part(struct req *r, const char *field, const struct kv **out);
/* The first part named `field` with a file name, empty ones included (the
 * caller says why an empty one is refused), and in *count how many. */
const struct kv *file_first(struct req *r, const char *field, int *count);
/* Checks a part.  NULL when acceptable, else why: an EV_WHY_ key, or
 * "too_big" (over evidence_max_bytes). */
const char *file_check(const struct kv *part, struct upfile *f);

/* Sends a stored file as a download under its original name, after checking
 * the stored name's form, its size and checksum (a mismatch is E_INTERNAL
 * and logged).  Not audited: the caller decides. */
int file_send(struct req *r, const char *stored, long long size, const char *sha256,
	      const char *mime, const char *original);

#endif
