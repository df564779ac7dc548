package vn.dxgov.reporting.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskFilter;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;

/**
 * Who reports what, as the plans say it: the agencies that must report on a plan in a year, and the agency whose
 * report carries a target's official figure. Collectives ("Các sở, ban, ngành", "UBND các huyện") are not one
 * organisation and report nothing. No user check: what the plans say is no secret, and callers check who asks.
 */
@Service
@Transactional(readOnly = true)
class ReportingAgencies {

    private final ReportingRepository repo;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final AgencyDirectory agencies;

    ReportingAgencies(ReportingRepository repo, TargetCatalog targets, TaskCatalog tasks, AgencyDirectory agencies) {
        this.repo = repo;
        this.targets = targets;
        this.tasks = tasks;
        this.agencies = agencies;
    }

    /** The agencies that must report in a period (see {@link #requiredAgencies(long, int)}). */
    List<Long> requiredAgencies(long reportingPeriodId) {
        ReportingPeriod period = repo.period(reportingPeriodId).orElseThrow(() -> ApiException.notFound("period", reportingPeriodId));
        return requiredAgencies(period.planId(), Period.parse(period.period()).year());
    }

    /**
     * The agencies that must report on a plan in a year: the lead agencies of its targets and of its tasks that run
     * in that year, except collectives ("Các sở, ban, ngành", "UBND các huyện"), which are not one organisation and
     * cannot report; sorted by name.
     */
    List<Long> requiredAgencies(long planId, int year) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Target t : targets.forPlan(planId, TargetFilter.ALL)) {
            ids.addAll(t.leadAgencyIds());
        }
        for (Task t : tasks.forPlan(planId, TaskFilter.ALL)) {
            if (t.runsIn(year)) {
                ids.addAll(t.leadAgencyIds());
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Agency> found = agencies.findAll(ids);
        return found.values().stream().filter(a -> a.kind() != AgencyKind.COLLECTIVE)
                .sorted((a, b) -> VietText.collator().compare(a.name(), b.name())).map(Agency::id).toList();
    }

    /**
     * The agency a target's figure belongs to: its first lead agency that is one organisation (not a collective such
     * as "UBND các huyện"); null when none. Other lead and co-operating agencies report contributions.
     */
    Long owner(Target t) {
        if (t.leadAgencyIds().isEmpty()) {
            return null;
        }
        Map<Long, Agency> found = agencies.findAll(t.leadAgencyIds());
        for (Long id : t.leadAgencyIds()) {
            Agency a = found.get(id);
            if (a != null && a.kind() != AgencyKind.COLLECTIVE) {
                return id;
            }
        }
        return null;
    }
}
