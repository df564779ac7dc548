package vn.dxgov.units.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/** The real administrative units of Vietnam loaded from the bundled CSV files into the (embedded) database. */
@SpringBootTest
@ActiveProfiles("test")
class AdminUnitsIntegrationTest {

    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    @Autowired
    UnitCsvLoader loader;
    @Autowired
    AdminUnits units;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void loadUnits() {
        UnitCsvLoader.LoadReport report = loader.loadBundledIfEmpty();
        if (report != null) {
            System.out.printf("Loaded %d units and %d successor links in %d ms%n", report.units(), report.links(), report.millis());
            assertThat(report.unitsByEra()).containsEntry("2020-2025", 10_806).containsEntry("2025", 3_355);
            assertThat(report.links()).isEqualTo(10_667);
            // the five island districts without communes are listed as level 3 in the successor file
            assertThat(report.warnings()).hasSize(5);
        }
    }

    private int count(UnitLevel level, LocalDate on) {
        return jdbc.sql("""
                        select count(*) from admin_unit
                        where level = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)""")
                .params(level.name(), on, on).query(Integer.class).single();
    }

    @Test
    void unitsBeforeAndAfterTheReform() {
        assertThat(count(UnitLevel.PROVINCE, BEFORE)).isEqualTo(63);
        assertThat(count(UnitLevel.DISTRICT, BEFORE)).isEqualTo(696);
        assertThat(count(UnitLevel.COMMUNE, BEFORE)).isEqualTo(10_047);
        assertThat(count(UnitLevel.PROVINCE, AFTER)).isEqualTo(34);
        assertThat(count(UnitLevel.DISTRICT, AFTER)).isZero();
        assertThat(count(UnitLevel.COMMUNE, AFTER)).isEqualTo(3_321);
        assertThat(units.provinces(BEFORE)).hasSize(63);
        assertThat(units.provinces(AFTER)).hasSize(34);
        assertThat(units.provinces(LocalDate.of(2020, 1, 1))).hasSize(63);
        assertThat(units.provinces(LocalDate.of(2019, 12, 31))).isEmpty();
    }

