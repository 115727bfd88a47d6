/* A refused form shown again with what was typed, so nothing is lost. */
#ifndef EGOV_TYPEDBACK_H
#define EGOV_TYPEDBACK_H
#include <stddef.h>

#include "req.h"

/* Sets <node>.<names[k]> to each validated field fv[idx[k]] that was sent,
 * and <node>.<ticked>.<id> to "1" for each posted checkbox ticked=<id>
 * (decimal ids only: the value becomes part of an HDF name). */
void typed_back(struct req *r, const char *node, const char *const *names, const int *idx, size_t n,
		const char *ticked);

#endif
