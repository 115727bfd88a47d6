/* egov-admin: migrations, reference data, users and periods from the shell.
 * Passwords are read from standard input, never from the command line. */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../lib/auth.h"
#include "../lib/buf.h"
#include "../lib/config.h"
#include "../lib/csv.h"
#include "../lib/db.h"
#include "../lib/gen.h"
#include "../lib/log.h"
#include "../lib/period.h"
#include "../lib/stmts.h"
#include "../lib/text.h"

enum {
	ST_UNIT_ID = ST_LIB_COUNT,
	ST_UNIT_UPSERT,
	ST_PILLAR_UPSERT,
	ST_IND_UPSERT,
	ST_USER_ADD,
	ST_USER_PW,
	ST_USER_ACTIVE,
	ST_PERIOD_ADD,
	ST_PERIOD_OPEN,
	ST_PERIOD_LOCK,
	ST_PERIOD_ASK,
	ST_VERSION_HAS,
	ST_VERSION_ADD,
	ST_COUNT
};

static const char *const sql[ST_COUNT] = {
	LIB_SQL,
	"SELECT id FROM unit WHERE code = ?",
	"INSERT INTO unit (code, name, name_en, kind, parent_id, valid_from, valid_to, successor_id, "
	"note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), "
	"name_en = VALUES(name_en), kind = VALUES(kind), parent_id = VALUES(parent_id), "
	"valid_from = VALUES(valid_from), valid_to = VALUES(valid_to), "
	"successor_id = VALUES(successor_id), note = VALUES(note)",
	"INSERT INTO pillar (code, name, name_en, sort) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	"name = VALUES(name), name_en = VALUES(name_en), sort = VALUES(sort)",
	"INSERT INTO indicator (code, name, name_en, pillar, uom, vtype, min_value, max_value, "
	"required, unit_kinds, direction, aggregation, ict_code, par_code, dti_code, verified, "
	"source, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	"ON DUPLICATE KEY UPDATE name = VALUES(name), name_en = VALUES(name_en), "
	"pillar = VALUES(pillar), uom = VALUES(uom), vtype = VALUES(vtype), "
	"min_value = VALUES(min_value), max_value = VALUES(max_value), required = VALUES(required), "
	"unit_kinds = VALUES(unit_kinds), direction = VALUES(direction), "
	"aggregation = VALUES(aggregation), ict_code = VALUES(ict_code), "
	"par_code = VALUES(par_code), dti_code = VALUES(dti_code), verified = VALUES(verified), "
	"source = VALUES(source), sort = VALUES(sort)",
	"INSERT INTO app_user (login, display_name, unit_id, roles, pw_hash) VALUES (?, ?, ?, ?, ?)",
	"UPDATE app_user SET pw_hash = ?, failed_logins = 0, locked_until = NULL WHERE login = ?",
	"UPDATE app_user SET active = ? WHERE login = ?",
	"INSERT INTO period (kind, year, seq, cutoff_start, cutoff_end, opens_on, due_on, is_open) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
	"UPDATE period SET is_open = ? WHERE kind = ? AND year = ? AND seq = ?",
	"UPDATE period SET locked = ? WHERE kind = ? AND year = ? AND seq = ?",
	/* a new period asks what is active now of each kind of unit */
	"INSERT INTO period_indicator (period_id, unit_kind, indicator_id) "
	"SELECT ?, k.kind, i.id FROM indicator i JOIN (SELECT 'department' AS kind UNION ALL "
	"SELECT 'district' UNION ALL SELECT 'commune' UNION ALL SELECT 'other') k "
	"ON FIND_IN_SET(k.kind, i.unit_kinds) WHERE i.active = 1",
	"SELECT 1 FROM schema_version WHERE version = ?",
	"INSERT INTO schema_version (version, applied_at) VALUES (?, UTC_TIMESTAMP())",
};

static struct req cli;  /* the audit trail's actor for CLI changes */

static int die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "egov-admin: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

static int run_file(const char *path)
{
	struct buf b;
	char err[512];
	int rc;

	buf_init(&b);
	if (buf_read_file(&b, path, 64 << 20) != 0) {
		buf_free(&b);
		return die("cannot read %s", path);
	}
	rc = db_script(buf_str(&b), err, sizeof err);
	buf_free(&b);
	if (rc != E_OK) {
		fprintf(stderr, "egov-admin: %s: %s\n", path, err);
		return 1;
	}
	return 0;
}

static int sql_filter(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return n > 4 && strcmp(d->d_name + n - 4, ".sql") == 0;
}

