package vn.dxgov.plans.internal;

import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.dxgov.plans.Plan;

/**
 * The versions part of a plan's page: for a draft that revises a plan, the differences with it (reviewers only);
 * for a superseded version, which version replaced it and when; the earlier versions and a waiting new draft.
 */
@Component
class VersionPageModel {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A version as the page links to it. */
    record VersionLink(long id, int versionNo, String number, String title, String status) {
    }

    /** What replaced a superseded version: its version number, the day (dd/MM/yyyy), its plan id. */
    record Replacement(long id, int versionNo, String day) {
    }

    /** Another current plan with the same number that is not a version of this one. */
    record SameNumber(long id, String number, String title, String issuer) {
    }

    private final VersionRepository versions;
    private final PlanVersions planVersions;

    VersionPageModel(VersionRepository versions, PlanVersions planVersions) {
        this.versions = versions;
        this.planVersions = planVersions;
    }

    void addTo(Model m, Plan plan, PlanService plans) {
        VersionRepository.VersionInfo info = versions.find(plan.id()).orElse(null);
        if (info == null) {
            return;
        }
        m.addAttribute("versionNo", info.versionNo());
        if ("SUPERSEDED".equals(info.status())) {
            m.addAttribute("reviewer", false); // history: its targets and tasks are not edited any more
        }
        if (info.supersededBy() != null) {
            int no = versions.find(info.supersededBy()).map(VersionRepository.VersionInfo::versionNo).orElse(0);
            String day = info.supersededAt() == null ? vn.dxgov.shared.VietDates.ABSENT
                    : vn.dxgov.shared.VietDates.day(info.supersededAt().atZone(VIETNAM).toLocalDate());
            m.addAttribute("replacedBy", new Replacement(info.supersededBy(), no, day));
        }
        if (PlanService.canReview(plan)) {
            planVersions.differences(plan.id()).ifPresent(d -> m.addAttribute("versionDiff", d));
            List<VersionLink> drafts = versions.draftVersionsOf(plan.id()).stream()
                    .flatMap(id -> plans.find(id).stream()).map(this::link).toList();
            m.addAttribute("pendingVersions", drafts);
            m.addAttribute("sameNumber", sameNumber(plan, info));
        }
        List<VersionLink> earlier = versions.earlierVersions(plan.id()).stream()
                .flatMap(id -> plans.find(id).stream()).map(this::link).toList();
        m.addAttribute("earlierVersions", earlier);
    }

    /** Current plans of the same province (or national) whose number is this one's, other than its versions. */
    private List<SameNumber> sameNumber(Plan plan, VersionRepository.VersionInfo info) {
        String number = PlanSimilarity.number(plan.number());
        if (number == null || "SUPERSEDED".equals(info.status())) {
            return List.of();
        }
        return versions.candidates(plan.provinceCode(), plan.id()).stream()
                .filter(c -> number.equals(PlanSimilarity.number(c.number())))
                .filter(c -> !java.util.Objects.equals(info.versionOf(), c.id()))
                .filter(c -> versions.find(c.id()).map(v -> !java.util.Objects.equals(v.versionOf(), plan.id())).orElse(true))
                .map(c -> new SameNumber(c.id(), c.number(), c.title(), c.issuer())).toList();
    }

    private VersionLink link(Plan p) {
        int no = versions.find(p.id()).map(VersionRepository.VersionInfo::versionNo).orElse(1);
        return new VersionLink(p.id(), no, p.number(), p.title(), p.status().name());
    }
}
