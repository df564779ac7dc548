package vn.dxgov.plans.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The version columns of the plan table (V23): which plan a draft revises, the chain's numbers, who replaced whom. */
@Repository
class VersionRepository {

    /** A plan's place in its chain of versions. */
    record VersionInfo(long planId, String status, Long versionOf, int versionNo, Long supersededBy,
                       Instant supersededAt) {
    }

    /** A plan a new document may be a version of: one not superseded, of the same province (or national). */
    record Candidate(long id, String status, String number, String issuer, String title, String text, int versionNo) {
    }

    private final JdbcClient jdbc;

    VersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VersionInfo> find(long planId) {
        return jdbc.sql("select id, status, version_of, version_no, superseded_by, superseded_at from plan where id = ?")
                .param(planId).query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("superseded_at");
                    return new VersionInfo(rs.getLong("id"), rs.getString("status"),
                            rs.getObject("version_of") == null ? null : rs.getLong("version_of"), rs.getInt("version_no"),
                            rs.getObject("superseded_by") == null ? null : rs.getLong("superseded_by"),
                            at == null ? null : at.toInstant());
                }).optional();
    }

    /** Current plans (draft or published) of a province, or national ones for a null province, except one. */
    List<Candidate> candidates(String provinceCode, long except) {
        return jdbc.sql("""
                select id, status, number, issuer, title, source_text, version_no from plan
                 where status <> 'SUPERSEDED' and province_code is not distinct from ? and id <> ? order by id""")
                .params(provinceCode, except)
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("status"), rs.getString("number"),
                        rs.getString("issuer"), rs.getString("title"), rs.getString("source_text"), rs.getInt("version_no")))
                .list();
    }

    void markVersionOf(long planId, long baseId, int versionNo) {
        jdbc.sql("update plan set version_of = ?, version_no = ?, updated_at = now() where id = ?")
                .params(baseId, versionNo, planId).update();
    }

    /** Locks a plan's row until the transaction ends and answers its status as it is then. */
    Optional<String> lockStatus(long planId) {
        return jdbc.sql("select status from plan where id = ? for update").param(planId).query(String.class).optional();
    }

    /** The old version, published (or draft), becomes superseded by the new one; false when it already was. */
    boolean supersede(long oldId, long newId) {
        return jdbc.sql("""
                update plan set status = 'SUPERSEDED', superseded_by = ?, superseded_at = now(), updated_at = now()
                 where id = ? and status <> 'SUPERSEDED'""").params(newId, oldId).update() == 1;
    }

    /** Plans that implemented the old version implement the new one. */
    int moveChildren(long oldId, long newId) {
        return jdbc.sql("update plan set parent_id = ?, updated_at = now() where parent_id = ? and id <> ?")
                .params(newId, oldId, newId).update();
    }

    /** Drafts that revise this plan, newest first. */
    List<Long> draftVersionsOf(long planId) {
        return jdbc.sql("select id from plan where version_of = ? and status = 'DRAFT' order by id desc")
                .param(planId).query(Long.class).list();
    }

    /** The superseded versions before this one, newest first (following version_of). */
    List<Long> earlierVersions(long planId) {
        return jdbc.sql("""
                with recursive chain(id, version_of, depth) as (
                    select id, version_of, 0 from plan where id = ?
                    union all
                    select p.id, p.version_of, c.depth + 1 from plan p join chain c on p.id = c.version_of where c.depth < 50)
                select id from chain where depth > 0 order by depth""").param(planId).query(Long.class).list();
    }
}
