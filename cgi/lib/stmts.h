/* Statements every program's table starts with (sessions and the audit
 * trail).  A program's own enum continues from ST_LIB_COUNT. */
#ifndef EGOV_STMTS_H
#define EGOV_STMTS_H

enum lib_stmt {
	ST_SESSION_GET, ST_SESSION_TOUCH, ST_USER_REMOTE,
	ST_REF_IND, ST_REF_RULES, ST_REF_TARGETS, ST_REF_ASKED,
	ST_LIB_COUNT
};

#define USER_COLS "u.id, u.login, u.display_name, COALESCE(u.unit_id, 0), u.roles + 0, " \
	"COALESCE(un.name, ''), COALESCE(un.kind, '')"

#define LIB_SQL \
	/* ST_SESSION_GET */ \
	"SELECT " USER_COLS ", s.csrf, TIMESTAMPDIFF(SECOND, s.last_seen, UTC_TIMESTAMP()), " \
	"(SELECT version FROM refdata_version WHERE id = 1) " \
	"FROM session s JOIN app_user u ON u.id = s.user_id LEFT JOIN unit un ON un.id = u.unit_id " \
	"WHERE s.id_hash = ? AND u.active = 1 AND s.last_seen > UTC_TIMESTAMP() - INTERVAL ? SECOND " \
	"AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND", \
	/* ST_SESSION_TOUCH */ \
	"UPDATE session SET last_seen = UTC_TIMESTAMP() WHERE id_hash = ?", \
	/* ST_USER_REMOTE */ \
	"SELECT " USER_COLS ", '', 0, (SELECT version FROM refdata_version WHERE id = 1) " \
	"FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id " \
	"WHERE u.login = ? AND u.active = 1", \
	/* ST_REF_IND */ \
	"SELECT i.id, i.code, i.name, i.name_en, i.pillar, pl.name, pl.name_en, i.uom, i.vtype, " \
	"i.min_value, i.max_value, i.required, i.unit_kinds, i.active " \
	"FROM indicator i JOIN pillar pl ON pl.code = i.pillar ORDER BY pl.sort, i.sort, i.code", \
	/* ST_REF_RULES */ \
	"SELECT left_id, op, right_id, message, message_en FROM indicator_rule ORDER BY id", \
	/* ST_REF_TARGETS */ \
	"SELECT indicator_id, year, COALESCE(unit_id, 0), target_value FROM target", \
	/* ST_REF_ASKED */ \
	"SELECT period_id, unit_kind, indicator_id FROM period_indicator"

#endif
