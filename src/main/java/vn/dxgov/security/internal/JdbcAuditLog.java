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
        recordAs(CurrentUser.username().orElse("system"), action, entityType, entityId, before, after);
    }

    /**
     * Records in the name of a user who is not (yet) the one of the security context: the single sign-on records the
     * login of the user it is logging in, or a refused one in the name the provider gave.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordAs(String username, String action, String entityType, Object entityId, Object before, Object after) {
        jdbc.sql("""
                insert into audit_event (username, action, entity_type, entity_id, before, after)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(username, action, entityType,
                        entityId == null ? null : entityId.toString(), toJson(before), toJson(after))
                .update();
    }

    private String toJson(Object o) {
        return o == null ? null : json.writeValueAsString(o);
    }
}
