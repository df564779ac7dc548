package vn.dxgov.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;

@Component
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcAuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        jdbc.sql("""
                insert into audit_event (username, action, entity_type, entity_id, before, after)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(CurrentUser.username().orElse("system"), action, entityType,
                        entityId == null ? null : entityId.toString(), toJson(before), toJson(after))
                .update();
    }

    private String toJson(Object o) {
        return o == null ? null : json.writeValueAsString(o);
    }
}
