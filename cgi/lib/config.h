/* key = value configuration, read once at start-up. */
#ifndef EGOV_CONFIG_H
#define EGOV_CONFIG_H

int config_load(const char *path);  /* 0 ok, -1 with a message on stderr */
const char *config_get(const char *key, const char *dflt);
long config_int(const char *key, long dflt);
void config_free(void);

#endif
