package vn.dxgov.dashboard.internal;

/**
 * A kind of target the provinces' plans share, so that the national view can put them side by side ("kinh tế số
 * chiếm 20% GRDP" of Thanh Hóa beside "kinh tế số chiếm trên 20% GRDP" of Thái Nguyên). Found by {@link TargetKinds}.
 * The order is the order of the rows.
 */
enum ComparedKind {
    /** tỷ trọng kinh tế số trong GRDP */
    DIGITAL_ECONOMY_SHARE,
    /** dịch vụ công trực tuyến toàn trình (mức độ 4) */
    FULL_ONLINE_SERVICES,
    /** tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến */
    ONLINE_DOSSIER_SHARE,
    /** hồ sơ công việc xử lý trên môi trường mạng */
    ONLINE_WORK_FILES,
    /** người dân, doanh nghiệp định danh và xác thực điện tử */
    ELECTRONIC_IDENTITY,
    /** mức độ hài lòng của người dân, doanh nghiệp */
    SATISFACTION,
    /** hoạt động kiểm tra qua môi trường số */
    ONLINE_INSPECTION,
    /** cơ sở dữ liệu kết nối, chia sẻ */
    DATA_SHARING,
    /** chữ ký số */
    DIGITAL_SIGNATURE,
    /** doanh nghiệp chuyển đổi số */
    ENTERPRISE_TRANSFORMATION,
    /** số doanh nghiệp công nghệ số */
    DIGITAL_ENTERPRISES,
    /** năng suất lao động */
    LABOUR_PRODUCTIVITY,
    /** thanh toán không dùng tiền mặt, tài khoản thanh toán điện tử */
    CASHLESS_PAYMENT,
    /** cáp quang, băng rộng cố định */
    FIBRE_BROADBAND,
    /** mạng di động 4G/5G */
    MOBILE_NETWORK,
    /** huyện, xã hoàn thành chuyển đổi số */
    UNITS_TRANSFORMED,
    /** an toàn, an ninh mạng */
    CYBER_SECURITY;

    String messageKey() {
        return "dashboard.kind." + name();
    }
}
