/* The command line, for scheduled exports: the same files as the pages,
 * without FastCGI, audited with no actor (by=cli:<user>).
 *
 *   egov-export [-c CONFIG] raw --from-period ID --to-period ID
 *               --format csv|xlsx [--kind K] [--pillar P] [--status S]
 *               [--lang vi|en] --out FILE
 *   egov-export [-c CONFIG] index --version CODE --period ID|--year YYYY
 *               --format xlsx|csv|json [--lang vi|en] --out FILE
 *   (csv: one CSV per sheet, zipped)
 *   egov-export [-c CONFIG] ranking --period ID|--year YYYY --format csv|xlsx
 *               [--kind district|department] [--lang vi|en] --out FILE
 *
 * CONFIG defaults to $EGOV_CONFIG, then /etc/egov-progress/egov.conf.
 * Prints one line (rows and file) and exits 0; 1 on failure (the file is
 * removed), 2 on a usage error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/log.h"
#include "export.h"

static const char usage[] =
	"usage: egov-export [-c CONFIG] raw --from-period ID --to-period ID --format csv|xlsx\n"
	"                   [--kind department|district|commune|other] [--pillar CODE]\n"
	"                   [--status final|submitted|accepted|draft|returned|all] [--lang vi|en]\n"
	"                   --out FILE\n"
	"       egov-export [-c CONFIG] index --version CODE --period ID|--year YYYY\n"
	"                   --format xlsx|csv|json [--lang vi|en] --out FILE\n"
	"       egov-export [-c CONFIG] ranking --period ID|--year YYYY --format csv|xlsx\n"
	"                   [--kind district|department] [--lang vi|en] --out FILE\n";

int cli_is_command(const char *arg) { return strcmp(arg, "-c") == 0 || strcmp(arg, "raw") == 0 ||
					     strcmp(arg, "index") == 0 || strcmp(arg, "ranking") == 0 ||
					     strcmp(arg, "--help") == 0; }

static int to_file(void *ctx, const char *b, size_t n) { return fwrite(b, 1, n, ctx) == n ? 0 : -1; }

static long long id_arg(const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	return (*s && *end == '\0' && v > 0) ? v : -1;
}

static int cli_index(int argc, char **argv, int i, const char *cfg);

int cli_main(int argc, char **argv)
{
	const char *cfg = getenv("EGOV_CONFIG"), *format = NULL, *out = NULL, *user;
	struct raw_opts o;
	struct req r;
	char who[128];
	long long n = 0;
	int i = 1, rc;

	memset(&o, 0, sizeof o);
	o.kind = "";
	o.pillar = "";
	o.status = "final";
	o.from = o.to = -1;
	if (strcmp(argv[i], "-c") == 0) {
		if (i + 1 >= argc) {
			fputs(usage, stderr);
			return 2;
		}
		cfg = argv[i + 1];
		i += 2;
	}
	if (i < argc && strcmp(argv[i], "index") == 0)
		return cli_index(argc, argv, i, cfg);
	if (i < argc && strcmp(argv[i], "ranking") == 0)
		return cli_ranking(cfg, argc - i, argv + i);
	if (i >= argc || strcmp(argv[i], "raw") != 0) {
		fputs(usage, stderr);
		return strcmp(argv[argc - 1], "--help") == 0 ? 0 : 2;
	}
	for (i++; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (v == NULL)
			goto bad;
		if (strcmp(k, "--from-period") == 0)
			o.from = id_arg(v);
		else if (strcmp(k, "--to-period") == 0)
			o.to = id_arg(v);
		else if (strcmp(k, "--format") == 0)
			format = v;
		else if (strcmp(k, "--kind") == 0)
			o.kind = v;
		else if (strcmp(k, "--pillar") == 0)
			o.pillar = v;
		else if (strcmp(k, "--status") == 0)
			o.status = v;
		else if (strcmp(k, "--lang") == 0)
			o.lang = v;
		else if (strcmp(k, "--out") == 0)
			out = v;
		else
			goto bad;
	}
	if (o.from < 0 || o.to < 0 || out == NULL || format == NULL ||
	    (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0) ||
	    (o.lang != NULL && strcmp(o.lang, "vi") != 0 && strcmp(o.lang, "en") != 0))
		goto bad;
	o.xlsx = format[0] == 'x';

	if (cfg == NULL)
		cfg = "/etc/egov-progress/egov.conf";
	if (config_load(cfg) != 0)
		return 1;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	log_open("export", config_get("log_file", NULL));
	if (o.lang == NULL)
		o.lang = config_get("lang", "vi");
	user = getenv("SUDO_USER") ? getenv("SUDO_USER") : getenv("USER") ? getenv("USER") : "?";
	snprintf(who, sizeof who, "cli:%s", user);
	o.who = who;
	db_setup("export", NULL, 0);

	memset(&r, 0, sizeof r);
	snprintf(r.id, sizeof r.id, "cli%08lx", (unsigned long)getpid() ^ (unsigned long)time(NULL));
	r.lang = o.lang;
	if ((rc = raw_prepare(&o)) != E_OK) {
		fprintf(stderr, "egov-export: %s\n",
			rc == E_NOTFOUND ? "no such period" :
			rc == E_BADREQ ? "bad choice: periods of one kind, the first not after the last; "
					 "a known kind, pillar and status" :
			rc == E_DBDOWN ? "database unreachable" : "failed (see the log)");
		db_shutdown();
		return 1;
	}
	if ((rc = raw_audit(&r, &o)) != E_OK) {
		fprintf(stderr, "egov-export: could not write the audit row\n");
		db_shutdown();
		return 1;
	}
	if (o.xlsx) {
		rc = raw_xlsx(&o, out, &n);
	} else {
		FILE *f = fopen(out, "wb");
		struct sink s = {to_file, NULL};
		if (f == NULL) {
			perror(out);
			db_shutdown();
			return 1;
		}
		s.ctx = f;
		rc = raw_csv(&o, &s, &n);
		if (fclose(f) != 0 && rc == E_OK)
			rc = E_INTERNAL;
	}
	db_shutdown();
	config_free();
	if (rc != E_OK) {
		fprintf(stderr, "egov-export: export failed (error %d, see the log)\n", rc);
		unlink(out);
		return 1;
	}
	printf("egov-export: %lld rows written to %s\n", n, out);
	return 0;
bad:
	fputs(usage, stderr);
	return 2;
}

/* egov-export index ...: the per-index export (index.c) into a file */
static int cli_index(int argc, char **argv, int i, const char *cfg)
{
	const char *format = NULL, *out = NULL, *user;
	struct ix_opts o;
	struct req r;
	char who[128];
	int rc;

	memset(&o, 0, sizeof o);
	for (i++; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		long long n;
		if (v == NULL)
			goto bad;
		if (strcmp(k, "--version") == 0) {
			o.version = v;
		} else if (strcmp(k, "--period") == 0) {
			if ((o.period = id_arg(v)) < 0)
				goto bad;
		} else if (strcmp(k, "--year") == 0) {
			if ((n = id_arg(v)) < 2000 || n > 2200)
				goto bad;
			o.year = (int)n;
		} else if (strcmp(k, "--format") == 0) {
			format = v;
		} else if (strcmp(k, "--lang") == 0) {
			o.lang = v;
		} else if (strcmp(k, "--out") == 0) {
			out = v;
		} else {
			goto bad;
		}
	}
	if (o.version == NULL || out == NULL || format == NULL || (o.period > 0) == (o.year > 0) ||
	    (o.lang != NULL && strcmp(o.lang, "vi") != 0 && strcmp(o.lang, "en") != 0))
		goto bad;
	if (strcmp(format, "xlsx") == 0)
		o.format = IX_XLSX;
	else if (strcmp(format, "csv") == 0)
		o.format = IX_ZIP;
	else if (strcmp(format, "json") == 0)
		o.format = IX_JSON;
	else
		goto bad;

	if (cfg == NULL)
		cfg = "/etc/egov-progress/egov.conf";
	if (config_load(cfg) != 0)
		return 1;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	log_open("export", config_get("log_file", NULL));
	if (o.lang == NULL)
		o.lang = config_get("lang", "vi");
	user = getenv("SUDO_USER") ? getenv("SUDO_USER") : getenv("USER") ? getenv("USER") : "?";
	snprintf(who, sizeof who, "cli:%s", user);
	o.who = who;
	db_setup("export", NULL, 0);

	memset(&r, 0, sizeof r);
	snprintf(r.id, sizeof r.id, "cli%08lx", (unsigned long)getpid() ^ (unsigned long)time(NULL));
	r.lang = o.lang;
	if ((rc = ix_prepare(&o)) != E_OK) {
		fprintf(stderr, "egov-export: %s\n",
			rc == E_NOTFOUND && o.missing && strcmp(o.missing, "index_version") == 0 ? "no such index version" :
			rc == E_NOTFOUND && o.year > 0 ? "no quarter of that year has aggregated data" :
			rc == E_NOTFOUND ? "no such period" :
			rc == E_DBDOWN ? "database unreachable" : "failed (see the log)");
		db_shutdown();
		config_free();
		return 1;
	}
	if (ix_audit(&r, &o) != E_OK) {
		fprintf(stderr, "egov-export: could not write the audit row\n");
		db_shutdown();
		config_free();
		return 1;
	}
	rc = ix_write(&o, out);
	db_shutdown();
	config_free();
	if (rc != E_OK) {
		fprintf(stderr, "egov-export: export failed (error %d, see the log)\n", rc);
		unlink(out);
		return 1;
	}
	printf("egov-export: %s, %s written to %s\n", o.version, o.period_label, out);
	return 0;
bad:
	fputs(usage, stderr);
	return 2;
}