static int cmd_migrate(const char *dir)
{
	struct dirent **list;
	char err[256], path[1024];
	int n, rc = 0, applied = 0;

	if (db_script("CREATE TABLE IF NOT EXISTS schema_version (version VARCHAR(128) NOT NULL "
		      "PRIMARY KEY, applied_at DATETIME NOT NULL) ENGINE=InnoDB",
		      err, sizeof err) != E_OK)
		return die("cannot create schema_version: %s", err);
	n = scandir(dir, &list, sql_filter, alphasort);
	if (n < 0)
		return die("cannot list %s", dir);
	for (int i = 0; i < n; i++) {
		struct dbres res;
		if (rc == 0 && db_exec(ST_VERSION_HAS, &res, "s", list[i]->d_name) == E_OK) {
			int done = res.nrows > 0;
			dbres_free(&res);
			if (!done) {
				snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
				printf("migrate: applying %s\n", list[i]->d_name);
				rc = run_file(path);
				if (rc == 0 && db_exec(ST_VERSION_ADD, NULL, "s", list[i]->d_name) != E_OK)
					rc = 1;
				applied += rc == 0;
			}
		} else if (rc == 0) {
			rc = 1;
		}
		free(list[i]);
	}
	free(list);
	if (rc == 0)
		printf("migrate: %d applied, schema up to date\n", applied);
	return rc;
}

static const char *nz(const char *s) { return (s && *s) ? s : NULL; }

static long long unit_id(const char *code, int *ok)
{
	struct dbres res;
	long long id = 0;

	*ok = 1;
	if (code == NULL || *code == '\0')
		return 0;
	if (db_exec(ST_UNIT_ID, &res, "s", code) != E_OK || res.nrows != 1)
		*ok = 0;
	else
		id = dbres_int(&res, 0, 0);
	dbres_free(&res);
	return id;
}

/* Each import runs in one transaction: a bad line leaves nothing behind. */
static int import(const char *kind, const char *path)
{
	FILE *f = fopen(path, "r");
	struct csv_row row;
	int line = 0, rows = 0, rc = 0, got;
	int want = strcmp(kind, "units") == 0 ? 9 : strcmp(kind, "pillars") == 0 ? 4 : 18;

	if (f == NULL)
		return die("cannot open %s", path);
	if (db_begin() != E_OK) {
		fclose(f);
		return die("%s", "database unreachable");
	}
	while (rc == 0 && (got = csv_next(f, &row)) != 0) {
		char **v = row.field;
		int ok1 = 1, ok2 = 1, e = E_OK;

		line++;
		if (got < 0 || row.n != want) {
			fprintf(stderr, "egov-admin: %s:%d: expected %d fields\n", path, line, want);
			rc = 1;
		} else if (line > 1 && strcmp(kind, "units") == 0) {
			long long parent = unit_id(v[4], &ok1), succ = unit_id(v[7], &ok2);
			struct dbparam p[9] = {
				{'s', 0, 0, v[0], 0}, {'s', 0, 0, v[1], 0}, {'s', 0, 0, nz(v[2]), 0},
				{'s', 0, 0, v[3], 0}, {'i', parent, 0, NULL, 0}, {'s', 0, 0, v[5], 0},
				{'s', 0, 0, nz(v[6]), 0}, {'i', succ, 0, NULL, 0}, {'s', 0, 0, nz(v[8]), 0}};
			if (!parent)
				p[4] = (struct dbparam){'s', 0, 0, NULL, 0};
			if (!succ)
				p[7] = (struct dbparam){'s', 0, 0, NULL, 0};
			if (!ok1 || !ok2) {
				fprintf(stderr, "egov-admin: %s:%d: unknown parent or successor code\n", path, line);
				rc = 1;
			} else {
				e = db_execv(ST_UNIT_UPSERT, NULL, p, 9);
			}
		} else if (line > 1 && strcmp(kind, "pillars") == 0) {
			e = db_exec(ST_PILLAR_UPSERT, NULL, "sssi", v[0], v[1], v[2], atoll(v[3]));
		} else if (line > 1) {
			struct dbparam p[18];
			for (char *c = v[9]; *c; c++)
				if (*c == '|')
					*c = ',';
			for (int i = 0; i < 18; i++)
				p[i] = (struct dbparam){'s', 0, 0, nz(v[i]), 0};
			e = db_execv(ST_IND_UPSERT, NULL, p, 18);
		}
		if (e != E_OK) {
			fprintf(stderr, "egov-admin: %s:%d: rejected by the database (see log)\n", path, line);
			rc = 1;
		}
		rows += line > 1;
		csv_row_free(&row);
	}
	fclose(f);
	if (rc != 0) {
		db_rollback();
		return 1;
	}
	audit(&cli, "import", kind, path, NULL, NULL, NULL);
	if (db_commit() != E_OK)
		return die("%s", "commit failed");
	printf("import: %d %s\n", rows, kind);
	return 0;
}

