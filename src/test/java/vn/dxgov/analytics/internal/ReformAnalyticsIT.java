package vn.dxgov.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
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
import vn.dxgov.support.Http;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;
import vn.dxgov.units.internal.UnitShares;

/**
 * History across the reform of 1/7/2025 on the real units: Thái Nguyên (19) + Bắc Kạn (06), Khánh Hòa (56) + Ninh
 * Thuận (58), Xã Phú Lệ of Thanh Hóa formed from three whole communes, Thị trấn Hà Trung split between Xã Hà Trung and
 * Xã Hoạt Giang; summable values follow full links whole and partial links by their share, index-like values of
 * merged units take the predecessors' mean, series stay continuous, and Thanh Hóa has no districts after the reform.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReformAnalyticsIT {

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
    UnitShares shares;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    Http http;
    int codes;
    AdminUnit haTrungTown;

    @BeforeEach
    void setUp() {
        data.ensureUnits();
        indicatorData.reset();
        http = new Http(port, json);
        haTrungTown = old("15271");
    }

    @AfterEach
    void evenSharesAgain() {
        // other tests share the database: the split of Thị trấn Hà Trung goes back to the even split
        shares.even(haTrungTown.id());
    }

    AdminUnit old(String code) {
        return units.find(code, BEFORE).orElseThrow();
    }

    AdminUnit current(String code) {
        return units.find(code, AFTER).orElseThrow();
    }

    Indicator indicator(String code, ValueType type, UnitAggregation unitRule) {
        return indicators.create(new IndicatorDraft(code + (++codes), "Chỉ số " + code, type == ValueType.RATIO ? "%" : null,
                type, Direction.HIGHER, unitRule, PeriodAggregation.LAST, null, 3, null));
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

    @Test
    void thaiNguyen2022To2026IncludesBacKanBeforeTheMerger() {
        AdminUnit thaiNguyenOld = old("19");
        AdminUnit bacKan = old("06");
        AdminUnit thaiNguyen = current("19");
        assertThat(units.predecessors(thaiNguyen.id())).extracting(l -> l.predecessor().name(), UnitLink::share)
                .contains(org.assertj.core.groups.Tuple.tuple("Tỉnh Bắc Kạn", UnitLink.Share.FULL),
                        org.assertj.core.groups.Tuple.tuple("Tỉnh Thái Nguyên", UnitLink.Share.FULL));
        Indicator firms = indicator("DNCNS", ValueType.NUMBER, UnitAggregation.SUM);
        Indicator online = indicator("DVCTT", ValueType.RATIO, UnitAggregation.RATIO);
        String[] years = {"2022", "2023", "2024"};
        for (int y = 0; y < 3; y++) {
            put(firms, thaiNguyenOld, years[y], String.valueOf(100 + 10 * y));
            put(firms, bacKan, years[y], String.valueOf(40 + 5 * y));
            ratio(online, thaiNguyenOld, years[y], String.valueOf(60 + 10 * y), "100");
            ratio(online, bacKan, years[y], String.valueOf(20 + 10 * y), "100");
        }
        put(firms, thaiNguyen, "2025", "200");
        put(firms, thaiNguyen, "2026", "210");
        ratio(online, thaiNguyen, "2025", "150", "200");

        List<Analytics.Point> series = analytics.series(firms.id(), thaiNguyen.id(), Period.Type.YEAR, 2022, 2026);
        assertThat(series).extracting(p -> p.period().code()).containsExactly("2022", "2023", "2024", "2025", "2026");
        assertThat(series).extracting(p -> p.value().value().intValue()).containsExactly(140, 155, 170, 200, 210);
        assertThat(series).extracting(p -> p.value().carried()).containsExactly(true, true, true, false, false);
        assertThat(series).extracting(p -> p.value().apportioned()).containsOnly(false);
        // ratios: sums of numerators over sums of denominators, (80 + 40) / 200 = 60% in 2024, not a mean of rates
        Aggregate r2024 = value(online, thaiNguyen, "2024");
        assertThat(r2024.value()).isEqualByComparingTo("60");
        assertThat(r2024.numerator()).isEqualByComparingTo("120");
        assertThat(r2024.denominator()).isEqualByComparingTo("200");
        // the old units keep their own history only
        assertThat(analytics.series(firms.id(), bacKan.id(), Period.Type.YEAR, 2022, 2026)).hasSize(3);

        // the API by code: 19 read on 31/12/2026 is Thái Nguyên since 1/7/2025
        JsonNode s = http.get("viewer", "/api/v1/analytics/series?indicatorCode=" + firms.code()
                + "&unitCode=19&type=YEAR&from=2022&to=2026").body();
        assertThat(s.get("unitId").asLong()).isEqualTo(thaiNguyen.id());
        assertThat(s.get("points")).hasSize(5);
        assertThat(s.get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("140");
        assertThat(s.get("points").get(0).get("carried").asBoolean()).isTrue();
        assertThat(s.get("points").get(4).get("carried").asBoolean()).isFalse();
    }

    @Test
    void indexValuesOfMergedProvincesAreTheMeanOfThePredecessors() {
        // the 2024 DTI of a merged province was published as the mean of its predecessors' indices
        Indicator dti = indicator("DTI", ValueType.NUMBER, UnitAggregation.MEAN);
        Indicator firms = indicator("DNCNS", ValueType.NUMBER, UnitAggregation.SUM);
        put(dti, old("19"), "2024", "0.62");
        put(dti, old("06"), "2024", "0.48");
        put(dti, old("56"), "2024", "0.58");
        put(dti, old("58"), "2024", "0.51");
        put(firms, old("56"), "2024", "700");
        put(firms, old("58"), "2024", "300");
        AdminUnit khanhHoa = current("56");
        assertThat(units.predecessors(khanhHoa.id())).extracting(l -> l.predecessor().code()).containsExactlyInAnyOrder("56", "58");

        Aggregate thaiNguyenDti = value(dti, current("19"), "2024");
        assertThat(thaiNguyenDti.value()).isEqualByComparingTo("0.55");
        assertThat(thaiNguyenDti.carried()).isTrue();
        assertThat(thaiNguyenDti.cells()).isEqualTo(2);
        assertThat(value(dti, khanhHoa, "2024").value()).isEqualByComparingTo("0.545");
        assertThat(value(firms, khanhHoa, "2024").value()).isEqualByComparingTo("1000");
        // a province not merged keeps its own value
        put(dti, old("38"), "2024", "0.57");
        assertThat(value(dti, current("38"), "2024").value()).isEqualByComparingTo("0.57");
    }

    @Test
    void phuLeOfThanhHoaIsFormedFromThreeWholeCommunes() {
        AdminUnit phuLe = current("14878");
        assertThat(phuLe.name()).isEqualTo("Xã Phú Lệ");
        List<UnitLink> preds = units.predecessors(phuLe.id());
        assertThat(preds).extracting(l -> l.predecessor().name())
                .containsExactlyInAnyOrder("Xã Phú Thanh", "Xã Phú Lệ", "Xã Phú Sơn");
        assertThat(preds).extracting(UnitLink::share).containsOnly(UnitLink.Share.FULL);
        Indicator households = indicator("HOCN", ValueType.NUMBER, UnitAggregation.SUM);
        Indicator score = indicator("DIEM", ValueType.NUMBER, UnitAggregation.MEAN);
        Indicator online = indicator("TL", ValueType.RATIO, UnitAggregation.RATIO);
        String[] codes = {"14878", "14884", "14887"};
        String[] values = {"120", "200", "80"};
        String[] scores = {"0.3", "0.5", "0.7"};
        for (int c = 0; c < 3; c++) {
            put(households, old(codes[c]), "2024", values[c]);
            put(score, old(codes[c]), "2024", scores[c]);
            ratio(online, old(codes[c]), "2024", values[c], "400");
        }
        Aggregate sum = value(households, phuLe, "2024");
        assertThat(sum.value()).isEqualByComparingTo("400");
        assertThat(sum.carried()).isTrue();
        assertThat(sum.apportioned()).isFalse();
        assertThat(sum.cells()).isEqualTo(3);
        assertThat(value(score, phuLe, "2024").value()).isEqualByComparingTo("0.5");
        assertThat(value(online, phuLe, "2024").value()).as("400 / 1200").isEqualByComparingTo("33.333333");
        put(households, phuLe, "2025", "410");
        assertThat(analytics.series(households.id(), phuLe.id(), Period.Type.YEAR, 2023, 2025))
                .extracting(p -> p.value().value().intValue()).containsExactly(400, 410);
    }

    @Test
    void haTrungTownSplitBetweenTwoCommunesGoesByItsShares() {
        AdminUnit haTrung = current("15271");
        AdminUnit hoatGiang = current("15286");
        assertThat(haTrungTown.name()).isEqualTo("Thị trấn Hà Trung");
        List<UnitLink> links = units.successors(haTrungTown.id());
        assertThat(links).extracting(l -> l.successor().name(), UnitLink::share).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Xã Hà Trung", UnitLink.Share.PARTIAL),
                org.assertj.core.groups.Tuple.tuple("Xã Hoạt Giang", UnitLink.Share.PARTIAL));
        assertThat(links).extracting(UnitLink::fraction).allSatisfy(f -> assertThat(f).isEqualByComparingTo("0.5"));

        Indicator dossiers = indicator("HS", ValueType.NUMBER, UnitAggregation.SUM);
        Indicator online = indicator("TL", ValueType.RATIO, UnitAggregation.RATIO);
        Indicator score = indicator("DIEM", ValueType.NUMBER, UnitAggregation.MEAN);
        put(dossiers, haTrungTown, "2024", "1000");
        ratio(online, haTrungTown, "2024", "300", "600");
        put(score, haTrungTown, "2024", "0.8");

        // even split by default, flagged as carried and apportioned
        Aggregate a = value(dossiers, haTrung, "2024");
        assertThat(a.value()).isEqualByComparingTo("500");
        assertThat(a.carried()).isTrue();
        assertThat(a.apportioned()).isTrue();
        assertThat(value(dossiers, hoatGiang, "2024").value()).isEqualByComparingTo("500");
        Aggregate r = value(online, hoatGiang, "2024");
        assertThat(r.value()).as("the rate stays, its parts are split").isEqualByComparingTo("50");
        assertThat(r.numerator()).isEqualByComparingTo("150");
        assertThat(r.denominator()).isEqualByComparingTo("300");
        assertThat(value(score, haTrung, "2024").value()).as("an index is not split").isEqualByComparingTo("0.8");
        // the province counts the town once, before and after the reform
        assertThat(value(dossiers, current("38"), "2024").value()).isEqualByComparingTo("1000");
        assertThat(value(dossiers, old("38"), "2024").value()).isEqualByComparingTo("1000");

        // the steering department sets the shares by population: 70% went to Xã Hà Trung
        Http.Answer set = http.call("steering", "PUT", "/api/v1/units/" + haTrungTown.id() + "/shares",
                Map.of("shares", Map.of(String.valueOf(haTrung.id()), new BigDecimal("0.7"),
                        String.valueOf(hoatGiang.id()), new BigDecimal("0.3")), "basis", "dân số 01/04/2024"));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(value(dossiers, haTrung, "2024").value()).isEqualByComparingTo("700");
        assertThat(value(dossiers, hoatGiang, "2024").value()).isEqualByComparingTo("300");
        assertThat(value(online, haTrung, "2024").numerator()).isEqualByComparingTo("210");
        assertThat(value(dossiers, current("38"), "2024").value()).isEqualByComparingTo("1000");
        assertThat(units.successors(haTrungTown.id())).extracting(UnitLink::basis).containsOnly("dân số 01/04/2024");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'unit.shares' and entity_id = ? and username = 'steering'")
                .param(String.valueOf(haTrungTown.id())).query(Integer.class).single()).isGreaterThanOrEqualTo(1);

        // shares must add up to 1; viewers may not set them
        Http.Answer bad = http.call("admin", "PUT", "/api/v1/units/" + haTrungTown.id() + "/shares",
                Map.of("shares", Map.of(String.valueOf(haTrung.id()), new BigDecimal("0.7"),
                        String.valueOf(hoatGiang.id()), new BigDecimal("0.5")), "basis", "ước tính"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("tổng các tỷ lệ là 1,2, phải bằng 1 / the shares add up to 1.2, not 1");
        assertThat(http.call("viewer", "PUT", "/api/v1/units/" + haTrungTown.id() + "/shares",
                Map.of("shares", Map.of(), "basis", "x")).status()).isEqualTo(403);
        assertThat(value(dossiers, haTrung, "2024").value()).as("unchanged").isEqualByComparingTo("700");

        // back to the even split
        assertThat(http.call("admin", "DELETE", "/api/v1/units/" + haTrungTown.id() + "/shares", null).status()).isEqualTo(200);
        assertThat(value(dossiers, haTrung, "2024").value()).isEqualByComparingTo("500");
    }

    @Test
    void thanhHoaHasNoDistrictsAfterTheReformAndTheAnswerSaysSo() {
        Indicator dossiers = indicator("HS", ValueType.NUMBER, UnitAggregation.SUM);
        put(dossiers, haTrungTown, "2024", "1000");
        put(dossiers, current("14878"), "2025Q3", "40");

        JsonNode after = http.get("viewer", "/api/v1/analytics/breakdown?indicatorCode=" + dossiers.code()
                + "&unitCode=38&level=DISTRICT&period=2025Q3").body();
        assertThat(after.get("unitId").asLong()).isEqualTo(current("38").id());
        assertThat(after.get("parts")).isEmpty();
        assertThat(after.get("message").asText()).startsWith("Tỉnh Thanh Hóa (hiệu lực từ 01/07/2025) không có đơn vị cấp huyện");
        assertThat(after.get("total").get("value").decimalValue()).isEqualByComparingTo("40");
        assertThat(after.get("total").get("unitName").asText()).isEqualTo("Tỉnh Thanh Hóa");

        JsonNode english = http.call("viewer", "GET", "/api/v1/analytics/breakdown?indicatorCode=" + dossiers.code()
                + "&unitCode=38&level=DISTRICT&period=2025Q3&lang=en", null).body();
        assertThat(english.get("message").asText()).startsWith("Tỉnh Thanh Hóa (in force from 01/07/2025) has no districts");

        // before the reform the same code has its districts, Huyện Hà Trung with the town's value
        JsonNode before = http.get("viewer", "/api/v1/analytics/breakdown?indicatorCode=" + dossiers.code()
                + "&unitCode=38&level=DISTRICT&period=2024").body();
        assertThat(before.get("message").isNull()).isTrue();
        assertThat(before.get("parts").size()).isGreaterThan(20);
        JsonNode haTrungDistrict = null;
        for (JsonNode p : before.get("parts")) {
            if (p.get("unitName").asText().equals("Huyện Hà Trung")) {
                haTrungDistrict = p;
            }
        }
        assertThat(haTrungDistrict).isNotNull();
        assertThat(haTrungDistrict.get("value").decimalValue()).isEqualByComparingTo("1000");
        assertThat(before.get("total").get("value").decimalValue()).isEqualByComparingTo("1000");

        // after the reform by commune: the town's 2024 value shows under its two successors
        JsonNode communes = http.get("viewer", "/api/v1/analytics/breakdown?indicatorCode=" + dossiers.code()
                + "&unitCode=38&on=2025-07-01&level=COMMUNE&period=2024").body();
        assertThat(communes.get("parts")).hasSize(166);
        int withValue = 0;
        for (JsonNode p : communes.get("parts")) {
            if (!p.get("value").isNull()) {
                withValue++;
                assertThat(p.get("apportioned").asBoolean()).isTrue();
                assertThat(p.get("value").decimalValue()).isEqualByComparingTo("500");
            }
        }
        assertThat(withValue).isEqualTo(2);

        // the units API answers the same question about units
        JsonNode below = http.get("viewer", "/api/v1/units/" + current("38").id() + "/below?level=DISTRICT").body();
        assertThat(below.get("units")).isEmpty();
        assertThat(below.get("message").asText()).contains("không có đơn vị cấp huyện").contains("01/07/2025");
        assertThat(below.get("unit").get("name").asText()).isEqualTo("Tỉnh Thanh Hóa");
        assertThat(units.below(old("38").id(), UnitLevel.DISTRICT)).extracting(AdminUnit::name).contains("Huyện Hà Trung");
        assertThat(units.below(current("38").id(), UnitLevel.COMMUNE)).hasSize(166);
    }
}
