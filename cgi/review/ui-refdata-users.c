/* User accounts, managed by a working group lead or an admin (USER_ADMINS):
 *   /review/users          list (active, disabled, all)
 *   /review/user           GET: add form (no id) or one user's page;
 *                          POST: add (with an initial password), or edit
 *                          name, e-mail, unit and roles
 *   /review/user-state     POST: disable (ends the user's sessions) or enable
 *   /review/user-password  POST: a new password typed by the working group;
 *                          failed logins and the lock are cleared and the
 *                          user's other sessions ended
 * Only an admin grants or removes the admin role or changes an admin's
 * account; nobody disables their own account or changes their own roles.
 * Logins are fixed once created.  Passwords are hashed (argon2id) and never
 * shown, logged or audited.  Audit: entity "user", entity_id the login. */
#define REFDATA_IMPL
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/auth.h"
#include "../lib/db.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

#define ID_MAX 4294967295LL
#define PW_MIN 8
#define PW_MAX 128
#define NROLES 8

/* The app_user.roles SET in its order: bit i is enum role's 1 << i. */
static const char *const role_name[NROLES] = {"officer", "unit_head", "wg", "wg_lead",
					      "deputy", "head", "admin", "member"};

enum {
	Q_LIST, Q_GET, Q_LOCK, Q_UNITS, Q_UNIT, Q_INSERT, Q_UPDATE, Q_ACTIVE, Q_KILL, Q_PW, Q_N
};

static const char *const sql[Q_N] = {
	/* Q_LIST */
	"SELECT a.id, a.login, a.display_name, a.email, u.code, u.name, u.name_en, a.roles, a.active, "
	"COALESCE(a.locked_until > UTC_TIMESTAMP(), 0), DATE(a.created_at + INTERVAL 7 HOUR) "
	"FROM app_user a LEFT JOIN unit u ON u.id = a.unit_id ORDER BY a.active DESC, a.login",
	/* Q_GET */
	"SELECT a.id, a.login, a.display_name, a.email, COALESCE(a.unit_id, 0), a.roles + 0, a.active, "
	"COALESCE(a.locked_until > UTC_TIMESTAMP(), 0), DATE(a.created_at + INTERVAL 7 HOUR), "
	"u.code, u.name, u.name_en, u.valid_to FROM app_user a LEFT JOIN unit u ON u.id = a.unit_id "
	"WHERE a.id = ?",
	/* Q_LOCK: the account about to change, in the transaction */
	"SELECT a.id, a.login, a.display_name, a.email, COALESCE(a.unit_id, 0), a.roles + 0, a.active, "
	"a.roles FROM app_user a WHERE a.id = ? FOR UPDATE",
	/* Q_UNITS: units a user can be placed in (those that exist today or later) */
	"SELECT id, code, name, name_en FROM unit WHERE valid_to IS NULL OR valid_to >= ? "
	"ORDER BY FIELD(kind, 'department', 'district', 'commune', 'other'), name, code",
	/* Q_UNIT */
	"SELECT code, valid_to FROM unit WHERE id = ?",
	/* Q_INSERT */
	"INSERT INTO app_user (login, display_name, email, unit_id, roles, active, pw_hash) "
	"VALUES (?, ?, ?, ?, ?, 1, ?)",
	/* Q_UPDATE */
	"UPDATE app_user SET display_name = ?, email = ?, unit_id = ?, roles = ? WHERE id = ?",
	/* Q_ACTIVE */
	"UPDATE app_user SET active = ? WHERE id = ?",
	/* Q_KILL: the user's sessions but the one making the request */
	"DELETE FROM session WHERE user_id = ? AND id_hash <> ?",
	/* Q_PW */
	"UPDATE app_user SET pw_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?",
};

static struct stmt_table tab = STMT_TABLE(sql);

const struct field rd_user_list_fields[] = {
	{"show", F_WORD, 0, 0, 0, "active|disabled|all"},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FL_SHOW };

const struct field rd_user_fields[] = {
	{"id", F_INT, 1, ID_MAX, 0, NULL},
	{"done", F_WORD, 0, 0, 0, "created|saved|disabled|enabled|password"},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FU_ID, FU_DONE };

const struct field rd_user_state_fields[] = {
	{"id", F_INT, 1, ID_MAX, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "disable|enable"},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FS_ID, FS_ACTION };

