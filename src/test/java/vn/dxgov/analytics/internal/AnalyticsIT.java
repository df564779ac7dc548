package vn.dxgov.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.analytics.Aggregate;
import vn.dxgov.analytics.Analytics;
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
import vn.dxgov.units.UnitLink;

/**
 * The aggregation rules on the real units of Thanh Hóa (38) and Thái Nguyên (19) before and after 1/7/2025,
 * values written through the data value store (so the aggregate is kept fresh by its after-commit events).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnalyticsIT {

    static final LocalDate BEFORE = LocalDate.of(2024, 12, 31);
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
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    AdminUnit thanhHoaOld;
    AdminUnit thanhHoaNew;
    List<AdminUnit> communes;
    int codes;

    @BeforeEach
    void setUp() {
        data.ensureUnits();
        indicatorData.reset();
        thanhHoaOld = units.find("38", BEFORE).orElseThrow();
        thanhHoaNew = units.find("38", AFTER).orElseThrow();
        communes = units.children(thanhHoaNew.id()).subList(0, 3);
    }

    Indicator indicator(ValueType type, UnitAggregation unitRule, PeriodAggregation periodRule) {
        return indicators.create(new IndicatorDraft("I" + (++codes), "Chỉ số thử " + codes, type == ValueType.RATIO ? "%" : null,
                type, Direction.HIGHER, unitRule, periodRule, null, 2, null));
    }

    void put(Indicator i, AdminUnit u, String period, String value) {
        store.write(List.of(new DataValueInput(i.id(), u.id(), period, new BigDecimal(value), null, null, null)),
                ValueSource.FORM, null, false);
    }

    void ratio(Indicator i, AdminUnit u, String period, String num, String den) {
        store.write(List.of(new DataValueInput(i.id(), u.id(), period, null, new BigDecimal(num), new BigDecimal(den), null)),
                ValueSource.FORM, null, false);
    }

    Aggregate value(Indicator i, AdminUnit u, String period) {
        return analytics.value(i.id(), u.id(), Period.parse(period)).orElse(null);
    }

    BigDecimal number(Indicator i, AdminUnit u, String period) {
        Aggregate a = value(i, u, period);
        return a == null ? null : a.value();
    }

    // ----- over units

    @Test
    void unitRulesCombineTheCommunesOfAProvince() {
        Indicator sum = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.LAST);
        Indicator mean = indicator(ValueType.NUMBER, UnitAggregation.MEAN, PeriodAggregation.LAST);
        Indicator max = indicator(ValueType.NUMBER, UnitAggregation.MAX, PeriodAggregation.LAST);
        Indicator min = indicator(ValueType.NUMBER, UnitAggregation.MIN, PeriodAggregation.LAST);
        String[] values = {"10", "20", "30"};
        for (int c = 0; c < 3; c++) {
            for (Indicator i : List.of(sum, mean, max, min)) {
                put(i, communes.get(c), "2025", values[c]);
            }
        }
        Aggregate total = value(sum, thanhHoaNew, "2025");
        assertThat(total.value()).isEqualByComparingTo("60");
        assertThat(total.cells()).isEqualTo(3);
        assertThat(total.carried()).isFalse();
        assertThat(number(mean, thanhHoaNew, "2025")).isEqualByComparingTo("20");
        assertThat(number(max, thanhHoaNew, "2025")).isEqualByComparingTo("30");
        assertThat(number(min, thanhHoaNew, "2025")).isEqualByComparingTo("10");
        // a commune alone is its own value; a period with nothing recorded has none
        assertThat(number(sum, communes.get(1), "2025")).isEqualByComparingTo("20");
        assertThat(value(sum, thanhHoaNew, "2024")).isNull();
    }

    @Test
    void preAggregatedLevelsShowAWriteAsSoonAsItReturns() {
        Indicator sum = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.SUM);
        put(sum, communes.get(0), "2025-08", "10");
        put(sum, communes.get(1), "2025-08", "20");
        Period aug = Period.parse("2025-08");
        // asked once: the answers are kept
        Analytics.Breakdown first = analytics.breakdown(sum.id(), thanhHoaNew.id(), vn.dxgov.units.UnitLevel.COMMUNE, aug);
        assertThat(first.total().value()).isEqualByComparingTo("30");
        assertThat(analytics.breakdown(sum.id(), thanhHoaNew.id(), vn.dxgov.units.UnitLevel.COMMUNE, aug)).isSameAs(first);
        List<Analytics.Part> nation = analytics.provinces(sum.id(), AFTER, aug);
        assertThat(nation).hasSize(34);
        assertThat(nation.stream().filter(p -> p.unit().id() == thanhHoaNew.id()).findFirst().orElseThrow().value().value())
                .isEqualByComparingTo("30");
        // a write, then a deletion: every level shows it on the next read
        put(sum, communes.get(2), "2025-08", "5");
        Analytics.Breakdown after = analytics.breakdown(sum.id(), thanhHoaNew.id(), vn.dxgov.units.UnitLevel.COMMUNE, aug);
        assertThat(after.total().value()).isEqualByComparingTo("35");
        assertThat(after.total().cells()).isEqualTo(3);
        assertThat(after.parts().stream().filter(p -> p.unit().id() == communes.get(2).id()).findFirst().orElseThrow()
                .value().value()).isEqualByComparingTo("5");
        assertThat(analytics.provinces(sum.id(), AFTER, aug).stream().filter(p -> p.unit().id() == thanhHoaNew.id())
                .findFirst().orElseThrow().value().value()).isEqualByComparingTo("35");
        store.write(List.of(new DataValueInput(sum.id(), communes.get(0).id(), "2025-08", null, null, null, null)),
                ValueSource.FORM, null, false);
        assertThat(analytics.breakdown(sum.id(), thanhHoaNew.id(), vn.dxgov.units.UnitLevel.COMMUNE, aug).total().value())
                .isEqualByComparingTo("25");
        assertThat(analytics.provinces(sum.id(), AFTER, aug).stream().filter(p -> p.unit().id() == thanhHoaNew.id())
                .findFirst().orElseThrow().value().value()).isEqualByComparingTo("25");
        // a rebuild from the database gives the same
        analytics.reload();
        assertThat(analytics.breakdown(sum.id(), thanhHoaNew.id(), vn.dxgov.units.UnitLevel.COMMUNE, aug).total().value())
                .isEqualByComparingTo("25");
    }

    @Test
    void ratiosAreSumsOfNumeratorsOverSumsOfDenominatorsNeverMeansOfPercentages() {
        Indicator online = indicator(ValueType.RATIO, UnitAggregation.RATIO, PeriodAggregation.LAST);
        ratio(online, communes.get(0), "2025", "45", "50");   // 90%
        ratio(online, communes.get(1), "2025", "30", "100");  // 30%
        Aggregate a = value(online, thanhHoaNew, "2025");
        // (45 + 30) / (50 + 100) = 50%, not (90 + 30) / 2 = 60%
        assertThat(a.value()).isEqualByComparingTo("50");
        assertThat(a.numerator()).isEqualByComparingTo("75");
        assertThat(a.denominator()).isEqualByComparingTo("150");
    }

    @Test
    void theUnitsOwnValueComesBeforeTheUnitsBelowIt() {
        Indicator sum = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.LAST);
        put(sum, communes.get(0), "2025", "10");
        put(sum, communes.get(1), "2025", "20");
        put(sum, thanhHoaNew, "2025", "500");
        assertThat(number(sum, thanhHoaNew, "2025")).isEqualByComparingTo("500");
    }

    // ----- over periods

    @Test
    void periodRulesCombineMonthsIntoQuartersAndYears() {
        Indicator sum = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.SUM);
        Indicator last = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.LAST);
        Indicator mean = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.MEAN);
        for (Indicator i : List.of(sum, last, mean)) {
            put(i, thanhHoaOld, "2024-01", "10");
            put(i, thanhHoaOld, "2024-02", "20");
            put(i, thanhHoaOld, "2024-03", "30");
            put(i, thanhHoaOld, "2024-10", "40");
        }
        assertThat(number(sum, thanhHoaOld, "2024")).isEqualByComparingTo("100");
        assertThat(number(last, thanhHoaOld, "2024")).as("the latest month that has a value").isEqualByComparingTo("40");
        assertThat(number(mean, thanhHoaOld, "2024")).isEqualByComparingTo("25");
        assertThat(number(sum, thanhHoaOld, "2024Q1")).isEqualByComparingTo("60");
        assertThat(number(last, thanhHoaOld, "2024S1")).isEqualByComparingTo("30");
        assertThat(number(mean, thanhHoaOld, "2024Q1")).isEqualByComparingTo("20");
        assertThat(value(sum, thanhHoaOld, "2024Q2")).isNull();
        assertThat(value(sum, thanhHoaOld, "2024").cells()).isEqualTo(4);
        // a quarter stored as such counts once, weighted by its three months in a mean
        put(mean, thanhHoaOld, "2024Q2", "50");
        put(sum, thanhHoaOld, "2024Q2", "50");
        assertThat(number(sum, thanhHoaOld, "2024")).isEqualByComparingTo("150");
        // (10 + 20 + 30 + 3 × 50 + 40) / 7 = 250 / 7
        assertThat(number(mean, thanhHoaOld, "2024")).isEqualByComparingTo("35.714286");
        // a stored yearly value stands for the year
        put(sum, thanhHoaOld, "2024", "999");
        assertThat(number(sum, thanhHoaOld, "2024")).isEqualByComparingTo("999");
        assertThat(number(sum, thanhHoaOld, "2024Q1")).isEqualByComparingTo("60");
    }

    @Test
    void monthlyRatiosAddUpNumeratorsAndDenominators() {
        Indicator online = indicator(ValueType.RATIO, UnitAggregation.RATIO, PeriodAggregation.SUM);
        ratio(online, thanhHoaOld, "2024-01", "10", "20");  // 50%
        ratio(online, thanhHoaOld, "2024-02", "30", "40");  // 75%
        // (10 + 30) / (20 + 40) = 66.67%, not 62.5%
        assertThat(number(online, thanhHoaOld, "2024")).isEqualByComparingTo("66.666667");
    }

    // ----- across the 2025 reform

    @Test
    void thanhHoaBeforeAndAfterTheMergerIsOneSeries() {
        Indicator online = indicator(ValueType.RATIO, UnitAggregation.RATIO, PeriodAggregation.LAST);
        ratio(online, thanhHoaOld, "2022", "50", "100");
        ratio(online, thanhHoaOld, "2023", "60", "100");
        ratio(online, thanhHoaOld, "2024", "70", "100");
        ratio(online, thanhHoaNew, "2025", "80", "100");
        List<Analytics.Point> series = analytics.series(online.id(), thanhHoaNew.id(), Period.Type.YEAR, 2020, 2026);
        assertThat(series).extracting(p -> p.period().code()).containsExactly("2022", "2023", "2024", "2025");
        assertThat(series).extracting(p -> p.value().value().intValue()).containsExactly(50, 60, 70, 80);
        assertThat(series).extracting(p -> p.value().carried()).containsExactly(true, true, true, false);
        // the old unit does not take its successor's values
        assertThat(analytics.series(online.id(), thanhHoaOld.id(), Period.Type.YEAR, 2020, 2026)).hasSize(3);
    }

    @Test
    void thaiNguyenTakesOverBacKanAsSumsOfNumeratorsAndDenominators() {
        AdminUnit thaiNguyenOld = units.find("19", BEFORE).orElseThrow();
        AdminUnit bacKan = units.find("06", BEFORE).orElseThrow();
        AdminUnit thaiNguyenNew = units.find("19", AFTER).orElseThrow();
        assertThat(units.predecessors(thaiNguyenNew.id())).extracting(l -> l.predecessor().id())
                .contains(thaiNguyenOld.id(), bacKan.id());
        Indicator online = indicator(ValueType.RATIO, UnitAggregation.RATIO, PeriodAggregation.LAST);
        Indicator firms = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.LAST);
        ratio(online, thaiNguyenOld, "2024", "30", "60");  // 50%
        ratio(online, bacKan, "2024", "10", "40");         // 25%
        put(firms, thaiNguyenOld, "2024", "100");
        put(firms, bacKan, "2024", "50");
        Aggregate merged = value(online, thaiNguyenNew, "2024");
        assertThat(merged.value()).isEqualByComparingTo("40");
        assertThat(merged.carried()).isTrue();
        assertThat(merged.cells()).isEqualTo(2);
        assertThat(number(firms, thaiNguyenNew, "2024")).isEqualByComparingTo("150");
        assertThat(number(firms, thaiNguyenOld, "2024")).isEqualByComparingTo("100");
    }

    @Test
    void aMergedCommuneContinuesItsPredecessorsMonthByMonth() {
        // a new commune that took over old communes wholly, and one of those old communes
        AdminUnit merged = null;
        List<AdminUnit> olds = new ArrayList<>();
        for (AdminUnit c : units.children(thanhHoaNew.id())) {
            List<UnitLink> full = units.predecessors(c.id()).stream().filter(l -> l.share() == UnitLink.Share.FULL).toList();
            if (full.size() >= 2) {
                merged = c;
                full.forEach(l -> olds.add(l.predecessor()));
                break;
            }
        }
        assertThat(merged).as("a commune of Thanh Hóa merged from two whole communes").isNotNull();
        Indicator dossiers = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.SUM);
        Indicator stations = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.LAST);
        for (int m = 1; m <= 6; m++) {
            String month = String.format("2025-%02d", m);
            put(dossiers, olds.get(0), month, "10");
            put(dossiers, olds.get(1), month, "5");
            put(stations, olds.get(0), month, String.valueOf(m));
            put(stations, olds.get(1), month, "2");
        }
        for (int m = 7; m <= 12; m++) {
            String month = String.format("2025-%02d", m);
            put(dossiers, merged, month, "20");
            put(stations, merged, month, "9");
        }
        // flows add up across the reform: 6 × (10 + 5) + 6 × 20 = 210
        Aggregate year = value(dossiers, merged, "2025");
        assertThat(year.value()).isEqualByComparingTo("210");
        assertThat(year.carried()).isTrue();
        assertThat(year.cells()).isEqualTo(18);
        // a stock takes the latest month, counted once (not the old communes' June on top)
        assertThat(number(stations, merged, "2025")).isEqualByComparingTo("9");
        assertThat(number(stations, merged, "2025S1")).as("June: 6 + 2").isEqualByComparingTo("8");
        // the province, whichever way it is reached, counts each value once
        assertThat(number(dossiers, thanhHoaNew, "2025")).isEqualByComparingTo("210");
        assertThat(number(dossiers, thanhHoaOld, "2025S1")).isEqualByComparingTo("90");
    }

    // ----- derived

    @Test
    void derivedIndicatorsApplyTheirFormulaToTheAggregates() {
        Indicator a = indicators.create(new IndicatorDraft("GRDP-KTS", "GRDP kinh tế số", "tỷ đồng", ValueType.NUMBER,
                Direction.HIGHER, UnitAggregation.SUM, PeriodAggregation.SUM, null, 0, null));
        Indicator b = indicators.create(new IndicatorDraft("GRDP", "GRDP", "tỷ đồng", ValueType.NUMBER,
                Direction.HIGHER, UnitAggregation.SUM, PeriodAggregation.SUM, null, 0, null));
        Indicator share = indicators.create(new IndicatorDraft("TT-KTS", "Tỷ trọng kinh tế số", "%", ValueType.NUMBER,
                Direction.HIGHER, UnitAggregation.SUM, PeriodAggregation.SUM, "{GRDP-KTS} / {GRDP} * 100", 1, null));
        put(a, communes.get(0), "2025", "10");
        put(a, communes.get(1), "2025", "20");
        put(b, communes.get(0), "2025", "40");
        put(b, communes.get(1), "2025", "80");
        // Σ 30 / Σ 120 × 100 = 25 (not the mean of 25% and 25%, nor a sum of shares)
        Aggregate v = value(share, thanhHoaNew, "2025");
        assertThat(v.value()).isEqualByComparingTo("25");
        assertThat(v.cells()).isEqualTo(4);
        assertThat(number(share, communes.get(1), "2025")).isEqualByComparingTo("25");
        put(b, communes.get(2), "2024", "0");
        put(a, communes.get(2), "2024", "5");
        assertThat(value(share, communes.get(2), "2024")).as("division by zero: no value").isNull();
        put(a, communes.get(2), "2023", "5");
        assertThat(value(share, communes.get(2), "2023")).as("a component missing: no value").isNull();
    }

    // ----- memory and database agree

    @Test
    void aRebuildFromTheDatabaseGivesTheSameAnswersAndDemoValuesAreMarked() {
        Indicator sum = indicator(ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.SUM);
        put(sum, communes.get(0), "2025-01", "1.5");
        store.write(List.of(new DataValueInput(sum.id(), communes.get(1).id(), "2025-02", new BigDecimal("2.25"), null,
                null, null)), ValueSource.DEMO, null, true);
        put(sum, communes.get(0), "2025-01", "3.5");
        Aggregate before = value(sum, thanhHoaNew, "2025");
        assertThat(before.value()).isEqualByComparingTo("5.75");
        assertThat(before.demo()).isTrue();
        assertThat(value(sum, communes.get(0), "2025").demo()).isFalse();
        analytics.reload();
        assertThat(value(sum, thanhHoaNew, "2025")).isEqualTo(before);
    }

    @Test
    void theApiAnswersValuesAndSeriesByCode() throws Exception {
        Indicator online = indicators.create(new IndicatorDraft("DVC-TT", "Tỷ lệ DVC trực tuyến", "%", ValueType.RATIO,
                Direction.HIGHER, UnitAggregation.RATIO, PeriodAggregation.LAST, null, 1, null));
        ratio(online, thanhHoaOld, "2023", "60", "100");
        ratio(online, thanhHoaNew, "2025", "80", "100");
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("viewer", "dxgov-demo")).build();
        // code 38 for 2023 is the old Thanh Hóa (the day defaults to the period's end)
        JsonNode v = json.readTree(http.get().uri("/api/v1/analytics/value?indicatorCode=dvc-tt&unitCode=38&period=2023")
                .retrieve().body(String.class));
        assertThat(v.get("unitId").asLong()).isEqualTo(thanhHoaOld.id());
        assertThat(v.get("value").decimalValue()).isEqualByComparingTo("60");
        assertThat(v.get("carried").asBoolean()).isFalse();
        JsonNode s = json.readTree(http.get()
                .uri("/api/v1/analytics/series?indicatorCode=DVC-TT&unitCode=38&type=YEAR&from=2022&to=2025")
                .retrieve().body(String.class));
        assertThat(s.get("unitId").asLong()).isEqualTo(thanhHoaNew.id());
        assertThat(s.get("points")).hasSize(2);
        assertThat(s.get("points").get(0).get("period").asText()).isEqualTo("2023");
        assertThat(s.get("points").get(0).get("carried").asBoolean()).isTrue();
        JsonNode none = json.readTree(http.get().uri("/api/v1/analytics/value?indicator=" + online.id() + "&unit="
                + thanhHoaNew.id() + "&period=2021").retrieve().body(String.class));
        assertThat(none.get("value").isNull()).isTrue();
        assertThat(none.get("cells").asInt()).isZero();
        int status = http.get().uri("/api/v1/analytics/value?indicatorCode=DVC-TT&unitCode=38&period=2025Q7")
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(400);
    }
}
