package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The thresholds of {@link PlanSimilarity} measured on every seed plan: two different plans stay far below both
 * thresholds, a plan with one line changed (anywhere, many times over) stays far above the near-identical one. The
 * table printed is the one the class's comment quotes.
 */
class PlanSimilarityTest {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    static List<String> seeds() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath:seed/plans/*.txt");
        List<String> texts = new ArrayList<>();
        for (Resource r : found) {
            texts.add(r.getContentAsString(StandardCharsets.UTF_8));
        }
        assertThat(texts).hasSizeGreaterThanOrEqualTo(2);
        return texts;
    }

    @Test
    void differentPlansAreNotVersionsOfEachOther() throws IOException {
        List<String> texts = seeds();
        double highest = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                double s = PlanSimilarity.jaccard(PlanSimilarity.shingles(texts.get(i)), PlanSimilarity.shingles(texts.get(j)));
                System.out.printf("seed %d vs seed %d: %.3f%n", i, j, s);
                highest = Math.max(highest, s);
            }
        }
        assertThat(highest).isLessThan(PlanSimilarity.SAME_NUMBER_MINIMUM).isLessThan(PlanSimilarity.NEAR_IDENTICAL);
    }

    @Test
    void aPlanWithOneLineChangedIsNearIdentical() throws IOException {
        Random random = new Random(11);
        double lowest = 1;
        for (String text : seeds()) {
            Set<Long> original = PlanSimilarity.shingles(text);
            String[] lines = text.split("\n", -1);
            List<Integer> withNumbers = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (NUMBER.matcher(lines[i]).find() && lines[i].length() > 20) {
                    withNumbers.add(i);
                }
            }
            for (int k = 0; k < 20; k++) {
                String[] changed = lines.clone();
                int at = withNumbers.get(random.nextInt(withNumbers.size()));
                Matcher m = NUMBER.matcher(changed[at]);
                changed[at] = k % 2 == 0 ? m.replaceFirst("77") : changed[at] + " và các nội dung khác theo quy định";
                double s = PlanSimilarity.jaccard(original, PlanSimilarity.shingles(String.join("\n", changed)));
                lowest = Math.min(lowest, s);
            }
        }
        System.out.printf("one line changed: lowest similarity %.4f%n", lowest);
        assertThat(lowest).isGreaterThan(PlanSimilarity.NEAR_IDENTICAL);
    }

    @Test
    void numbersAndIssuersAreComparedAsWrittenTheSameWay() {
        assertThat(PlanSimilarity.number("Số 13-NQ/TU")).isEqualTo(PlanSimilarity.number("13-NQ/TU"));
        assertThat(PlanSimilarity.number("Số: 13 - nq/tu")).isEqualTo("13-NQ/TU");
        assertThat(PlanSimilarity.number("13-NQ/TU")).isNotEqualTo(PlanSimilarity.number("31-NQ/TU"));
        assertThat(PlanSimilarity.number("Số: /QĐ-UBND")).isNull();
        assertThat(PlanSimilarity.number(null)).isNull();
        assertThat(PlanSimilarity.issuer("BAN THƯỜNG VỤ TỈNH ỦY")).isEqualTo(PlanSimilarity.issuer("Ban Thường vụ Tỉnh uỷ"));
        assertThat(PlanSimilarity.issuer("Ban thuong vu tinh uy")).isEqualTo(PlanSimilarity.issuer("Ban Thường vụ Tỉnh ủy"));
        assertThat(PlanSimilarity.issuer("Ủy ban nhân dân tỉnh")).isNotEqualTo(PlanSimilarity.issuer("Ban Thường vụ Tỉnh ủy"));
    }
}
