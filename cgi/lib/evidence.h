/* Evidence attachments, shared by the officer's and the working group's
 * programs: the type is detected from the content (never from the name or
 * the browser's Content-Type), the original file name is cleaned before it
 * is kept, files are stored outside the web root under random names with a
 * SHA-256 checksum, and are only ever sent as downloads. */
#ifndef EGOV_EVIDENCE_H
#define EGOV_EVIDENCE_H
#include <stddef.h>

#include "req.h"

/* An accepted type. */
struct ev_type {
	const char *key;   /* "pdf", "png", "jpeg", "gif", "docx", "xlsx", "pptx",
			      "odt", "ods", "odp", "doc", "xls", "ppt" */
	const char *label; /* shown to users: "PDF", "DOCX"... */
	const char *mime;  /* stored in evidence.content_type, sent on download */
	const char *ext;   /* appended to a name without an extension */
	const char *exts;  /* extensions that agree with the type: "jpg|jpeg|jpe" */
};

/* Why a file was refused: these are the keys of Lang.Evidence.Err. */
#define EV_WHY_EMPTY "empty"     /* nothing in it */
#define EV_WHY_TYPE "type"       /* not one of the accepted types (HTML, SVG, scripts, programs...) */
#define EV_WHY_ZIP "zip"         /* a ZIP that is not an office document */
#define EV_WHY_OLE "ole"         /* an OLE2 file that is not Word, Excel or PowerPoint (e.g. .msi) */
#define EV_WHY_MACRO "macro"     /* an office document carrying macros */
#define EV_WHY_EXT "ext"         /* the name's extension contradicts the content */

/* Characters kept of an original name, and the buffer it needs. */
#define EV_NAME_MAX 200
#define EV_NAME_BUF 1024

/* The type of the content, or NULL with *why set to an EV_WHY_ key. */
const struct ev_type *ev_sniff(const unsigned char *data, size_t len, const char **why);
/* The type stored as content_type (a MIME type), or NULL. */
const struct ev_type *ev_type_by_mime(const char *mime);

/* Cleans an uploaded file's name for keeping and showing: only the last path
 * component (after the last / or \), no control characters (CR, LF, NUL, C1),
 * no quotes, no bidirectional overrides, no invalid UTF-8, no leading or
 * trailing dots and spaces, at most EV_NAME_MAX characters with the
 * extension kept, never empty ("tai-lieu.<ext>"); a name without an
 * extension gets the type's.  out must hold EV_NAME_BUF bytes.  Returns 0,
 * or -1 when the name's extension contradicts the type (out is filled
 * anyway). */
int ev_clean_name(const char *raw, const struct ev_type *t, char *out, size_t outsz);

/* SHA-256 of data as 64 lowercase hex digits (out holds 65). */
void ev_sha256_hex(const unsigned char *data, size_t len, char out[65]);

/* Writes data under dir as a new file with a random 64-hex name: a
 * temporary file first, fsync, then renamed into place (and the directory
 * synced).  stored receives the name.  Returns E_OK or E_INTERNAL. */
int ev_store(const char *dir, const unsigned char *data, size_t len, char stored[65]);
/* Removes a stored file (a failed transaction after ev_store). */
void ev_unlink(const char *dir, const char *stored);
/* Reads a stored file into r->out after checking the stored name's form,
 * then its size and checksum against what its row says; a failure is
 * E_INTERNAL, logged as "what: ...", with r->out empty. */
int ev_load(struct req *r, const char *dir, const char *stored, long long size, const char *sha256,
	    const char *what);

/* Fills the HDF with the evidence of one submission (deleted rows left out),
 * in upload order:
 *   <prefix>.count              number of files
 *   <prefix>.whole              files for the whole submission
 *   <prefix>.by_code.<CODE>     files for that indicator (absent: none)
 *   <prefix>.list.<i>.id        evidence id (download: /report/evidence?id= or
 *                               /review/evidence?id=)
 *   <prefix>.list.<i>.code      indicator code, "" for the whole submission
 *   <prefix>.list.<i>.indicator indicator name in the request's language, or ""
 *   <prefix>.list.<i>.name      original file name (cleaned)
 *   <prefix>.list.<i>.type      "PDF", "PNG", "DOCX"...
 *   <prefix>.list.<i>.size_kb   size in KB, rounded up
 *   <prefix>.list.<i>.by        uploader's display name
 *   <prefix>.list.<i>.date      upload date, dd/mm/yyyy (Vietnam time)
 * Uses SELECT on evidence, indicator and app_user(id, display_name). */
int evidence_list(struct req *r, long long sub_id, const char *prefix);

/* Answers a download of evidence id: the stored file as an attachment under
 * its original name and detected type, after checking its size and
 * checksum.  unit_id > 0 limits it to that unit's evidence (officers);
 * 0 allows any unit (working group).  A deleted, foreign or unknown id is
 * E_NOTFOUND.  Audited as evidence_download. */
int evidence_send(struct req *r, long long id, long long unit_id);

#endif
