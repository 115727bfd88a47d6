/* A refused form's typed values back into the page (see typedback.h). */
#include "typedback.h"

#include <string.h>

#include "render.h"

void typed_back(struct req *r, const char *node, const char *const *names, const int *idx, size_t n,
		const char *ticked)
{
	for (size_t i = 0; i < n; i++)
		if (r->fv[idx[i]].present)
			hsetf(r, r->fv[idx[i]].s, "%s.%s", node, names[i]);
	for (int i = r->nkv_query; i < r->nkv; i++)
		if (strcmp(r->kv[i].key, ticked) == 0 && r->kv[i].filename == NULL &&
		    strspn(r->kv[i].val, "0123456789") == strlen(r->kv[i].val) && strlen(r->kv[i].val) < 12)
			hsetf(r, "1", "%s.%s.%s", node, ticked, r->kv[i].val);
}
