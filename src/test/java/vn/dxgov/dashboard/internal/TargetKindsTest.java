package vn.dxgov.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The classifier on the seed plans' target sentences (000, 001 of Thanh Hóa, 002 of Thái Nguyên), as written. */
class TargetKindsTest {

    @ParameterizedTest(name = "{1} ← {0}")
    @CsvSource(delimiter = '|', value = {
            // digital economy share of GRDP, both provinces' wordings
            "Kinh tế số chiếm 20% trở lên trong GRDP của tỉnh.|DIGITAL_ECONOMY_SHARE",
            "Phấn đấu kinh tế số chiếm trên 20% GRDP.|DIGITAL_ECONOMY_SHARE",
            "Kinh tế số chiếm trên 30% GRDP.|DIGITAL_ECONOMY_SHARE",
            // full online public services (mức độ 4 is the former name of toàn trình)
            "100% hồ sơ thủ tục hành chính đủ điều kiện giải quyết trực tuyến mức độ 4 được cung cấp trên Cổng dịch vụ công của tỉnh và trên các phương tiện truy cập (bao gồm cả thiết bị di động).|FULL_ONLINE_SERVICES",
            "Trên 90% dịch vụ công trực tuyến mức độ 4, được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị di động.|FULL_ONLINE_SERVICES",
            "Phấn đấu đến hết năm 2021, có trên 80% các dịch vụ công đủ điều kiện được cung cấp trực tuyến mức độ 4.|FULL_ONLINE_SERVICES",
            "Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 80%|FULL_ONLINE_SERVICES",
            // online dossiers
            "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến đạt 50%|ONLINE_DOSSIER_SHARE",
            "Trên 90% tổng số hồ sơ công việc tại cấp tỉnh; trên 80% tổng số hồ sơ công việc tại cấp huyện và trên 60% tổng số hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng|ONLINE_WORK_FILES",
            // what is measured wins over the service it is measured on
            "100% người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh và xác thực điện tử thông suốt, hợp nhất.|ELECTRONIC_IDENTITY",
            "Trên 90% người dân, doanh nghiệp hài lòng với dịch vụ công trực tuyến của tỉnh.|SATISFACTION",
            "Có 90% người dân, doanh nghiệp trở lên hài lòng với giải quyết thủ tục hành chính của các cơ quan nhà nước.|SATISFACTION",
            "50% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường mạng và hệ thống thông tin của cơ quan quản lý.|ONLINE_INSPECTION",
            "100% hệ thống thông tin, cơ sở dữ liệu dùng chung, cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ, khai thác từ các cơ sở dữ liệu Quốc gia.|DATA_SHARING",
            // economy and society
            "Doanh nghiệp chuyển đổi số chiếm 50% trở lên tổng số doanh nghiệp có phát sinh thuế.|ENTERPRISE_TRANSFORMATION",
            "Phấn đấu có trên 700 doanh nghiệp số.|DIGITAL_ENTERPRISES",
            "Giai đoạn 2021 - 2025 năng suất lao động tăng bình quân hàng năm 9,6% trở lên.|LABOUR_PRODUCTIVITY",
            "Năng suất lao động hàng năm tăng tối thiểu 7%.|LABOUR_PRODUCTIVITY",
            "Tỷ lệ dân số có tài khoản thanh toán điện tử đạt 50% trở lên.|CASHLESS_PAYMENT",
            "Tỷ lệ dân số có tài khoản thanh toán điện tử trên 80%.|CASHLESS_PAYMENT",
            "Tỷ lệ giao dịch thanh toán không dùng tiền mặt đạt 80%|CASHLESS_PAYMENT",
            "Hạ tầng mạng băng rộng cáp quang phủ 100% đơn vị hành chính cấp xã, trên 80% hộ gia đình.|FIBRE_BROADBAND",
            "Xây dựng kế hoạch, tổng rà soát và triển khai phương án đến năm 2025 đảm bảo 100% hệ thống cáp quang được phủ đến tận cấp xã.|FIBRE_BROADBAND",
            "Phổ cập dịch vụ mạng di động 5G.|MOBILE_NETWORK",
            "Có 06 huyện, thị xã, thành phố trở lên và 300 xã, phường, thị trấn trở lên hoàn thành chuyển đổi số, theo Bộ tiêu chí đánh giá chuyển đổi số tỉnh Thanh Hóa.|UNITS_TRANSFORMED",
            "Tỉnh Thái Nguyên thuộc nhóm 15 tỉnh, thành phố trực thuộc Trung ương dẫn đầu về an toàn, an ninh mạng.|CYBER_SECURITY",
            "100% cán bộ, công chức được cấp chữ ký số chuyên dùng|DIGITAL_SIGNATURE",
            // without diacritics (a text typed on a keyboard without them) it is the same kind
            "Kinh te so chiem 20% GRDP|DIGITAL_ECONOMY_SHARE"})
    void classifiesTheSeedsTargetSentences(String text, ComparedKind expected) {
        assertThat(TargetKinds.classify(text)).isEqualTo(expected);
    }

    @Test
    void aTargetOfNoComparedKindHasNone() {
        assertThat(TargetKinds.classify("Tập trung đầu tư xây dựng 3 đô thị thông minh")).isNull();
        assertThat(TargetKinds.classify("Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%.")).isNull();
        assertThat(TargetKinds.classify("")).isNull();
        assertThat(TargetKinds.classify(null)).isNull();
    }

    @Test
    void aLinkedNationalTargetDecidesTheKindBeforeTheTargetsOwnWords() {
        // the province wrote it its own way; the national target it implements names the kind
        assertThat(TargetKinds.classify("Kinh tế số chiếm tỷ trọng tối thiểu 30% GDP",
                "Quy mô nền kinh tế của tỉnh tăng gấp đôi")).isEqualTo(ComparedKind.DIGITAL_ECONOMY_SHARE);
        // a national target of no compared kind leaves the target's own words
        assertThat(TargetKinds.classify("Hoàn thiện thể chế", "Kinh tế số chiếm 20% GRDP"))
                .isEqualTo(ComparedKind.DIGITAL_ECONOMY_SHARE);
        assertThat(TargetKinds.classify(null, "Phấn đấu có trên 700 doanh nghiệp số."))
                .isEqualTo(ComparedKind.DIGITAL_ENTERPRISES);
    }
}
