package vn.dxgov.plans.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.plans.TargetCascade;

/** {@link TargetCascade} over the target_link table (V22): one read for any number of targets. */
@Service
@Transactional(readOnly = true)
class JdbcTargetCascade implements TargetCascade {

    private final JdbcClient jdbc;

    JdbcTargetCascade(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Long> confirmedNationalTargets(Collection<Long> targetIds) {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (targetIds.isEmpty()) {
            return out;
        }
        Long[] ids = targetIds.toArray(Long[]::new);
        List<long[]> rows = jdbc.sql("""
                select target_id, national_target_id from target_link
                where status = 'CONFIRMED' and target_id = any(?) order by target_id, id""")
                .param(ids).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        for (long[] r : rows) {
            out.putIfAbsent(r[0], r[1]);
        }
        return out;
    }
}