const struct field rd_user_pw_fields[] = {
	{"id", F_INT, 1, ID_MAX, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { FP_ID };

static int is_en(const struct req *r) { return strcmp(r->lang, "en") == 0; }

static const char *nz(const char *s) { return (s && *s) ? s : NULL; }

static int is_admin(const struct req *r) { return (r->user.roles & R_ADMIN) != 0; }

/* "officer,wg" from role bits, in the SET's order. */
static void roles_text(unsigned bits, char *out, size_t n)
{
	size_t l = 0;

	out[0] = '\0';
	for (int i = 0; i < NROLES; i++)
		if (bits & (1u << i))
			l += (size_t)snprintf(out + l, l < n ? n - l : 0, "%s%s", l ? "," : "",
					      role_name[i]);
}

static void put_roles(struct req *r, HDF *node, unsigned bits)
{
	int k = 0;

	for (int i = 0; i < NROLES; i++)
		if (bits & (1u << i)) {
			char name[24];
			snprintf(name, sizeof name, "roles.%d", k++);
			nset(r, node, name, role_name[i]);
		}
}

static unsigned roles_bits(const char *set)
{
	unsigned bits = 0;

	for (int i = 0; i < NROLES; i++)
		if (list_has(set, ',', role_name[i]))
			bits |= 1u << i;
	return bits;
}

/* ---- the list ---- */

int rd_user_list(struct req *r)
{
	const char *show = r->fv[FL_SHOW].present ? r->fv[FL_SHOW].s : "active";
	struct dbres res = {0};
	int rc, k = 0, nactive = 0, ndisabled = 0;

	review_nav(r, "users");
	r->tmpl = "review/refdata-users.cs";
	hset(r, "List.show", show);
	if ((rc = db_tab_exec(&tab, Q_LIST, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		int active = (int)dbres_int(&res, i, 8);
		const char *un = dbres_get(&res, i, is_en(r) && dbres_get(&res, i, 6) ? 6 : 5);
		HDF *n;

		if (active)
			nactive++;
		else
			ndisabled++;
		if ((strcmp(show, "active") == 0 && !active) || (strcmp(show, "disabled") == 0 && active))
			continue;
		n = hnode(r, "Users.%d", k++);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "login", dbres_get(&res, i, 1));
		nset(r, n, "name", dbres_get(&res, i, 2));
		nset(r, n, "email", dbres_get(&res, i, 3));
		nset(r, n, "unit_code", dbres_get(&res, i, 4));
		nset(r, n, "unit_name", un);
		put_roles(r, n, roles_bits(dbres_get(&res, i, 7)));
		nseti(r, n, "active", active);
		nset(r, n, "locked", dbres_get(&res, i, 9));
	}
	hseti(r, "List.nactive", nactive);
	hseti(r, "List.ndisabled", ndisabled);
	hseti(r, "List.nshown", k);
	dbres_free(&res);
	return E_OK;
}

/* ---- one user ---- */

static int put_units(struct req *r)
{
	struct dbres res = {0};
	char today[11], label[400];
	int rc;

	date_iso(rd_today(), today, sizeof today);
	if ((rc = db_tab_exec(&tab, Q_UNITS, &res, "s", today)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Units.%u", i);
		snprintf(label, sizeof label, "%s (%s)",
			 dbres_get(&res, i, is_en(r) && dbres_get(&res, i, 3) ? 3 : 2),
			 dbres_get(&res, i, 1));
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "label", label);
	}
	dbres_free(&res);
	return E_OK;
}

static void put_role_form(struct req *r, unsigned bits)
{
	for (int i = 0; i < NROLES; i++)
		if (bits & (1u << i))
			hsetf(r, "1", "F.roles.%s", role_name[i]);
}

/* The user's page (id 0: the add form); the edit form's fields come from
 * the database unless posted. */
static int show_user(struct req *r, long long id, int posted)
{
	struct dbres u = {0};
	int rc;

	review_nav(r, "users");
	r->tmpl = "review/refdata-user.cs";
	hseti(r, "Page.is_admin", is_admin(r));
	if ((rc = put_units(r)) != E_OK)
		return rc;
	if (id == 0) {
		hset(r, "Acct.new", "1");
		return E_OK;
	}
	if ((rc = db_tab_exec(&tab, Q_GET, &u, "i", id)) != E_OK)
		return rc;
	if (u.nrows != 1) {
		dbres_free(&u);
		return E_NOTFOUND;
	}
	{
		unsigned bits = (unsigned)dbres_int(&u, 0, 5);
		const char *uto = dbres_get(&u, 0, 12);
		HDF *n = hnode(r, "Acct");

		nseti(r, n, "id", id);
		nset(r, n, "login", dbres_get(&u, 0, 1));
		nset(r, n, "name", dbres_get(&u, 0, 2));
		nset(r, n, "active", dbres_get(&u, 0, 6));
		nset(r, n, "locked", dbres_get(&u, 0, 7));
		rd_hdate(r, "Acct.created", dbres_get(&u, 0, 8));
		nset(r, n, "unit_code", dbres_get(&u, 0, 9));
		nset(r, n, "unit_name", dbres_get(&u, 0, is_en(r) && dbres_get(&u, 0, 11) ? 11 : 10));
		if (uto != NULL) {
			char today[11];
			date_iso(rd_today(), today, sizeof today);
			nseti(r, n, "unit_ended", strcmp(uto, today) < 0);
		}
		put_roles(r, n, bits);
		nseti(r, n, "self", id == r->user.id);
		/* an admin's account is an admin's business */
		nseti(r, n, "protected", (bits & R_ADMIN) && !is_admin(r));
		if (!posted) {
			hset(r, "F.name", dbres_get(&u, 0, 2));
			hset(r, "F.email", dbres_get(&u, 0, 3));
			hset(r, "F.unit", dbres_get(&u, 0, 4));
			put_role_form(r, bits);
		}
	}
	dbres_free(&u);
	return E_OK;
}

int rd_user_get(struct req *r)
{
	if (r->fv[FU_DONE].present)
		hset(r, "Page.done", r->fv[FU_DONE].s);
	return show_user(r, r->fv[FU_ID].present ? r->fv[FU_ID].i : 0, 0);
}

/* E-mail: something@domain.tld without spaces; not checked further. */
static int email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL || strpbrk(s, " \t<>\"(),;:[]\\") != NULL)
		return 0;
	return strchr(at + 1, '.') != NULL && at[1] != '.' && s[strlen(s) - 1] != '.';
}

static int login_ok(const char *s)
{
	size_t n = strlen(s);

	if (n < 2 || n > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '_' || *s == '-' || *s == '@'))
			return 0;
	return 1;
}

