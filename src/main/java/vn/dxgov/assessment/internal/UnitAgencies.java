package vn.dxgov.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.UnitAgency;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyMatch;

/**
 * Who self-assesses for a unit: the agency tied to the unit (its People's Committee, "UBND xã X"), whose EDITOR users
 * are the unit's staff. The steering department ties units to agencies one by one or for a whole round.
 */
@Service
class UnitAgencies {

    private final RoundRepository repo;
    private final RoundScope scope;
    private final AdminUnits units;
    private final AgencyDirectory agencies;
    private final AuditLog audit;

    UnitAgencies(RoundRepository repo, RoundScope scope, AdminUnits units, AgencyDirectory agencies, AuditLog audit) {
        this.repo = repo;
        this.scope = scope;
        this.units = units;
        this.agencies = agencies;
        this.audit = audit;
    }

    /** The current user works for the unit's agency (an EDITOR or a LEADER of it). */
    boolean isStaffOf(long unitId) {
        if (!CurrentUser.hasRole(Role.EDITOR) && !CurrentUser.hasRole(Role.LEADER)) {
            return false;
        }
        return CurrentUser.agencyId().map(a -> repo.linked(unitId, a)).orElse(false);
    }

    /** The current user edits for the unit: an EDITOR of its agency. */
    boolean isEditorOf(long unitId) {
        return CurrentUser.hasRole(Role.EDITOR) && isStaffOf(unitId);
    }

    @Transactional(readOnly = true)
    public List<Long> myUnits() {
        return CurrentUser.agencyId().map(repo::unitsOf).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<UnitAgency> unitAgencies() {
        return repo.unitAgencies().stream()
                .filter(l -> CurrentUser.mayRead(repo.provinceOfUnit(l.unitId()))).toList();
    }

    @Transactional
    public UnitAgency linkAgency(long unitId, long agencyId) {
        AssessmentAccess.requireSteering();
        if (units.find(unitId).isEmpty() || !CurrentUser.mayRead(repo.provinceOfUnit(unitId))) {
            throw ApiException.notFound("unit", unitId);
        }
        if (!CurrentUser.maySteer(repo.provinceOfUnit(unitId))) {
            throw AssessmentAccess.forbidden();
        }
        if (agencies.find(agencyId).isEmpty()) {
            throw ApiException.notFound("agency", agencyId);
        }
        Optional<Long> before = repo.agencyOf(unitId);
        repo.link(unitId, agencyId);
        UnitAgency link = new UnitAgency(unitId, agencyId);
        audit.record("assessment.unitAgency", "admin_unit", unitId, before.map(a -> new UnitAgency(unitId, a)).orElse(null), link);
        return link;
    }

    /** Ties each unit of the round without an agency to the one agency its People's Committee's name resolves to. */
    @Transactional
    public List<UnitAgency> linkAgencies(long roundId) {
        AssessmentAccess.requireSteering();
        Round r = repo.steered(roundId);
        List<UnitAgency> out = new ArrayList<>();
        List<RoundRepository.ParticipantRow> rows = repo.participants(r.id()).stream()
                .sorted(Comparator.comparing(RoundRepository.ParticipantRow::unitName, RoundScope.BY_NAME)).toList();
        for (RoundRepository.ParticipantRow p : rows) {
            if (p.agencyId() != null) {
                continue;
            }
            AdminUnit u = units.find(p.unitId()).orElse(null);
            if (u == null) {
                continue;
            }
            String province = scope.province(u).map(AdminUnit::code).orElse(null);
            List<AgencyMatch> found = agencies.resolve("UBND " + RoundScope.label(u), province);
            if (found.size() != 1) {
                continue;
            }
            long agency = found.get(0).agency().id();
            repo.linkIfUnlinked(u.id(), agency);
            out.add(new UnitAgency(u.id(), agency));
        }
        audit.record("assessment.linkAgencies", "assessment_round", r.id(), null, out);
        return out;
    }
}
