package vn.dxgov.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.analytics.Aggregate;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.analytics.Analytics.Breakdown;
import vn.dxgov.analytics.Analytics.Part;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.shared.Period;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * The pre-aggregate ({@link Cube}) against the {@link Aggregator}: random writes and deletes of months, quarters and
 * years in communes before and after the reform of 1/7/2025 (Thanh Hóa: merged communes, a split town, the districts
 * that end), for every unit rule and period rule; after each write the national tables and the breakdowns kept in the
 * pre-aggregate, updated by the write, must equal what the Aggregator computes from the cells at that moment.
 */
@SpringBootTest
@ActiveProfiles("test")
class PreAggregateIT {

    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    @Autowired
    Analytics analytics;
    @Autowired
    DataValueStore store;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    AdminUnits units;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;

    int codes;

    @BeforeEach
    void setUp() {
        data.ensureUnits();
        indicatorData.reset();
    }

    Indicator indicator(ValueType type, UnitAggregation unitRule, PeriodAggregation periodRule) {
        return indicators.create(new IndicatorDraft("PRE" + (++codes), "Chỉ số tiền tổng hợp " + codes,
                type == ValueType.RATIO ? "%" : null, type, Direction.HIGHER, unitRule, periodRule, null, 3, null));
    }

    @Test
    void preAggregatedAnswersEqualTheAggregatorAfterRandomWritesAndDeletes() {
        AdminUnit thanhHoaOld = units.find("38", BEFORE).orElseThrow();
        AdminUnit thanhHoa = units.find("38", AFTER).orElseThrow();
        List<AdminUnit> oldCommunes = units.below(thanhHoaOld.id(), UnitLevel.COMMUNE);
        List<AdminUnit> newCommunes = units.below(thanhHoa.id(), UnitLevel.COMMUNE);
        List<AdminUnit> oldDistricts = units.below(thanhHoaOld.id(), UnitLevel.DISTRICT);
        Random random = new Random(13);
        // a few units, so that writes pile up on the same parents; the split town Hà Trung among them
        List<AdminUnit> targets = new ArrayList<>();
        targets.add(units.find("15271", BEFORE).orElseThrow());
        for (int i = 0; i < 8; i++) {
            targets.add(oldCommunes.get(random.nextInt(oldCommunes.size())));
            targets.add(newCommunes.get(random.nextInt(newCommunes.size())));
        }
        targets.add(thanhHoaOld);
        List<Indicator> all = List.of(
                indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.SUM),
                indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.LAST),
                indicator(ValueType.NUMBER, UnitAggregation.MEAN, PeriodAggregation.MEAN),
                indicator(ValueType.NUMBER, UnitAggregation.MAX, PeriodAggregation.SUM),
                indicator(ValueType.NUMBER, UnitAggregation.MIN, PeriodAggregation.LAST),
                indicator(ValueType.RATIO, UnitAggregation.RATIO, PeriodAggregation.MEAN));
        String[] periods = {"2025-05", "2025-06", "2025-07", "2025-08", "2025Q2", "2025Q3", "2025"};
        List<Period> asked = List.of(Period.parse("2025-06"), Period.parse("2025Q3"), Period.parse("2025"));
        int compared = 0;
        for (int step = 0; step < 40; step++) {
            Indicator ind = all.get(random.nextInt(all.size()));
            AdminUnit u = targets.get(random.nextInt(targets.size()));
            String period = periods[random.nextInt(periods.length)];
            boolean delete = step > 10 && random.nextInt(4) == 0;
            BigDecimal v = BigDecimal.valueOf(random.nextInt(1000), 1);
            DataValueInput input = ind.valueType() == ValueType.RATIO
                    ? new DataValueInput(ind.id(), u.id(), period, null, delete ? null : v,
                            delete ? null : v.add(BigDecimal.valueOf(50 + random.nextInt(100))), null)
                    : new DataValueInput(ind.id(), u.id(), period, delete ? null : v, null, null, null);
            store.write(List.of(input), ValueSource.FORM, null, false);
            // ask every few steps (the answers then stay in the pre-aggregate and are updated by later writes)
            if (step % 5 == 0 || step == 39) {
                for (Indicator i : all) {
                    for (Period p : asked) {
                        compared += check(i, p, AFTER, thanhHoa, UnitLevel.COMMUNE);
                        compared += check(i, p, BEFORE, thanhHoaOld, UnitLevel.DISTRICT);
                        if (!oldDistricts.isEmpty()) {
                            AdminUnit district = oldDistricts.get(step % oldDistricts.size());
                            compared += check(i, p, BEFORE, district, UnitLevel.COMMUNE);
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }

    /** The kept national table and breakdown against values computed one by one; returns how many were compared. */
    int check(Indicator i, Period p, LocalDate on, AdminUnit unit, UnitLevel level) {
        int n = 0;
        for (Part part : analytics.provinces(i.id(), on, p)) {
            assertThat(part.value()).as("%s %s %s", i.code(), p, part.unit().name())
                    .isEqualTo(analytics.value(i.id(), part.unit().id(), p).orElse(null));
            n++;
        }
        Breakdown b = analytics.breakdown(i.id(), unit.id(), level, p);
        Aggregate total = analytics.value(i.id(), unit.id(), p).orElse(null);
        assertThat(b.total()).as("%s %s %s total", i.code(), p, unit.name()).isEqualTo(total);
        for (Part part : b.parts()) {
            assertThat(part.value()).as("%s %s %s", i.code(), p, part.unit().name())
                    .isEqualTo(analytics.value(i.id(), part.unit().id(), p).orElse(null));
            n++;
        }
        return n;
    }
}
