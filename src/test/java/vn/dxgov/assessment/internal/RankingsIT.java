package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * The rankings pages and API on published rounds of real units: Thanh Hóa's 26 districts in 2023 (5 of them) and
 * 2024, a post-reform commune round of 2025 and a province round of 2024 that includes Quảng Ninh (no boundary).
 * Filters, ties (1, 1, 3), rank change against the previous year's round, the unit profile's figures, the map's
 * boundary matching and fallbacks, the CSV download through the page door, and who may read. Pages through a form
 * login with its session (MockMvc), the API with HTTP Basic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingsIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestData data;
    @Autowired
    Assessments assessments;
    @Autowired
    CriteriaSets criteriaSets;
    @Autowired
    AdminUnits units;
    @Autowired
    UserDetailsService accounts;

    Http http;
    RankingFixture fx;
    long district2023;
    long district2024;
    long commune2025;
    long province2024;
    long province2025;
    long thaiNguyen2025;
    List<Long> districts;              // Thanh Hóa's districts valid on 31/12/2024, by name
    Map<Long, Integer> totals2024 = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        TestClock.CLOCK.set(LocalDate.of(2025, 11, 20), 9);
        http = new Http(port, json);
        data.ensureUnits();
        fx = new RankingFixture(assessments, criteriaSets, units, accounts);

        Assessments.Round r2024 = fx.open("Xếp hạng cấp huyện 2024", UnitLevel.DISTRICT, 2024, LocalDate.of(2024, 12, 31), "38", null);
        district2024 = r2024.id();
        districts = fx.unitIds(district2024);
        assertThat(districts).hasSize(26);
        // 2023: five districts; u2 first, u1 second, u0 third, u3 fourth, u4 fifth
        district2023 = fx.open("Xếp hạng cấp huyện 2023", UnitLevel.DISTRICT, 2023, LocalDate.of(2023, 12, 31), "38",
                districts.subList(0, 5)).id();
        Map<Long, Integer> t2023 = new HashMap<>();
        t2023.put(districts.get(0), 70);
        t2023.put(districts.get(1), 88);
        t2023.put(districts.get(2), 95);
        t2023.put(districts.get(3), 60);
        t2023.put(districts.get(4), 50);
        fx.publish(district2023, t2023);
        // 2024: u0 and u1 tie at 90 (rank 1, 1), u2 85 (rank 3), then 80 - i
        totals2024.put(districts.get(0), 90);
        totals2024.put(districts.get(1), 90);
        totals2024.put(districts.get(2), 85);
        for (int i = 3; i < districts.size(); i++) {
            totals2024.put(districts.get(i), 80 - i);
        }
        fx.publish(district2024, totals2024);

        // after the reform: three of Thanh Hóa's communes in 2025
        AdminUnit thanhHoa2025 = fx.province("38", LocalDate.of(2025, 12, 31));
        List<Long> communes = fx.ids(units.below(thanhHoa2025.id(), UnitLevel.COMMUNE).subList(0, 3));
        commune2025 = fx.open("Xếp hạng cấp xã 2025", UnitLevel.COMMUNE, 2025, LocalDate.of(2025, 12, 31), "38", communes).id();
        fx.publish(commune2025, Map.of(communes.get(0), 75, communes.get(1), 66, communes.get(2), 40));

        // three provinces of 2024, one of them Quảng Ninh (22), which has no outline
        LocalDate d = LocalDate.of(2024, 12, 31);
        List<Long> provinces = List.of(fx.province("38", d).id(), fx.province("22", d).id(), fx.province("01", d).id());
        province2024 = fx.open("Xếp hạng cấp tỉnh 2024", UnitLevel.PROVINCE, 2024, d, null, provinces).id();
        fx.publish(province2024, Map.of(provinces.get(0), 81, provinces.get(1), 79, provinces.get(2), 95));

        // provinces after the reform: Thái Nguyên took over Bắc Kạn (06), Thanh Hóa and Quảng Ninh did not change
        LocalDate d25 = LocalDate.of(2025, 12, 31);
        thaiNguyen2025 = fx.province("19", d25).id();
        List<Long> provinces25 = List.of(thaiNguyen2025, fx.province("38", d25).id(), fx.province("22", d25).id());
        province2025 = fx.open("Xếp hạng cấp tỉnh 2025", UnitLevel.PROVINCE, 2025, d25, null, provinces25).id();
        fx.publish(province2025, Map.of(provinces25.get(0), 70, provinces25.get(1), 85, provinces25.get(2), 90));
    }

    JsonNode api(String query) {
        Http.Answer a = http.get("viewer", "/api/v1/rankings" + query);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        return a.body();
    }

    String districtQuery() {
        return "?level=DISTRICT&year=2024&set=" + fx.code(UnitLevel.DISTRICT);
    }

    static Map<Long, JsonNode> byUnit(JsonNode rows) {
        Map<Long, JsonNode> out = new HashMap<>();
        rows.forEach(r -> out.put(r.get("unitId").asLong(), r));
        return out;
    }

    MockHttpSession login(String user) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(user).password(Http.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).doesNotContain("error");
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    String page(MockHttpSession session, String path, int expected) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theLeagueTableKeepsTheRoundsRanksWithTiesAndRankChanges() {
        JsonNode league = api(districtQuery());
        JsonNode rows = league.get("rows");
        assertThat(rows.size()).isEqualTo(26);
        assertThat(league.get("round").get("id").asLong()).isEqualTo(district2024);
        // ties share the rank and the next is skipped
        assertThat(rows.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(rows.get(1).get("rank").asInt()).isEqualTo(1);
        assertThat(rows.get(2).get("rank").asInt()).isEqualTo(3);
        assertThat(rows.get(2).get("unitId").asLong()).isEqualTo(districts.get(2));
        assertThat(rows.get(3).get("rank").asInt()).isEqualTo(4);
        Map<Long, JsonNode> by = byUnit(rows);
        // against 2023 (u2 1st, u1 2nd, u0 3rd, u3 4th, u4 5th)
        assertThat(by.get(districts.get(0)).get("rankChange").asInt()).isEqualTo(2);
        assertThat(by.get(districts.get(1)).get("rankChange").asInt()).isEqualTo(1);
        assertThat(by.get(districts.get(2)).get("rankChange").asInt()).isEqualTo(-2);
        assertThat(by.get(districts.get(3)).get("rankChange").asInt()).isZero();
        assertThat(by.get(districts.get(4)).get("previousRank").asInt()).isEqualTo(5);
        assertThat(by.get(districts.get(5)).get("rankChange").isNull()).isTrue();
        assertThat(by.get(districts.get(0)).get("total").decimalValue()).isEqualByComparingTo("90");
        assertThat(by.get(districts.get(0)).get("classificationName").asString()).isEqualTo(RankingFixture.GOOD);
        // the 2023 round itself has no previous year
        JsonNode y2023 = api("?level=DISTRICT&year=2023&set=" + fx.code(UnitLevel.DISTRICT)).get("rows");
        assertThat(y2023.size()).isEqualTo(5);
        y2023.forEach(r -> assertThat(r.get("rankChange").isNull()).isTrue());
    }

    @Test
    void filtersNarrowTheTableAndSortingFollowsTheColumn() {
        String q = districtQuery();
        // (the HTTP client encodes the query)
        String good = RankingFixture.GOOD;
        String fair = RankingFixture.FAIR;
        String avg = RankingFixture.AVERAGE;
        assertThat(api(q + "&classification=" + good).get("rows").size()).isEqualTo(3);
        assertThat(api(q + "&classification=" + fair).get("rows").size()).isEqualTo(18);
        assertThat(api(q + "&classification=" + avg).get("rows").size()).isEqualTo(5);
        assertThat(api(q).get("classifications")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(RankingFixture.GOOD, RankingFixture.FAIR, RankingFixture.AVERAGE);
        // text without diacritics
        JsonNode ngaSon = api(q + "&q=nga son").get("rows");
        assertThat(ngaSon.size()).isEqualTo(1);
        assertThat(ngaSon.get(0).get("unitName").asString()).isEqualTo("Huyện Nga Sơn");
        assertThat(ngaSon.get(0).get("unitCode").asString()).isEqualTo("401");
        assertThat(api(q + "&q=NGA SƠN").get("rows").size()).isEqualTo(1);
        assertThat(api(q + "&q=thanh hoa").get("rows")).extracting(r -> r.get("unitName").asString())
                .contains("Thành phố Thanh Hóa");
        // level and year: the province round and the commune round are elsewhere
        assertThat(api("?level=PROVINCE&year=2024&set=" + fx.code(UnitLevel.PROVINCE)).get("rows").size()).isEqualTo(3);
        JsonNode communes = api("?level=COMMUNE&year=2025&set=" + fx.code(UnitLevel.COMMUNE));
        assertThat(communes.get("rows").size()).isEqualTo(3);
        assertThat(communes.get("filter").get("level").asString()).isEqualTo("COMMUNE");
        // a round filter wins
        assertThat(api("?round=" + district2023).get("rows").size()).isEqualTo(5);
        // sorting
        List<Integer> byScore = new ArrayList<>();
        api(q + "&sort=score&dir=desc").get("rows").forEach(r -> byScore.add(r.get("total").asInt()));
        assertThat(byScore.get(0)).isEqualTo(55);
        assertThat(byScore.get(byScore.size() - 1)).isEqualTo(90);
        List<String> byName = new ArrayList<>();
        api(q + "&sort=name").get("rows").forEach(r -> byName.add(r.get("unitName").asString()));
        assertThat(byName.get(0)).isEqualTo("Huyện Bá Thước");
        JsonNode byChange = api(q + "&sort=change").get("rows");
        assertThat(byChange.get(0).get("unitId").asLong()).isEqualTo(districts.get(0));
        assertThat(byChange.get(0).get("rankChange").asInt()).isEqualTo(2);
    }

    @Test
    void aUnitsProfileShowsItsGroupsAgainstTheirMaximaAndItsTrend() {
        long u0 = districts.get(0);
        Http.Answer a = http.get("viewer", "/api/v1/rankings/units/" + u0);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        JsonNode p = a.body();
        assertThat(p.get("selected").get("roundId").asLong()).isEqualTo(district2024);
        JsonNode groups = p.get("groups");
        assertThat(groups.size()).isEqualTo(2);
        assertThat(groups.get(0).get("name").asString()).isEqualTo("Hạ tầng số");
        assertThat(groups.get(0).get("points").decimalValue()).isEqualByComparingTo("60");
        assertThat(groups.get(0).get("max").decimalValue()).isEqualByComparingTo("60");
        assertThat(groups.get(1).get("points").decimalValue()).isEqualByComparingTo("30");
        assertThat(groups.get(1).get("max").decimalValue()).isEqualByComparingTo("40");
        assertThat(groups.get(1).get("percent").decimalValue()).isEqualByComparingTo("75.0");
        JsonNode trend = p.get("trend");
        assertThat(trend.size()).isEqualTo(2);
        assertThat(trend.get(0).get("year").asInt()).isEqualTo(2023);
        assertThat(trend.get(0).get("total").decimalValue()).isEqualByComparingTo("70");
        assertThat(trend.get(0).get("rank").asInt()).isEqualTo(3);
        assertThat(trend.get(1).get("year").asInt()).isEqualTo(2024);
        assertThat(trend.get(1).get("rank").asInt()).isEqualTo(1);
        // an earlier round in detail: 2023, 70 = 60 + 10
        JsonNode old = http.get("viewer", "/api/v1/rankings/units/" + u0 + "?round=" + district2023).body();
        assertThat(old.get("groups").get(1).get("points").decimalValue()).isEqualByComparingTo("10");
        assertThat(old.get("selected").get("classificationName").asString()).isEqualTo(RankingFixture.FAIR);
        assertThat(http.get("viewer", "/api/v1/rankings/units/" + u0 + "?round=" + commune2025).status()).isEqualTo(404);
    }

    @Test
    void theMapMatchesBoundariesByCodeAndSaysWhyUnitsAreMissing() {
        JsonNode d = http.get("viewer", "/api/v1/rankings/rounds/" + district2024 + "/map").body();
        assertThat(d.get("files")).extracting(JsonNode::asString)
                .containsExactly("/geo/boundaries-districts-38-2020-2025.geojson");
        assertThat(d.get("reason").isNull()).isTrue();
        assertThat(d.get("units").size()).isEqualTo(26);
        d.get("units").forEach(u -> assertThat(u.get("hasBoundary").asBoolean()).as(u.toString()).isTrue());
        assertThat(d.get("levels")).extracting(l -> l.get("name").asString())
                .containsExactly(RankingFixture.GOOD, RankingFixture.FAIR, RankingFixture.AVERAGE);

        JsonNode p = http.get("viewer", "/api/v1/rankings/rounds/" + province2024 + "/map").body();
        assertThat(p.get("files")).extracting(JsonNode::asString).containsExactly("/geo/boundaries-provinces-2020-2025.geojson");
        assertThat(p.get("reason").asString()).isEqualTo("PARTIAL");
        assertThat(p.get("missing")).extracting(JsonNode::asString).containsExactly("Tỉnh Quảng Ninh");

        // after the reform a province is drawn with the outlines of the old provinces it took over
        JsonNode p25 = http.get("viewer", "/api/v1/rankings/rounds/" + province2025 + "/map").body();
        assertThat(p25.get("files")).extracting(JsonNode::asString).containsExactly("/geo/boundaries-provinces-2020-2025.geojson");
        assertThat(p25.get("fromPredecessors").asBoolean()).isTrue();
        assertThat(p25.get("reason").asString()).isEqualTo("PARTIAL");
        assertThat(p25.get("missing")).extracting(JsonNode::asString).containsExactly("Tỉnh Quảng Ninh");
        Map<Long, JsonNode> u25 = new HashMap<>();
        p25.get("units").forEach(u -> u25.put(u.get("unitId").asLong(), u));
        assertThat(u25.get(thaiNguyen2025).get("featureCodes")).extracting(JsonNode::asString).containsExactly("06", "19");
        assertThat(u25.get(thaiNguyen2025).get("hasBoundary").asBoolean()).isTrue();
        assertThat(p25.get("units")).filteredOn(u -> u.get("code").asString().equals("38"))
                .singleElement().satisfies(u -> assertThat(u.get("featureCodes")).extracting(JsonNode::asString).containsExactly("38"));

        JsonNode c = http.get("viewer", "/api/v1/rankings/rounds/" + commune2025 + "/map").body();
        assertThat(c.get("files").size()).isZero();
        assertThat(c.get("reason").asString()).isEqualTo("AFTER_REFORM");
        assertThat(c.get("units").size()).isEqualTo(3);

        // the boundaries are served by the application, codes with their leading zeros
        Http.Answer geo = http.get("viewer", "/geo/boundaries-provinces-2020-2025.geojson");
        assertThat(geo.status()).isEqualTo(200);
        assertThat(geo.text()).contains("\"code\":\"01\"").doesNotContain("\"code\":\"22\"");
    }

    @Test
    void thePagesShowTheTableTheMapAndTheProfileAfterAFormLogin() throws Exception {
        MockHttpSession viewer = login("viewer");
        String html = page(viewer, "/rankings" + districtQuery(), 200);
        assertThat(html).contains("Bảng xếp hạng").contains("id=\"rank-table\"").contains("Huyện Nga Sơn")
                .contains("id=\"rank-map\"").contains("id=\"rank-map-data\"")
                .contains("/geo/boundaries-districts-38-2020-2025.geojson")
                .contains("/assessment/rounds/" + district2024 + "/results.csv")
                .contains("/dist/leaflet.js").contains("▲ 2").contains("▼ 2");
        assertThat(html.split("class=\"rank-row\"", -1).length - 1).isEqualTo(26);
        // the same page under /assessment/rankings; the text filter
        String filtered = page(viewer, "/assessment/rankings" + districtQuery() + "&q=nga son", 200);
        assertThat(filtered.split("class=\"rank-row\"", -1).length - 1).isEqualTo(1);

        // the commune round after the reform: the table and the fallback message, no map
        String communes = page(viewer, "/rankings?round=" + commune2025, 200);
        assertThat(communes).contains("id=\"map-fallback\"").contains("sau ngày 1/7/2025").doesNotContain("id=\"rank-map\"");
        assertThat(communes.split("class=\"rank-row\"", -1).length - 1).isEqualTo(3);
        // the province round: Quảng Ninh named as missing
        assertThat(page(viewer, "/rankings?round=" + province2024, 200)).contains("id=\"map-missing\"")
                .contains("Không có ranh giới của: Tỉnh Quảng Ninh");
        // English
        assertThat(page(viewer, "/rankings?round=" + commune2025 + "&lang=en", 200)).contains("Rankings")
                .contains("created on 1/7/2025");

        // the round's CSV export, through the page door (session)
        MvcResult csv = mvc.perform(get("/assessment/rounds/" + district2024 + "/results.csv").session(viewer))
                .andExpect(status().isOk()).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Huyện Nga Sơn");
        // an unpublished round is not in the rankings
        long unpublished = fx.open("Chưa công bố", UnitLevel.DISTRICT, 2024, LocalDate.of(2024, 12, 31), "38",
                districts.subList(0, 2)).id();
        assertThat(api("?level=DISTRICT&year=2024").get("rounds")).extracting(r -> r.get("id").asLong())
                .doesNotContain(unpublished);

        // the profile page: figures, charts' data and the link to the unit page
        long u0 = districts.get(0);
        String profile = page(viewer, "/rankings/units/" + u0, 200);
        assertThat(profile).contains("href=\"/units/" + u0 + "\"").contains("id=\"groups-chart\"")
                .contains("id=\"trend-chart\"").contains("echarts.min.js")
                .contains("Huyện Bá Thước").doesNotContain("Huyện Huyện")
                .contains("Hạ tầng số").contains("Chính quyền số").contains("75,0%").contains("1/26")
                .contains(RankingFixture.GOOD).contains(RankingFixture.FAIR).contains("\"trend\":[");
        page(viewer, "/rankings/units/999999999", 404);
    }

    @Test
    void onlyPeopleLoggedInReadRankings() throws Exception {
        mvc.perform(get("/rankings").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
        assertThat(http.get(null, "/api/v1/rankings").status()).isEqualTo(401);
        assertThat(http.get("viewer", "/api/v1/rankings").status()).isEqualTo(200);
    }
}
