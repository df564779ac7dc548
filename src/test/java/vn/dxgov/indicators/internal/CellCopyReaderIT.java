package vn.dxgov.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AdminUnits;

/**
 * The analytics build's read (COPY, parsed by hand) against the real database: every line that can count, in unit
 * order, each figure bit for bit the double the driver gives for the same row, whatever its state, sign or size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CellCopyReaderIT {

    @Autowired
    DataValueStore store;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    AdminUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    Indicator ratio;
    Indicator other;

    @BeforeEach
    void setUp() {
        data.ensureUnits();
        data.resetPlans();
        indicatorData.reset();
        ratio = indicators.create(new IndicatorDraft("R1", "Tỷ lệ hồ sơ trực tuyến", "%", ValueType.RATIO,
                Direction.HIGHER, UnitAggregation.RATIO, PeriodAggregation.LAST, null, 1, null));
        other = indicators.create(new IndicatorDraft("N1", "Số doanh nghiệp số", "doanh nghiệp", ValueType.NUMBER,
                Direction.HIGHER, UnitAggregation.SUM, PeriodAggregation.SUM, null, 0, null));
    }

    record Cell(long unit, String period, int version, boolean demo, double av, double an, double ad, boolean waits,
                double v, double n, double d) {
    }

    @Test
    void everyLineThatCountsIsReadAsTheDriverReadsIt() {
        List<Long> communes = jdbc.sql("select id from admin_unit where level = 'COMMUNE' order by code limit 300")
                .query(Long.class).list();
        Random random = new Random(7);
        String[] states = {"APPROVED", "SUBMITTED", "DRAFT"};
        int written = 0;
        for (long unit : communes) {
            for (int m = 1; m <= 12; m++) {
                String state = states[random.nextInt(3)];
                String value = random.nextInt(10) == 0 ? null : number(random);
                boolean approved = random.nextInt(4) > 0;
                boolean hasRatio = random.nextBoolean();
                jdbc.sql("""
                        insert into data_value (indicator_id, unit_id, period, value, numerator, denominator, source,
                                                demo, version, state, approved_value, approved_numerator,
                                                approved_denominator, contribution)
                        values (:i, :u, :p, :v::numeric, :n::numeric, :d::numeric, 'IMPORT', :demo, :version, :state,
                                :av::numeric, :an::numeric, :ad::numeric, false)""")
                        .param("i", ratio.id()).param("u", unit).param("p", String.format("2025-%02d", m))
                        .param("v", value).param("n", hasRatio ? number(random) : null)
                        .param("d", hasRatio ? number(random) : null).param("demo", random.nextBoolean())
                        .param("version", 1 + random.nextInt(1000)).param("state", state)
                        .param("av", approved ? number(random) : null)
                        .param("an", approved && hasRatio ? number(random) : null)
                        .param("ad", approved && hasRatio ? number(random) : null)
                        .update();
                written++;
            }
            // another indicator's line: never read with this one
            jdbc.sql("insert into data_value (indicator_id, unit_id, period, value, source, state, approved_value) "
                    + "values (?, ?, '2025', 1, 'IMPORT', 'APPROVED', 1)").params(other.id(), unit).update();
        }
        // a contribution line (an agency's share) never counts as the unit's figure
        long agency = jdbc.sql("select id from agency order by id limit 1").query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("insert into agency (name, name_folded, kind) values ('Sở thử', 'so thu', 'DEPARTMENT') returning id").query(Long.class).single());
        jdbc.sql("insert into data_value (indicator_id, unit_id, period, value, source, state, approved_value, contribution, "
                + "agency_id) values (?, ?, '2025-01', 5, 'IMPORT', 'APPROVED', 5, true, ?)")
                .params(ratio.id(), communes.get(0), agency).update();

        List<Cell> expected = jdbc.sql("""
                select unit_id, period, version, demo, approved_value, approved_numerator, approved_denominator,
                       state = 'SUBMITTED' and value is not null, value, numerator, denominator
                from data_value
                where indicator_id = ? and not contribution
                  and (approved_value is not null or (state = 'SUBMITTED' and value is not null))
                order by unit_id, period""")
                .param(ratio.id())
                .query((rs, i) -> {
                    boolean waits = rs.getBoolean(8);
                    return new Cell(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), dbl(rs, 5),
                            dbl(rs, 6), dbl(rs, 7), waits, waits ? dbl(rs, 9) : Double.NaN,
                            waits ? dbl(rs, 10) : Double.NaN, waits ? dbl(rs, 11) : Double.NaN);
                }).list();
        List<Cell> read = new ArrayList<>();
        store.forEachCell(ratio.id(), (unit, period, version, demo, av, an, ad, waits, v, n, d) -> read.add(
                new Cell(unit, period, version, demo, av, an, ad, waits, waits ? v : Double.NaN,
                        waits ? n : Double.NaN, waits ? d : Double.NaN)));

        assertThat(written).isEqualTo(3600);
        assertThat(expected).hasSizeGreaterThan(2000);
        assertThat(read).isEqualTo(expected);
        assertThat(read).extracting(Cell::unit).isSorted();
    }

    @Test
    void theReadsSettingsPinTheIndexOrder() {
        // what the read's settings make of its query: the unique index, no sort, even on a tiny table
        List<String> plan = tx.execute(status -> {
            for (String set : CellCopyReader.PLAN.split(";")) {
                jdbc.sql(set).update();
            }
            return jdbc.sql("explain " + CellCopyReader.sql(ratio.id()).replaceAll("^copy \\((.*)\\) to stdout$", "$1"))
                    .query(String.class).list();
        });
        assertThat(String.join("\n", plan)).contains("Index Scan using data_value_official").doesNotContain("Sort")
                .doesNotContain("Gather");
    }

    @Test
    void theReadsPlanSettingsStayInItsOwnTransaction() {
        jdbc.sql("insert into data_value (indicator_id, unit_id, period, value, source, state, approved_value) "
                + "values (?, (select min(id) from admin_unit), '2025', 3, 'IMPORT', 'APPROVED', 3)").param(other.id()).update();
        List<String> seen = tx.execute(status -> {
            List<Double> values = new ArrayList<>();
            store.forEachCell(other.id(), (unit, period, version, demo, av, an, ad, waits, v, n, d) -> values.add(av));
            assertThat(values).containsExactly(3.0);
            return List.of(jdbc.sql("select current_setting('enable_seqscan')").query(String.class).single());
        });
        assertThat(seen).containsExactly("on");
        for (int i = 0; i < 12; i++) {
            // the connections the pool lends next (the read's among them, most likely): none kept its settings
            assertThat(jdbc.sql("select current_setting('enable_seqscan') || current_setting('enable_bitmapscan')")
                    .query(String.class).single()).isEqualTo("onon");
        }
    }

    /** A numeric(24, 6) figure: small, large (more digits than a long holds exactly as a double), negative, zero. */
    static String number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "0";
            case 1 -> String.valueOf(random.nextInt(1000));
            case 2 -> String.format(java.util.Locale.ROOT, "%.6f", random.nextDouble() * 100);
            case 3 -> "-" + (random.nextInt(1_000_000) / 100.0);
            case 4 -> (Math.abs(random.nextLong()) % 1_000_000_000_000_000L) + "." + random.nextInt(1_000_000);
            default -> "0.000001";
        };
    }

    static double dbl(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : d;
    }
}
