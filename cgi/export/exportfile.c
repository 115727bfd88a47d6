/* Temporary files of the downloads, numbers into XLSX cells (exportfile.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/log.h"
#include "exportfile.h"

int export_tmpfile(struct req *r, const char *tag, char *path, size_t pathsz)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	snprintf(path, pathsz, "%s/egov-%s-XXXXXX", dir ? dir : "/tmp", tag);
	if ((fd = mkstemp(path)) < 0) {
		log_msg(r->id, "export: mkstemp %s failed", path);
		return E_INTERNAL;
	}
	close(fd);
	return E_OK;
}

int export_send_tmpfile(struct req *r, const char *path, int built, const char *type, const char *name)
{
	char chunk[64 * 1024];
	off_t size;
	ssize_t got;
	int rc, fd;

	/* read back through a descriptor opened before the name goes */
	fd = built == E_OK ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	unlink(path);
	if (built != E_OK)
		return built;
	if (fd < 0 || (size = lseek(fd, 0, SEEK_END)) < 0 || lseek(fd, 0, SEEK_SET) != 0) {
		if (fd >= 0)
			close(fd);
		return E_INTERNAL;
	}
	req_header(r, "Content-Length: %lld", (long long)size);
	if ((rc = req_stream_begin(r, type, name)) != E_OK) {
		close(fd);
		return rc;
	}
	while ((got = read(fd, chunk, sizeof chunk)) > 0)
		if (req_write(r, chunk, (size_t)got) != 0)
			break;
	close(fd);
	return got == 0 && !r->stream_cut ? E_OK : E_INTERNAL;
}

lxw_workbook *export_workbook(const char *path, uint8_t constant_memory)
{
	const char *tmp = getenv("TMPDIR");
	lxw_workbook_options opt = {.constant_memory = constant_memory, .tmpdir = (char *)(tmp ? tmp : "/tmp")};
	lxw_workbook *wb = workbook_new_opt(path, &opt);

	if (wb == NULL)
		log_msg(NULL, "export: cannot create %s", path);
	return wb;
}

int export_exact_double(const char *s, double *d)
{
	const char *dot = strchr(s, '.');
	int dec = dot ? (int)strlen(dot + 1) : 0;
	char g[64], back[80];
	char *end;

	*d = strtod(s, &end);
	if (*end != '\0')
		return 0;
	snprintf(g, sizeof g, "%.15g", *d);
	*d = strtod(g, NULL);
	snprintf(back, sizeof back, "%.*f", dec, *d);
	return strcmp(back, s) == 0;
}
