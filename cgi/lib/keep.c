#include "keep.h"

#include <stdlib.h>
#include <string.h>

#include "gen.h"

static void drop(struct keep_slot *s)
{
	if (s->key != NULL)
		explicit_bzero(s->key, s->keylen);
	if (s->val != NULL)
		explicit_bzero(s->val, s->len);
	free(s->key);
	free(s->val);
	memset(s, 0, sizeof *s);
}

static struct keep_slot *find(struct keep *k, const void *key, size_t keylen)
{
	for (int i = 0; i < KEEP_SLOTS; i++) {
		struct keep_slot *s = &k->s[i];
		if (s->key != NULL && s->keylen == keylen && memcmp(s->key, key, keylen) == 0)
			return s;
	}
	return NULL;
}

const void *keep_get(struct keep *k, const void *key, size_t keylen, uint64_t gen, time_t now,
		     size_t *len)
{
	struct keep_slot *s = gen != 0 ? find(k, key, keylen) : NULL;

	if (s == NULL)
		return NULL;
	if (s->gen != gen || now < s->at || now - s->at >= gen_max_age()) {
		drop(s);
		return NULL;
	}
	*len = s->len;
	return s->val;
}

int keep_put(struct keep *k, const void *key, size_t keylen, const void *val, size_t len, uint64_t gen,
	     time_t at)
{
	struct keep_slot *s = find(k, key, keylen);
	void *kc, *vc;

	if (gen == 0)
		return 0;
	kc = malloc(keylen ? keylen : 1);
	vc = malloc(len ? len : 1);
	if (kc == NULL || vc == NULL) {
		free(kc);
		free(vc);
		return -1;
	}
	memcpy(kc, key, keylen);
	memcpy(vc, val, len);
	/* the same key, else a free slot, else the oldest */
	for (int i = 0; s == NULL && i < KEEP_SLOTS; i++)
		if (k->s[i].key == NULL)
			s = &k->s[i];
	if (s == NULL) {
		s = &k->s[0];
		for (int i = 1; i < KEEP_SLOTS; i++)
			if (k->s[i].at < s->at)
				s = &k->s[i];
	}
	drop(s);
	*s = (struct keep_slot){kc, vc, keylen, len, gen, at};
	return 0;
}

void keep_clear(struct keep *k)
{
	for (int i = 0; i < KEEP_SLOTS; i++)
		drop(&k->s[i]);
}
