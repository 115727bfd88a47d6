#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	char *key, *val;
	struct entry *next;
};

static struct entry *entries;

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int config_load(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	int lineno = 0;

	if (f == NULL) {
		fprintf(stderr, "config: cannot open %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		char *eq, *k, *v;
		struct entry *e;

		lineno++;
		k = trim(line);
		if (*k == '\0' || *k == '#')
			continue;
		eq = strchr(k, '=');
		if (eq == NULL) {
			fprintf(stderr, "config: %s:%d: expected key = value\n", path, lineno);
			fclose(f);
			return -1;
		}
		*eq = '\0';
		k = trim(k);
		v = trim(eq + 1);
		e = calloc(1, sizeof *e);
		if (e == NULL || (e->key = strdup(k)) == NULL || (e->val = strdup(v)) == NULL) {
			fclose(f);
			return -1;
		}
		e->next = entries;
		entries = e;
	}
	fclose(f);
	return 0;
}

const char *config_get(const char *key, const char *dflt)
{
	struct entry *e;

	/* entries are prepended, so the first hit is the last line that set it */
	for (e = entries; e != NULL; e = e->next)
		if (strcmp(e->key, key) == 0)
			return e->val;
	return dflt;
}

long config_int(const char *key, long dflt)
{
	const char *v = config_get(key, NULL);
	char *end;
	long n;

	if (v == NULL)
		return dflt;
	n = strtol(v, &end, 10);
	return (*v != '\0' && *end == '\0') ? n : dflt;
}

void config_free(void)
{
	while (entries != NULL) {
		struct entry *n = entries->next;
		free(entries->key);
		free(entries->val);
		free(entries);
		entries = n;
	}
}
