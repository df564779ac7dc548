package vn.dxgov.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.DataValueVersion;
import vn.dxgov.indicators.DataValuesChanged;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AdminUnits;

/** Data values against the real database: validation, versions, idempotence, locks, events, audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RecordApplicationEvents
class DataValueStoreIT {

    @Autowired
    DataValueStore store;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    AdminUnits units;
    @Autowired
    Analytics analytics;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEvents events;

    Indicator ratio;
    Indicator number;
    Indicator yesNo;
    Indicator derived;
    long thanhHoa;

    @BeforeEach
    void setUp() {
        data.ensureUnits();
        data.resetPlans();
        indicatorData.reset();
        ratio = indicators.create(new IndicatorDraft("R1", "Tỷ lệ hồ sơ trực tuyến", "%", ValueType.RATIO,
                Direction.HIGHER, UnitAggregation.RATIO, PeriodAggregation.LAST, null, 1, null));
        number = indicators.create(new IndicatorDraft("N1", "Số doanh nghiệp số", "doanh nghiệp", ValueType.NUMBER,
                Direction.HIGHER, UnitAggregation.SUM, PeriodAggregation.SUM, null, 0, null));
        yesNo = indicators.create(new IndicatorDraft("Y1", "Có nền tảng dữ liệu", null, ValueType.YES_NO,
                Direction.HIGHER, UnitAggregation.MEAN, PeriodAggregation.LAST, null, 0, null));
        derived = indicators.create(new IndicatorDraft("D1", "Gấp đôi", null, ValueType.NUMBER, Direction.HIGHER,
                UnitAggregation.SUM, PeriodAggregation.SUM, "{N1} * 2", 0, null));
        thanhHoa = units.find("38", LocalDate.of(2024, 1, 1)).orElseThrow().id();
    }

    DataValueInput in(Indicator i, String period, String value, String num, String den) {
        return new DataValueInput(i.id(), thanhHoa, period, value == null ? null : new BigDecimal(value),
                num == null ? null : new BigDecimal(num), den == null ? null : new BigDecimal(den), null);
    }

    int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    @Test
    void everyBadInputIsReportedAndNothingIsWritten() {
        List<DataValueInput> batch = List.of(
                in(ratio, "2024", null, "45", null),            // 1 no denominator
                in(ratio, "2023", null, "45", "0"),             // 2 zero denominator
                in(ratio, "2022", null, "-1", "10"),            // 3 negative numerator
                in(ratio, "2021", null, "60", "50"),            // 4 over 100%
                in(yesNo, "2024", "2", null, null),             // 5 not 0/1
                in(number, "2024", "5", "1", "2"),              // 6 numerator on a number
                in(number, "2025Q5", "5", null, null),          // 7 bad period
                new DataValueInput(number.id(), 987654321L, "2024", BigDecimal.ONE, null, null, null), // 8 unit
                new DataValueInput(123456789L, thanhHoa, "2024", BigDecimal.ONE, null, null, null),    // 9 indicator
                in(derived, "2024", "3", null, null),           // 10 derived
                in(number, "2023", "7", null, null),            // 11 fine
                in(number, "2023", "8", null, null),            // 12 duplicates 11
                in(ratio, "2020", "50", "1", "4"));             // 13 value disagrees with 100 × 1 ÷ 4
        assertThatThrownBy(() -> store.write(batch, ValueSource.FORM, null, false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.messageKey()).isEqualTo("dataValue.invalid");
                    List<String> d = e.details();
                    assertThat(d).as("item 11 is fine").hasSize(12);
                    assertThat(d.get(0)).startsWith("#1 (Tỷ lệ hồ sơ trực tuyến · Tỉnh Thanh Hóa · năm 2024)").contains("tử số và mẫu số");
                    assertThat(d.get(1)).startsWith("#2 ").contains("mẫu số phải > 0");
                    assertThat(d.get(2)).startsWith("#3 ").contains("tử số phải ≥ 0");
                    assertThat(d.get(3)).startsWith("#4 ").contains("lớn hơn mẫu số");
                    assertThat(d.get(4)).startsWith("#5 ").contains("1 (đã hoàn thành) hoặc 0");
                    assertThat(d.get(5)).startsWith("#6 ").contains("không phải tỷ lệ");
                    assertThat(d.get(6)).startsWith("#7 ").contains("2025Q5");
                    assertThat(d.get(7)).startsWith("#8 ").contains("không có đơn vị hành chính #987654321");
                    assertThat(d.get(8)).startsWith("#9 ").contains("không có chỉ số #123456789");
                    assertThat(d.get(9)).startsWith("#10 ").contains("theo công thức");
                    assertThat(d).anySatisfy(x -> assertThat(x).startsWith("#12 ").contains("trùng với mục #11"));
                    assertThat(d).anySatisfy(x -> assertThat(x).startsWith("#13 ").contains("khác 100 × tử số ÷ mẫu số = 25"));
                });
        assertThat(rows("data_value")).isZero();
        assertThat(rows("data_value_version")).isZero();
    }

    @Test
    void ratiosKeepNumeratorAndDenominatorAndComputeTheValue() {
        DataValue v = store.write(List.of(in(ratio, "2024", null, "45", "50")), ValueSource.FORM, null, false).get(0);
        assertThat(v.value()).isEqualByComparingTo("90");
        assertThat(v.numerator()).isEqualByComparingTo("45");
        assertThat(v.denominator()).isEqualByComparingTo("50");
        // a value that agrees with the ratio (to 0.01) is accepted; the computed one is stored
        DataValue w = store.write(List.of(in(ratio, "2023", "33.33", "1", "3")), ValueSource.FORM, null, false).get(0);
        assertThat(w.value()).isEqualByComparingTo("33.333333");
        assertThat(store.write(List.of(in(yesNo, "2024", "1", null, null)), ValueSource.FORM, null, false).get(0).value())
                .isEqualByComparingTo("1");
    }

    @Test
    void everyChangeIsAVersionAndTheSameValueIsNone() {
        DataValue v1 = store.write(List.of(in(number, "2024", "120", null, null)), ValueSource.FORM, null, false).get(0);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.source()).isEqualTo(ValueSource.FORM);
        // the same value again, even from another source: nothing changes
        DataValue same = store.write(List.of(in(number, "2024", "120.000", null, null)), ValueSource.API, null, false).get(0);
        assertThat(same.version()).isEqualTo(1);
        assertThat(same.source()).isEqualTo(ValueSource.FORM);
        DataValue v2 = store.write(List.of(in(number, "2024", "130", null, null)), ValueSource.EXCEL, null, false).get(0);
        assertThat(v2.version()).isEqualTo(2);
        DataValue v3 = store.write(List.of(in(number, "2024", null, null, null)), ValueSource.FORM, null, false).get(0);
        assertThat(v3.value()).isNull();
        assertThat(store.find(List.of(number.id()), List.of(), List.of())).isEmpty();
        // deleting what is not there changes nothing
        store.write(List.of(in(number, "2024", null, null, null)), ValueSource.FORM, null, false);
        DataValue v4 = store.write(List.of(in(number, "2024", "140", null, null)), ValueSource.API, null, false).get(0);
        assertThat(v4.id()).isEqualTo(v1.id());
        List<DataValueVersion> history = store.history(v1.id());
        assertThat(history).extracting(DataValueVersion::action).containsExactly("CREATE", "UPDATE", "DELETE", "CREATE");
        assertThat(history).extracting(DataValueVersion::version).containsExactly(1, 2, 3, 4);
        assertThat(history.get(1).value()).isEqualByComparingTo("130");
        assertThat(history.get(1).source()).isEqualTo(ValueSource.EXCEL);
        assertThat(history.get(2).value()).isNull();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'data_value' and entity_id = ?")
                .param(String.valueOf(v1.id())).query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'data_value' order by id")
                .query(String.class).list())
                .containsExactly("dataValue.create", "dataValue.update", "dataValue.delete", "dataValue.create");
    }

    @Test
    void aFigureTooSmallToKeepOrTooLargeIsRefusedNeverChanged() {
        assertThatThrownBy(() -> store.write(List.of(in(number, "2024", "1e-308", null, null)), ValueSource.API, null,
                false)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.details()).singleElement().asString().contains("số quá nhỏ");
                });
        assertThatThrownBy(() -> store.write(List.of(in(number, "2024", "1e19", null, null)), ValueSource.API, null,
                false)).isInstanceOfSatisfying(ApiException.class, e ->
                assertThat(e.details()).singleElement().asString().contains("số quá lớn"));
        assertThat(store.find(List.of(number.id()), List.of(), List.of("2024"))).as("nothing stored").isEmpty();
        // zero itself is a figure like any other
        assertThat(store.write(List.of(in(number, "2024", "0", null, null)), ValueSource.API, null, false).get(0).value())
                .isEqualByComparingTo("0");
    }

    @Test
    void periodCodesAreNormalised() {
        DataValue v = store.write(List.of(in(number, " 2025q3 ", "5", null, null)), ValueSource.FORM, null, false).get(0);
        assertThat(v.period()).isEqualTo("2025Q3");
        assertThat(store.find(List.of(number.id()), List.of(thanhHoa), List.of("2025q3"))).hasSize(1);
    }

    @Test
    void approvedValuesAreLockedUntilReopened() {
        long submission = submission();
        DataValue v = store.write(List.of(in(number, "2024", "10", null, null), in(ratio, "2024", null, "1", "2")),
                ValueSource.FORM, submission, false).get(0);
        assertThat(store.forSubmission(submission)).hasSize(2);
        store.setLocked(submission, true);
        assertThat(store.forSubmission(submission)).allMatch(DataValue::locked);
        // unchanged values of a locked report may be sent again (idempotent batches)
        store.write(List.of(in(number, "2024", "10", null, null)), ValueSource.API, null, false);
        assertThatThrownBy(() -> store.write(List.of(in(number, "2024", "11", null, null),
                in(ratio, "2024", null, null, null), in(number, "2023", "1", null, null)), ValueSource.API, null, false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("dataValue.locked");
                    assertThat(e.details()).hasSize(2);
                    assertThat(e.details().get(0)).startsWith("#1 (Số doanh nghiệp số · Tỉnh Thanh Hóa · năm 2024)").contains("đã khóa");
                    assertThat(e.details().get(1)).startsWith("#2 (Tỷ lệ hồ sơ trực tuyến");
                });
        assertThat(store.find(List.of(number.id()), List.of(), List.of("2023"))).as("nothing written").isEmpty();
        store.setLocked(submission, false);
        DataValue changed = store.write(List.of(in(number, "2024", "11", null, null)), ValueSource.FORM, submission, false).get(0);
        assertThat(changed.value()).isEqualByComparingTo("11");
        assertThat(store.history(v.id())).extracting(DataValueVersion::action)
                .containsExactly("CREATE", "APPROVE", "REOPEN", "UPDATE");
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('dataValue.approve', 'dataValue.reopen')")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void realFiguresReplaceLockedDemoValuesButDemoNeverReplacesReal() {
        long submission = submission();
        store.write(List.of(in(number, "2024", "10", null, null)), ValueSource.DEMO, submission, true);
        store.setLocked(submission, true);
        // a real figure (a published assessment round, an agency's report) takes the place of the demo value
        DataValue real = store.write(List.of(in(number, "2024", "12", null, null)), ValueSource.API, null, false).get(0);
        assertThat(real.value()).isEqualByComparingTo("12");
        assertThat(real.demo()).isFalse();
        assertThat(real.locked()).isFalse();
        assertThat(real.submissionId()).isNull();
        assertThat(store.forSubmission(submission)).isEmpty();
        // a locked real value stays locked against anything, demo included
        store.write(List.of(in(number, "2023", "7", null, null)), ValueSource.FORM, submission, false);
        store.setLocked(submission, true);
        assertThatThrownBy(() -> store.write(List.of(in(number, "2023", "8", null, null)), ValueSource.DEMO, null, true))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void changesArePublishedAfterCommitOnly() {
        store.write(List.of(in(number, "2024", "7", null, null), in(number, "2023", "5", null, null)),
                ValueSource.API, null, false);
        List<DataValuesChanged> published = events.stream(DataValuesChanged.class).toList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).changed()).hasSize(2);
        // the analytics aggregate (an after-commit listener) has them
        assertThat(analytics.value(number.id(), thanhHoa, Period.year(2024)).orElseThrow().value()).isEqualByComparingTo("7");
        // an unchanged batch publishes nothing
        store.write(List.of(in(number, "2024", "7", null, null)), ValueSource.API, null, false);
        assertThat(events.stream(DataValuesChanged.class).count()).isEqualTo(1);
        // a rolled back write never reaches the aggregate
        tx.executeWithoutResult(status -> {
            store.write(List.of(in(number, "2024", "99", null, null)), ValueSource.API, null, false);
            status.setRollbackOnly();
        });
        assertThat(analytics.value(number.id(), thanhHoa, Period.year(2024)).orElseThrow().value()).isEqualByComparingTo("7");
        assertThat(store.find(List.of(number.id()), List.of(thanhHoa), List.of("2024")).get(0).value()).isEqualByComparingTo("7");
        // a deletion is published as such
        store.write(List.of(in(number, "2024", null, null, null)), ValueSource.API, null, false);
        DataValuesChanged last = events.stream(DataValuesChanged.class).reduce((a, b) -> b).orElseThrow();
        assertThat(last.deleted()).hasSize(1);
        assertThat(analytics.value(number.id(), thanhHoa, Period.year(2024))).isEmpty();
    }

    /** A report (submission) to attach values to: the minimum rows the foreign keys need. */
    long submission() {
        long plan = jdbc.sql("""
                insert into plan (plan_type, title, title_folded, source_filename, source_media_type, source_sha256,
                                  text_sha256, source_size, source_bytes, source_text)
                values ('PLAN', 'Kế hoạch thử', 'ke hoach thu', 'x.txt', 'text/plain',
                        md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text), 1,
                        '\\x00'::bytea, 'x') returning id""").query(Long.class).single();
        long schedule = jdbc.sql("""
                insert into reporting_schedule (plan_id, frequency, agency_due, first_year, last_year)
                values (?, 'ANNUAL', '{05/12}', 2024, 2025) returning id""").param(plan).query(Long.class).single();
        long period = jdbc.sql("insert into reporting_period (schedule_id, period, agency_due_on) values (?, '2024', '2024-12-05') returning id")
                .param(schedule).query(Long.class).single();
        long agency = jdbc.sql("insert into agency (name, name_folded, kind, province_code) values ('Sở Thử', 'so thu', 'DEPARTMENT', '38') returning id")
                .query(Long.class).single();
        return jdbc.sql("insert into submission (reporting_period_id, agency_id, status) values (?, ?, 'DRAFT') returning id")
                .params(period, agency).query(Long.class).single();
    }
}
