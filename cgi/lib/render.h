/* ClearSilver rendering with HTML escaping on by default. */
#ifndef EGOV_RENDER_H
#define EGOV_RENDER_H
#include "req.h"

int render_setup(void);   /* loads the language files once per process */
void render_teardown(void);
int render_begin(struct req *r);        /* new HDF with Lang, Config, Page */
int render_page(struct req *r);         /* renders r->tmpl into r->out */
void render_end(struct req *r);

void hset(struct req *r, const char *name, const char *value);
void hseti(struct req *r, const char *name, long long v);
/* name built with printf, e.g. hsetf(r, code, "Form.%d.code", i) */
void hsetf(struct req *r, const char *value, const char *namefmt, ...)
	__attribute__((format(printf, 3, 4)));
void hsetfi(struct req *r, long long v, const char *namefmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A node to fill many children of without walking from the root each time. */
HDF *hnode(struct req *r, const char *namefmt, ...) __attribute__((format(printf, 2, 3)));
void nset(struct req *r, HDF *node, const char *name, const char *value);
void nseti(struct req *r, HDF *node, const char *name, long long v);

#endif
