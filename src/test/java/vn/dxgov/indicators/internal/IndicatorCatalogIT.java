package vn.dxgov.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
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
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestData;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetDraft;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.units.AdminUnits;

/** Indicator CRUD and validation, draft indicators for added targets and the start-up backfill. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndicatorCatalogIT {

    @Autowired
    IndicatorCatalog catalog;
    @Autowired
    DraftIndicators drafts;
    @Autowired
    TargetCatalog targets;
    @Autowired
    DataValueStore values;
    @Autowired
    AdminUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;

    @BeforeEach
    void setUp() {
        data.ensureUnits();
        data.resetPlans();
        indicatorData.reset();
        login("steering", "ROLE_STEERING");
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    static void login(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList(role)));
    }

    static IndicatorDraft number(String code, String formula) {
        return new IndicatorDraft(code, "Chỉ số " + code, null, ValueType.NUMBER, Direction.HIGHER, UnitAggregation.SUM,
                PeriodAggregation.SUM, formula, 0, null);
    }

    static List<String> problems(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.details();
        }
        throw new AssertionError("no ApiException");
    }

    @Test
    void createsWithAnUpperCaseUniqueCodeAndAudits() {
        Indicator a = catalog.create(number("tt-dvc_1", null));
        assertThat(a.code()).isEqualTo("TT-DVC_1");
        assertThat(a.draft()).isFalse();
        assertThat(catalog.findByCode("tt-dvc_1")).contains(a);
        assertThat(problems(() -> catalog.create(number("TT-dvc_1", null))))
                .containsExactly("code: mã TT-DVC_1 đã được dùng / code TT-DVC_1 is taken");
        assertThat(problems(() -> catalog.create(number("Tỷ lệ", null))))
                .singleElement().asString().startsWith("code: chỉ gồm chữ cái không dấu");
        Indicator generated = catalog.create(number(null, null));
        assertThat(generated.code()).isEqualTo("CS" + generated.id());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'indicator.create' and username = 'steering'")
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(catalog.list("chi so tt")).extracting(Indicator::code).containsExactly("TT-DVC_1");
        assertThat(catalog.list("CS" + generated.id())).containsExactly(generated);
    }

    @Test
    void rulesMustFitTheValueType() {
        assertThat(problems(() -> catalog.create(new IndicatorDraft("X", "Tỷ lệ", "%", ValueType.RATIO, Direction.HIGHER,
                UnitAggregation.SUM, PeriodAggregation.LAST, null, 1, null))))
                .singleElement().asString().startsWith("unitAggregation: không cộng các tỷ lệ phần trăm");
        assertThat(problems(() -> catalog.create(new IndicatorDraft("X", "Số", null, ValueType.NUMBER, Direction.HIGHER,
                UnitAggregation.RATIO, PeriodAggregation.LAST, null, 1, null))))
                .singleElement().asString().startsWith("unitAggregation: cộng tử số và mẫu số chỉ dùng cho chỉ số tỷ lệ");
        assertThat(problems(() -> catalog.create(new IndicatorDraft("X", " ", null, ValueType.YES_NO, Direction.HIGHER,
                UnitAggregation.MEAN, PeriodAggregation.SUM, null, 9, null))))
                .containsExactly("name: bắt buộc / required", "decimals: từ 0 đến 6 / between 0 and 6",
                        "periodAggregation: không cộng dồn giá trị có/không theo kỳ / yes/no values are not summed over periods");
    }

    @Test
    void formulasReferToExistingCodesWithoutCycles() {
        catalog.create(number("A", null));
        catalog.create(number("B", null));
        Indicator c = catalog.create(number("C", "{a} / {B} * 100"));
        assertThat(c.derived()).isTrue();
        assertThat(problems(() -> catalog.create(number("D", "{A} + {ZZ}"))))
                .containsExactly("formula: không có chỉ số mã ZZ / no indicator ZZ");
        assertThat(problems(() -> catalog.create(number("E", "({A} + 1"))))
                .singleElement().asString().startsWith("formula: Công thức: thiếu dấu ')'");
        assertThat(problems(() -> catalog.create(number("F", "A + 1"))))
                .singleElement().asString().contains("ngoặc nhọn, ví dụ {A}");
        assertThat(problems(() -> catalog.create(number("G", "{G} + 1"))))
                .singleElement().asString().contains("không được dùng chính mã G");
        // A ← C; making A use C closes the loop A → C → A
        Indicator a = catalog.findByCode("A").orElseThrow();
        assertThat(problems(() -> catalog.update(a.id(), number("A", "{C} * 2"))))
                .containsExactly("formula: vòng lặp A → C → A / cycle A → C → A");
        // renaming a code a formula uses is refused; deleting it too
        assertThat(problems(() -> catalog.update(a.id(), number("A2", null))))
                .containsExactly("code: công thức của chỉ số C đang dùng mã A / the formula of C uses A");
        assertThatThrownBy(() -> catalog.delete(a.id())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        catalog.delete(c.id());
        catalog.delete(a.id());
        assertThat(catalog.findByCode("A")).isEmpty();
    }

    @Test
    void onlyTheSteeringDepartmentEdits() {
        login("viewer", "ROLE_VIEWER");
        assertThatThrownBy(() -> catalog.create(number("V", null))).isInstanceOf(AccessDeniedException.class);
        login("editor", "ROLE_EDITOR");
        assertThatThrownBy(() -> catalog.create(number("V", null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void valuesPinTheValueType() {
        Indicator n = catalog.create(number("N", null));
        long unit = units.find("38", LocalDate.of(2024, 1, 1)).orElseThrow().id();
        values.write(List.of(new DataValueInput(n.id(), unit, "2024", BigDecimal.TEN, null, null, null)), ValueSource.FORM,
                null, false);
        assertThat(problems(() -> catalog.update(n.id(), new IndicatorDraft("N", "N", "%", ValueType.RATIO,
                Direction.HIGHER, UnitAggregation.RATIO, PeriodAggregation.LAST, null, 1, null))))
                .singleElement().asString().startsWith("valueType: chỉ số đã có số liệu kiểu NUMBER");
        assertThat(problems(() -> catalog.update(n.id(), number("N", "{N} + 1")))).isNotEmpty();
        assertThatThrownBy(() -> catalog.delete(n.id())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.details()).singleElement().asString().startsWith("values: 1 số liệu"));
    }

    @Test
    void addedTargetsGetDraftIndicatorsAndTheBackfillCatchesUp() {
        long plan = plan();
        String longText = "Tỷ lệ hồ sơ giải quyết thủ tục hành chính được thực hiện trực tuyến toàn trình trên tổng số "
                + "hồ sơ tiếp nhận của các cơ quan nhà nước cấp tỉnh, cấp huyện và cấp xã trên địa bàn tỉnh đạt từ 80% "
                + "trở lên; trong đó cấp xã đạt 60%";
        List<Target> added = targets.addAll(plan, List.of(
                target(longText, TargetKind.PERCENT, Comparison.AT_LEAST, "80", "%"),
                target("300 xã hoàn thành chuyển đổi số", TargetKind.COUNT, Comparison.AT_LEAST, "300", "xã"),
                target("Thuộc nhóm 10 tỉnh dẫn đầu DTI", TargetKind.RANK, Comparison.AT_MOST, "10", null),
                target("Tỷ lệ hộ nghèo dưới 2%", TargetKind.PERCENT, Comparison.LESS_THAN, "2", "%"),
                target("Hình thành kho dữ liệu dùng chung", TargetKind.YES_NO, null, null, null)));
        List<Indicator> made = added.stream().map(t -> catalog.forTarget(t.id()).orElseThrow()).toList();
        assertThat(made).allMatch(Indicator::draft);
        assertThat(made.get(0).name()).endsWith("…").hasSizeLessThanOrEqualTo(161)
                .startsWith("Tỷ lệ hồ sơ giải quyết thủ tục hành chính");
        assertThat(made.get(1).unit()).isEqualTo("xã");
        assertThat(made.get(2).direction()).isEqualTo(Direction.LOWER);
        assertThat(made.get(3).direction()).as("'dưới 2%': lower is better").isEqualTo(Direction.LOWER);
        assertThat(made.get(4).valueType()).isEqualTo(ValueType.YES_NO);

        // targets that lost (or never had) an indicator get one at start
        jdbc.sql("update target set indicator_id = null where id = ?").param(added.get(1).id()).update();
        drafts.backfill();
        Indicator backfilled = catalog.forTarget(added.get(1).id()).orElseThrow();
        assertThat(backfilled.code()).isEqualTo("T" + added.get(1).id() + "-2");
        assertThat(targets.withoutIndicator()).isEmpty();

        // confirming an indicator makes it no longer a draft
        Indicator confirmed = catalog.update(backfilled.id(), new IndicatorDraft(null, "Số xã hoàn thành CĐS", "xã",
                ValueType.NUMBER, Direction.HIGHER, UnitAggregation.SUM, PeriodAggregation.LAST, null, 0, "Đã rà soát"));
        assertThat(confirmed.draft()).isFalse();
        assertThat(confirmed.code()).isEqualTo(backfilled.code());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'indicator.update'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aCompoundCountTargetGetsAnIndicatorPerSplitAndTheBackfillCatchesUp() {
        long plan = plan();
        String text = "06 huyện, thị xã, thành phố trở lên và 300 xã, phường, thị trấn trở lên hoàn thành chuyển đổi số";
        TargetDraft draft = new TargetDraft(null, text, text, TargetKind.COUNT, Comparison.AT_LEAST, new BigDecimal("6"),
                "huyện", 2025, null, null, Pillar.DIGITAL_GOVERNMENT, List.of(
                new vn.dxgov.targets.TargetSplit(vn.dxgov.targets.SplitLevel.DISTRICT, "huyện, thị xã, thành phố",
                        Comparison.AT_LEAST, new BigDecimal("6")),
                new vn.dxgov.targets.TargetSplit(vn.dxgov.targets.SplitLevel.COMMUNE, "xã, phường, thị trấn",
                        Comparison.AT_LEAST, new BigDecimal("300"))), List.of(), List.of(), null);
        // a percentage split target keeps one indicator
        TargetDraft percent = new TargetDraft(null, "90% cấp tỉnh, 80% cấp huyện", "90% cấp tỉnh, 80% cấp huyện",
                TargetKind.PERCENT, Comparison.AT_LEAST, new BigDecimal("90"), "%", 2025, null, null,
                Pillar.DIGITAL_GOVERNMENT, List.of(
                new vn.dxgov.targets.TargetSplit(vn.dxgov.targets.SplitLevel.PROVINCE, "cấp tỉnh", Comparison.AT_LEAST, new BigDecimal("90")),
                new vn.dxgov.targets.TargetSplit(vn.dxgov.targets.SplitLevel.DISTRICT, "cấp huyện", Comparison.AT_LEAST, new BigDecimal("80"))),
                List.of(), List.of(), null);
        List<Target> added = targets.addAll(plan, List.of(draft, percent));
        Target t = targets.find(added.get(0).id()).orElseThrow();
        Indicator districts = catalog.forTarget(t.id()).orElseThrow();
        assertThat(districts.code()).isEqualTo("T" + t.id());
        Indicator communes = catalog.find(t.splits().get(1).indicatorId()).orElseThrow();
        assertThat(communes.code()).isEqualTo("T" + t.id() + "-X");
        assertThat(communes.draft()).isTrue();
        assertThat(communes.unit()).isEqualTo("xã");
        assertThat(communes.valueType()).isEqualTo(ValueType.NUMBER);
        assertThat(communes.unitAggregation()).isEqualTo(UnitAggregation.SUM);
        assertThat(communes.name()).startsWith("Số xã, phường, thị trấn – 06 huyện").hasSizeLessThanOrEqualTo(161);
        assertThat(t.splits().get(0).indicatorId()).isNull();
        assertThat(targets.find(added.get(1).id()).orElseThrow().splits()).allMatch(x -> x.indicatorId() == null);

        // an edit of the target keeps the split's indicator
        targets.update(t.id(), TargetDraft.of(t));
        assertThat(targets.find(t.id()).orElseThrow().splits().get(1).indicatorId()).isEqualTo(communes.id());

        // a split that lost (or never had) its indicator gets one at start
        jdbc.sql("update target_split set indicator_id = null where target_id = ?").param(t.id()).update();
        assertThat(targets.compoundWithoutSplitIndicator()).extracting(Target::id).containsExactly(t.id());
        drafts.backfill();
        Target after = targets.find(t.id()).orElseThrow();
        assertThat(after.indicatorId()).isEqualTo(districts.id());
        assertThat(catalog.find(after.splits().get(1).indicatorId()).orElseThrow().code()).isEqualTo("T" + t.id() + "-X-2");
        assertThat(targets.compoundWithoutSplitIndicator()).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'target.linkSplitIndicator'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    static TargetDraft target(String text, TargetKind kind, Comparison c, String value, String unit) {
        return new TargetDraft(null, text, text, kind, c, value == null ? null : new BigDecimal(value), unit, 2025, null,
                null, Pillar.DIGITAL_GOVERNMENT, List.of(), List.of(), List.of(), null);
    }

    long plan() {
        return jdbc.sql("""
                insert into plan (plan_type, title, title_folded, source_filename, source_media_type, source_sha256,
                                  text_sha256, source_size, source_bytes, source_text)
                values ('PLAN', 'Kế hoạch thử', 'ke hoach thu', 'x.txt', 'text/plain',
                        md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text), 1,
                        '\\x00'::bytea, 'x') returning id""").query(Long.class).single();
    }
}
