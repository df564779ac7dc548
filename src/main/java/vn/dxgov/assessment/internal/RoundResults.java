package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assessment.Assessments.HistoryEntry;
import vn.dxgov.assessment.Assessments.Result;
import vn.dxgov.assessment.Assessments.Results;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.SetScore;
import vn.dxgov.shared.web.ApiException;

/**
 * Ranking and results: the ranked results of a round (stored at publication, or computed on the spot for a round not
 * published yet), the rank change against the year before and a unit's history over published rounds. Equal totals
 * share a rank ({@link Ranking}).
 */
@Service
class RoundResults {

    private final RoundRepository repo;
    private final CriteriaSetService sets;
    private final ParticipantScores scores;

    RoundResults(RoundRepository repo, CriteriaSetService sets, ParticipantScores scores) {
        this.repo = repo;
        this.sets = sets;
        this.scores = scores;
    }

    @Transactional(readOnly = true)
    public Results results(long roundId) {
        Round r = repo.round(roundId);
        if (r.status() == RoundStatus.PUBLISHED) {
            List<Result> sorted = new ArrayList<>(repo.results(roundId, previousRanks(r)));
            sorted.sort(Comparator.comparingInt(Result::rank).thenComparing(Result::unitName, RoundScope.BY_NAME));
            return new Results(r, true, sorted);
        }
        if (!AssessmentAccess.readsAll()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "assessment.results.notPublished");
        }
        return new Results(r, false, compute(r));
    }

    /** The provisional (or, for publication, final) results of every unit, ranked. */
    List<Result> compute(Round r) {
        CriteriaSetDocument doc = sets.require(r.criteriaSetId()).document();
        Map<Long, Map<String, Answer>> answers = repo.answers(r.id());
        Map<Long, Integer> previous = previousRanks(r);
        record Row(long unitId, String code, String name, SetScore score) {
        }
        List<Row> rows = repo.participants(r.id()).stream()
                .map(p -> new Row(p.unitId(), p.unitCode(), p.unitName(),
                        scores.scores(doc, answers.getOrDefault(p.unitId(), Map.of()), p.unitId(), r.year()).fin()))
                .toList();
        List<Result> out = new ArrayList<>();
        for (Ranking.Ranked<Row> ranked : Ranking.rank(rows, x -> x.score().total(),
                Comparator.comparing(Row::name, RoundScope.BY_NAME))) {
            Row x = ranked.item();
            Integer prev = previous.get(x.unitId());
            SetScore s = x.score();
            out.add(new Result(ranked.rank(), x.unitId(), x.code(), x.name(), s.total(), s.index(),
                    s.classification() == null ? null : s.classification().code(),
                    s.classification() == null ? null : s.classification().name(), s.mandatoryMet(), prev,
                    prev == null ? null : prev - ranked.rank(), topPoints(doc, s)));
        }
        return out;
    }

    private static Map<String, BigDecimal> topPoints(CriteriaSetDocument doc, SetScore s) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Node n : doc.topNodes()) {
            out.put(n.code(), s.points().get(n.code()));
        }
        return out;
    }

    /**
     * Ranks in the latest published round of the year before on the same criteria set code and level (the rule of
     * the rankings, {@link RankingService}: where the unit was ranked, the latest such round when there are several).
     */
    private Map<Long, Integer> previousRanks(Round r) {
        return repo.ranks(r.criteriaSetCode(), r.level(), r.year() - 1);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long unitId) {
        List<HistoryEntry> out = new ArrayList<>();
        Map<String, HistoryEntry> last = new HashMap<>();
        for (HistoryEntry h : repo.history(unitId)) {
            HistoryEntry prev = last.get(h.criteriaSetCode());
            Integer change = prev == null || prev.year() >= h.year() ? null : prev.rank() - h.rank();
            HistoryEntry withChange = new HistoryEntry(h.roundId(), h.roundName(), h.criteriaSetCode(), h.year(),
                    h.total(), h.rank(), h.unitCount(), h.classificationName(), change, h.demo());
            out.add(withChange);
            last.put(h.criteriaSetCode(), withChange);
        }
        return out;
    }
}