static int read_password(char *out, size_t n)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO);

	if (tty) {
		fprintf(stderr, "Password: ");
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	if (fgets(out, (int)n, stdin) == NULL)
		out[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	}
	out[strcspn(out, "\r\n")] = '\0';
	if (utf8_chars(out) < 8) {
		fprintf(stderr, "egov-admin: a password needs at least 8 characters\n");
		return -1;
	}
	return 0;
}

static int valid_roles(const char *roles)
{
	static const char *const known = ",officer,unit_head,wg,wg_lead,deputy,head,admin,member,";
	char tok[32];

	for (const char *p = roles; *p;) {
		size_t l = strcspn(p, ",");
		if (l == 0 || l + 3 > sizeof tok)
			return 0;
		snprintf(tok, sizeof tok, ",%.*s,", (int)l, p);
		if (strstr(known, tok) == NULL)
			return 0;
		p += l;
		if (*p)
			p++;
	}
	return 1;
}

static int cmd_user_add(char **a)
{
	char pw[512], hash[crypto_pwhash_STRBYTES];
	int ok;
	long long uid = unit_id(a[2], &ok);
	int rc;

	if (!ok)
		return die("unknown unit code %s", a[2]);
	if (!valid_roles(a[3]))
		return die("unknown role in %s (officer,unit_head,wg,wg_lead,deputy,head,admin)", a[3]);
	if (read_password(pw, sizeof pw) != 0 || pw_hash(pw, hash) != 0)
		return 1;
	sodium_memzero(pw, sizeof pw);
	if (uid)
		rc = db_exec(ST_USER_ADD, NULL, "ssiss", a[0], a[1], uid, a[3], hash);
	else
		rc = db_exec(ST_USER_ADD, NULL, "sssss", a[0], a[1], (const char *)NULL, a[3], hash);
	if (rc == E_DUP)
		return die("login %s exists already", a[0]);
	if (rc != E_OK)
		return die("%s", "could not add the user (see log)");
	audit(&cli, "user_add", "user", a[0], NULL, a[3], NULL);
	printf("user: %s added\n", a[0]);
	return 0;
}

static int cmd_user_pw(const char *login)
{
	char pw[512], hash[crypto_pwhash_STRBYTES];

	if (read_password(pw, sizeof pw) != 0 || pw_hash(pw, hash) != 0)
		return 1;
	sodium_memzero(pw, sizeof pw);
	if (db_exec(ST_USER_PW, NULL, "ss", hash, login) != E_OK || db_affected() != 1)
		return die("no user %s", login);
	audit(&cli, "user_password", "user", login, NULL, NULL, NULL);
	return 0;
}

static int cmd_user_active(const char *login, int active)
{
	if (db_exec(ST_USER_ACTIVE, NULL, "is", (long long)active, login) != E_OK)
		return die("%s", "database error");
	audit(&cli, active ? "user_enable" : "user_disable", "user", login, NULL, NULL, NULL);
	return 0;
}

static int parse_period(char **a, int *kind, int *year, int *seq)
{
	*kind = a[0][0];
	*year = atoi(a[1]);
	*seq = atoi(a[2]);
	return strlen(a[0]) == 1 && strchr("QHY", *kind) != NULL;
}

static int cmd_period_add(char **a, int argc)
{
	struct ymd s, e, open, due;
	char cs[11], ce[11], co[11], cd[11];
	int kind, year, seq, rc;

	if (!parse_period(a, &kind, &year, &seq) || period_window(kind, year, seq, &s, &e) != 0)
		return die("no such period: %s (use Q|H|Y YEAR SEQ)", a[0]);
	open = period_default_open(e);
	due = period_default_due(e, (int)config_int("due_days_after_cutoff", 6));
	if (argc > 3 && date_parse(a[3], &due) != 0)
		return die("bad due date %s (dd/mm/yyyy)", a[3]);
	if (argc > 4 && date_parse(a[4], &open) != 0)
		return die("bad opening date %s (dd/mm/yyyy)", a[4]);
	date_iso(s, cs, sizeof cs);
	date_iso(e, ce, sizeof ce);
	date_iso(open, co, sizeof co);
	date_iso(due, cd, sizeof cd);
	if (db_begin() != E_OK)
		return die("%s", "database unreachable");
	rc = db_exec(ST_PERIOD_ADD, NULL, "siissss", (char[]){(char)kind, 0}, (long long)year,
		     (long long)seq, cs, ce, co, cd);
	if (rc == E_OK)
		rc = db_exec(ST_PERIOD_ASK, NULL, "i", (long long)db_insert_id());
	if (rc == E_OK)
		rc = audit(&cli, "period_create", "period", a[1], NULL, cd, NULL);
	if (rc == E_OK)
		rc = db_commit();
	else
		db_rollback();
	if (rc == E_DUP)
		return die("period %s exists already", a[0]);
	if (rc != E_OK)
		return die("%s", "could not create the period");
	printf("period: %c%d/%d window %s..%s, opens %s, due %s\n", kind, seq, year, cs, ce, co, cd);
	return 0;
}

