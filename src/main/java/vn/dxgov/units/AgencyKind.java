package vn.dxgov.units;

/** What sort of organisation an agency is. */
public enum AgencyKind {
    /** sở, ban, ngành cấp tỉnh (Sở Thông tin và Truyền thông, Ban Dân tộc, Văn phòng UBND tỉnh) */
    DEPARTMENT,
    /** Ủy ban nhân dân (of a province, district, commune, or a group of them) */
    PEOPLES_COMMITTEE,
    /** Party bodies (Tỉnh ủy, Ban Tuyên giáo, Đảng ủy khối) */
    PARTY,
    /** Mặt trận Tổ quốc and mass organisations (Tỉnh đoàn, Hội Nông dân, Liên đoàn Lao động) */
    MASS_ORGANISATION,
    /** Công an, Bộ Chỉ huy Quân sự */
    SECURITY,
    /** courts, procuracy, civil judgment enforcement */
    JUDICIARY,
    /** centrally-managed agencies in the province (Ngân hàng Nhà nước chi nhánh, Cục Thuế, Kho bạc, BHXH) */
    CENTRAL_BRANCH,
    /** schools, universities, hospitals, broadcasters, newspapers and other public service units */
    PUBLIC_SERVICE_UNIT,
    /** enterprises and business associations (doanh nghiệp viễn thông, VCCI, Điện lực) */
    BUSINESS,
    /** a collective named as one ("Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố") */
    COLLECTIVE,
    OTHER
}
