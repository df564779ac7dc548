package vn.dxgov.opendata.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.Assessments.Result;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.opendata.Dataset;
import vn.dxgov.opendata.DatasetTable;
import vn.dxgov.opendata.DatasetTable.Column;
import vn.dxgov.opendata.DatasetTable.Type;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;

/**
 * The dataset of a published assessment round ({@code round-{id}}): one row per ranked unit with its rank, code,
 * name, total, index, classification, whether its mandatory criteria were met, its previous rank, and its points in
 * each top-level group of the criteria set. Self-assessments, evidence, reviews and who did what are never here; a
 * round that is not published does not exist for the catalogue.
 */
@Component
class RoundDatasets {

    private final Assessments assessments;
    private final CriteriaSets sets;
    private final AdminUnits units;
    private final Labels labels;

    RoundDatasets(Assessments assessments, CriteriaSets sets, AdminUnits units, Labels labels) {
        this.assessments = assessments;
        this.sets = sets;
        this.units = units;
        this.labels = labels;
    }

    List<Round> published() {
        return assessments.rounds().stream().filter(r -> r.status() == RoundStatus.PUBLISHED).toList();
    }

    Optional<Round> find(long id) {
        try {
            return Optional.of(assessments.round(id)).filter(r -> r.status() == RoundStatus.PUBLISHED);
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    DatasetTable table(Round round) {
        List<Result> results = assessments.results(round.id()).results();
        List<CriteriaSetDocument.Node> groups = sets.find(round.criteriaSetId()).map(CriteriaSet::document)
                .map(CriteriaSetDocument::topNodes).orElse(List.of());
        List<Column> columns = new ArrayList<>(Arrays.asList(labels.column("rank", Type.INTEGER),
                labels.column("unit_code", Type.TEXT), labels.column("unit_name", Type.TEXT),
                labels.column("total", Type.NUMBER), labels.column("index", Type.NUMBER),
                labels.column("classification_code", Type.TEXT), labels.column("classification", Type.TEXT),
                labels.column("mandatory_met", Type.BOOLEAN), labels.column("previous_rank", Type.INTEGER),
                labels.column("demo", Type.BOOLEAN)));
        for (CriteriaSetDocument.Node g : groups) {
            columns.add(labels.column(pointsColumn(g.code()), "opendata.col.points_group",
                    g.code() + " " + g.name(), Type.NUMBER));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Result r : results) {
            List<Object> row = new ArrayList<>(Arrays.asList(r.rank(), r.unitCode(), r.unitName(), r.total(),
                    r.index(), r.classificationCode(), r.classificationName(), r.mandatoryMet(), r.previousRank(),
                    round.demo())); // a demonstration round's results are flagged on every row, as demo figures are
            for (CriteriaSetDocument.Node g : groups) {
                row.add(r.points() == null ? null : r.points().get(g.code()));
            }
            rows.add(row);
        }
        return new DatasetTable(describe(round, rows.size()), columns, rows);
    }

    /** A group's column: {@code points_} and its code with anything but letters and digits made an underscore. */
    static String pointsColumn(String code) {
        return "points_" + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private Dataset describe(Round r, int rows) {
        Optional<String> province = r.scopeUnitId() == null ? Optional.empty() : units.provinceCode(r.scopeUnitId());
        String provinceName = province.flatMap(code -> units.find(code, r.referenceDate()))
                .map(AdminUnit::shortName).orElse(null);
        String level = labels.vi("opendata.level." + r.level().name());
        String levelEn = labels.en("opendata.level." + r.level().name());
        String year = String.valueOf(r.year());
        return new Dataset("round-" + r.id(), Dataset.Kind.ROUND,
                labels.vi("opendata.round.title", r.name()), labels.en("opendata.round.title", r.name()),
                labels.vi("opendata.round.description", r.name(), r.criteriaSetCode(), level, year,
                        String.valueOf(r.unitCount())),
                labels.en("opendata.round.description", r.name(), r.criteriaSetCode(), levelEn, year,
                        String.valueOf(r.unitCount())),
                province.orElse(null), provinceName, List.of(r.criteriaSetCode(), level),
                LocalDate.of(r.year(), 1, 1), LocalDate.of(r.year(), 12, 31),
                r.publishedAt() != null ? r.publishedAt() : r.createdAt(), r.demo(), rows);
    }
}