/* The roles ticked: repeated checkboxes "roles". */
static unsigned posted_roles(struct req *r, int *bad)
{
	unsigned bits = 0;

	*bad = 0;
	for (int i = r->nkv_query; i < r->nkv; i++) {
		int k = 0;

		if (strcmp(r->kv[i].key, "roles") != 0 || r->kv[i].filename != NULL)
			continue;
		while (k < NROLES && strcmp(role_name[k], r->kv[i].val) != 0)
			k++;
		if (k == NROLES)
			*bad = 1;
		else
			bits |= 1u << k;
	}
	return bits;
}

/* The unit chosen: 0 for none, -1 when the choice is refused (recorded).
 * keep: the user's present unit, accepted even if it has ended. */
static long long posted_unit(struct req *r, int *nerr, long long keep, struct dbres *u, int *rc)
{
	const char *s;
	char num[24], today[11];
	long long id;

	*rc = E_OK;
	if (!rd_field(r, nerr, "unit", 12, 0, &s))
		return -1;
	if (*s == '\0' || strcmp(s, "0") == 0)
		return 0;
	if (rd_num(s, 1, num, sizeof num) != NULL || (id = atoll(num)) <= 0) {
		rd_err(r, nerr, "unit", "choose", 0);
		return -1;
	}
	if ((*rc = db_tab_exec(&tab, Q_UNIT, u, "i", id)) != E_OK)
		return -1;
	if (u->nrows != 1) {
		rd_err(r, nerr, "unit", "choose", 0);
		return -1;
	}
	date_iso(rd_today(), today, sizeof today);
	if (id != keep && dbres_get(u, 0, 1) != NULL && strcmp(dbres_get(u, 0, 1), today) < 0) {
		rd_err(r, nerr, "unit", "unit_ended", 0);
		return -1;
	}
	return id;
}

/* A password typed twice: checks it (errors recorded) and returns it, or
 * NULL. */
