package vn.dxgov.plans.internal;

import static vn.dxgov.shared.web.Limits.Kind.NAME;
import static vn.dxgov.shared.web.Limits.Kind.TEXT;
import static vn.dxgov.shared.web.Limits.Kind.TITLE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.Figure;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.shared.web.YearRange;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetDraft;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskDraft;
import vn.dxgov.units.AgencyDirectory;

/** Corrections a steering official makes to an imported plan's targets and tasks, validated and audited. */
@Service
class PlanReview {

    /** A target as edited; every field replaces the stored one. */
    record TargetEdit(@MaxChars(NAME) String code, @MaxChars(TEXT) String text, TargetKind kind, Comparison comparison,
                      @Figure(integerDigits = 16, decimals = 4) BigDecimal value, @MaxChars(NAME) String unit,
                      @YearRange Integer deadlineYear, @Figure(integerDigits = 16, decimals = 4) BigDecimal baseline,
                      @YearRange Integer baselineYear, Pillar pillar,
                      List<TargetSplit> splits, List<Long> leadAgencyIds, List<Long> cooperatingAgencyIds) {
    }

    /** A task as edited; every field replaces the stored one. */
    record TaskEdit(@MaxChars(NAME) String code, @MaxChars(NAME) String section, @MaxChars(TITLE) String sectionTitle,
                    @MaxChars(TITLE) String groupTitle, @MaxChars(TITLE) String title, @MaxChars(NAME) String timeFrame,
                    @YearRange Integer startYear, @YearRange Integer endYear, Recurrence recurrence,
                    @MaxChars(TEXT) String scope, @MaxChars(TEXT) String legalBasis, Pillar pillar, List<Long> leadAgencyIds, List<Long> cooperatingAgencyIds) {
    }

    private final PlanService plans;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final AgencyDirectory agencies;

    PlanReview(PlanService plans, TargetCatalog targets, TaskCatalog tasks, AgencyDirectory agencies) {
        this.plans = plans;
        this.targets = targets;
        this.tasks = tasks;
        this.agencies = agencies;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    public Target updateTarget(long id, TargetEdit e) {
        Target current = targets.find(id).orElseThrow(() -> ApiException.notFound("target", id));
        plans.requireReview(current.planId());
        List<String> problems = new ArrayList<>();
        if (e.text() == null || e.text().isBlank()) {
            problems.add("text: bắt buộc / required");
        }
        if (e.kind() == null) {
            problems.add("kind: bắt buộc / required");
        }
        if (e.pillar() == null) {
            problems.add("pillar: bắt buộc / required");
        }
        checkYear("deadlineYear", e.deadlineYear(), problems);
        checkYear("baselineYear", e.baselineYear(), problems);
        if (e.kind() == TargetKind.PERCENT && e.value() != null
                && (e.value().signum() < 0 || e.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add("value: tỷ lệ phần trăm phải từ 0 đến 100 / a percentage must be between 0 and 100");
        }
        if ((e.kind() == TargetKind.COUNT || e.kind() == TargetKind.RANK || e.kind() == TargetKind.MONEY)
                && e.value() != null && e.value().signum() < 0) {
            problems.add("value: không được âm / must not be negative");
        }
        checkAgencies(e.leadAgencyIds(), "leadAgencyIds", problems);
        checkAgencies(e.cooperatingAgencyIds(), "cooperatingAgencyIds", problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "error.validation");
        }
        return targets.update(id, new TargetDraft(blank(e.code()), current.sourceText(), e.text().trim(), e.kind(),
                e.comparison(), e.value(), blank(e.unit()), e.deadlineYear(), e.baseline(), e.baselineYear(), e.pillar(),
                e.splits(), e.leadAgencyIds(), e.cooperatingAgencyIds(), current.sourceLine()));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    public Task updateTask(long id, TaskEdit e) {
        Task current = tasks.find(id).orElseThrow(() -> ApiException.notFound("task", id));
        plans.requireReview(current.planId());
        List<String> problems = new ArrayList<>();
        if (e.title() == null || e.title().isBlank()) {
            problems.add("title: bắt buộc / required");
        }
        if (e.pillar() == null) {
            problems.add("pillar: bắt buộc / required");
        }
        checkYear("startYear", e.startYear(), problems);
        checkYear("endYear", e.endYear(), problems);
        if (e.startYear() != null && e.endYear() != null && e.startYear() > e.endYear()) {
            problems.add("endYear: năm kết thúc trước năm bắt đầu / ends before it starts");
        }
        checkAgencies(e.leadAgencyIds(), "leadAgencyIds", problems);
        checkAgencies(e.cooperatingAgencyIds(), "cooperatingAgencyIds", problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "error.validation");
        }
        return tasks.update(id, new TaskDraft(blank(e.code()), blank(e.section()), blank(e.sectionTitle()),
                blank(e.groupTitle()), e.title().trim(), blank(e.timeFrame()), e.startYear(), e.endYear(), e.recurrence(),
                blank(e.scope()), blank(e.legalBasis()), e.pillar(), e.leadAgencyIds(), e.cooperatingAgencyIds(),
                current.sourceLine()));
    }

    private void checkAgencies(List<Long> ids, String field, List<String> problems) {
        if (ids == null) {
            return;
        }
        var found = agencies.findAll(ids);
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                problems.add(field + ": không có cơ quan #" + id + " / no agency #" + id);
            }
        }
    }

    private static void checkYear(String field, Integer year, List<String> problems) {
        if (year != null && (year < 1990 || year > 2100)) {
            problems.add(field + ": năm phải từ 1990 đến 2100 / year must be between 1990 and 2100");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
