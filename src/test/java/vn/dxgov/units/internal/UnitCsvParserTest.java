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
    void aQuotedNameMayHoldALineBreakAndDoubledQuotesAndProblemsNameTheLineTheirRowStartsOn() {
        Problems problems = new Problems();
        List<UnitCsvParser.UnitRow> rows = units("""
                level,code,name,type,parent_code
                1,38,"Tỉnh ""Thanh Hóa""
                (trước 2025)",Tỉnh,
                2,380,"Thành phố, ""Thanh Hóa""\",Thành phố,38
                2,381,,Huyện,38
                3,"00001,Xã A,Xã,380
                """, problems);
        assertThat(rows).extracting(UnitCsvParser.UnitRow::name)
                .containsExactly("Tỉnh \"Thanh Hóa\" (trước 2025)", "Thành phố, \"Thanh Hóa\"");
        assertThat(rows).extracting(UnitCsvParser.UnitRow::line).containsExactly(2, 4);
        assertThat(problems.list()).containsExactly("units.csv, dòng 5: thiếu tên",
                "units.csv, dòng 6: dấu ngoặc kép chưa đóng");
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
                "units.csv, dòng 3: mã đơn vị cha 99 của đơn vị 380 không có trong tệp",
                "units.csv, dòng 4: trùng mã 380 (đã có ở dòng 3)",
                "units.csv, dòng 5: đơn vị cha 38 của đơn vị 00001 (cấp 3) ở cấp 1, phải là cấp 2",
                "units.csv, dòng 6: cấp \"4\" không thuộc [1, 2, 3]",
                "units.csv, dòng 7: thiếu tên",
                "units.csv, dòng 8: đơn vị cấp 1 không có đơn vị cha nhưng parent_code là \"38\"",
                "units.csv, dòng 9: có 4 trường, cần 5",
                "units.csv, dòng 10: mã \"3 8\" phải gồm 1 đến 16 chữ cái hoặc chữ số",
                "units.csv, dòng 11: thiếu parent_code ở đơn vị cấp 3");
        assertThatThrownBy(problems::throwIfAny).isInstanceOf(UnitCsvException.class)
                .hasMessageStartingWith("Không nạp dữ liệu đơn vị hành chính, không có gì thay đổi; 9 lỗi:")
                .hasMessageContaining("units.csv, dòng 4: trùng mã 380");
    }

    @Test
    void rejectsFilesThatAreNotUnitLists() {
        Problems problems = new Problems();
        units("", problems);
        units("a,b,c\n1,2,3\n", problems);
        UnitCsvParser.parseUnits("latin1.csv", UnitCsvLoader.utf8(new ByteArrayInputStream(
                "level,code,name,type,parent_code\n1,38,T\u1ec9nh,T,\n1,39,Ti\u00ean,T,\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))),
                UnitEra.BEFORE_2025_REFORM, problems);
        assertThat(problems.list()).containsExactly("units.csv: tệp rỗng",
                "units.csv, dòng 1: thiếu cột level, code, name, type, parent_code; dòng tiêu đề phải có level, code, name, type, parent_code",
                "latin1.csv: tệp không phải văn bản UTF-8");
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
                "s.csv, dòng 5: trùng liên kết 00016 → 00004 (đã có ở dòng 3)",
                "s.csv, dòng 6: share \"some\" phải là full hoặc partial",
                "s.csv, dòng 8: đơn vị 00021 chuyển toàn bộ (full) vào một đơn vị nhưng còn có đơn vị kế thừa khác");
    }

    @Test
    void findsACycleOfParents() {
        Problems problems = new Problems();
        UnitCsvParser.parseUnits("cycle.csv", new StringReader("""
                level,code,name,type,parent_code
                1,T1,Tỉnh Một,Tỉnh,
                2,A,Xã A,Xã,B
                2,B,Xã B,Xã,A
                2,C,Xã C,Xã,T1
                """), new UnitEra("t", java.time.LocalDate.of(2199, 1, 1), null,
                java.util.Map.of(1, UnitLevel.PROVINCE, 2, UnitLevel.COMMUNE)), problems);
        assertThat(problems.list()).containsExactly("cycle.csv, dòng 3: vòng lặp đơn vị cha: A → B → A");
    }
}
