/* Statements every program's table starts with (sessions and the audit
 * trail).  A program's own enum continues from ST_LIB_COUNT. */
#ifndef EGOV_STMTS_H
#define EGOV_STMTS_H

enum lib_stmt { ST_SESSION_GET, ST_SESSION_TOUCH, ST_USER_REMOTE, ST_AUDIT, ST_LIB_COUNT };

#define USER_COLS "u.id, u.login, u.display_name, COALESCE(u.unit_id, 0), u.roles + 0, " \
	"COALESCE(un.name, ''), COALESCE(un.kind, '')"

#define LIB_SQL \
	/* ST_SESSION_GET */ \
	"SELECT " USER_COLS ", s.csrf, TIMESTAMPDIFF(SECOND, s.last_seen, UTC_TIMESTAMP()) " \
	"FROM session s JOIN app_user u ON u.id = s.user_id LEFT JOIN unit un ON un.id = u.unit_id " \
	"WHERE s.id_hash = ? AND u.active = 1 AND s.last_seen > UTC_TIMESTAMP() - INTERVAL ? SECOND " \
	"AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND", \
	/* ST_SESSION_TOUCH */ \
	"UPDATE session SET last_seen = UTC_TIMESTAMP() WHERE id_hash = ?", \
	/* ST_USER_REMOTE */ \
	"SELECT " USER_COLS " FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id " \
	"WHERE u.login = ? AND u.active = 1", \
	/* ST_AUDIT */ \
	"INSERT INTO audit (at, actor_id, actor_unit_id, action, entity, entity_id, old_value, " \
	"new_value, reason, request_id) VALUES (UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?, ?, ?, ?)"

#endif
