package vn.dxgov.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Csv;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestData;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;

/**
 * The open data as a visitor without a login gets them: a published plan (seed 001, Thanh Hóa) with an approved value
 * and a demonstration value, a report of one of its agencies submitted and not approved, and a draft plan (seed 004)
 * with an approved value on one of its draft indicators. Every dataset of the catalogue downloads in the three
 * formats (CSV with a BOM, JSON, an XLSX whose numbers are the JSON's); the approved value is there, the submitted
 * ones and the draft plan never are; the DCAT catalogue parses back into as many datasets as CKAN lists; answers carry
 * ETag and Last-Modified and answer 304 to a conditional request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataIT {

    static final BigDecimal APPROVED = new BigDecimal("1234.5678");
    static final BigDecimal DEMO = new BigDecimal("321.5");
    static final BigDecimal PENDING = new BigDecimal("777");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    ObjectMapper json;
    @Autowired
    TargetCatalog targets;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    DataValueStore values;
    @Autowired
    AdminUnits units;
    @Autowired
    Reporting reporting;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long plan;
    long draftPlan;
    long approvedIndicator;
    long demoIndicator;
    long draftIndicator;
    Set<Long> pendingIndicators = new HashSet<>();

    @BeforeAll
    void setUp() throws Exception {
        data.resetPlans();
        indicatorData.reset();
        data.ensureUnits();
        plan = SeedImports.importAndPublish(port, SeedImports.SEED_001);
        AdminUnit thanhHoa = units.find("38", LocalDate.now()).orElseThrow();
        List<Target> measured = targets.forPlan(plan, TargetFilter.ALL).stream()
                .filter(t -> t.indicatorId() != null && !t.compoundCount()).toList();
        List<Indicator> numbers = measured.stream().map(t -> indicators.find(t.indicatorId()).orElseThrow())
                .filter(i -> i.valueType() == IndicatorTypes.ValueType.NUMBER).distinct().toList();
        assertThat(numbers).as("seed 001 has targets measured by plain numbers").hasSizeGreaterThan(1);
        approvedIndicator = numbers.get(0).id();
        demoIndicator = numbers.get(1).id();
        // written by the application itself (no report): approved at once
        values.write(List.of(new DataValueInput(approvedIndicator, thanhHoa.id(), "2024", APPROVED, null, null,
                "do not publish this comment")), ValueSource.IMPORT, null, false);
        values.write(List.of(new DataValueInput(demoIndicator, thanhHoa.id(), "2023", DEMO, null, null, null)),
                ValueSource.DEMO, null, true);

        // a report of a lead agency, submitted and not approved
        ReportingPeriod p2025 = waitForPeriod(plan, "2025");
        Target led = measured.stream().filter(t -> !t.leadAgencyIds().isEmpty()
                && (t.deadlineYear() == null || t.deadlineYear() >= 2025)).findFirst().orElseThrow();
        Submission s = reporting.open(p2025.id(), led.leadAgencyIds().get(0));
        ReportForm form = reporting.form(s.id());
        List<ReportInput.TargetValue> filled = new ArrayList<>();
        for (ReportForm.TargetLine l : form.targets()) {
            if (l.required() && !l.locked()) {
                pendingIndicators.add(l.indicatorId());
                filled.add(l.ratio() ? new ReportInput.TargetValue(l.targetId(), null, BigDecimal.valueOf(7),
                        BigDecimal.TEN, null, l.split(), null)
                        : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? BigDecimal.ONE : PENDING, null, null,
                        null, l.split(), null));
            }
        }
        List<ReportInput.TaskProgress> tasks = form.tasks().stream().filter(ReportForm.TaskLine::required)
                .map(l -> new ReportInput.TaskProgress(l.taskId(), TaskProgressStatus.IN_PROGRESS, 50, "Đang làm"))
                .toList();
        reporting.save(s.id(), new ReportInput("Tường thuật nội bộ không công bố", filled, tasks));
        reporting.submit(s.id());
        assertThat(pendingIndicators).isNotEmpty();

        // a draft plan, with an approved figure on one of its draft indicators
        draftPlan = importDraft(SeedImports.SEED_004);
        draftIndicator = targets.forPlan(draftPlan, TargetFilter.ALL).stream().map(Target::indicatorId)
                .filter(id -> id != null && indicators.find(id).map(i -> i.draft()
                        && i.valueType() == IndicatorTypes.ValueType.NUMBER).orElse(false))
                .filter(id -> id != approvedIndicator && id != demoIndicator).findFirst().orElseThrow();
        values.write(List.of(new DataValueInput(draftIndicator, thanhHoa.id(), "2024", new BigDecimal("4242"), null,
                null, null)), ValueSource.IMPORT, null, false);
    }

    ReportingPeriod waitForPeriod(long planId, String period) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var found = reporting.periods(planId).stream().filter(p -> p.period().equals(period)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no reporting period " + period + " for plan " + planId);
    }

    long importDraft(String resource) throws IOException, InterruptedException {
        byte[] seed = new org.springframework.core.io.ClassPathResource(resource).getContentAsByteArray();
        String boundary = "----opendata" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"004.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + seed.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(seed, 0, body, head.length, seed.length);
        System.arraycopy(tail, 0, body, head.length + seed.length, tail.length);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", basic("steering"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return json.readTree(r.body()).get("planId").asLong();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":dxgov-demo").getBytes(StandardCharsets.UTF_8));
    }

    /** A GET as a visitor without a login, with extra headers (name, value, ...). */
    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(path);
        return json.readTree(r.body());
    }

    List<String> packageList() throws IOException, InterruptedException {
        JsonNode list = getJson("/open/api/3/action/package_list");
        assertThat(list.get("success").asBoolean()).isTrue();
        List<String> names = new ArrayList<>();
        list.get("result").forEach(n -> names.add(n.asString()));
        return names;
    }

    @Test
    void everyDatasetDownloadsInThreeFormatsAndTheXlsxNumbersAreTheJsons() throws Exception {
        List<String> names = packageList();
        assertThat(names).contains("plan-" + plan, "indicator-" + approvedIndicator, "indicator-" + demoIndicator)
                .doesNotContain("plan-" + draftPlan, "indicator-" + draftIndicator);
        for (String id : names) {
            HttpResponse<byte[]> csv = get("/open/data/" + id + ".csv");
            assertThat(csv.statusCode()).as(id).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.body()).as("BOM of " + id).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            HttpResponse<byte[]> jsonFile = get("/open/data/" + id + ".json");
            assertThat(jsonFile.statusCode()).isEqualTo(200);
            JsonNode doc = json.readTree(jsonFile.body());
            assertThat(doc.get("id").asString()).isEqualTo(id);
            assertThat(doc.get("licence_url").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
            JsonNode rows = doc.get("rows");
            assertThat(Csv.read(new String(csv.body(), StandardCharsets.UTF_8)).rows())
                    .as("CSV rows of " + id + " (and the header)").hasSize(rows.size() + 1);
            HttpResponse<byte[]> xlsx = get("/open/data/" + id + ".xlsx");
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = wb.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).as("XLSX rows of " + id).isEqualTo(rows.size());
                JsonNode columns = doc.get("columns");
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.getRow(r + 1);
                    for (int c = 0; c < columns.size(); c++) {
                        String type = columns.get(c).get("type").asString();
                        JsonNode v = rows.get(r).get(columns.get(c).get("name").asString());
                        Cell cell = row.getCell(c);
                        if ((type.equals("number") || type.equals("integer")) && !v.isNull()) {
                            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                            assertThat(cell.getNumericCellValue()).as(id + " row " + r + " column " + c)
                                    .isCloseTo(v.decimalValue().doubleValue(),
                                            org.assertj.core.data.Offset.offset(1e-9));
                        } else if (v.isNull()) {
                            assertThat(cell == null || cell.getCellType() == CellType.BLANK).isTrue();
                        }
                    }
                }
                Sheet about = wb.getSheet("Thông tin");
                assertThat(about).isNotNull();
                assertThat(about.getRow(3).getCell(1).getStringCellValue()).contains("creativecommons.org");
            }
        }
    }

    @Test
    void theApprovedValueIsThereAndTheSubmittedOnesAndTheDraftPlanNeverAre() throws Exception {
        JsonNode planDoc = getJson("/open/data/plan-" + plan + ".json");
        List<String> columns = new ArrayList<>();
        planDoc.get("columns").forEach(c -> columns.add(c.get("name").asString()));
        assertThat(columns).contains("value_2024", "value_2023", "status", "demo").doesNotContain("value_2025");
        Target approvedTarget = targets.forPlan(plan, TargetFilter.ALL).stream()
                .filter(t -> Long.valueOf(approvedIndicator).equals(t.indicatorId())).findFirst().orElseThrow();
        boolean found = false;
        for (JsonNode row : planDoc.get("rows")) {
            if (approvedTarget.text().equals(row.get("target").asString())) {
                assertThat(row.get("value_2024").decimalValue()).isEqualByComparingTo(APPROVED);
                found = true;
            }
        }
        assertThat(found).isTrue();

        JsonNode approved = getJson("/open/data/indicator-" + approvedIndicator + ".json");
        assertThat(approved.get("rows")).anySatisfy(r -> {
            assertThat(r.get("period").asString()).isEqualTo("2024");
            assertThat(r.get("unit_code").asString()).isEqualTo("38");
            assertThat(r.get("value").decimalValue()).isEqualByComparingTo(APPROVED);
            assertThat(r.get("demo").asBoolean()).isFalse();
        });
        JsonNode demo = getJson("/open/data/indicator-" + demoIndicator + ".json");
        assertThat(demo.get("demo").asBoolean()).isTrue();
        assertThat(demo.get("rows")).singleElement().satisfies(r -> {
            assertThat(r.get("value").decimalValue()).isEqualByComparingTo(DEMO);
            assertThat(r.get("demo").asBoolean()).as("a demo value is flagged, never unmarked").isTrue();
        });
        // the submitted figures (period 2025) are nowhere; nor the comment written with the approved figure
        for (long id : pendingIndicators) {
            HttpResponse<byte[]> r = get("/open/data/indicator-" + id + ".json");
            if (r.statusCode() == 200) {
                assertThat(json.readTree(r.body()).get("rows")).noneSatisfy(row ->
                        assertThat(row.get("period").asString()).isEqualTo("2025"));
            } else {
                assertThat(r.statusCode()).as("an indicator with submitted figures only is not public").isEqualTo(404);
            }
        }
        for (String id : packageList()) {
            String text = new String(get("/open/data/" + id + ".csv").body(), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("do not publish this comment").doesNotContain("Tường thuật nội bộ");
        }
        // the draft plan and its indicator: 404 in every format, and on its landing page
        for (String id : List.of("plan-" + draftPlan, "indicator-" + draftIndicator)) {
            for (String ext : List.of(".csv", ".json", ".xlsx", "")) {
                assertThat(get("/open/data/" + id + ext).statusCode()).as(id + ext).isEqualTo(404);
            }
        }
        // a logged-in steering official, who sees the draft in the application, gets the same public catalogue
        HttpResponse<byte[]> asSteering = get("/open/api/3/action/package_list", "Authorization", basic("steering"));
        assertThat(new String(asSteering.body(), StandardCharsets.UTF_8)).doesNotContain("plan-" + draftPlan + "\"");
    }

    @Test
    void filesAnswer304ToAConditionalRequest() throws Exception {
        String path = "/open/data/plan-" + plan + ".csv";
        HttpResponse<byte[]> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("public").contains("max-age=300");
        assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(path, "If-Modified-Since", modified).statusCode()).isEqualTo(304);
        assertThat(get(path, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> ttl = get("/open/catalog.ttl");
        assertThat(get("/open/catalog.ttl", "If-None-Match", ttl.headers().firstValue("ETag").orElseThrow())
                .statusCode()).isEqualTo(304);
    }

    @Test
    void theDcatCatalogueParsesBackWithAsManyDatasetsAsCkanLists() throws Exception {
        int listed = packageList().size();
        HttpResponse<byte[]> jsonld = get("/open/catalog.jsonld");
        assertThat(jsonld.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        HttpResponse<byte[]> ttl = get("/open/catalog.ttl");
        assertThat(ttl.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
        for (var file : List.of(new Object[] {jsonld.body(), Lang.JSONLD}, new Object[] {ttl.body(), Lang.TURTLE})) {
            Model m = ModelFactory.createDefaultModel();
            RDFDataMgr.read(m, new ByteArrayInputStream((byte[]) file[0]), (Lang) file[1]);
            assertThat(m.listResourcesWithProperty(RDF.type, DCAT.Catalog).toList()).hasSize(1);
            List<Resource> datasets = m.listResourcesWithProperty(RDF.type, DCAT.Dataset).toList();
            assertThat(datasets).as(file[1].toString()).hasSize(listed);
            for (Resource d : datasets) {
                assertThat(d.hasProperty(DCTerms.identifier)).isTrue();
                assertThat(d.hasProperty(DCTerms.title)).isTrue();
                List<Resource> distributions = d.listProperties(DCAT.distribution).mapWith(st -> st.getResource())
                        .toList();
                assertThat(distributions).as(d.getURI()).hasSize(3);
                for (Resource dist : distributions) {
                    assertThat(dist.hasProperty(DCTerms.license)).isTrue();
                    assertThat(dist.hasProperty(DCAT.downloadURL)).isTrue();
                    assertThat(dist.hasProperty(DCAT.mediaType)).isTrue();
                }
            }
            Resource planDataset = m.getResource("http://localhost:" + port + "/open/data/plan-" + plan + "#dataset");
            assertThat(planDataset.hasProperty(DCTerms.spatial)).isTrue();
            assertThat(planDataset.hasProperty(DCTerms.modified)).isTrue();
        }
    }

    @Test
    void theCkanApiAnswersAsCkanDoes() throws Exception {
        List<String> names = packageList();
        JsonNode show = getJson("/open/api/3/action/package_show?id=plan-" + plan);
        assertThat(show.get("success").asBoolean()).isTrue();
        assertThat(show.get("help").asString()).contains("/open/api/3/action/help_show");
        JsonNode pkg = show.get("result");
        assertThat(pkg.get("name").asString()).isEqualTo("plan-" + plan);
        assertThat(pkg.get("license_id").asString()).isEqualTo("cc-by-4.0");
        assertThat(pkg.get("organization").get("name").asString()).isEqualTo("province-38");
        assertThat(pkg.get("resources")).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("url").asString()).startsWith("http://localhost:" + port + "/open/data/plan-" + plan + ".");
            assertThat(r.get("format").asString()).isIn("CSV", "JSON", "XLSX");
            assertThat(r.get("mimetype").asString()).isNotBlank();
        });
        assertThat(pkg.get("metadata_modified").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

        HttpResponse<byte[]> unknown = get("/open/api/3/action/package_show?id=plan-999999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode error = json.readTree(unknown.body());
        assertThat(error.get("success").asBoolean()).isFalse();
        assertThat(error.get("error").get("__type").asString()).isEqualTo("Not Found Error");
        HttpResponse<byte[]> missing = get("/open/api/3/action/package_show");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json.readTree(missing.body()).get("error").get("__type").asString()).isEqualTo("Validation Error");

        JsonNode search = getJson("/open/api/3/action/package_search?q=*:*&rows=2&start=0").get("result");
        assertThat(search.get("count").asInt()).isEqualTo(names.size());
        assertThat(search.get("results").size()).isEqualTo(Math.min(2, names.size()));
        JsonNode all = getJson("/open/api/3/action/current_package_list_with_resources?limit=1000&offset=0");
        assertThat(all.get("result")).hasSize(names.size());
        JsonNode orgs = getJson("/open/api/3/action/organization_list").get("result");
        assertThat(orgs.toString()).contains("province-38");
        JsonNode org = getJson("/open/api/3/action/organization_show?id=province-38").get("result");
        assertThat(org.get("package_count").asInt()).isPositive();
        assertThat(getJson("/open/api/3/action/status_show").get("success").asBoolean()).isTrue();
        assertThat(get("/open/api/3/action/package_create").statusCode()).isEqualTo(404);
    }

    @Test
    void thePagesShowTheCatalogueAndADatasetToAVisitor() throws Exception {
        HttpResponse<byte[]> list = get("/open/data?q=" + "chuyen%20doi%20so");
        assertThat(list.statusCode()).isEqualTo(200);
        String page = new String(get("/open/data").body(), StandardCharsets.UTF_8);
        assertThat(page).contains("dataset-plan-" + plan).contains("dataset-indicator-" + approvedIndicator)
                .doesNotContain("dataset-plan-" + draftPlan);
        String filtered = new String(get("/open/data?kind=indicator").body(), StandardCharsets.UTF_8);
        assertThat(filtered).doesNotContain("dataset-plan-" + plan).contains("dataset-indicator-" + approvedIndicator);
        String landing = new String(get("/open/data/indicator-" + approvedIndicator).body(), StandardCharsets.UTF_8);
        assertThat(landing).contains("excel-note").contains("1.234,5678").contains("creativecommons.org")
                .contains("/open/data/indicator-" + approvedIndicator + ".xlsx");
        String english = new String(get("/open/data/indicator-" + approvedIndicator + "?lang=en").body(),
                StandardCharsets.UTF_8);
        assertThat(english).contains("1,234.5678");
    }
}