static const char *posted_password(struct req *r, int *nerr, const char *login)
{
	const char *pw = rd_body(r, "pw"), *pw2 = rd_body(r, "pw2");
	size_t n = pw ? utf8_chars(pw) : 0;
	int bad = 0;

	if (pw == NULL || *pw == '\0') {
		rd_err(r, nerr, "pw", "required", 0);
		bad = 1;
	} else if (n < PW_MIN) {
		rd_err(r, nerr, "pw", "pw_short", 0);
		bad = 1;
	} else if (n > PW_MAX) {
		rd_err(r, nerr, "pw", "too_long", PW_MAX);
		bad = 1;
	} else if (login && strcmp(pw, login) == 0) {
		rd_err(r, nerr, "pw", "pw_login", 0);
		bad = 1;
	} else if (pw2 == NULL || strcmp(pw, pw2) != 0) {
		rd_err(r, nerr, "pw2", "pw_mismatch", 0);
		bad = 1;
	}
	return bad ? NULL : pw;
}

static int user_add(struct req *r)
{
	static const char *const keep[] = {"login", "name", "email", "unit"};
	char hash[crypto_pwhash_STRBYTES], roles[96], loc[96];
	struct dbres u = {0};
	const char *login, *name, *email, *pw;
	unsigned bits;
	long long unit;
	int nerr = 0, rc, badrole;

	if (rd_field(r, &nerr, "login", 64, 1, &login) && !login_ok(login))
		rd_err(r, &nerr, "login", "login", 0);
	rd_field(r, &nerr, "name", 255, 1, &name);
	if (rd_field(r, &nerr, "email", 255, 0, &email) && *email && !email_ok(email))
		rd_err(r, &nerr, "email", "email", 0);
	unit = posted_unit(r, &nerr, 0, &u, &rc);
	if (rc != E_OK)
		goto out;
	bits = posted_roles(r, &badrole);
	if (badrole || bits == 0)
		rd_err(r, &nerr, "roles", "choose_role", 0);
	else if ((bits & R_ADMIN) && !is_admin(r))
		rd_err(r, &nerr, "roles", "admin_only", 0);
	else if ((bits & (R_OFFICER | R_UNIT_HEAD)) && unit == 0)
		rd_err(r, &nerr, "unit", "unit_required", 0);
	pw = posted_password(r, &nerr, login);
	roles_text(bits, roles, sizeof roles);
	/* hashing is slow: only when everything is right */
	if (nerr == 0 && pw_hash(pw, hash) != 0) {
		rc = E_INTERNAL;
		goto out;
	}
	if (nerr == 0) {
		struct dbparam p[6];
		struct buf b;

		memset(p, 0, sizeof p);
		p[0] = (struct dbparam){'s', 0, 0, login, 0};
		p[1] = (struct dbparam){'s', 0, 0, name, 0};
		p[2] = (struct dbparam){'s', 0, 0, nz(email), 0};
		p[3] = unit ? (struct dbparam){'i', unit, 0, NULL, 0} : (struct dbparam){'s', 0, 0, NULL, 0};
		p[4] = (struct dbparam){'s', 0, 0, roles, 0};
		p[5] = (struct dbparam){'s', 0, 0, hash, 0};
		buf_init(&b);
		rd_kv(&b, "name", name);
		rd_kv(&b, "email", email);
		rd_kv(&b, "unit", unit ? dbres_get(&u, 0, 0) : "");
		rd_kv(&b, "roles", roles);
		if ((rc = db_begin()) == E_OK) {
			if ((rc = db_tab_execv(&tab, Q_INSERT, NULL, p, 6)) == E_OK) {
				snprintf(loc, sizeof loc, "/review/user?id=%llu&done=created", db_insert_id());
				if ((rc = audit(r, "user_add", "user", login, NULL, buf_str(&b), NULL)) == E_OK)
					rc = db_commit();
			}
			if (rc != E_OK)
				db_rollback();
		}
		buf_free(&b);
		sodium_memzero(hash, sizeof hash);
		if (rc == E_OK) {
			req_redirect(r, loc);
			goto out;
		}
		if (rc != E_DUP)
			goto out;
		rd_err(r, &nerr, "login", "login_exists", 0);
	}
	rd_refuse(r, keep, sizeof keep / sizeof keep[0], nerr);
	put_role_form(r, bits);
	rc = show_user(r, 0, 1);
out:
	dbres_free(&u);
	return rc;
}

