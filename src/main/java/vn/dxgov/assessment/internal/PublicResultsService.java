package vn.dxgov.assessment.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.PublicResults;

/** {@link PublicResults}: the published rounds of a province and their maps, from the rankings' read side. */
@Service
class PublicResultsService implements PublicResults {

    private final RoundRepository repo;
    private final RankingService rankings;
    private final ObjectMapper json;

    PublicResultsService(RoundRepository repo, RankingService rankings, ObjectMapper json) {
        this.repo = repo;
        this.rankings = rankings;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Assessments.Round> publishedRounds(String provinceCode) {
        return repo.rounds().stream().filter(r -> r.status() == RoundStatus.PUBLISHED)
                .filter(r -> provinceCode != null && provinceCode.equals(repo.province(r))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public String mapJson(long roundId) {
        // RankingService.map reads published rounds only and answers 404 for any other
        return json.writeValueAsString(rankings.map(roundId));
    }
}
