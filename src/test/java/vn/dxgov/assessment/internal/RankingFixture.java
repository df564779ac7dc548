package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.Assessments.ReviewInput;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundDraft;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Classification;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.CriteriaSetDocument.Rule;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * Published rounds on real units, made through the public APIs (CriteriaSets, Assessments) as the steering
 * department: a criteria set per level with two groups (Hạ tầng số 60, Chính quyền số 40) of one MANUAL criterion each
 * and three classifications (Tốt from 80, Khá from 60, Trung bình), unique codes per test run; rounds are opened,
 * closed, scored by the reviewer's adjustments and published.
 */
final class RankingFixture {

    static final String GOOD = "Tốt";
    static final String FAIR = "Khá";
    static final String AVERAGE = "Trung bình";

    final Assessments assessments;
    final CriteriaSets sets;
    final AdminUnits units;
    final UserDetailsService accounts;
    final String run = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    RankingFixture(Assessments assessments, CriteriaSets sets, AdminUnits units, UserDetailsService accounts) {
        this.assessments = assessments;
        this.sets = sets;
        this.units = units;
        this.accounts = accounts;
    }

    <T> T asSteering(Supplier<T> work) {
        UserDetails user = accounts.loadUserByUsername("steering");
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    String code(UnitLevel level) {
        return "XH-" + level.name().charAt(0) + "-" + run;
    }

    /** A set of the level for the year (created once per year). */
    CriteriaSet set(UnitLevel level, int year) {
        return asSteering(() -> sets.find(code(level), year).orElseGet(() -> sets.create(new CriteriaSetDocument(
                code(level), year, "Bộ tiêu chí thử xếp hạng " + level + " " + run, level, null, false,
                BigDecimal.valueOf(100),
                List.of(new Classification("TOT", GOOD, BigDecimal.valueOf(80), false),
                        new Classification("KHA", FAIR, BigDecimal.valueOf(60), false),
                        new Classification("TB", AVERAGE, BigDecimal.ZERO, false)),
                List.of(group("HT", "Hạ tầng số", 60), group("CQ", "Chính quyền số", 40))))));
    }

    private static Node group(String code, String name, int max) {
        Node c = new Node(code + ".1", name + ": đánh giá chung", BigDecimal.valueOf(max), false, null,
                new Rule(RuleType.MANUAL, null, null, null), null, null);
        return new Node(code, name, BigDecimal.valueOf(max), false, null, null, null, List.of(c));
    }

    /** Opens a round (every unit of the level in the province on the date, or the given units). */
    Round open(String name, UnitLevel level, int year, LocalDate referenceDate, String provinceCode, List<Long> unitIds) {
        CriteriaSet set = set(level, year);
        return asSteering(() -> assessments.open(new RoundDraft(name + " " + run, set.id(), year, level, referenceDate,
                referenceDate, null, provinceCode, unitIds)));
    }

    List<Long> unitIds(long roundId) {
        return asSteering(() -> assessments.participants(roundId).stream().map(Assessments.Participant::unitId).toList());
    }

    /** Closes the round, scores each unit (total split 60 / rest over the two groups) and publishes. */
    Round publish(long roundId, Map<Long, Integer> totals) {
        return asSteering(() -> {
            assessments.close(roundId);
            totals.forEach((unit, total) -> {
                int ht = Math.min(60, total);
                assessments.review(roundId, unit, "HT.1", new ReviewInput("ADJUST", BigDecimal.valueOf(ht), "Thẩm định"));
                assessments.review(roundId, unit, "CQ.1",
                        new ReviewInput("ADJUST", BigDecimal.valueOf(total - ht), "Thẩm định"));
            });
            return assessments.publish(roundId);
        });
    }

    /** The province of a code valid on a day. */
    AdminUnit province(String code, LocalDate on) {
        return units.findProvince(code, on).orElseThrow();
    }

    List<Long> ids(List<AdminUnit> list) {
        List<Long> out = new ArrayList<>();
        list.forEach(u -> out.add(u.id()));
        return out;
    }
}
