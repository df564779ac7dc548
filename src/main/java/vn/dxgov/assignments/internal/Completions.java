package vn.dxgov.assignments.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument.Classification;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * Which units completed digital transformation, from the published assessment rounds only (through the assessment
 * module's public API): a unit completed CĐS in a round when its classification is the highest level of the round's
 * criteria set (the one with the most points, e.g. "Hoàn thành chuyển đổi số"). Demonstration rounds
 * ({@link Assessments.Round#demo()}) are left out: they never feed targets ({@link RoundFeed}) nor count anywhere here.
 */
@Component
class Completions {

    /** A unit's first completion. */
    record Done(long unitId, int year, long roundId) {
    }

    /** The completions of the published rounds, read once per question. */
    record Snapshot(Map<Long, Done> first, List<RoundInfo> rounds) {

        Optional<Done> of(long unitId) {
            return Optional.ofNullable(first.get(unitId));
        }
    }

    /** A published round: its level, year, province code (of its units) and the units that completed CĐS. */
    record RoundInfo(long id, UnitLevel level, int year, String provinceCode, List<Long> completed, Long publishedAtMillis) {
    }

    private final Assessments assessments;
    private final CriteriaSets sets;
    private final AdminUnits units;

    Completions(Assessments assessments, CriteriaSets sets, AdminUnits units) {
        this.assessments = assessments;
        this.sets = sets;
        this.units = units;
    }

    Snapshot read() {
        Map<Long, String> topBySet = new HashMap<>();
        Map<Long, Long> parents = null;
        Map<Long, String> provinceCodes = new HashMap<>();
        List<RoundInfo> rounds = new ArrayList<>();
        List<Assessments.Round> published = assessments.rounds().stream()
                .filter(r -> r.status() == Assessments.RoundStatus.PUBLISHED)
                // demonstration rounds show the rankings on a fresh start; they never count as real completions
                .filter(r -> !r.demo())
                .sorted(Comparator.comparingInt(Assessments.Round::year).thenComparingLong(Assessments.Round::id)).toList();
        Map<Long, Done> first = new HashMap<>();
        for (Assessments.Round r : published) {
            String top = topBySet.computeIfAbsent(r.criteriaSetId(), this::topClassification);
            Assessments.Results results = assessments.results(r.id());
            if (parents == null) {
                parents = units.parentIds();
            }
            String province = null;
            List<Long> completed = new ArrayList<>();
            for (Assessments.Result x : results.results()) {
                if (province == null) {
                    province = provinceCode(x.unitId(), parents, provinceCodes);
                }
                if (top != null && top.equals(x.classificationCode())) {
                    completed.add(x.unitId());
                    first.putIfAbsent(x.unitId(), new Done(x.unitId(), r.year(), r.id()));
                }
            }
            if (province == null && r.scopeUnitId() != null) {
                province = provinceCode(r.scopeUnitId(), parents == null ? units.parentIds() : parents, provinceCodes);
            }
            rounds.add(new RoundInfo(r.id(), r.level(), r.year(), province, completed,
                    r.publishedAt() == null ? null : r.publishedAt().toEpochMilli()));
        }
        return new Snapshot(first, rounds);
    }

    /** Year → units of the level in the province that completed CĐS up to that year, for the years with a round. */
    static SortedMap<Integer, Integer> cumulative(Snapshot s, String provinceCode, UnitLevel level) {
        TreeSet<Integer> years = new TreeSet<>();
        Map<Long, Integer> firstYear = new HashMap<>();
        for (RoundInfo r : s.rounds()) {
            if (r.level() != level || !provinceCode.equals(r.provinceCode())) {
                continue;
            }
            years.add(r.year());
            for (Long u : r.completed()) {
                firstYear.merge(u, r.year(), Math::min);
            }
        }
        SortedMap<Integer, Integer> out = new TreeMap<>();
        for (int y : years) {
            out.put(y, (int) firstYear.values().stream().filter(v -> v <= y).count());
        }
        return out;
    }

    /** Units up to a year (0 when no round of the level exists up to it). */
    static int upTo(SortedMap<Integer, Integer> cumulative, int year) {
        SortedMap<Integer, Integer> head = cumulative.headMap(year + 1);
        return head.isEmpty() ? 0 : head.get(head.lastKey());
    }

    String topClassification(long setId) {
        CriteriaSet set = sets.find(setId).orElse(null);
        if (set == null || set.document() == null) {
            return null;
        }
        return set.document().classificationList().stream()
                .filter(c -> c.minPoints() != null)
                .max(Comparator.comparing(Classification::minPoints))
                .map(Classification::code).orElse(null);
    }

    private String provinceCode(long unitId, Map<Long, Long> parents, Map<Long, String> cache) {
        long root = unitId;
        for (int i = 0; i < 6; i++) {
            Long p = parents.get(root);
            if (p == null) {
                break;
            }
            root = p;
        }
        long r = root;
        return cache.computeIfAbsent(r, id -> units.find(id).map(AdminUnit::code).orElse(null));
    }
}
