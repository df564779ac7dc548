package vn.dxgov.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;

/**
 * Write authority over data values written outside a report's form (the batch API of machine clients): who may
 * write which line, and through which report.
 *
 * <ul>
 *   <li>An EDITOR writes only lines its agency reports: the official line of an indicator whose target names the
 *   agency as its (first) lead agency, or its own contribution line where it co-operates. The values go into the
 *   agency's report of the plan's reporting period that contains the value's period (opened as a draft when needed),
 *   so they follow that report's workflow (counted once approved) and show in its history. A report already
 *   submitted or approved takes nothing until it is returned or reopened (409). Anything else: 403, nothing written.</li>
 *   <li>STEERING and ADMIN write the province's own lines directly (approved at once); a line that belongs to an
 *   agency's report is refused (403): corrections go through returning or reopening that report.</li>
 * </ul>
 */
@Service
class AgencyValueWrites {

    private final DataValueStore values;
    private final ReportingAgencies reporters;
    private final Submissions submissions;
    private final ReportingMessages messages;
    private final Clock clock;
    private final ReportingRepository repo;
    private final PlanCatalog plans;
    private final TargetCatalog targets;
    private final AuditLog audit;
    private final vn.dxgov.indicators.IndicatorCatalog indicators;
    private final vn.dxgov.units.AdminUnits units;

    AgencyValueWrites(DataValueStore values, ReportingAgencies reporters, Submissions submissions,
                      ReportingMessages messages, Clock clock, ReportingRepository repo, PlanCatalog plans,
                      TargetCatalog targets, AuditLog audit, vn.dxgov.indicators.IndicatorCatalog indicators,
                      vn.dxgov.units.AdminUnits units) {
        this.indicators = indicators;
        this.units = units;
        this.values = values;
        this.reporters = reporters;
        this.submissions = submissions;
        this.messages = messages;
        this.clock = clock;
        this.repo = repo;
        this.plans = plans;
        this.targets = targets;
        this.audit = audit;
    }

    /** One input with its number in the caller's batch (1-based). */
    record Numbered(int number, DataValueInput input) {
    }

    /** What happened to one input, with its number in the caller's batch. */
    record Outcome(int number, DataValueStore.Written written) {
    }

    /**
     * Writes a batch as the current user may: all or nothing. Throws 400 (bad items), 403 (lines not the user's),
     * 409 (a report not open for changes, locked or stale lines), each with one detail per item.
     */
    @Transactional
    List<Outcome> write(List<Numbered> batch) {
        if (CurrentUser.steering()) {
            return direct(batch);
        }
        Optional<Long> agency = Access.editorAgency();
        if (agency.isEmpty()) {
            throw Access.forbidden();
        }
        return throughReports(agency.get(), batch);
    }

    private List<Outcome> direct(List<Numbered> batch) {
        List<DataValueInput> inputs = batch.stream().map(Numbered::input).toList();
        List<Outcome> out = new ArrayList<>();
        for (DataValueStore.Written w : values.writeDetailed(inputs, ValueSource.API, null, false)) {
            out.add(new Outcome(batch.get(w.index() - 1).number(), w));
        }
        return out;
    }

    /** A target measuring an indicator, and the split it measures (null: the target's own indicator). */
    private record Measure(Target target, Integer split) {
    }

