package vn.dxgov.units.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;
import vn.dxgov.units.internal.UnitCsvParser.Problems;

/** Reading and checking unit CSV files, without a database. */
class UnitCsvParserTest {

    private static List<UnitCsvParser.UnitRow> units(String csv, Problems problems) {
        return UnitCsvParser.parseUnits("units.csv", new StringReader(csv), UnitEra.BEFORE_2025_REFORM, problems);
    }

    @Test
    void readsUnitsKeepingLeadingZeros() {
        Problems problems = new Problems();
        List<UnitCsvParser.UnitRow> rows = units("""
                level,code,name,type,parent_code\r
                1,01,Thành phố Hà Nội,Thành phố,\r
                2,001,Quận Ba Đình,Quận,01\r
                3,00004,Phường Trúc Bạch,Phường,001\r
                2,058,Thành Phố Bắc Kạn,Thành Phố,01\r
                """, problems);
        assertThat(problems.list()).isEmpty();
        assertThat(rows).extracting(UnitCsvParser.UnitRow::code).containsExactly("01", "001", "00004", "058");
        assertThat(rows).extracting(UnitCsvParser.UnitRow::level)
                .containsExactly(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE, UnitLevel.DISTRICT);
        assertThat(rows.get(3).type()).isEqualTo("Thành phố");
        assertThat(rows.get(3).name()).isEqualTo("Thành phố Bắc Kạn");
        assertThat(rows.get(2).parentCode()).isEqualTo("001");
        assertThat(rows.get(0).parentCode()).isNull();
    }

    @Test
    void columnsMayComeInAnyOrderAndBeQuoted() {
        Problems problems = new Problems();
        List<UnitCsvParser.UnitRow> rows = units("""
                \uFEFFcode,level,parent_code,name,type
                "38",1,,"Tỉnh Thanh Hóa",Tỉnh
                380,2,38,"Thành phố ""Thanh Hóa""\",Thành phố
                """, problems);
        assertThat(problems.list()).isEmpty();
        assertThat(rows.get(1).name()).isEqualTo("Thành phố \"Thanh Hóa\"");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        Problems problems = new Problems();
        units("""
                level,code,name,type,parent_code
                1,38,Tỉnh Thanh Hóa,Tỉnh,
                2,380,Thành phố Thanh Hóa,Thành phố,99
                2,380,Thành phố Sầm Sơn,Thành phố,38
                3,00001,Phường A,Phường,38
                4,x,Ấp B,Ấp,00001
                3,00002,,Phường,380
                1,39,Tỉnh C,Tỉnh,38
                2,381,Huyện D,Huyện
                2,3 8,Huyện E,Huyện,38
                3,00003,Xã F,Xã,
                """, problems);
        assertThat(problems.list()).containsExactly(
                "units.csv, line 3: unknown parent code 99 of unit 380",
                "units.csv, line 4: duplicate code 380 (first on line 3)",
                "units.csv, line 5: parent 38 of level 3 unit 00001 is on level 1, expected 2",
                "units.csv, line 6: level \"4\" is not one of [1, 2, 3]",
                "units.csv, line 7: name is empty",
                "units.csv, line 8: a level 1 unit has no parent, but parent_code is \"38\"",
                "units.csv, line 9: 4 fields, expected 5",
                "units.csv, line 10: code \"3 8\" is not 1 to 16 letters or digits",
                "units.csv, line 11: parent_code is empty on a level 3 unit");
        assertThatThrownBy(problems::throwIfAny).isInstanceOf(UnitCsvException.class)
                .hasMessageStartingWith("Administrative-unit data not loaded, nothing was changed; 9 problems:")
                .hasMessageContaining("units.csv, line 4: duplicate code 380");
    }

    @Test
    void rejectsFilesThatAreNotUnitLists() {
        Problems problems = new Problems();
        units("", problems);
        units("a,b,c\n1,2,3\n", problems);
        UnitCsvParser.parseUnits("latin1.csv", UnitCsvLoader.utf8(new ByteArrayInputStream(
                "level,code,name,type,parent_code\n1,38,T\u1ec9nh,T,\n1,39,Ti\u00ean,T,\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))),
                UnitEra.BEFORE_2025_REFORM, problems);
        assertThat(problems.list()).containsExactly("units.csv: the file is empty",
                "units.csv, line 1: missing column(s) level, code, name, type, parent_code; the header must name level, code, name, type, parent_code",
                "latin1.csv: the file is not UTF-8 text");
    }

    @Test
    void readsSuccessorLinks() {
        Problems problems = new Problems();
        List<UnitCsvParser.LinkRow> rows = UnitCsvParser.parseSuccessors("s.csv", new StringReader("""
                old_level,old_code,old_name,new_code,new_name,share
                1,06,Tỉnh Bắc Kạn,19,Tỉnh Thái Nguyên,full
                3,00016,Phường Ngọc Hà,00004,Phường Ba Đình,partial
                3,00016,Phường Ngọc Hà,00008,Phường Ngọc Hà,Partial
                3,00016,Phường Ngọc Hà,00004,Phường Ba Đình,partial
                3,00020,Phường X,00004,Phường Ba Đình,some
                3,00021,Phường Y,00004,Phường Ba Đình,full
                3,00021,Phường Y,00008,Phường Ngọc Hà,partial
                """), problems);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).share()).isEqualTo(UnitLink.Share.FULL);
        assertThat(rows.get(2).share()).isEqualTo(UnitLink.Share.PARTIAL);
        assertThat(problems.list()).containsExactly(
                "s.csv, line 5: duplicate link 00016 -> 00004 (first on line 3)",
                "s.csv, line 6: share \"some\" is neither full nor partial",
                "s.csv, line 8: unit 00021 has a full share and other successors");
    }
}
