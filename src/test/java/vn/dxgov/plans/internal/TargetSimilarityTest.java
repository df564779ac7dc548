package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dxgov.plans.importing.DocumentReader;
import vn.dxgov.plans.importing.ParsedPlan;
import vn.dxgov.plans.importing.ParsedTarget;
import vn.dxgov.plans.importing.PlanDocumentParser;
import vn.dxgov.plans.importing.ProvinceLexicon;
import vn.dxgov.targets.TargetKind;

/** The similarity behind target link suggestions: hand-checked pairs, the kind/unit rule, and a real plan pair. */
class TargetSimilarityTest {

    @Test
    void theSameTargetWithOtherFiguresOrDiacriticsScoresOne() {
        assertThat(TargetSimilarity.score("Kinh tế số chiếm 20% trở lên trong GRDP", "kinh te so chiem 30% tro len trong GRDP"))
                .isEqualTo(1.0);
    }

    @Test
    void aProvinceTargetMatchesTheNationalTargetItImplementsAndNotAnother() {
        String national = "Quy mô kinh tế số đạt tối thiểu 30% GDP";
        // syllables {quy, mo, kinh, te, so, gdp} and {kinh, te, so, gdp}: Dice 2·4/10 = 0,8; pairs {quy mo, mo kinh,
        // kinh te, te so, so gdp} and {kinh te, te so, so gdp}: 2·3/8 = 0,75; mean 0,775 (GRDP is read as GDP)
        assertThat(TargetSimilarity.score(national, "Kinh tế số chiếm 20% trở lên trong GRDP của tỉnh")).isEqualTo(0.775);
        assertThat(TargetSimilarity.score(national, "Hạ tầng mạng băng rộng cáp quang phủ 100% hộ gia đình"))
                .isZero();
        assertThat(TargetSimilarity.score(national, "Doanh nghiệp chuyển đổi số chiếm 50% tổng số doanh nghiệp"))
                .isLessThan(TargetSimilarity.THRESHOLD);
    }

    @Test
    void onlyTargetsOfCompatibleKindAndUnitArePaired() {
        assertThat(TargetSimilarity.compatible(TargetKind.PERCENT, "%", TargetKind.PERCENT, "% GDP")).isTrue();
        assertThat(TargetSimilarity.compatible(TargetKind.PERCENT, "%", TargetKind.COUNT, "xã")).isFalse();
        assertThat(TargetSimilarity.compatible(TargetKind.COUNT, "xã", TargetKind.COUNT, "doanh nghiệp")).isFalse();
        assertThat(TargetSimilarity.compatible(TargetKind.COUNT, "xã, phường", TargetKind.COUNT, "xã")).isTrue();
        assertThat(TargetSimilarity.compatible(TargetKind.COUNT, null, TargetKind.COUNT, "xã")).isTrue();
        // a national target read as done/not done goes with any kind
        assertThat(TargetSimilarity.compatible(TargetKind.YES_NO, null, TargetKind.RANK, "hạng")).isTrue();
    }

    @Test
    void everyTargetOfAProgrammeFindsTheTargetOfTheResolutionItImplements() throws IOException {
        // seed 001 implements seed 000: each of its targets restates one of the resolution's, in other words at times
        ParsedPlan resolution = parse("000_f654baa895e59210.txt");
        ParsedPlan programme = parse("001_16196319a76d78f9.txt");
        assertThat(programme.targets()).isNotEmpty();
        for (ParsedTarget t : programme.targets()) {
            double best = resolution.targets().stream()
                    .filter(r -> TargetSimilarity.compatible(t.kind(), t.unit(), r.kind(), r.unit()))
                    .mapToDouble(r -> TargetSimilarity.score(t.text(), r.text())).max().orElse(0);
            assertThat(best).as(t.text()).isGreaterThanOrEqualTo(TargetSimilarity.THRESHOLD);
        }
    }

    private static ParsedPlan parse(String name) throws IOException {
        try (InputStream in = TargetSimilarityTest.class.getResourceAsStream("/seed/plans/" + name)) {
            return new PlanDocumentParser().parse(new DocumentReader().read(name, in.readAllBytes()),
                    ProvinceLexicon.of(Set.of("Thanh Hóa")));
        }
    }
}
