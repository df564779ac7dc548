package vn.dxgov.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.RoundPublished;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionChanged;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.AgencyDirectory;

/**
 * The events webhooks carry, turned into stored deliveries after the commit that made them (Spring Modulith's
 * registry retries a listener that failed). One delivery per token and event, so an event delivered twice to this
 * listener stores nothing new. The payload carries ids, codes, periods and status only, never narratives or evidence:
 * {@code {event, id, occurredAt, province, data{…}}}.
 */
@Component
class WebhookEvents {

    static final String REPORT_APPROVED = "report.approved";
    static final String ROUND_PUBLISHED = "round.published";
    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

    private final ApiTokens tokens;
    private final DeliveryStore deliveries;
    private final AdminUnits units;
    private final AgencyDirectory agencies;
    private final Assessments assessments;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookEvents(ApiTokens tokens, DeliveryStore deliveries, AdminUnits units, AgencyDirectory agencies,
                  Assessments assessments, ObjectMapper json, Clock clock) {
        this.tokens = tokens;
        this.deliveries = deliveries;
        this.units = units;
        this.agencies = agencies;
        this.assessments = assessments;
        this.json = json;
        this.clock = clock;
    }

    /** A report approved: the tokens of its agency and the province-wide tokens of its province. */
    @ApplicationModuleListener
    void on(SubmissionChanged e) {
        if (e.action() != SubmissionAction.APPROVE) {
            return;
        }
        Submission s = e.submission();
        String province = s.unitId() != null ? units.provinceCode(s.unitId()).orElse(null)
                : agencies.find(s.agencyId()).map(a -> a.provinceCode()).orElse(null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("submissionId", s.id());
        data.put("planId", s.planId());
        data.put("reportingPeriodId", s.reportingPeriodId());
        data.put("period", s.period());
        data.put("agencyId", s.agencyId());
        data.put("unitId", s.unitId());
        data.put("status", s.status().name());
        data.put("version", s.version());
        data.put("late", s.late());
        data.put("demo", s.demo());
        String key = "submission-" + s.id() + "-v" + s.version();
        Instant at = s.decidedAt() != null ? s.decidedAt() : clock.instant();
        store(REPORT_APPROVED, key, at, province, data,
                t -> Objects.equals(t.provinceCode(), province) && (t.agencyId() == null || t.agencyId() == s.agencyId()));
    }

    /** A round's results published: every token of its province. */
    @ApplicationModuleListener
    void on(RoundPublished e) {
        String province = e.scopeUnitId() != null ? units.provinceCode(e.scopeUnitId()).orElse(null)
                : assessments.results(e.roundId()).results().stream().findFirst()
                .flatMap(r -> units.provinceCode(r.unitId())).orElse(null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roundId", e.roundId());
        data.put("criteriaSetId", e.criteriaSetId());
        data.put("level", e.level().name());
        data.put("year", e.year());
        data.put("scopeUnitId", e.scopeUnitId());
        data.put("resultCount", e.resultCount());
        store(ROUND_PUBLISHED, "round-" + e.roundId(), e.publishedAt(), province, data,
                t -> province != null && province.equals(t.provinceCode()));
    }

    private void store(String event, String key, Instant at, String province, Map<String, Object> data,
                       java.util.function.Predicate<ApiTokens.Subscriber> covers) {
        if (province == null) {
            // a national object: no province-scoped token covers it
            return;
        }
        List<ApiTokens.Subscriber> subscribers = tokens.subscribers().stream().filter(covers).toList();
        Instant now = clock.instant();
        for (ApiTokens.Subscriber t : subscribers) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event", event);
            body.put("id", key);
            body.put("occurredAt", at.toString());
            body.put("province", province);
            body.put("data", data);
            if (deliveries.add(t.tokenId(), event, key, json.writeValueAsString(body), now)) {
                log.debug("webhook {} {} for token #{}", event, key, t.tokenId());
            }
        }
    }
}
