#include "auth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "keep.h"
#include "log.h"
#include "stmts.h"

/* OWASP's argon2id minimum: 19 MiB, 2 passes.  Logins stay near 50 ms. */
#define PW_OPS 2
#define PW_MEM (19u * 1024u * 1024u)

static unsigned char csrf_key[crypto_auth_hmacsha256_KEYBYTES];

int auth_setup(void)
{
	const char *secret;

	if (sodium_init() < 0)
		return -1;
	/* REMOTE_USER mode has no session row to hold a token: derive it */
	secret = config_get("secret", "");
	crypto_hash_sha256(csrf_key, (const unsigned char *)secret, strlen(secret));
	return 0;
}

int auth_remote_mode(void)
{
	return strcmp(config_get("auth", "builtin"), "remote_user") == 0;
}

void random_hex(char *out, size_t nbytes)
{
	unsigned char raw[64];

	if (nbytes > sizeof raw)
		nbytes = sizeof raw;
	randombytes_buf(raw, nbytes);
	sodium_bin2hex(out, nbytes * 2 + 1, raw, nbytes);
}

static int fill_user(struct req *r, const struct dbres *res)
{
	r->user.id = dbres_int(res, 0, 0);
	snprintf(r->user.login, sizeof r->user.login, "%s", dbres_get(res, 0, 1));
	snprintf(r->user.name, sizeof r->user.name, "%s", dbres_get(res, 0, 2));
	r->user.unit_id = dbres_int(res, 0, 3);
	r->user.roles = (unsigned)dbres_int(res, 0, 4);
	snprintf(r->user.unit_name, sizeof r->user.unit_name, "%s", dbres_get(res, 0, 5));
	snprintf(r->user.unit_kind, sizeof r->user.unit_kind, "%s", dbres_get(res, 0, 6));
	r->refver = dbres_int(res, 0, 9);
	r->authed = 1;
	return E_OK;
}

/* Sessions checked lately, for GET requests only (a POST always asks the
 * database): valid while the data generation stays where it was before the
 * check, and for cache_seconds at most, so a logout, a password change or a
 * deactivated account (all POSTs or commits, which move the generation)
 * reaches the next request; idle and absolute limits are late by
 * cache_seconds at most. */
static struct keep sessions;

struct kept_session {
	struct user user;
	long long refver;
};

static int sess_cached(struct req *r, const unsigned char hash[32])
{
	size_t len;
	const struct kept_session *k = keep_get(&sessions, hash, 32, r->gen, r->started, &len);

	if (k == NULL || len != sizeof *k)
		return 0;
	r->user = k->user;
	r->refver = k->refver;
	r->authed = 1;
	return 1;
}

static void sess_keep(const struct req *r, const unsigned char hash[32])
{
	struct kept_session k;

	memset(&k, 0, sizeof k);
	k.user = r->user;
	k.refver = r->refver;
	keep_put(&sessions, hash, 32, &k, sizeof k, r->gen, r->started);
	sodium_memzero(&k, sizeof k);
}

int auth_cookie_hash(struct req *r, unsigned char hash[32])
{
	char sid[80];

	if (req_cookie(r, SESSION_COOKIE, sid, sizeof sid) == NULL || strlen(sid) != 64)
		return -1;
	crypto_hash_sha256(hash, (const unsigned char *)sid, strlen(sid));
	return 0;
}

int auth_load(struct req *r)
{
	struct dbres res;
	unsigned char hash[32];
	int rc;

	if (auth_remote_mode()) {
		const char *ru = req_env(r, "REMOTE_USER");
		unsigned char mac[32];

		if (ru == NULL || *ru == '\0')
			return E_UNAUTH;
		rc = db_exec(ST_USER_REMOTE, &res, "s", ru);
		if (rc != E_OK)
			return rc;
		if (res.nrows != 1) {
			dbres_free(&res);
			return E_FORBIDDEN;
		}
		fill_user(r, &res);
		dbres_free(&res);
		crypto_auth_hmacsha256(mac, (const unsigned char *)r->user.login,
				       strlen(r->user.login), csrf_key);
		sodium_bin2hex(r->user.csrf, sizeof r->user.csrf, mac, sizeof mac);
		return E_OK;
	}
	if (auth_cookie_hash(r, hash) != 0)
		return E_UNAUTH;
	if (r->method == M_GET && sess_cached(r, hash))
		return E_OK;
	rc = db_exec(ST_SESSION_GET, &res, "bii", (const char *)hash, (size_t)32,
		     (long long)config_int("session_idle_s", 1800),
		     (long long)config_int("session_max_s", 43200));
	if (rc != E_OK)
		return rc;
	if (res.nrows != 1) {
		dbres_free(&res);
		return E_UNAUTH;
	}
	fill_user(r, &res);
	snprintf(r->user.csrf, sizeof r->user.csrf, "%s", dbres_get(&res, 0, 7));
	/* keep idle time fresh without a write on every request */
	if (dbres_int(&res, 0, 8) >= 60)
		rc = db_exec(ST_SESSION_TOUCH, NULL, "b", (const char *)hash, (size_t)32);
	dbres_free(&res);
	if (rc == E_OK && r->method == M_GET)
		sess_keep(r, hash);
	return rc;
}

void auth_pre_token(struct req *r)
{
	char tok[80];

	if (req_cookie(r, PRE_COOKIE, tok, sizeof tok) != NULL && strlen(tok) == 64 &&
	    strspn(tok, "0123456789abcdef") == 64) {
		memcpy(r->user.csrf, tok, 65);
		return;
	}
	random_hex(r->user.csrf, 32);
	req_set_cookie(r, PRE_COOKIE, r->user.csrf, -1);
}

int auth_csrf_ok(struct req *r)
{
	const char *t = req_body_param(r, "csrf");

	if (t == NULL || r->user.csrf[0] == '\0' || strlen(t) != strlen(r->user.csrf))
		return 0;
	return sodium_memcmp(t, r->user.csrf, strlen(t)) == 0;
}

int auth_new_session(struct req *r, unsigned char hash[32], char csrf[65])
{
	char sid[65];

	random_hex(sid, 32);
	random_hex(csrf, 32);
	crypto_hash_sha256(hash, (const unsigned char *)sid, 64);
	req_set_cookie(r, SESSION_COOKIE, sid, -1);
	sodium_memzero(sid, sizeof sid);
	return E_OK;
}

int pw_hash(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	return crypto_pwhash_str_alg(out, pw, strlen(pw), PW_OPS, PW_MEM,
				     crypto_pwhash_ALG_ARGON2ID13) == 0 ? 0 : -1;
}

int pw_verify(const char *encoded, const char *pw)
{
	return crypto_pwhash_str_verify(encoded, pw, strlen(pw)) == 0;
}
