/* Stored files outside the evidence table: upload checks and downloads. */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "files.h"
#include "log.h"

#define MIB (1024LL * 1024LL)
/* a download name longer than this is cut (keeping the extension), so the
 * Content-Disposition header stays well within what servers accept */
#define DL_NAME_BYTES 150

static int count_parts(struct req *r, const char *field, int skip_empty, const struct kv **out)
{
	int n = 0;

	*out = NULL;
	for (int i = r->nkv_query; i < r->nkv; i++)
		if (r->kv[i].filename != NULL && strcmp(r->kv[i].key, field) == 0) {
			/* a file input left empty still sends a part without a name */
			if (skip_empty && r->kv[i].vlen == 0 && r->kv[i].filename[0] == '\0')
				continue;
			if (*out == NULL)
				*out = &r->kv[i];
			n++;
		}
	return n;
}

int file_part(struct req *r, const char *field, const struct kv **out)
{
	int n = count_parts(r, field, 1, out);

	return n > 1 ? 2 : n;
}

const struct kv *file_first(struct req *r, const char *field, int *count)
{
	const struct kv *f;

	*count = count_parts(r, field, 0, &f);
	return f;
}

const char *file_check(const struct kv *part, struct upfile *f)
{
	const char *why = NULL;

	memset(f, 0, sizeof *f);
	if ((long long)part->vlen > config_int("evidence_max_bytes", 10 * MIB))
		return "too_big";
	f->type = ev_sniff((const unsigned char *)part->val, part->vlen, &why);
	if (f->type == NULL)
		return why;
	if (ev_clean_name(part->filename, f->type, f->name, sizeof f->name) != 0)
		return EV_WHY_EXT;
	f->data = part->val;
	f->len = part->vlen;
	ev_sha256_hex((const unsigned char *)part->val, part->vlen, f->sum);
	return NULL;
}

/* Cut on a UTF-8 boundary, keeping the extension. */
static void short_name(const char *name, char *out, size_t outsz)
{
	const char *dot = strrchr(name, '.');
	size_t ext = dot ? strlen(dot) : 0, keep;

	if (strlen(name) <= DL_NAME_BYTES || ext > 16) {
		snprintf(out, outsz, "%.*s", DL_NAME_BYTES, name);
		return;
	}
	keep = DL_NAME_BYTES - ext;
	while (keep > 0 && ((unsigned char)name[keep] & 0xC0) == 0x80)
		keep--;
	snprintf(out, outsz, "%.*s%s", (int)keep, name, dot);
}

int file_send(struct req *r, const char *stored, long long size, const char *sha256,
	      const char *mime, const char *original)
{
	const char *dir = config_get("evidence_dir", NULL);
	const struct ev_type *t = ev_type_by_mime(mime);
	char name[DL_NAME_BYTES + 32];
	int rc;

	if (dir == NULL) {
		log_msg(r->id, "files: evidence_dir is not configured");
		return E_INTERNAL;
	}
	if ((rc = ev_load(r, dir, stored, size, sha256, "files")) != E_OK)
		return rc;
	short_name(original, name, sizeof name);
	req_download(r, t ? t->mime : "application/octet-stream", name);
	return E_OK;
}
