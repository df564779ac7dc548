package vn.dxgov.plans.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanReference;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.plans.PlanType;
import vn.dxgov.shared.VietText;

/** The plan table. */
@Repository
class PlanRepository {

    private static final String COLUMNS = """
            id, status, plan_type, number, title, issuer, issued_on, issued_on_text, province_code, province_name,
            period_start, period_end, vision_year, parent_id, parent_ref_type, parent_ref_number, parent_ref_date,
            parent_ref_issuer, parent_ref_text, source_filename, source_media_type, source_size, created_by, created_at,
            published_by, published_at""";

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an import stores; the plan is created as a draft. */
    record NewPlan(PlanType type, String number, String title, String issuer, LocalDate issuedOn, String issuedOnText,
                   String provinceCode, String provinceName, Integer periodStart, Integer periodEnd, Integer visionYear,
                   PlanReference implementsRef, String sourceFilename, String sourceMediaType, String sourceSha256,
                   String textSha256, byte[] sourceBytes, String sourceText, String createdBy) {
    }

    long insert(NewPlan p) {
        PlanReference r = p.implementsRef();
        return jdbc.sql("""
                insert into plan (plan_type, number, title, title_folded, issuer, issued_on, issued_on_text, province_code,
                                  province_name, period_start, period_end, vision_year, parent_ref_type, parent_ref_number,
                                  parent_ref_date, parent_ref_issuer, parent_ref_text, source_filename, source_media_type,
                                  source_sha256, text_sha256, source_size, source_bytes, source_text, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(p.type().name(), p.number(), p.title(), VietText.fold(p.title()), p.issuer(), p.issuedOn(),
                        p.issuedOnText(), p.provinceCode(), p.provinceName(), p.periodStart(), p.periodEnd(),
                        p.visionYear(), r == null || r.type() == null ? null : r.type().name(),
                        r == null ? null : r.number(), r == null ? null : r.date(), r == null ? null : r.issuer(),
                        r == null ? null : r.text(), p.sourceFilename(), p.sourceMediaType(), p.sourceSha256(),
                        p.textSha256(), p.sourceBytes().length, p.sourceBytes(), p.sourceText(), p.createdBy())
                .query(Long.class).single();
    }

    Optional<Plan> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from plan where id = ?").param(id).query(PlanRepository::map).optional();
    }

    /** The plan already imported from these bytes or from a document with the same text, if any. */
    Optional<Long> findDuplicate(String sourceSha256, String textSha256) {
        return jdbc.sql("select id from plan where source_sha256 = ? or text_sha256 = ? order by id limit 1")
                .params(sourceSha256, textSha256).query(Long.class).optional();
    }

    List<Plan> all() {
        return jdbc.sql("select " + COLUMNS + " from plan order by coalesce(issued_on, created_at::date) desc, id desc")
                .query(PlanRepository::map).list();
    }

    List<Plan> children(long id) {
        return jdbc.sql("select " + COLUMNS + " from plan where parent_id = ? order by issued_on, id").param(id)
                .query(PlanRepository::map).list();
    }

    void setParent(long id, Long parentId) {
        jdbc.sql("update plan set parent_id = ?, updated_at = now() where id = ?").params(parentId, id).update();
    }

    void setNumber(long id, String number) {
        jdbc.sql("update plan set number = ?, updated_at = now() where id = ?").params(number, id).update();
    }

    void update(long id, PlanType type, String number, String title, String issuer, LocalDate issuedOn,
                String issuedOnText, String provinceCode, String provinceName, Integer periodStart, Integer periodEnd, Integer visionYear,
                Long parentId) {
        jdbc.sql("""
                update plan set plan_type = ?, number = ?, title = ?, title_folded = ?, issuer = ?, issued_on = ?,
                       issued_on_text = ?,
                       province_code = ?, province_name = ?, period_start = ?, period_end = ?, vision_year = ?,
                       parent_id = ?, updated_at = now()
                where id = ?""")
                .params(type.name(), number, title, VietText.fold(title), issuer, issuedOn, issuedOnText, provinceCode,
                        provinceName, periodStart, periodEnd, visionYear, parentId, id)
                .update();
    }

    void publish(long id, String username) {
        jdbc.sql("update plan set status = 'PUBLISHED', published_by = ?, published_at = now(), updated_at = now() where id = ?")
                .params(username, id).update();
    }

    /** The document as uploaded. */
    Optional<SourceDocument> source(long id) {
        return jdbc.sql("select source_filename, source_media_type, source_bytes, source_text from plan where id = ?")
                .param(id).query((rs, n) -> new SourceDocument(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
                .optional();
    }

    record SourceDocument(String filename, String mediaType, byte[] bytes, String text) {
    }

    private static Plan map(ResultSet rs, int n) throws SQLException {
        String refType = rs.getString("parent_ref_type");
        String refText = rs.getString("parent_ref_text");
        PlanReference ref = refText == null && rs.getString("parent_ref_number") == null ? null
                : new PlanReference(refType == null ? null : PlanType.valueOf(refType), rs.getString("parent_ref_number"),
                rs.getObject("parent_ref_date", LocalDate.class), rs.getString("parent_ref_issuer"), refText);
        return new Plan(rs.getLong("id"), PlanStatus.valueOf(rs.getString("status")),
                PlanType.valueOf(rs.getString("plan_type")), rs.getString("number"), rs.getString("title"),
                rs.getString("issuer"), rs.getObject("issued_on", LocalDate.class), rs.getString("issued_on_text"),
                rs.getString("province_code"), rs.getString("province_name"), intOrNull(rs, "period_start"),
                intOrNull(rs, "period_end"), intOrNull(rs, "vision_year"),
                rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"), ref,
                rs.getString("source_filename"), rs.getString("source_media_type"), rs.getInt("source_size"),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")), rs.getString("published_by"),
                instant(rs.getTimestamp("published_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
