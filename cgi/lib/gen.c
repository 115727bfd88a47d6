#include "gen.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "log.h"

/* The counter is the file's first 8 bytes, naturally aligned in a shared
 * mapping: lock-free atomics on it are coherent across processes. */
static struct {
	int tried;
	int writable;
	uint64_t *counter;
} g;

static void open_counter(void)
{
	const char *path = config_get("cache_file", "");
	struct stat st;
	void *p;
	int fd, prot = PROT_READ | PROT_WRITE;

	g.tried = 1;
	if (*path == '\0' || config_int("cache_seconds", 10) <= 0)
		return;
	fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		/* a reader that cannot move the counter may still trust it */
		prot = PROT_READ;
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	}
	if (fd < 0) {
		log_msg(NULL, "cache_file %s cannot be opened: nothing is cached", path);
		return;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)sizeof(uint64_t)) {
		log_msg(NULL, "cache_file %s is not a counter file: nothing is cached", path);
		close(fd);
		return;
	}
	p = mmap(NULL, sizeof(uint64_t), prot, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		log_msg(NULL, "cache_file %s cannot be mapped: nothing is cached", path);
		return;
	}
	g.counter = p;
	g.writable = prot & PROT_WRITE;
	if (!g.writable)
		log_msg(NULL, "cache_file %s is read-only here: what this program changes reaches the "
			"workers after cache_seconds", path);
}

uint64_t gen_now(void)
{
	uint64_t v;

	if (!g.tried)
		open_counter();
	if (g.counter == NULL)
		return 0;
	v = __atomic_load_n(g.counter, __ATOMIC_ACQUIRE);
	/* 0 means "no counter" to the callers */
	return v + 1;
}

void gen_bump(void)
{
	if (!g.tried)
		open_counter();
	if (g.counter != NULL && g.writable)
		__atomic_add_fetch(g.counter, 1, __ATOMIC_RELEASE);
}

int gen_max_age(void)
{
	long long s = config_int("cache_seconds", 10);

	return s < 0 ? 0 : s > 3600 ? 3600 : (int)s;
}

void gen_close(void)
{
	if (g.counter != NULL)
		munmap(g.counter, sizeof(uint64_t));
	g.counter = NULL;
	g.tried = 0;
	g.writable = 0;
}