    private List<Outcome> throughReports(long agencyId, List<Numbered> batch) {
        Map<Long, List<Measure>> byIndicator = measuresOfPublishedPlans();
        Map<Long, List<ReportingPeriod>> periodsOfPlan = new HashMap<>();
        Map<Long, Submission> reportOfPeriod = new HashMap<>();
        Map<Long, List<Numbered>> groups = new LinkedHashMap<>();
        List<String> notYours = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        SubmissionStatus closedStatus = null;
        for (Numbered n : batch) {
            DataValueInput in = n.input();
            String where = "#" + n.number() + " (" + in.period() + ")";
            Claim claim = claim(agencyId, byIndicator.getOrDefault(in.indicatorId(), List.of()));
            if (claim == null) {
                notYours.add(where + ": chỉ số #" + in.indicatorId() + " không thuộc chỉ tiêu nào cơ quan bạn chủ trì hay"
                        + " phối hợp / not a figure your agency reports");
                continue;
            }
            Period period;
            try {
                period = Period.parse(in.period());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage() + " / invalid period");
                continue;
            }
            long planId = claim.measure().target().planId();
            ReportingPeriod rp = periodsOfPlan.computeIfAbsent(planId, repo::periodsOfPlan).stream()
                    .filter(p -> Period.parse(p.period()).contains(period)).findFirst().orElse(null);
            if (rp == null) {
                problems.add(where + ": kế hoạch #" + planId + " không có kỳ báo cáo chứa kỳ " + in.period()
                        + " / no reporting period of the plan contains it");
                continue;
            }
            Submission s = reportOfPeriod.computeIfAbsent(rp.id(), id -> submissions.open(id, agencyId));
            if (s.status() != SubmissionStatus.DRAFT && s.status() != SubmissionStatus.RETURNED) {
                closedStatus = closedStatus == null ? s.status() : closedStatus;
                closed.add(where + ": báo cáo #" + s.id() + " kỳ " + s.period() + " đang ở trạng thái \""
                        + messages.msg("reporting.status." + s.status().name())
                        + "\"; chỉ sửa được khi Sở điều hành trả lại hoặc mở lại / the report is "
                        + s.status().name().toLowerCase(java.util.Locale.ROOT) + ": it takes changes once returned or reopened");
                continue;
            }
            groups.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new Numbered(n.number(),
                    new DataValueInput(in.indicatorId(), in.unitId(), in.period(), in.value(), in.numerator(),
                            in.denominator(), in.comment(), agencyId, !claim.owner(), in.version())));
        }
        if (!notYours.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, notYours, "dataValue.notYourLine", notYours.size());
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "dataValue.invalid", problems.size());
        }
        if (!closed.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, closed, "reporting.error.notEditable",
                    messages.msg("reporting.status." + closedStatus.name()));
        }
        return writeIntoReports(groups);
    }

    /** The agency's line of an indicator: the official one where it owns a target's figure, else its contribution. */
    private record Claim(Measure measure, boolean owner) {
    }

    /**
     * How the agency reports an indicator, from the targets measuring it: the owner of one's figure (official line),
     * else a lead or co-operating agency of one (contribution); null when none names it.
     */
    private Claim claim(long agencyId, List<Measure> measures) {
        Measure measure = null;
        for (Measure m : measures) {
            Long o = reporters.owner(m.target());
            if (o != null && o == agencyId) {
                return new Claim(m, true);
            }
            if (measure == null && (m.target().leadAgencyIds().contains(agencyId)
                    || m.target().cooperatingAgencyIds().contains(agencyId))) {
                measure = m;
            }
        }
        return measure == null ? null : new Claim(measure, false);
    }

    /**
     * Writes each report's inputs into it (source API) and records in the report's history, once per report, the
     * figures that changed ("CT12 · Tỉnh Thanh Hóa · 2025-06: 1.300"); outcomes in batch order.
     */
    private List<Outcome> writeIntoReports(Map<Long, List<Numbered>> groups) {
        List<Outcome> out = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<Long, List<Numbered>> g : groups.entrySet()) {
            List<Numbered> group = g.getValue();
            List<DataValueStore.Written> written = values.writeDetailed(group.stream().map(Numbered::input).toList(),
                    ValueSource.API, g.getKey(), false);
            List<String> changes = new ArrayList<>();
            for (DataValueStore.Written w : written) {
                out.add(new Outcome(group.get(w.index() - 1).number(), w));
                if (w.action() != DataValueStore.Action.UNCHANGED) {
                    DataValue v = w.value();
                    // "CT12 · Tỉnh Thanh Hóa · 2025-06: 1.300"
                    changes.add(indicators.find(v.indicatorId()).map(i -> i.code()).orElse("#" + v.indicatorId())
                            + " · " + units.find(v.unitId()).map(u -> u.name()).orElse("#" + v.unitId()) + " · "
                            + v.period() + ": " + figure(v));
                }
            }
            if (!changes.isEmpty()) {
                // the report's own history shows every change of its figures, whichever channel brought it
                Submission s = repo.submission(g.getKey()).orElseThrow();
                repo.touch(s.id(), now);
                repo.insertEvent(s.id(), SubmissionAction.SAVE, s.status(), s.status(),
                        "API: " + ReportSaving.changeSummary(changes), CurrentUser.actor(), now);
                audit.record("submission.save", "submission", s.id(), null,
                        Map.of("channel", "API", "values", changes.size()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Outcome::number));
        return out;
    }

    /** A stored figure for the history: "1.300 / 1.250.300" for a ratio, "1.300", "—" once deleted. */
    private static String figure(DataValue v) {
        vn.dxgov.shared.Numbers n = vn.dxgov.shared.Numbers.VI;
        if (v.value() == null) {
            return "—";
        }
        return v.numerator() != null && v.denominator() != null ? n.value(v.numerator()) + " / " + n.value(v.denominator())
                : n.value(v.value());
    }

    /** Indicator id → the targets (or splits of compound count targets) of published plans it measures. */
    private Map<Long, List<Measure>> measuresOfPublishedPlans() {
        Map<Long, List<Measure>> out = new HashMap<>();
        for (Plan p : plans.list()) {
            if (!p.published()) {
                continue;
            }
            for (Target t : targets.forPlan(p.id(), TargetFilter.ALL)) {
                if (t.indicatorId() != null) {
                    out.computeIfAbsent(t.indicatorId(), k -> new ArrayList<>()).add(new Measure(t, null));
                }
                if (t.compoundCount()) {
                    for (int i = 1; i < t.splits().size(); i++) {
                        Long id = t.splitIndicatorId(i);
                        if (id != null) {
                            out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Measure(t, i));
                        }
                    }
                }
            }
        }
        return out;
    }
}
