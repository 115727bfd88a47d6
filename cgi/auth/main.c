/* egov-auth: the login program.  The only one whose account reads password
 * hashes and writes sessions. */
#include <stdio.h>
#include <string.h>

#include "../lib/auth.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/render.h"
#include "../lib/stmts.h"

enum {
	ST_LOGIN_USER = ST_LIB_COUNT,
	ST_LOGIN_FAIL,
	ST_LOGIN_OK,
	ST_SESSION_NEW,
	ST_SESSION_DEL,
	ST_SESSION_PURGE,
	ST_COUNT
};

static const char *const sql[ST_COUNT] = {
	LIB_SQL,
	/* ST_LOGIN_USER */
	"SELECT id, pw_hash, active, COALESCE(locked_until > UTC_TIMESTAMP(), 0), unit_id "
	"FROM app_user WHERE login = ?",
	/* ST_LOGIN_FAIL: lock after N failures in a row, then start counting again */
	"UPDATE app_user SET locked_until = IF(failed_logins + 1 >= ?, "
	"UTC_TIMESTAMP() + INTERVAL ? SECOND, locked_until), "
	"failed_logins = IF(failed_logins + 1 >= ?, 0, failed_logins + 1) WHERE id = ?",
	/* ST_LOGIN_OK */
	"UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?",
	/* ST_SESSION_NEW */
	"INSERT INTO session (id_hash, user_id, csrf, created_at, last_seen) "
	"VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	/* ST_SESSION_DEL */
	"DELETE FROM session WHERE id_hash = ?",
	/* ST_SESSION_PURGE */
	"DELETE FROM session WHERE last_seen < UTC_TIMESTAMP() - INTERVAL ? SECOND "
	"OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND",
};

