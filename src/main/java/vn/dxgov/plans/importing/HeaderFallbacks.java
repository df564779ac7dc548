package vn.dxgov.plans.importing;

import java.util.List;
import vn.dxgov.plans.PlanType;
import vn.dxgov.plans.importing.HeaderNumberAndDate.DateFound;
import vn.dxgov.plans.importing.HeaderNumberAndDate.NumberFound;

/**
 * What stands in for a missing header block: the document naming itself in its first line ("Nghị quyết số 57-NQ/TW
 * (ngày 22/12/2024) của Bộ Chính trị ...") and, last, the metadata block of the web site it was copied from. Also
 * reports the level of the issuer and drops the province of a national document (its place of signing, "Hà Nội, ngày
 * ...", is not the province it is about). Part of {@link HeaderParser}.
 */
final class HeaderFallbacks {

    private final List<TextLine> lines;
    private final HeaderNumberAndDate identity;
    private final ImportReport report;
    private SiteMetadata metadata;
    private ProseIdentity.Located prose;

    HeaderFallbacks(List<TextLine> lines, HeaderNumberAndDate identity, ImportReport report) {
        this.lines = lines;
        this.identity = identity;
        this.report = report;
    }

    /** Looks for the fallbacks when the header lacks a number line or a date (from/to: where the header is). */
    void read(NumberFound number, DateFound date, int from, int to) {
        boolean missing = number == null || date == null;
        metadata = SiteMetadata.find(lines);
        prose = missing ? ProseIdentity.find(lines, from, Math.max(to, from + 1)) : null;
    }

    /** The number: the "Số:" line's (reported, null when blank), else the opening citation's, else the site's. */
    String number(NumberFound found) {
        if (found != null) {
            return identity.noteNumber(found);
        }
        if (prose != null) {
            report.info(prose.line().line(), "NUMBER", "Số văn bản: " + prose.reference().number()
                    + " (theo câu mở đầu văn bản, không có dòng \"Số:\").", prose.line().text());
            return prose.reference().number();
        }
        if (metadata.number() != null) {
            report.info(metadata.line(), "NUMBER", "Số văn bản: " + metadata.number()
                    + " (theo thông tin của trang văn bản, không có dòng \"Số:\").", null);
            return metadata.number();
        }
        return identity.noteNumber(null);
    }

    /** The date of the header, else of the opening citation, else of the site's metadata. */
    DateFound date(DateFound found) {
        if (found != null) {
            return found;
        }
        if (prose != null && prose.reference().date() != null) {
            return new DateFound(prose.reference().date(), prose.reference().text(), null, prose.line().line());
        }
        if (metadata.issuedOn() != null) {
            return new DateFound(metadata.issuedOn(), metadata.issuedOnText(), null, metadata.line());
        }
        return null;
    }

    /** The issuer named by the opening citation or the site's metadata (raw), for when the header names none. */
    String issuer() {
        if (prose != null && prose.reference().issuer() != null) {
            return prose.reference().issuer();
        }
        return metadata.issuer();
    }

    PlanType type() {
        if (metadata.type() != null) {
            return metadata.type();
        }
        return prose == null ? null : prose.reference().type();
    }

    /** Reports the level and the province; returns the province, none for a national document. */
    String noteLevelAndProvince(DocumentLevel level, String province, int line) {
        if (level != null) {
            report.info(0, "LEVEL", "Cấp ban hành: " + levelName(level) + ".", null);
        }
        if (level == DocumentLevel.NATIONAL) {
            report.info(0, "PROVINCE_NONE", "Văn bản của cơ quan trung ương: không thuộc riêng tỉnh/thành phố nào"
                    + (province == null ? "." : " (\"" + province + "\" là nơi ký ban hành)."), null);
            return null;
        }
        if (province == null) {
            report.warn(0, "PROVINCE_MISSING", "Không xác định được tỉnh/thành phố của văn bản.", null);
        } else {
            report.info(line, "PROVINCE", "Tỉnh/thành phố: " + province + ".", null);
        }
        return province;
    }

    static String levelName(DocumentLevel level) {
        return switch (level) {
            case NATIONAL -> "trung ương";
            case PROVINCE -> "tỉnh/thành phố";
            case DISTRICT -> "huyện/quận/thị xã/thành phố thuộc tỉnh";
            case COMMUNE -> "xã/phường/đặc khu";
        };
    }
}