static int cmd_period_flag(char **a, int st, int value, const char *action)
{
	int kind, year, seq;

	if (!parse_period(a, &kind, &year, &seq))
		return die("no such period: %s", a[0]);
	if (db_exec(st, NULL, "isii", (long long)value, (char[]){(char)kind, 0}, (long long)year,
		    (long long)seq) != E_OK || db_affected() > 1)
		return die("%s", "database error");
	audit(&cli, action, "period", a[1], NULL, NULL, NULL);
	return 0;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: egov-admin [-c CONFIG] COMMAND ...\n"
		"  migrate [DIR]                         apply sql/migrations in order\n"
		"  run-sql FILE                          run a file of SQL (reference or demo data)\n"
		"  import-pillars|import-units|import-indicators FILE.csv\n"
		"  user-add LOGIN NAME UNIT_CODE|- ROLES  password from standard input\n"
		"  user-password LOGIN                   password from standard input\n"
		"  user-disable LOGIN | user-enable LOGIN\n"
		"  period-create Q|H|Y YEAR SEQ [DUE [OPENS]]   dates dd/mm/yyyy\n"
		"  period-open|period-close|period-lock|period-unlock Q|H|Y YEAR SEQ\n"
		"  cache-flush                           workers re-read the database (after SQL by hand)\n");
	return 2;
}

static int dispatch(int argc, char **argv)
{
	const char *c = argv[0];

	/* every command moves the data generation on its way out: nothing more */
	if (strcmp(c, "cache-flush") == 0 && argc == 1)
		return 0;
	if (strcmp(c, "migrate") == 0)
		return cmd_migrate(argc > 1 ? argv[1] : config_get("migrations", "sql/migrations"));
	if (strcmp(c, "run-sql") == 0 && argc == 2)
		return run_file(argv[1]);
	if (strncmp(c, "import-", 7) == 0 && argc == 2 &&
	    (strcmp(c + 7, "units") == 0 || strcmp(c + 7, "pillars") == 0 || strcmp(c + 7, "indicators") == 0))
		return import(c + 7, argv[1]);
	if (strcmp(c, "user-add") == 0 && argc == 5) {
		if (strcmp(argv[3], "-") == 0)
			argv[3] = "";
		return cmd_user_add(argv + 1);
	}
	if (strcmp(c, "user-password") == 0 && argc == 2)
		return cmd_user_pw(argv[1]);
	if ((strcmp(c, "user-disable") == 0 || strcmp(c, "user-enable") == 0) && argc == 2)
		return cmd_user_active(argv[1], c[5] == 'e');
	if (strcmp(c, "period-create") == 0 && argc >= 4 && argc <= 6)
		return cmd_period_add(argv + 1, argc - 1);
	if (strcmp(c, "period-open") == 0 && argc == 4)
		return cmd_period_flag(argv + 1, ST_PERIOD_OPEN, 1, "period_open");
	if (strcmp(c, "period-close") == 0 && argc == 4)
		return cmd_period_flag(argv + 1, ST_PERIOD_OPEN, 0, "period_close");
	if (strcmp(c, "period-lock") == 0 && argc == 4)
		return cmd_period_flag(argv + 1, ST_PERIOD_LOCK, 1, "period_lock");
	if (strcmp(c, "period-unlock") == 0 && argc == 4)
		return cmd_period_flag(argv + 1, ST_PERIOD_LOCK, 0, "period_unlock");
	return usage();
}

int main(int argc, char **argv)
{
	const char *cfg = getenv("EGOV_CONFIG");
	int rc;

	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		cfg = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc < 2)
		return usage();
	if (cfg == NULL)
		cfg = "/etc/egov-progress/egov.conf";
	if (config_load(cfg) != 0 || auth_setup() != 0)
		return 1;
	log_open("admin", NULL);
	snprintf(cli.id, sizeof cli.id, "cli");
	if (db_setup("admin", sql, ST_COUNT) != E_OK || db_ensure() != E_OK)
		return die("%s", "cannot connect to the database (check db_socket and admin.db_user)");
	rc = dispatch(argc - 1, argv + 1);
	/* whatever the command changed: workers' cached reads give way (gen.h) */
	gen_bump();
	db_shutdown();
	config_free();
	return rc;
}
