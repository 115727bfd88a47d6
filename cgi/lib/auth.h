/* Identity of the request: built-in sessions or the web server's REMOTE_USER,
 * CSRF tokens, password hashes (argon2id). */
#ifndef EGOV_AUTH_H
#define EGOV_AUTH_H
#include <stddef.h>
#include <sodium.h>

#include "audit.h"
#include "req.h"

#define SESSION_COOKIE "egov_sid"
#define PRE_COOKIE "egov_pre"

int auth_setup(void);
int auth_remote_mode(void);
int auth_load(struct req *r);
/* Double-submit token for forms shown before login. */
void auth_pre_token(struct req *r);
int auth_csrf_ok(struct req *r);
/* Creates a session: returns the cookie value's SHA-256 for the INSERT. */
int auth_new_session(struct req *r, unsigned char hash[32], char csrf[65]);
int auth_cookie_hash(struct req *r, unsigned char hash[32]);

void random_hex(char *out, size_t nbytes);  /* out holds 2*nbytes+1 */
int pw_hash(const char *pw, char out[crypto_pwhash_STRBYTES]);
int pw_verify(const char *encoded, const char *pw);

#endif
