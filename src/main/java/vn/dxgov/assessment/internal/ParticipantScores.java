package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.assessment.Assessments.Participant;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriterionInput;
import vn.dxgov.assessment.SetScore;
import vn.dxgov.shared.web.ApiException;

/**
 * A unit's scores in a round from its stored answers: the self points (the unit's inputs through the criteria set's
 * rules) and the final points (a reviewer's adjustment where there is one), and the participants with both totals.
 */
@Component
class ParticipantScores {

    /** Self points (from the unit's inputs), final points (reviewed) per criterion and both totals. */
    record Scores(Map<String, BigDecimal> selfPoints, Map<String, BigDecimal> finalPoints, SetScore self, SetScore fin) {
    }

    private final RoundRepository repo;
    private final CriteriaSetService sets;

    ParticipantScores(RoundRepository repo, CriteriaSetService sets) {
        this.repo = repo;
        this.sets = sets;
    }

    Scores scores(CriteriaSetDocument doc, Map<String, Answer> answers, long unitId, int year) {
        Map<String, CriterionInput> inputs = new HashMap<>();
        answers.forEach((k, v) -> inputs.put(k, v.input()));
        Map<String, BigDecimal> self = sets.criterionPoints(doc, inputs, unitId, year);
        Map<String, BigDecimal> fin = new HashMap<>(self);
        answers.forEach((k, v) -> {
            if (v.review() == ReviewDecision.ADJUSTED && v.reviewPoints() != null) {
                fin.put(k, v.reviewPoints());
            }
        });
        return new Scores(self, fin, sets.total(doc, self), sets.total(doc, fin));
    }

    /** Every unit of the round with its totals, by name. */
    List<Participant> participants(Round r) {
        CriteriaSetDocument doc = sets.require(r.criteriaSetId()).document();
        Map<Long, Map<String, Answer>> answers = repo.answers(r.id());
        return repo.participants(r.id()).stream()
                .map(p -> participant(doc, r, p, answers.getOrDefault(p.unitId(), Map.of())))
                .sorted(Comparator.comparing(Participant::unitName, RoundScope.BY_NAME)).toList();
    }

    /** One unit of the round with its totals, or a 404. */
    Participant participant(Round r, long unitId) {
        RoundRepository.ParticipantRow row = repo.participant(r.id(), unitId)
                .orElseThrow(() -> ApiException.notFound("unit in round", unitId));
        CriteriaSetDocument doc = sets.require(r.criteriaSetId()).document();
        return participant(doc, r, row, repo.answers(r.id(), unitId));
    }

    private Participant participant(CriteriaSetDocument doc, Round r, RoundRepository.ParticipantRow p,
                                    Map<String, Answer> a) {
        Scores s = scores(doc, a, p.unitId(), r.year());
        int reviewed = (int) a.values().stream().filter(x -> x.review() != null).count();
        return new Participant(p.unitId(), p.unitCode(), p.unitName(), p.agencyId(), p.status(), p.submittedBy(),
                p.submittedAt(), s.self().total(), s.fin().total(), reviewed, doc.criteria().size());
    }
}