/* The locked row of a user the actor may change; E_FORBIDDEN for an admin's
 * account unless the actor is an admin. */
static int lock_user(struct req *r, long long id, struct dbres *cur)
{
	int rc = db_tab_exec(&tab, Q_LOCK, cur, "i", id);

	if (rc != E_OK)
		return rc;
	if (cur->nrows != 1)
		return E_NOTFOUND;
	if ((dbres_int(cur, 0, 5) & R_ADMIN) && !is_admin(r))
		return E_FORBIDDEN;
	return E_OK;
}

static int user_edit(struct req *r, long long id)
{
	static const char *const keep[] = {"name", "email", "unit"};
	struct dbres cur = {0}, u = {0}, ou = {0}, before = {0};
	struct audit_row rows[4];
	char roles[96], loc[96];
	const char *name, *email, *login;
	unsigned bits, old_bits;
	long long unit, old_unit;
	int nerr = 0, rc, badrole, n = 0;

	/* the present unit may stay even if it has ended since */
	if ((rc = db_tab_exec(&tab, Q_GET, &before, "i", id)) != E_OK)
		goto out;
	if (before.nrows != 1) {
		rc = E_NOTFOUND;
		goto out;
	}
	rd_field(r, &nerr, "name", 255, 1, &name);
	if (rd_field(r, &nerr, "email", 255, 0, &email) && *email && !email_ok(email))
		rd_err(r, &nerr, "email", "email", 0);
	unit = posted_unit(r, &nerr, dbres_int(&before, 0, 4), &u, &rc);
	if (rc != E_OK)
		goto out;
	bits = posted_roles(r, &badrole);
	if (badrole || bits == 0)
		rd_err(r, &nerr, "roles", "choose_role", 0);
	else if (((bits ^ (unsigned)dbres_int(&before, 0, 5)) & R_ADMIN) && !is_admin(r))
		rd_err(r, &nerr, "roles", "admin_only", 0);
	else if (id == r->user.id && bits != (unsigned)dbres_int(&before, 0, 5))
		rd_err(r, &nerr, "roles", "self_roles", 0);
	else if ((bits & (R_OFFICER | R_UNIT_HEAD)) && unit == 0)
		rd_err(r, &nerr, "unit", "unit_required", 0);
	if (nerr > 0)
		goto bad;
	if ((rc = db_begin()) != E_OK)
		goto out;
	if ((rc = lock_user(r, id, &cur)) != E_OK)
		goto fail;
	login = dbres_get(&cur, 0, 1);
	old_bits = (unsigned)dbres_int(&cur, 0, 5);
	old_unit = dbres_int(&cur, 0, 4);
	roles_text(bits, roles, sizeof roles);
	if (!rd_same(dbres_get(&cur, 0, 2), name))
		rows[n++] = (struct audit_row){"set_name", "user", login, dbres_get(&cur, 0, 2), name, NULL};
	if (!rd_same(dbres_get(&cur, 0, 3), email))
		rows[n++] = (struct audit_row){"set_email", "user", login, dbres_get(&cur, 0, 3), nz(email),
					       NULL};
	if (old_unit != unit) {
		if (old_unit && (rc = db_tab_exec(&tab, Q_UNIT, &ou, "i", old_unit)) != E_OK)
			goto fail;
		rows[n++] = (struct audit_row){"set_unit", "user", login,
					       old_unit ? dbres_get(&ou, 0, 0) : NULL,
					       unit ? dbres_get(&u, 0, 0) : NULL, NULL};
	}
	if (old_bits != bits)
		rows[n++] = (struct audit_row){"set_roles", "user", login, dbres_get(&cur, 0, 7), roles,
					       NULL};
	if (n > 0) {
		struct dbparam p[5];
		memset(p, 0, sizeof p);
		p[0] = (struct dbparam){'s', 0, 0, name, 0};
		p[1] = (struct dbparam){'s', 0, 0, nz(email), 0};
		p[2] = unit ? (struct dbparam){'i', unit, 0, NULL, 0} : (struct dbparam){'s', 0, 0, NULL, 0};
		p[3] = (struct dbparam){'s', 0, 0, roles, 0};
		p[4] = (struct dbparam){'i', id, 0, NULL, 0};
		if ((rc = db_tab_execv(&tab, Q_UPDATE, NULL, p, 5)) != E_OK ||
		    (rc = audit_many(r, rows, n)) != E_OK || (rc = db_commit()) != E_OK)
			goto fail;
	} else {
		db_rollback();
	}
	snprintf(loc, sizeof loc, "/review/user?id=%lld&done=saved", id);
	req_redirect(r, loc);
	goto out;
fail:
	db_rollback();
	goto out;
bad:
	rd_refuse(r, keep, sizeof keep / sizeof keep[0], nerr);
	put_role_form(r, bits);
	rc = show_user(r, id, 1);
out:
	dbres_free(&cur);
	dbres_free(&u);
	dbres_free(&ou);
	dbres_free(&before);
	return rc;
}

