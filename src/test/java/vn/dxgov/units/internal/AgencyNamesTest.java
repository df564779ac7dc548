package vn.dxgov.units.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.AgencyKind;

/** Splitting and matching agency names, on the cells of a real plan (seed 001, Thanh Hóa). No database. */
class AgencyNamesTest {

    static final AgencyNames NAMES = AgencyNames.standard();
    static final AgencyNames.Province THANH_HOA = new AgencyNames.Province(List.of("Thanh Hóa"), false);

    /** Columns 3 and 4 (lead, cooperating) of the tab-separated rows of seed 001's appendix tables. */
    static Set<String> seedCells() throws IOException {
        String text;
        try (InputStream in = AgencyNamesTest.class.getResourceAsStream("/seed/plans/001_16196319a76d78f9.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> cells = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            String[] columns = line.split("\t", -1);
            if (columns.length >= 4 && !columns[2].startsWith("Cơ quan chủ trì")) {
                for (String cell : List.of(columns[2], columns[3])) {
                    if (!cell.isBlank()) {
                        cells.add(cell);
                    }
                }
            }
        }
        return cells;
    }

    @Test
    void seedCellsSplitIntoWholeNames() throws IOException {
        Set<String> cells = seedCells();
        assertThat(cells).hasSizeGreaterThan(50);
        Set<String> fragments = Set.of("ban", "nganh", "thi xa", "thanh pho", "the thao va du lich", "the thao du lich",
                "cap xa", "cap huyen", "huyen", "xa", "phuong", "thi tran", "du lich", "duoc trien khai", "cac cap");
        List<String> all = new ArrayList<>();
        for (String cell : cells) {
            List<String> names = NAMES.split(cell);
            assertThat(names).as(cell).isNotEmpty();
            for (String name : names) {
                assertThat(fragments).as("fragment \"%s\" from \"%s\"", name, cell).doesNotContain(VietText.fold(name));
                assertThat(name).as(cell).doesNotEndWith(".").doesNotEndWith(",").doesNotStartWith("-");
                assertThat(Character.isUpperCase(name.codePointAt(0))).as(name).isTrue();
                // every piece of a name is long enough to be an agency
                assertThat(name.split(" ").length).as(name).isGreaterThanOrEqualTo(2);
            }
            all.addAll(names);
        }
        // the seed names 30-odd distinct agencies
        assertThat(all.stream().map(NAMES::key).distinct().count()).isBetween(30L, 60L);
    }

    @Test
    void collectivesWithCommasStayWhole() {
        assertThat(NAMES.split("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố"))
                .containsExactly("Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố");
        assertThat(NAMES.split("Sở Văn hóa, Thể thao và Du lịch")).containsExactly("Sở Văn hóa, Thể thao và Du lịch");
        assertThat(NAMES.split("Sở Văn hóa, thể thao và Du lịch")).containsExactly("Sở Văn hóa, thể thao và Du lịch");
        assertThat(NAMES.split("Các Sở, ban, ngành liên quan")).containsExactly("Các Sở, ban, ngành liên quan");
    }

    @Test
    void aBareLevelTakesTheHeadOfTheNameBefore() {
        assertThat(NAMES.split("Các Sở, ban, ngành; UBND cấp huyện; cấp xã"))
                .containsExactly("Các Sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã");
        assertThat(NAMES.split("Các Sở, ban, ngành; UBND cấp huyện; cấp xã; hệ thống trường học các cấp."))
                .containsExactly("Các Sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã", "Hệ thống trường học các cấp");
        assertThat(NAMES.split("UBND cấp huyện, cấp xã được triển khai")).containsExactly("UBND cấp huyện", "UBND cấp xã");
        assertThat(NAMES.split("UBND các huyện, thị xã, thành phố; cấp xã"))
                .containsExactly("UBND các huyện, thị xã, thành phố", "UBND cấp xã");
    }

    @Test
    void cellsOfSeed001() {
        assertThat(NAMES.split("Công an tỉnh; Trung tâm Phục vụ HCC tỉnh; UBND các huyện, thị xã, thành phố"))
                .containsExactly("Công an tỉnh", "Trung tâm Phục vụ HCC tỉnh", "UBND các huyện, thị xã, thành phố");
        assertThat(NAMES.split("Thanh tra tỉnh; Các Sở, ban, ngành; UBND các huyện, thị xã, thành phố"))
                .containsExactly("Thanh tra tỉnh", "Các Sở, ban, ngành", "UBND các huyện, thị xã, thành phố");
        assertThat(NAMES.split("VCCI Thanh Hóa; các Sở, ban, ngành; UBND các huyện, thị xã, thành phố"))
                .containsExactly("VCCI Thanh Hóa", "Các Sở, ban, ngành", "UBND các huyện, thị xã, thành phố");
        assertThat(NAMES.split("Các Sở, ban, ngành; UBND các huyện, thị xã, thành phố; Các Bệnh viện, Trung tâm Y tế"))
                .containsExactly("Các Sở, ban, ngành", "UBND các huyện, thị xã, thành phố", "Các Bệnh viện, Trung tâm Y tế");
        assertThat(NAMES.split("Đảng ủy khối cơ quan tỉnh và Doanh nghiệp tỉnh"))
                .containsExactly("Đảng ủy khối cơ quan tỉnh và Doanh nghiệp tỉnh");
        assertThat(NAMES.split("Ban quản lý KKT Nghi Sơn và các KCN")).containsExactly("Ban quản lý KKT Nghi Sơn và các KCN");
        assertThat(NAMES.split("UBND các huyện; các doanh nghiệp viễn thông"))
                .containsExactly("UBND các huyện", "Các doanh nghiệp viễn thông");
        assertThat(NAMES.split("Sở Thông tin và Truyền thông; các Sở, ban, ngành, UBND các huyện, thị xã, thành phố"))
                .containsExactly("Sở Thông tin và Truyền thông", "Các Sở, ban, ngành", "UBND các huyện, thị xã, thành phố");
        assertThat(NAMES.split("UBND các huyện, thị xã, thành phố; UBND các xã được triển khai"))
                .containsExactly("UBND các huyện, thị xã, thành phố", "UBND các xã");
        assertThat(NAMES.split("Các cơ quan truyền thông, báo chí trên địa bàn tỉnh; các sở, ban, ngành; UBND các huyện, thị xã, thành phố"))
                .containsExactly("Các cơ quan truyền thông, báo chí trên địa bàn tỉnh", "Các sở, ban, ngành",
                        "UBND các huyện, thị xã, thành phố");
    }

    @Test
    void commasBetweenAgenciesSplit() {
        assertThat(NAMES.split("Sở Y tế, Sở Giáo dục và Đào tạo, Công an tỉnh"))
                .containsExactly("Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an tỉnh");
        assertThat(NAMES.split("Sở Thông tin và Truyền thông, Sở Văn hóa, Thể thao và Du lịch, UBND cấp huyện"))
                .containsExactly("Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch", "UBND cấp huyện");
        assertThat(NAMES.split("Sở VH,TT&DL, Sở Y tế")).containsExactly("Sở VH,TT&DL", "Sở Y tế");
        assertThat(NAMES.split("Sở Y tế và Sở Giáo dục và Đào tạo")).containsExactly("Sở Y tế", "Sở Giáo dục và Đào tạo");
        assertThat(NAMES.split("UBND thị xã Bỉm Sơn, thành phố Thanh Hóa"))
                .containsExactly("UBND thị xã Bỉm Sơn", "UBND thành phố Thanh Hóa");
        // a wrongly placed comma inside a name does not cut it
        assertThat(NAMES.split("Sở Lao động, Thương binh và Xã hội")).containsExactly("Sở Lao động, Thương binh và Xã hội");
    }

    @Test
    void cooperationPhrasesSeparateAgencies() {
        assertThat(NAMES.split("Sở TT&TT chủ trì, phối hợp với các sở, ngành liên quan"))
                .containsExactly("Sở TT&TT", "Các sở, ngành liên quan");
        assertThat(NAMES.split("Phối hợp với Sở Tài chính")).containsExactly("Sở Tài chính");
        assertThat(NAMES.split("Sở Nội vụ, Sở Tài chính và các cơ quan liên quan"))
                .containsExactly("Sở Nội vụ", "Sở Tài chính", "Các cơ quan liên quan");
        assertThat(NAMES.split("Văn phòng Đoàn ĐBQH và HĐND tỉnh")).containsExactly("Văn phòng Đoàn ĐBQH và HĐND tỉnh");
    }

    @Test
    void bulletsNotesAndPunctuationAreDropped() {
        assertThat(NAMES.split("- Sở Thông tin và Truyền thông (chủ trì);\n- Sở Tài chính.\n+ Các đơn vị liên quan"))
                .containsExactly("Sở Thông tin và Truyền thông", "Sở Tài chính", "Các đơn vị liên quan");
        assertThat(NAMES.split("1. Sở Nội vụ (cơ quan thường trực)\r\n2. Sở Tư pháp")).containsExactly("Sở Nội vụ", "Sở Tư pháp");
        assertThat(NAMES.split("Trung tâm Giám sát, điều hành đô thị thông minh (IOC)"))
                .containsExactly("Trung tâm Giám sát, điều hành đô thị thông minh (IOC)");
        assertThat(NAMES.split("Sở Y tế; Sở Y tế; SỞ Y TẾ")).containsExactly("Sở Y tế");
        assertThat(NAMES.split("  ")).isEmpty();
        assertThat(NAMES.split(null)).isEmpty();
        assertThat(NAMES.split(" ; ; ")).isEmpty();
    }

    @Test
    void callerKnownNamesAreNotCut() {
        String cell = "Trung tâm Công nghệ thông tin, Sở Y tế; Sở Tài chính";
        assertThat(NAMES.split(cell)).containsExactly("Trung tâm Công nghệ thông tin", "Sở Y tế", "Sở Tài chính");
        assertThat(NAMES.split(cell, name -> NAMES.key(name).equals(NAMES.key("Trung tâm CNTT, Sở Y tế"))))
                .containsExactly("Trung tâm Công nghệ thông tin, Sở Y tế", "Sở Tài chính");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Sở TT&TT                              | Sở Thông tin và Truyền thông
            STTTT                                 | Sở Thông tin và Truyền thông
            Sở TTTT                               | Sở Thông tin và Truyền thông
            Sở TT-TT                              | Sở Thông tin và Truyền thông
            sở thông tin & truyền thông           | Sở Thông tin và Truyền thông
            Sở KHĐT                               | Sở Kế hoạch và Đầu tư
            Sở KH&ĐT                              | Sở Kế hoạch và Đầu tư
            Sở KH & DT                            | Sở Kế hoạch và Đầu tư
            Sở KH&CN                              | Sở Khoa học và Công nghệ
            Sở KHCN                               | Sở Khoa học và Công nghệ
            Sở TN&MT                              | Sở Tài nguyên và Môi trường
            Sở TNMT                               | Sở Tài nguyên và Môi trường
            Sở NN&PTNT                            | Sở Nông nghiệp và Phát triển nông thôn
            Sở GD&ĐT                              | Sở Giáo dục và Đào tạo
            Sở VH,TT&DL                           | Sở Văn hóa, Thể thao và Du lịch
            Sở VHTTDL                             | Sở Văn hóa, Thể thao và Du lịch
            Sở Văn hóa, thể thao và Du lịch       | Sở Văn hóa, Thể thao và Du lịch
            Sở Văn hoá, Thể thao và Du lịch       | Sở Văn hóa, Thể thao và Du lịch
            Sở LĐ-TB&XH                           | Sở Lao động - Thương binh và Xã hội
            Sở LĐTBXH                             | Sở Lao động - Thương binh và Xã hội
            Sở Lao động Thương binh và Xã hội     | Sở Lao động - Thương binh và Xã hội
            Sở GTVT                               | Sở Giao thông vận tải
            Sở Công thương                        | Sở Công Thương
            UBND tỉnh                             | Ủy ban nhân dân tỉnh
            Uỷ ban nhân dân tỉnh                  | UBND tỉnh
            VP UBND tỉnh                          | Văn phòng Ủy ban nhân dân tỉnh
            Trung tâm Phục vụ HCC tỉnh            | Trung tâm Phục vụ hành chính công tỉnh
            Ban quản lý KKT Nghi Sơn và các KCN   | Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp
            UBND TP Thanh Hóa                     | Ủy ban nhân dân thành phố Thanh Hóa
            UBND TP.Thanh Hóa                     | UBND thành phố Thanh Hóa
            UBND TX Bỉm Sơn                       | UBND thị xã Bỉm Sơn
            Ngân hàng nhà nước Thanh Hóa          | Ngân hàng Nhà nước Thanh Hóa
            NHNN chi nhánh tỉnh                   | Ngân hàng Nhà nước chi nhánh tỉnh
            Ủy ban MTTQ Việt Nam tỉnh             | Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
            Ủy ban MTTQVN tỉnh                    | Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
            Mặt trận TQVN tỉnh                    | Mặt trận Tổ quốc Việt Nam tỉnh
            Tỉnh uỷ                               | Tỉnh ủy
            Phòng CNTT                            | Phòng Công nghệ thông tin
            Đài Phát thanh - Truyền hình tỉnh     | Đài Phát thanh và Truyền hình tỉnh
            """)
    void abbreviationsAndSpellingsShareAKey(String written, String canonical) {
        assertThat(NAMES.key(written)).isEqualTo(NAMES.key(canonical));
        assertThat(NAMES.sameAgency(written, canonical, THANH_HOA)).isTrue();
    }

    @Test
    void differentAgenciesDiffer() {
        assertThat(NAMES.sameAgency("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", THANH_HOA)).isFalse();
        assertThat(NAMES.sameAgency("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường", THANH_HOA)).isFalse();
        assertThat(NAMES.sameAgency("UBND tỉnh", "Văn phòng UBND tỉnh", THANH_HOA)).isFalse();
        assertThat(NAMES.sameAgency("UBND thành phố Thanh Hóa", "UBND tỉnh", THANH_HOA)).isFalse();
        assertThat(NAMES.sameAgency("UBND thành phố Thanh Hóa", "UBND thành phố Sầm Sơn", THANH_HOA)).isFalse();
        assertThat(NAMES.sameAgency("Các sở, ban, ngành", "Các sở, ban, ngành liên quan", THANH_HOA)).isFalse();
    }

    @Test
    void theDocumentsProvinceMayTrailAName() {
        assertThat(NAMES.sameAgency("Ngân hàng nhà nước Thanh Hóa", "Ngân hàng Nhà nước chi nhánh tỉnh Thanh Hóa", THANH_HOA)).isTrue();
        assertThat(NAMES.sameAgency("Công an tỉnh Thanh Hoá", "Công an tỉnh", THANH_HOA)).isTrue();
        assertThat(NAMES.sameAgency("Điện lực Thanh Hóa", "Công ty Điện lực tỉnh", THANH_HOA)).isTrue();
        assertThat(NAMES.sameAgency("VCCI Thanh Hóa", "VCCI", THANH_HOA)).isTrue();
        assertThat(NAMES.sameAgency("Trường Chính trị tỉnh Thanh Hóa", "Trường Chính trị tỉnh", THANH_HOA)).isTrue();
        // another province's name is not stripped
        assertThat(NAMES.sameAgency("Công an tỉnh Nghệ An", "Công an tỉnh", THANH_HOA)).isFalse();
        // a centrally-run city writes "thành phố" where a province writes "tỉnh"
        AgencyNames.Province hanoi = new AgencyNames.Province(List.of("Hà Nội"), true);
        assertThat(NAMES.sameAgency("Công an thành phố Hà Nội", "Công an tỉnh", hanoi)).isTrue();
        assertThat(NAMES.sameAgency("UBND Thành phố", "UBND tỉnh", hanoi)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Sở TT&TT                                      | Sở Thông tin và Truyền thông               | DEPARTMENT
            Sở Công thương                                | Sở Công Thương                             | DEPARTMENT
            Viện Kiểm soát tỉnh                           | Viện Kiểm sát nhân dân tỉnh                | JUDICIARY
            Tòa án tỉnh                                   | Tòa án nhân dân tỉnh                       | JUDICIARY
            Cục Thi hành án dân sự                        | Cục Thi hành án dân sự tỉnh                | JUDICIARY
            Ngân hàng nhà nước Thanh Hóa                  | Ngân hàng Nhà nước chi nhánh tỉnh          | CENTRAL_BRANCH
            Mặt trận TQVN tỉnh Thanh Hóa                  | Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh      | MASS_ORGANISATION
            Đài Phát thanh - Truyền hình tỉnh             | Đài Phát thanh và Truyền hình tỉnh         | PUBLIC_SERVICE_UNIT
            Ban dân tộc                                   | Ban Dân tộc                                | DEPARTMENT
            Các Sở, ban, ngành                            | Các sở, ban, ngành                         | COLLECTIVE
            UBND các huyện, thị xã, thành phố             | UBND các huyện, thị xã, thành phố          | COLLECTIVE
            UBND cấp xã                                   | UBND cấp xã                                | COLLECTIVE
            các doanh nghiệp viễn thông                   | Các doanh nghiệp viễn thông                | COLLECTIVE
            Các Bệnh viện, Trung tâm Y tế                 | Các bệnh viện, trung tâm y tế              | COLLECTIVE
            Trung tâm Phục vụ HCC tỉnh                    | Trung tâm Phục vụ hành chính công tỉnh     | DEPARTMENT
            Văn phòng Tỉnh ủy                             | Văn phòng Tỉnh ủy                          | PARTY
            Điện lực Thanh Hóa                            | Công ty Điện lực tỉnh                      | BUSINESS
            Báo Thanh Hóa                                 | Báo Thanh Hóa                              | PUBLIC_SERVICE_UNIT
            Đảng ủy khối cơ quan tỉnh và Doanh nghiệp tỉnh | Đảng ủy khối cơ quan tỉnh và Doanh nghiệp tỉnh | PARTY
            Ban quản lý KKT Nghi Sơn và các KCN           | Ban quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp | DEPARTMENT
            UBND thị xã Nghi Sơn                          | UBND thị xã Nghi Sơn                       | PEOPLES_COMMITTEE
            Sở Khoa học và Công nghệ                      | Sở Khoa học và Công nghệ                   | DEPARTMENT
            """)
    void standardAgencies(String written, String standardName, AgencyKind kind) {
        AgencyNames.Standard standard = NAMES.standard(written, THANH_HOA).orElseThrow();
        assertThat(standard.name()).isEqualTo(standardName);
        assertThat(standard.kind()).isEqualTo(kind);
    }

    @Test
    void unknownNamesAreNotStandard() {
        assertThat(NAMES.standard("VCCI Thanh Hóa", THANH_HOA)).isEmpty();
        assertThat(NAMES.standard("Hệ thống trường học các cấp", THANH_HOA)).isEmpty();
        assertThat(NAMES.standard("Báo", THANH_HOA)).isEmpty();
        assertThat(NAMES.standard("UBND thành phố", THANH_HOA)).isEmpty();
    }

    @Test
    void theCatalogueCoversTheUsualProvincialAgencies() {
        List<String> names = NAMES.catalogue().entries().stream().map(AgencyCatalogue.Entry::name).toList();
        assertThat(names).contains("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh",
                "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Thanh tra tỉnh", "Ban Dân tộc", "Đài Phát thanh và Truyền hình tỉnh",
                "Tỉnh đoàn", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh", "Cục Thuế tỉnh",
                "Kho bạc Nhà nước tỉnh", "Bảo hiểm xã hội tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh",
                "Cục Thi hành án dân sự tỉnh", "Văn phòng Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Các sở, ban, ngành",
                "UBND các huyện, thị xã, thành phố", "UBND cấp huyện", "UBND cấp xã", "UBND các xã, phường, thị trấn",
                "Các doanh nghiệp viễn thông", "Các đơn vị liên quan", "Các cơ quan, đơn vị liên quan");
        assertThat(NAMES.catalogue().entries()).allSatisfy(e -> assertThat(NAMES.guessKind(e.name()))
                .as(e.name()).isNotNull());
    }

    @Test
    void canonicalFormWritesAbbreviationsOutButKeepsUbnd() {
        assertThat(NAMES.canonical("Trung tâm Phục vụ HCC tỉnh")).isEqualTo("Trung tâm Phục vụ hành chính công tỉnh");
        assertThat(NAMES.canonical("Sở TT&TT")).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(NAMES.canonical("STTTT")).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(NAMES.canonical("UBND TP Thanh Hóa")).isEqualTo("UBND thành phố Thanh Hóa");
        assertThat(NAMES.canonical("Ban quản lý KKT Nghi Sơn và các KCN"))
                .isEqualTo("Ban quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp");
        assertThat(NAMES.canonical("các doanh nghiệp viễn thông.")).isEqualTo("Các doanh nghiệp viễn thông");
    }

    @Test
    void kindsAreGuessedFromTheHead() {
        assertThat(NAMES.guessKind("VCCI Thanh Hóa")).isEqualTo(AgencyKind.BUSINESS);
        assertThat(NAMES.guessKind("Hệ thống trường học các cấp")).isEqualTo(AgencyKind.COLLECTIVE);
        assertThat(NAMES.guessKind("Sở Ngoại vụ")).isEqualTo(AgencyKind.DEPARTMENT);
        assertThat(NAMES.guessKind("Ban Tuyên giáo Tỉnh ủy")).isEqualTo(AgencyKind.PARTY);
        assertThat(NAMES.guessKind("UBND huyện Mường Lát")).isEqualTo(AgencyKind.PEOPLES_COMMITTEE);
        assertThat(NAMES.guessKind("UBND các xã")).isEqualTo(AgencyKind.COLLECTIVE);
        assertThat(NAMES.guessKind("Trường Đại học Hồng Đức")).isEqualTo(AgencyKind.PUBLIC_SERVICE_UNIT);
        assertThat(NAMES.guessKind("Hội Nông dân tỉnh")).isEqualTo(AgencyKind.MASS_ORGANISATION);
        assertThat(NAMES.guessKind("Cục Hải quan")).isEqualTo(AgencyKind.CENTRAL_BRANCH);
        assertThat(NAMES.guessKind("Xyz")).isEqualTo(AgencyKind.OTHER);
    }
}