    @Test
    void validityDatesOfEachEra() {
        AdminUnit before = units.find("38", BEFORE).orElseThrow();
        assertThat(before.validFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(before.validTo()).isEqualTo(BEFORE);
        AdminUnit after = units.find("38", AFTER).orElseThrow();
        assertThat(after.validFrom()).isEqualTo(AFTER);
        assertThat(after.validTo()).isNull();
        assertThat(after.id()).isNotEqualTo(before.id());
        assertThat(after.validOn(LocalDate.of(2040, 1, 1))).isTrue();
    }

    @Test
    void codesKeepTheirLeadingZerosAndRepeatAcrossEras() {
        AdminUnit oldWard = units.find("00004", BEFORE).orElseThrow();
        AdminUnit newWard = units.find("00004", AFTER).orElseThrow();
        assertThat(oldWard.name()).isEqualTo("Phường Trúc Bạch");
        assertThat(oldWard.level()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(newWard.name()).isEqualTo("Phường Ba Đình");
        assertThat(newWard.level()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(units.find("01", AFTER).orElseThrow().name()).isEqualTo("Thành phố Hà Nội");
        // the ward's parent before the reform is a district (Quận Ba Đình, 001), after it the city
        AdminUnit district = units.find(oldWard.parentId()).orElseThrow();
        assertThat(district.code()).isEqualTo("001");
        assertThat(district.level()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(units.find(newWard.parentId()).orElseThrow().code()).isEqualTo("01");
    }

    @Test
    void unitTypesHaveOneSpelling() {
        AdminUnit bacKan = units.find("058", BEFORE).orElseThrow();
        assertThat(bacKan.type()).isEqualTo("Thành phố");
        assertThat(bacKan.name()).isEqualTo("Thành phố Bắc Kạn");
    }

    @Test
    void thanhHoaHas166CommunesAfterTheReform() {
        AdminUnit thanhHoa = units.findProvince("Thanh Hóa", AFTER).orElseThrow();
        List<AdminUnit> communes = units.children(thanhHoa.id());
        assertThat(communes).hasSize(166).allMatch(c -> c.level() == UnitLevel.COMMUNE);
        // sorted by Vietnamese collation of the name without its type
        List<String> names = communes.stream().map(AdminUnit::shortName).toList();
        assertThat(names).isSortedAccordingTo(vn.dxgov.shared.VietText.collator());
        AdminUnit oldThanhHoa = units.findProvince("Thanh Hóa", BEFORE).orElseThrow();
        // 26 districts in the GSO list of 2025 (Đông Sơn joined Thanh Hóa city in 2024)
        assertThat(units.children(oldThanhHoa.id())).hasSize(26).allMatch(c -> c.level() == UnitLevel.DISTRICT);
    }

    @Test
    void thaiNguyenTookOverBacKan() {
        AdminUnit thaiNguyen = units.find("19", AFTER).orElseThrow();
        List<UnitLink> predecessors = units.predecessors(thaiNguyen.id());
        assertThat(predecessors).extracting(l -> l.predecessor().code()).containsExactlyInAnyOrder("19", "06");
        assertThat(predecessors).allSatisfy(l -> {
            assertThat(l.share()).isEqualTo(UnitLink.Share.FULL);
            assertThat(l.fraction()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(l.effectiveOn()).isEqualTo(AFTER);
            assertThat(l.predecessor().validTo()).isEqualTo(BEFORE);
        });
        assertThat(units.children(thaiNguyen.id())).hasSize(92);
        AdminUnit bacKan = units.find("06", BEFORE).orElseThrow();
        assertThat(units.successors(bacKan.id())).extracting(l -> l.successor().code()).containsExactly("19");
        assertThat(units.find("06", AFTER)).isEmpty();
    }

    @Test
    void partialSharesSplitEvenly() {
        // Phường Ngọc Hà (00016) went partly into Phường Ba Đình (00004) and partly elsewhere
        AdminUnit ngocHa = units.find("00016", BEFORE).orElseThrow();
        List<UnitLink> successors = units.successors(ngocHa.id());
        assertThat(successors.size()).isGreaterThan(1);
        BigDecimal expected = BigDecimal.ONE.divide(BigDecimal.valueOf(successors.size()), 6, java.math.RoundingMode.HALF_EVEN);
        assertThat(successors).allSatisfy(l -> {
            assertThat(l.share()).isEqualTo(UnitLink.Share.PARTIAL);
            assertThat(l.fraction()).isEqualByComparingTo(expected);
        });
        assertThat(successors).extracting(l -> l.successor().code()).contains("00004");
        // a full share: Phường Trúc Bạch went wholly into Phường Ba Đình
        AdminUnit trucBach = units.find("00004", BEFORE).orElseThrow();
        assertThat(units.successors(trucBach.id())).singleElement()
                .satisfies(l -> assertThat(l.fraction()).isEqualByComparingTo(BigDecimal.ONE));
    }

    @Test
    void oldDistrictsHaveNoSuccessors() {
        AdminUnit baDinh = units.find("001", BEFORE).orElseThrow();
        assertThat(units.successors(baDinh.id())).isEmpty();
    }

    @Test
    void provincesByNameOrCode() {
        for (String variant : List.of("Thanh Hóa", "tỉnh Thanh Hoá", "thanh hoa", "Tỉnh Thanh Hóa", "38", "THANH HOÁ")) {
            assertThat(units.findProvince(variant, AFTER)).as(variant).map(AdminUnit::code).contains("38");
            assertThat(units.findProvince(variant, BEFORE)).as(variant).map(AdminUnit::code).contains("38");
        }
        for (String variant : List.of("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Hồ Chí Minh", "TP. Hồ Chí Minh", "tp.hcm", "79")) {
            assertThat(units.findProvince(variant, AFTER)).as(variant).map(AdminUnit::name).contains("Thành phố Hồ Chí Minh");
        }
        assertThat(units.findProvince("Bắc Kạn", BEFORE)).map(AdminUnit::code).contains("06");
        assertThat(units.findProvince("Bắc Kạn", AFTER)).isEmpty();
        assertThat(units.findProvince("Bà Rịa - Vũng Tàu", BEFORE)).map(AdminUnit::code).contains("77");
        assertThat(units.findProvince("1", AFTER)).map(AdminUnit::code).contains("01");
        assertThat(units.findProvince("Atlantis", AFTER)).isEmpty();
        assertThat(units.findProvince(" ", AFTER)).isEmpty();
    }

    @Test
    void provincesSortInVietnameseOrder() {
        List<String> names = units.provinces(AFTER).stream().map(AdminUnit::shortName).toList();
        assertThat(names).isSortedAccordingTo(vn.dxgov.shared.VietText.collator());
        assertThat(names.get(0)).isEqualTo("An Giang");
        // Đ is a letter of its own, after D: Cần Thơ < Đà Nẵng < Gia Lai
        assertThat(names.indexOf("Đà Nẵng")).isGreaterThan(names.indexOf("Cần Thơ")).isLessThan(names.indexOf("Gia Lai"));
    }

    @Test
    void searchIgnoresDiacritics() {
        List<AdminUnit> found = units.search("thanh hoa", null, AFTER, 10);
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).name()).isEqualTo("Tỉnh Thanh Hóa");
        assertThat(units.search("ba dinh", UnitLevel.COMMUNE, AFTER, 5)).extracting(AdminUnit::code).contains("00004");
        assertThat(units.search("ba dinh", UnitLevel.DISTRICT, BEFORE, 5)).extracting(AdminUnit::code).contains("001");
        assertThat(units.search("ba dinh", UnitLevel.DISTRICT, AFTER, 5)).isEmpty();
        assertThat(units.search("xã", null, null, 7)).hasSize(7);
        assertThat(units.search("100%_", null, null, 7)).isEmpty();
    }

    @Test
    void invalidFilesChangeNothing() {
        int before = jdbc.sql("select count(*) from admin_unit").query(Integer.class).single();
        UnitEra future = new UnitEra("test", LocalDate.of(2199, 1, 1), null, Map.of(1, UnitLevel.PROVINCE, 2, UnitLevel.COMMUNE));
        String csv = """
                level,code,name,type,parent_code
                1,T1,Tỉnh Một,Tỉnh,
                2,T101,Xã A,Xã,T1
                2,T102,Xã B,Xã,T9
                2,T101,Xã C,Xã,T1
                """;
        assertThatThrownBy(() -> loader.load(List.of(new UnitCsvLoader.UnitFile("test.csv", future, new StringReader(csv))), null))
                .isInstanceOf(UnitCsvException.class)
                .satisfies(e -> assertThat(((UnitCsvException) e).problems()).containsExactly(
                        "test.csv, dòng 4: mã đơn vị cha T9 của đơn vị T102 không có trong tệp",
                        "test.csv, dòng 5: trùng mã T101 (đã có ở dòng 3)"));
        assertThat(jdbc.sql("select count(*) from admin_unit").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void successorsToUnknownUnitsChangeNothing() {
        int unitsBefore = jdbc.sql("select count(*) from admin_unit").query(Integer.class).single();
        int linksBefore = jdbc.sql("select count(*) from admin_unit_successor").query(Integer.class).single();
        UnitEra future = new UnitEra("test", LocalDate.of(2198, 1, 1), null, Map.of(1, UnitLevel.PROVINCE));
        String unitsCsv = "level,code,name,type,parent_code\n1,T2,Tỉnh Hai,Tỉnh,\n";
        String links = "old_level,old_code,old_name,new_code,new_name,share\n1,38,Tỉnh Thanh Hóa,T3,Tỉnh Ba,full\n";
        assertThatThrownBy(() -> loader.load(List.of(new UnitCsvLoader.UnitFile("u.csv", future, new StringReader(unitsCsv))),
                new UnitCsvLoader.SuccessorFile("s.csv", UnitEra.FROM_2025_REFORM, future, new StringReader(links))))
                .isInstanceOf(UnitCsvException.class)
                .hasMessageContaining("s.csv, dòng 2: đơn vị mới T3 không tồn tại");
        assertThat(jdbc.sql("select count(*) from admin_unit").query(Integer.class).single()).isEqualTo(unitsBefore);
        assertThat(jdbc.sql("select count(*) from admin_unit_successor").query(Integer.class).single()).isEqualTo(linksBefore);
    }

    @Test
    void anEraIsNotLoadedTwice() {
        assertThat(loader.loadBundledIfEmpty()).isNull();
        assertThatThrownBy(() -> loader.load(List.of(new UnitCsvLoader.UnitFile("again.csv", UnitEra.FROM_2025_REFORM,
                new StringReader("level,code,name,type,parent_code\n1,99,Tỉnh Mới,Tỉnh,\n"))), null))
                .isInstanceOf(UnitCsvException.class)
                .hasMessageContaining("again.csv: các đơn vị có hiệu lực từ 01/07/2025 đã được nạp trước đây");
    }
}
