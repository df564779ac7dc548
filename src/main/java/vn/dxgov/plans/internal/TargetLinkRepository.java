package vn.dxgov.plans.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The target_link table (V22): a plan's target linked to a national target it implements. */
@Repository
class TargetLinkRepository {

    /** SUGGESTED by dxgov, CONFIRMED or REJECTED by a person. */
    enum Status {
        SUGGESTED, CONFIRMED, REJECTED
    }

    /** SUGGESTED: made from a suggestion; MANUAL: linked by hand. */
    enum Origin {
        SUGGESTED, MANUAL
    }

    record Link(long id, long planId, long targetId, long nationalTargetId, Status status, Origin origin,
                BigDecimal score, String decidedBy, Instant decidedAt) {
    }

    private static final String COLUMNS =
            "id, plan_id, target_id, national_target_id, status, origin, score, decided_by, decided_at";

    private final JdbcClient jdbc;

    TargetLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a suggestion unless the pair is known already (suggested, confirmed or rejected); true when added. */
    boolean suggest(long planId, long targetId, long nationalTargetId, double score) {
        return jdbc.sql("""
                insert into target_link (plan_id, target_id, national_target_id, status, origin, score)
                values (?, ?, ?, 'SUGGESTED', 'SUGGESTED', ?)
                on conflict (target_id, national_target_id) do nothing""")
                .params(planId, targetId, nationalTargetId, BigDecimal.valueOf(score).setScale(4, java.math.RoundingMode.HALF_UP))
                .update() == 1;
    }

    /** Records a person's decision on a pair, making the link when it was not suggested (origin MANUAL). */
    void decide(long planId, long targetId, long nationalTargetId, Status status, String who) {
        jdbc.sql("""
                insert into target_link (plan_id, target_id, national_target_id, status, origin, decided_by, decided_at)
                values (?, ?, ?, ?, 'MANUAL', ?, now())
                on conflict (target_id, national_target_id)
                do update set status = excluded.status, decided_by = excluded.decided_by, decided_at = now()""")
                .params(planId, targetId, nationalTargetId, status.name(), who).update();
    }

    Optional<Link> find(long targetId, long nationalTargetId) {
        return jdbc.sql("select " + COLUMNS + " from target_link where target_id = ? and national_target_id = ?")
                .params(targetId, nationalTargetId).query(TargetLinkRepository::map).optional();
    }

    /** The links of a plan's targets, best suggestion first within a target. */
    List<Link> forPlan(long planId) {
        return jdbc.sql("select " + COLUMNS + " from target_link where plan_id = ? order by target_id, score desc nulls first, id")
                .param(planId).query(TargetLinkRepository::map).list();
    }

    /** The confirmed links to a national target. */
    List<Link> confirmedTo(long nationalTargetId) {
        return jdbc.sql("select " + COLUMNS + " from target_link where national_target_id = ? and status = 'CONFIRMED' order by id")
                .param(nationalTargetId).query(TargetLinkRepository::map).list();
    }

    private static Link map(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("decided_at");
        return new Link(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("target_id"), rs.getLong("national_target_id"),
                Status.valueOf(rs.getString("status")), Origin.valueOf(rs.getString("origin")), rs.getBigDecimal("score"),
                rs.getString("decided_by"), at == null ? null : at.toInstant());
    }
}
