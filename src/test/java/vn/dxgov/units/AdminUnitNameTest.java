package vn.dxgov.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one place a unit's type comes off its name ("Tỉnh Thanh Hóa" → "Thanh Hóa"). */
class AdminUnitNameTest {

    private static AdminUnit unit(String name, String type) {
        return new AdminUnit(1, "38", name, UnitLevel.PROVINCE, type, null, LocalDate.of(2025, 7, 1), null);
    }

    @Test
    void theTypeComesOffTheName() {
        assertThat(unit("Tỉnh Thanh Hóa", "Tỉnh").shortName()).isEqualTo("Thanh Hóa");
        assertThat(unit("Thành phố Hà Nội", "Thành phố").shortName()).isEqualTo("Hà Nội");
        assertThat(unit("Xã Định Tân", "Xã").shortName()).isEqualTo("Định Tân");
        assertThat(unit("Đặc khu Phú Quốc", "Đặc khu").shortName()).isEqualTo("Phú Quốc");
    }

    @Test
    void aProvincePrefixComesOffWithoutItsType() {
        // what the annual report and the plan importer had each written for themselves
        assertThat(AdminUnit.nameWithoutType("Tỉnh Thanh Hóa", null)).isEqualTo("Thanh Hóa");
        assertThat(AdminUnit.nameWithoutType("Thành phố Huế", "Tỉnh")).isEqualTo("Huế");
        assertThat(AdminUnit.nameWithoutType("Thanh Hóa", "Tỉnh")).isEqualTo("Thanh Hóa");
        // only the type in front comes off, not a "Tỉnh" inside the name
        assertThat(AdminUnit.nameWithoutType("Xã Tỉnh Gia", "Xã")).isEqualTo("Tỉnh Gia");
    }
}