int rd_user_post(struct req *r)
{
	return r->fv[FU_ID].present ? user_edit(r, r->fv[FU_ID].i) : user_add(r);
}

/* Ends the user's sessions, except the one making this request. */
static int kill_sessions(struct req *r, long long id)
{
	unsigned char mine[32];

	if (auth_cookie_hash(r, mine) != 0)
		memset(mine, 0, sizeof mine);
	return db_tab_exec(&tab, Q_KILL, NULL, "ib", id, (const char *)mine, (size_t)32);
}

int rd_user_state(struct req *r)
{
	long long id = r->fv[FS_ID].i;
	int disable = strcmp(r->fv[FS_ACTION].s, "disable") == 0, rc;
	struct dbres cur = {0};
	char loc[96];

	if (disable && id == r->user.id) {
		/* nobody locks themselves out */
		r->status = 422;
		hset(r, "E.state", "self_disable");
		return show_user(r, id, 0);
	}
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = lock_user(r, id, &cur)) != E_OK)
		goto fail;
	if (dbres_int(&cur, 0, 6) == disable) {
		if ((rc = db_tab_exec(&tab, Q_ACTIVE, NULL, "ii", (long long)!disable, id)) != E_OK ||
		    (disable && (rc = kill_sessions(r, id)) != E_OK) ||
		    (rc = audit(r, disable ? "user_disable" : "user_enable", "user", dbres_get(&cur, 0, 1),
				disable ? "active=1" : "active=0", disable ? "active=0" : "active=1",
				NULL)) != E_OK ||
		    (rc = db_commit()) != E_OK)
			goto fail;
	} else {
		db_rollback();   /* already so */
	}
	dbres_free(&cur);
	snprintf(loc, sizeof loc, "/review/user?id=%lld&done=%s", id, disable ? "disabled" : "enabled");
	req_redirect(r, loc);
	return E_OK;
fail:
	db_rollback();
	dbres_free(&cur);
	return rc;
}

int rd_user_pw(struct req *r)
{
	long long id = r->fv[FP_ID].i;
	char hash[crypto_pwhash_STRBYTES], loc[96];
	struct dbres before = {0}, cur = {0};
	const char *pw;
	int nerr = 0, rc;

	if ((rc = db_tab_exec(&tab, Q_GET, &before, "i", id)) != E_OK)
		return rc;
	if (before.nrows != 1) {
		dbres_free(&before);
		return E_NOTFOUND;
	}
	pw = posted_password(r, &nerr, dbres_get(&before, 0, 1));
	dbres_free(&before);
	if (pw == NULL) {
		rd_refuse(r, NULL, 0, nerr);
		return show_user(r, id, 0);
	}
	if (pw_hash(pw, hash) != 0)
		return E_INTERNAL;
	if ((rc = db_begin()) != E_OK)
		goto out;
	if ((rc = lock_user(r, id, &cur)) != E_OK ||
	    (rc = db_tab_exec(&tab, Q_PW, NULL, "si", hash, id)) != E_OK ||
	    (rc = kill_sessions(r, id)) != E_OK ||
	    (rc = audit(r, "user_password", "user", dbres_get(&cur, 0, 1), NULL, NULL, NULL)) != E_OK ||
	    (rc = db_commit()) != E_OK) {
		db_rollback();
		goto out;
	}
	snprintf(loc, sizeof loc, "/review/user?id=%lld&done=password", id);
	req_redirect(r, loc);
out:
	sodium_memzero(hash, sizeof hash);
	dbres_free(&cur);
	return rc;
}
