package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestData;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.targets.TargetKind;

/** Importing a plan gives every target a draft indicator chosen from its kind, in the import's transaction. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DraftIndicatorsIT {

    @Autowired
    ImportJobs imports;
    @Autowired
    TargetCatalog targets;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;

    @BeforeEach
    void clean() {
        data.resetPlans();
        data.ensureUnits();
        indicatorData.reset();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "steering", null, AuthorityUtils.createAuthorityList("ROLE_STEERING")));
    }

    @org.junit.jupiter.api.AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    long importSeed001() throws IOException {
        byte[] bytes = new ClassPathResource("seed/plans/001_16196319a76d78f9.txt").getContentAsByteArray();
        return imports.runNow("001.txt", bytes, Locale.forLanguageTag("vi")).planId();
    }

    @Test
    void everyImportedTargetGetsADraftIndicatorByKind() throws IOException {
        long planId = importSeed001();
        List<Target> all = targets.forPlan(planId, TargetFilter.ALL);
        assertThat(all).hasSize(19);
        assertThat(all).allSatisfy(t -> assertThat(t.indicatorId()).as(t.text()).isNotNull());
        Map<Long, Indicator> byTarget = indicators.forTargets(all.stream().map(Target::id).toList());
        assertThat(byTarget).hasSize(19);
        for (Target t : all) {
            Indicator i = byTarget.get(t.id());
            assertThat(i.draft()).isTrue();
            assertThat(i.code()).isEqualTo("T" + t.id());
            assertThat(i.name()).isNotBlank();
            assertThat(i.name().length()).isLessThanOrEqualTo(161);
            assertThat(i.formula()).isNull();
            switch (t.kind()) {
                case PERCENT -> {
                    assertThat(i.valueType()).isEqualTo(ValueType.RATIO);
                    assertThat(i.unitAggregation()).isEqualTo(UnitAggregation.RATIO);
                    assertThat(i.periodAggregation()).isEqualTo(PeriodAggregation.LAST);
                    assertThat(i.unit()).isEqualTo("%");
                }
                case COUNT -> {
                    assertThat(i.valueType()).isEqualTo(ValueType.NUMBER);
                    assertThat(i.unitAggregation()).isEqualTo(UnitAggregation.SUM);
                    assertThat(i.unit()).isEqualTo(t.unit());
                }
                case RANK -> {
                    assertThat(i.direction()).isEqualTo(Direction.LOWER);
                    assertThat(i.unitAggregation()).isEqualTo(UnitAggregation.MIN);
                    assertThat(i.unit()).isEqualTo("hạng");
                }
                case GROWTH_RATE -> {
                    assertThat(i.unitAggregation()).isEqualTo(UnitAggregation.MEAN);
                    assertThat(i.unit()).isEqualTo("%/năm");
                }
                case MONEY -> {
                    assertThat(i.unitAggregation()).isEqualTo(UnitAggregation.SUM);
                    assertThat(i.periodAggregation()).isEqualTo(PeriodAggregation.SUM);
                }
                case YES_NO -> assertThat(i.valueType()).isEqualTo(ValueType.YES_NO);
            }
        }
        Target productivity = all.stream().filter(t -> t.kind() == TargetKind.GROWTH_RATE).findFirst().orElseThrow();
        assertThat(byTarget.get(productivity.id()).name()).startsWith("Năng suất lao động tăng bình quân");
        assertThat(all.stream().map(Target::kind).distinct()).contains(TargetKind.PERCENT, TargetKind.GROWTH_RATE);
        // a compound count target ("06 huyện ... và 300 xã ...") has one more indicator per split after the first
        int splitIndicators = 0;
        for (Target t : all) {
            if (t.compoundCount()) {
                for (int k = 1; k < t.splits().size(); k++) {
                    Indicator split = indicators.find(t.splits().get(k).indicatorId()).orElseThrow();
                    assertThat(split.draft()).isTrue();
                    assertThat(split.id()).isNotEqualTo(t.indicatorId());
                    splitIndicators++;
                }
            } else {
                assertThat(t.splits()).allMatch(x -> x.indicatorId() == null);
            }
        }
        // audited, as the import's user
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'indicator.create' and username = 'steering'")
                .query(Integer.class).single()).isEqualTo(19 + splitIndicators);
        assertThat(indicators.forTarget(productivity.id()).orElseThrow().id()).isEqualTo(productivity.indicatorId());
    }

    @Test
    void aFailedImportLeavesNoIndicatorBehind() {
        int before = jdbc.sql("select count(*) from indicator").query(Integer.class).single();
        try {
            imports.runNow("rong.txt", "Không phải kế hoạch".getBytes(), Locale.forLanguageTag("vi"));
        } catch (RuntimeException expected) {
            // refused
        }
        assertThat(jdbc.sql("select count(*) from indicator").query(Integer.class).single()).isEqualTo(before);
    }
}