enum { LF_LOGIN, LF_PASSWORD };
static const struct field login_fields[] = {
	{"login", F_LINE, 0, 64, 0, NULL},
	{"password", F_LINE, 0, 256, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

static int login_form(struct req *r, const char *error)
{
	if (r->authed) {
		req_redirect(r, "/");
		return E_OK;
	}
	if (error != NULL) {
		hset(r, "Login.error", error);
		r->status = 401;
	}
	if (r->fv[LF_LOGIN].present)
		hset(r, "Login.login", r->fv[LF_LOGIN].s);
	r->tmpl = "auth/login.cs";
	return E_OK;
}

static int login_get(struct req *r) { return login_form(r, NULL); }

/* The same work whether the login exists or not, so timing tells nothing. */
static void dummy_verify(const char *pw)
{
	static char dummy[crypto_pwhash_STRBYTES];

	if (dummy[0] == '\0' && pw_hash("egov-dummy-password", dummy) != 0)
		return;
	(void)pw_verify(dummy, pw);
}

static int login_post(struct req *r)
{
	const char *login = r->fv[LF_LOGIN].s, *pw = r->fv[LF_PASSWORD].s;
	unsigned char hash[32];
	char csrf[65], uid[24];
	struct dbres res;
	long long id;
	int rc, ok;

	if (login == NULL || *login == '\0' || pw == NULL || *pw == '\0')
		return login_form(r, "missing");
	if ((rc = db_exec(ST_LOGIN_USER, &res, "s", login)) != E_OK)
		return rc;
	if (res.nrows != 1 || dbres_get(&res, 0, 1) == NULL || dbres_int(&res, 0, 2) != 1) {
		dbres_free(&res);
		dummy_verify(pw);
		audit(r, "login_failed", "user", login, NULL, NULL, NULL);
		return login_form(r, "bad_login");
	}
	id = dbres_int(&res, 0, 0);
	snprintf(uid, sizeof uid, "%lld", id);
	if (dbres_int(&res, 0, 3)) {
		dbres_free(&res);
		audit(r, "login_locked", "user", uid, NULL, NULL, NULL);
		return login_form(r, "locked");
	}
	ok = pw_verify(dbres_get(&res, 0, 1), pw);
	r->user.unit_id = dbres_int(&res, 0, 4);
	dbres_free(&res);
	if (!ok) {
		long long max = config_int("login_max_failures", 5);
		rc = db_exec(ST_LOGIN_FAIL, NULL, "iiii", max,
			     (long long)config_int("login_lockout_s", 900), max, id);
		if (rc == E_OK)
			rc = audit(r, "login_failed", "user", uid, NULL, NULL, NULL);
		return rc != E_OK ? rc : login_form(r, "bad_login");
	}
	r->user.id = id;
	auth_new_session(r, hash, csrf);
	if ((rc = db_exec(ST_LOGIN_OK, NULL, "i", id)) != E_OK ||
	    (rc = db_exec(ST_SESSION_PURGE, NULL, "ii", (long long)config_int("session_idle_s", 1800),
			  (long long)config_int("session_max_s", 43200))) != E_OK ||
	    (rc = db_exec(ST_SESSION_NEW, NULL, "bis", (const char *)hash, (size_t)32, id, csrf)) != E_OK ||
	    (rc = audit(r, "login", "user", uid, NULL, NULL, NULL)) != E_OK)
		return rc;
	req_set_cookie(r, PRE_COOKIE, "", 0);
	req_redirect(r, "/");
	return E_OK;
}

static int logout_post(struct req *r)
{
	unsigned char hash[32];
	char uid[24];
	int rc;

	if (auth_cookie_hash(r, hash) == 0 &&
	    (rc = db_exec(ST_SESSION_DEL, NULL, "b", (const char *)hash, (size_t)32)) != E_OK)
		return rc;
	snprintf(uid, sizeof uid, "%lld", r->user.id);
	if ((rc = audit(r, "logout", "user", uid, NULL, NULL, NULL)) != E_OK)
		return rc;
	req_set_cookie(r, SESSION_COOKIE, "", 0);
	req_redirect(r, "/login");
	return E_OK;
}

/* "/" leads each user to where their work is. */
static int home_get(struct req *r)
{
	if (!r->authed) {
		req_redirect(r, "/login");
		return E_OK;
	}
	/* dashboard: the committee's head and deputies land on the dashboard */
	if (r->user.roles & (R_HEAD | R_DEPUTY)) {
		req_redirect(r, "/dashboard/");
		return E_OK;
	}
	/* end dashboard */
	if ((r->user.roles & (R_OFFICER | R_UNIT_HEAD)) && r->user.unit_id != 0) {
		req_redirect(r, "/report/");
		return E_OK;
	}
	if (r->user.roles & (R_WG | R_WG_LEAD | R_ADMIN)) {
		req_redirect(r, "/review/");
		return E_OK;
	}
	/* a committee member without a reporting unit: the committee's view */
	if (r->user.roles & R_MEMBER) {
		req_redirect(r, "/dashboard/");
		return E_OK;
	}
	r->tmpl = "auth/home.cs";
	return E_OK;
}

/* The language is a preference, kept in a cookie; no data changes. */
static const struct field lang_fields[] = {
	{"l", F_WORD, 0, 0, 1, "vi|en"},
	{NULL, 0, 0, 0, 0, NULL},
};

static int lang_get(struct req *r)
{
	req_header(r, "Set-Cookie: lang=%s; Path=/; Max-Age=31536000; SameSite=Strict%s",
		   r->fv[0].s, r->https ? "; Secure" : "");
	req_redirect(r, "/");
	return E_OK;
}

static const struct page pages[] = {
	{"/login", M_GET | M_POST, login_get, login_post, 0, login_fields, 0},
	{"/logout", M_POST, NULL, logout_post, R_ANY_USER, NULL, 0},
	{"/", M_GET, home_get, NULL, 0, NULL, 0},
	{"/lang", M_GET, lang_get, NULL, 0, lang_fields, 0},
	{NULL, 0, NULL, NULL, 0, NULL, 0},
};

static const struct app app = {"auth", pages, sql, ST_COUNT, 16 * 1024};

int main(int argc, char **argv) { return app_main(&app, argc, argv); }
