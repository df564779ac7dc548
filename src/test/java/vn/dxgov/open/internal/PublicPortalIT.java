package vn.dxgov.open.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.analytics.ValueView;
import vn.dxgov.reporting.PublicReports;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.security.Role;
import vn.dxgov.support.Http;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskFilter;
import vn.dxgov.units.AdminUnits;

/**
 * The public portal read by nobody (no login, no cookie) on the embedded database: seeds 000 and 001 published, seed
 * 004 left a draft; in 001's 2024 period one agency's report approved (its figures, its tasks' progress) and another
 * agency's submitted, not approved. Crawls {@code /open} and every address of {@code /sitemap.xml} and checks that
 * each page answers, is cacheable, opens no session, has its Open Graph tags, shows every published target with its
 * latest approved value, and never the draft, the submitted figures, a narrative or who entered what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPortalIT {

    /** Figures nobody else writes: approved (37,25), submitted only (61,75), and texts only reports hold. */
    static final BigDecimal APPROVED = new BigDecimal("37.25");
    static final BigDecimal PENDING = new BigDecimal("61.75");
    static final String NARRATIVE = "Tường thuật nội bộ chưa công bố";
    static final String TASK_NOTE = "Ghi chú tiến độ nội bộ";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicators;
    @Autowired
    ObjectMapper json;
    @Autowired
    Reporting reporting;
    @Autowired
    PlanCatalog plans;
    @Autowired
    TargetCatalog targets;
    @Autowired
    TaskCatalog tasks;
    @Autowired
    TestUsers users;
    @Autowired
    PublicReports publicReports;
    @Autowired
    DataValueStore values;
    @Autowired
    AdminUnits units;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    List<Long> published;
    long draftId;
    String steering;
    long demoTarget;
    Set<Long> approvedTargets = new HashSet<>();
    Set<Long> pendingTargets = new HashSet<>();
    Set<Long> approvedTasks = new HashSet<>();
    Set<Long> pendingTasks = new HashSet<>();

    @BeforeAll
    void seed() throws IOException {
        TestClock.CLOCK.set(LocalDate.of(2024, 11, 1), 9);
        data.resetPlans();
        indicators.reset();
        data.ensureUnits();
        published = List.of(SeedImports.importAndPublish(port, SeedImports.SEED_000),
                SeedImports.importAndPublish(port, SeedImports.SEED_001));
        byte[] draft = new ClassPathResource(SeedImports.SEED_004).getContentAsByteArray();
        Http.Answer imported = new Http(port, json).upload("steering", "/api/v1/imports", "004.txt", draft);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        draftId = imported.body().get("planId").asLong();
        steering = users.ensure("st", run, Role.STEERING, null);

        long plan001 = published.get(1);
        ReportingPeriod p2024 = as(() -> reporting.periods(plan001)).stream()
                .filter(p -> p.period().equals("2024")).findFirst().orElseThrow();
        List<Long> required = reporting.requiredAgencies(p2024.id());
        TestClock.CLOCK.set(LocalDate.of(2024, 12, 3), 10);
        boolean approvedOne = false;
        for (long agency : required) {
            ReportForm form = as(() -> reporting.form(reporting.open(p2024.id(), agency).id()));
            if (form.targets().stream().noneMatch(PublicPortalIT::plain) || form.tasks().isEmpty()) {
                continue;
            }
            if (!approvedOne) {
                Submission s = fill(form, APPROVED, TaskProgressStatus.DONE, 100, approvedTargets, approvedTasks);
                as(() -> reporting.approve(s.id()));
                approvedOne = true;
            } else {
                fill(form, PENDING, TaskProgressStatus.DELAYED, 33, pendingTargets, pendingTasks);
                break;
            }
        }
        assertThat(approvedTargets).isNotEmpty();
        assertThat(pendingTargets).isNotEmpty();
        // a demonstration figure of 2023 (approved at once) behind a target whose 2024 figure is only submitted
        demoTarget = pendingTargets.iterator().next();
        long unit = units.findProvince("38", LocalDate.of(2023, 6, 1)).orElseThrow().id();
        values.write(List.of(new DataValueInput(targets.find(demoTarget).orElseThrow().indicatorId(), unit, "2023",
                null, BigDecimal.valueOf(222), BigDecimal.valueOf(400), null)), ValueSource.DEMO, null, true);
        TestClock.CLOCK.set(LocalDate.of(2025, 3, 1), 9);
    }

    /** A line whose figure the test chooses: a required percentage entered as numerator / denominator. */
    static boolean plain(ReportForm.TargetLine l) {
        return !l.locked() && l.ratio() && l.required() && l.split() == null;
    }

    Submission fill(ReportForm form, BigDecimal value, TaskProgressStatus status, int percent, Set<Long> targetIds,
                    Set<Long> taskIds) {
        List<ReportInput.TargetValue> values = new ArrayList<>();
        for (ReportForm.TargetLine l : form.targets()) {
            if (plain(l)) {
                values.add(new ReportInput.TargetValue(l.targetId(), null, value.multiply(BigDecimal.valueOf(4)),
                        BigDecimal.valueOf(400), "ghi chú", null, null));
                targetIds.add(l.targetId());
            } else if (!l.locked()) { // every other line the report needs, with figures that say nothing here
                values.add(l.ratio()
                        ? new ReportInput.TargetValue(l.targetId(), null, BigDecimal.valueOf(45), BigDecimal.valueOf(50), null, l.split(), null)
                        : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? BigDecimal.ONE : BigDecimal.valueOf(12), null, null, null, l.split(), null));
            }
        }
        List<ReportInput.TaskProgress> progress = form.tasks().stream()
                .map(l -> new ReportInput.TaskProgress(l.taskId(), status, percent, TASK_NOTE)).toList();
        form.tasks().forEach(l -> taskIds.add(l.taskId()));
        return as(() -> {
            reporting.save(form.submission().id(), new ReportInput(NARRATIVE, values, progress));
            return reporting.submit(form.submission().id());
        });
    }

    <T> T as(Supplier<T> work) {
        return users.as(steering, work);
    }

    HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<String> sitemap() {
        HttpResponse<String> res = get("/sitemap.xml");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).contains("xml");
        List<String> out = new ArrayList<>();
        for (Element loc : Jsoup.parse(res.body(), "", org.jsoup.parser.Parser.xmlParser()).select("loc")) {
            assertThat(loc.text()).startsWith("http://localhost:" + port + "/open");
            out.add(loc.text().substring(("http://localhost:" + port).length()));
        }
        return out;
    }

    @Test
    void everyPublicPageAnswersAsNobodyWithoutDraftsOrPendingFigures() {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("/open");
        paths.addAll(sitemap());
        assertThat(plans.find(draftId)).as("a draft is hidden from the application itself").isEmpty();
        Set<String> publishedTexts = new HashSet<>();
        published.forEach(id -> targets.forPlan(id, TargetFilter.ALL).forEach(t -> publishedTexts.add(t.text())));
        List<String> draftOnly = targets.forPlan(draftId, TargetFilter.ALL).stream().map(Target::text)
                .filter(t -> !publishedTexts.contains(t)).toList();
        assertThat(draftOnly).isNotEmpty();
        String pending = "61,75";
        StringBuilder everything = new StringBuilder();
        for (String path : paths) {
            HttpResponse<String> res = get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            if (path.startsWith("/open/data")) { // the catalogue's pages (listed in the sitemap too) keep theirs longer
                assertThat(res.headers().firstValue("Cache-Control")).as(path).hasValueSatisfying(
                        c -> assertThat(c).startsWith("public"));
            } else {
                assertThat(res.headers().firstValue("Cache-Control")).as(path).hasValue(OpenAdvice.CACHE);
            }
            assertThat(res.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("JSESSIONID"));
            Document doc = Jsoup.parse(res.body());
            assertThat(doc.select("footer.open-footer")).as("%s rendered to its end", path).hasSize(1);
            assertThat(doc.select("meta[property=og:title]").attr("content")).as(path).isNotBlank();
            assertThat(doc.select("meta[property=og:description]").attr("content")).as(path).isNotBlank();
            assertThat(doc.select("meta[property=og:url]").attr("content")).as(path)
                    .isEqualTo("http://localhost:" + port + path);
            String text = doc.text();
            assertThat(text).as(path).doesNotContain(pending, NARRATIVE, TASK_NOTE, "steering", "ghi chú");
            for (Element link : doc.select(".open-target-link, #target-text")) {
                assertThat(draftOnly).as(path).doesNotContain(link.text());
            }
            everything.append(text).append('\n');
        }
        assertThat(everything.toString()).doesNotContain(draftTitleText());
    }

    String draftTitleText() {
        return users.as("steering", () -> plans.find(draftId).orElseThrow().title());
    }

    @Test
    void everyPublishedTargetShowsItsLatestApprovedValue() {
        for (long planId : published) {
            String planPath = sitemap().stream().filter(p -> p.contains("/plans/" + planId + "-")).findFirst()
                    .orElseThrow();
            Document page = Jsoup.parse(get(planPath).body());
            for (Target t : targets.forPlan(planId, TargetFilter.ALL)) {
                Element row = page.getElementById("target-" + t.id());
                assertThat(row).as("target %d on %s", t.id(), planPath).isNotNull();
                assertThat(row.select(".open-target-link").text()).isEqualTo(t.text());
                String latest = row.select(".open-latest").text();
                if (approvedTargets.contains(t.id())) {
                    assertThat(latest).as("target %d", t.id()).contains("37,25 (2024)");
                } else if (t.id() == demoTarget) {
                    assertThat(latest).as("target %d", t.id()).contains("55,5 (2023)", "Dữ liệu minh họa");
                } else {
                    assertThat(latest).as("target %d", t.id()).doesNotContain("61,75");
                }
            }
            for (var task : tasks.forPlan(planId, TaskFilter.ALL)) {
                Element row = page.selectFirst("[data-task=" + task.id() + "]");
                assertThat(row).as("task %d", task.id()).isNotNull();
                if (approvedTasks.contains(task.id())) {
                    assertThat(row.text()).contains("Hoàn thành", "100%", "Năm 2024");
                } else if (pendingTasks.contains(task.id())) {
                    assertThat(row.text()).contains("Chưa có báo cáo được phê duyệt").doesNotContain("33%");
                }
            }
        }
        long approved = approvedTargets.iterator().next();
        String targetPath = sitemap().stream().filter(p -> p.contains("/targets/" + approved + "-")).findFirst()
                .orElseThrow();
        Document target = Jsoup.parse(get(targetPath).body());
        assertThat(target.select("#target-values [data-year=2024]").text()).contains("37,25");
        assertThat(target.select("#target-chart svg.open-chart circle")).isNotEmpty();
        assertThat(target.select("#target-downloads a[href^=/open/data/]")).isNotEmpty();
    }

    @Test
    void draftsUnknownIdsAndWrongAddresses() {
        String province = sitemap().get(1);
        assertThat(province).isEqualTo("/open/thanh-hoa");
        assertThat(get("/open/khong-co-tinh-nay").statusCode()).isEqualTo(404);
        assertThat(get(province + "/plans/" + draftId).statusCode()).isEqualTo(404);
        assertThat(get(province + "/plans/" + draftId + "-x").statusCode()).isEqualTo(404);
        long draftTarget = targets.forPlan(draftId, TargetFilter.ALL).get(0).id();
        assertThat(get(province + "/targets/" + draftTarget).statusCode()).isEqualTo(404);
        assertThat(get(province + "/plans/999999999").statusCode()).isEqualTo(404);
        assertThat(get(province + "/targets/abc").statusCode()).isEqualTo(404);
        HttpResponse<String> notFound = get(province + "/targets/999999999-x");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(notFound.body()).getElementById("open-not-found")).isNotNull();
        // a wrong or missing slug, or another province's address, redirects permanently to the canonical one
        long planId = published.get(1);
        String canonical = sitemap().stream().filter(p -> p.contains("/plans/" + planId + "-")).findFirst().orElseThrow();
        for (String wrong : List.of(province + "/plans/" + planId, province + "/plans/" + planId + "-sai",
                "/open/ha-noi/plans/" + planId + "-x")) {
            HttpResponse<String> res = get(wrong);
            assertThat(res.statusCode()).as(wrong).isEqualTo(301);
            assertThat(res.headers().firstValue("Location").orElseThrow()).as(wrong).endsWith(canonical);
        }
    }

    @Test
    void moduleApisAnswerTheAnonymousVisitorWithPublishedApprovedDataOnly() {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("portal",
                "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        try {
            assertThat(CurrentUser.anonymous()).isTrue();
            assertThat(CurrentUser.system()).isFalse();
            assertThat(CurrentUser.steering()).isFalse();
            assertThat(plans.find(draftId)).isEmpty();
            assertThat(plans.list()).extracting(vn.dxgov.plans.Plan::id).doesNotContain(draftId);
            assertThat(publicReports.approvedProgress(draftId)).isEmpty();
            assertThat(publicReports.approvedProgress(published.get(1)))
                    .allSatisfy(l -> assertThat(approvedTasks).contains(l.taskId()))
                    .extracting(PublicReports.TaskProgress::taskId).containsAll(approvedTasks);
            assertThat(publicReports.agencyReports(List.of(draftId), LocalDate.of(2025, 3, 1))).isEmpty();
            assertThatThrownBy(ValueView.PENDING::requireAllowed).isInstanceOf(ApiException.class);
            assertThatThrownBy(() -> reporting.periods(published.get(1))).isInstanceOf(ApiException.class);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    @Test
    void robotsAndEnglish() {
        HttpResponse<String> robots = get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body()).contains("Allow: /open", "Disallow: /",
                "Sitemap: http://localhost:" + port + "/sitemap.xml");
        HttpResponse<String> en = get("/open?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(en.body()).select("h1").text()).isEqualTo("Digital transformation progress of the provinces");
        assertThat(en.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void planPageOfSeed001IsFast() {
        String path = sitemap().stream().filter(p -> p.contains("/plans/" + published.get(1) + "-")).findFirst()
                .orElseThrow();
        get(path);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertThat(get(path).statusCode()).isEqualTo(200);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("PublicPortalIT: plan page of seed 001 in " + best + " ms (best of 5)");
        assertThat(best).isLessThan(1000);
    }
}
