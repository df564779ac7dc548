package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who issued the document and for which province, from its header: the issuing-body lines ("ỦY BAN NHÂN DÂN" /
 * "TỈNH NGHỆ AN", "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"), the attachment line, the intro sentence. Part of
 * {@link HeaderParser}, which finds the heading and the regions these lines are looked for in.
 */
final class HeaderIssuer {

    /** The intro sentence's subject: "..., UBND thành phố Thanh Hóa xây dựng Kế hoạch ..." (folded). */
    private static final Pattern INTRO_SUBJECT = Pattern.compile(
            "(?:^|,\\s*)((?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|ban thuong vu|ban chap hanh|tinh uy|thanh uy|huyen uy)[^,;]{0,60}?)"
                    + "\\s+(?:xay dung|ban hanh|trien khai|de ra)(?![a-z])");

    /** Without a heading, how many first lines may hold the header block. */
    private static final int NO_HEADING_LINES = 30;

    private final List<TextLine> lines;
    private final ProvinceLexicon provinces;
    private final ImportReport report;

    HeaderIssuer(List<TextLine> lines, ProvinceLexicon provinces, ImportReport report) {
        this.lines = lines;
        this.provinces = provinces;
        this.report = report;
    }

    /**
     * The province: the first one named by the place of the date line, the title, the header lines or the first
     * lines of the body.
     */
    String province(String place, String title, int from, int to, int bodyStart) {
        List<String> candidates = new ArrayList<>();
        if (place != null) {
            candidates.add(place);
        }
        candidates.add(title);
        for (int i = from; i < to; i++) {
            candidates.add(lines.get(i).text());
        }
        for (int i = bodyStart; i < Math.min(lines.size(), bodyStart + 5); i++) {
            candidates.add(lines.get(i).text());
        }
        for (String c : candidates) {
            Optional<String> p = provinces.find(c);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return null;
    }

    /**
     * The issuing body, normalised ("UBND tỉnh Thanh Hóa"): a "CỦA ..." line under the heading, the header block's
     * body line before it, a body line under it, the attachment line's "của ...", the wrapper decision's, or the
     * subject of the intro sentence; reported either way.
     */
    String issuer(Where where, String province, String fallback) {
        int bodyStart = where.bodyStart();
        TextLine attachment = where.attachment();
        HeaderParser.Wrapper wrapper = where.wrapper();
        TextLine block = headerBlockLine(where);
        String raw = block == null ? null : joinLevel(block);
        int line = block == null ? 0 : block.line();
        if (raw == null && attachment != null) {
            Matcher m = Pattern.compile("cua\\s+([^)]+)").matcher(attachment.folded());
            if (m.find()) {
                raw = attachment.text().substring(m.start(1), m.end(1));
                line = attachment.line();
            }
        }
        if (raw == null && wrapper != null) {
            TextLine found = orgLine(wrapper.index() + 1, wrapper.bodyStart(), false);
            if (found == null) {
                found = orgLineBefore(wrapper.regionStart(), wrapper.index());
            }
            if (found != null) {
                raw = joinLevel(found);
                line = found.line();
            }
        }
        if (raw == null) {
            int from = Math.min(where.introFrom(), bodyStart);
            for (int i = from; i < Math.min(lines.size(), bodyStart + 4) && raw == null; i++) {
                Matcher m = INTRO_SUBJECT.matcher(lines.get(i).folded());
                if (m.find()) {
                    raw = lines.get(i).text().substring(m.start(1), m.end(1));
                    line = lines.get(i).line();
                }
            }
        }
        if (raw == null) {
            raw = fallback; // the document's own citation of itself, or the web site's metadata
        }
        String issuer = IssuerNames.normalise(raw, province, provinces);
        if (issuer == null) {
            report.warn(0, "ISSUER_MISSING", "Không xác định được cơ quan ban hành.", null);
        } else {
            report.info(line, "ISSUER", "Cơ quan ban hành: " + issuer + ".", raw);
        }
        return issuer;
    }

    /** The issuing-body line of the header block: "CỦA ..." under the heading, the line before it, one under it. */
    private TextLine headerBlockLine(Where where) {
        int headingIndex = where.headingIndex();
        if (headingIndex < 0) {
            // no heading: the header block's issuing-body line among the first lines
            return orgLine(where.regionStart(), Math.min(lines.size(), NO_HEADING_LINES), false, true);
        }
        TextLine of = orgLine(headingIndex + 1, where.bodyStart(), true);
        TextLine before = of != null ? null : orgLineBefore(where.regionStart(), headingIndex);
        TextLine after = of != null || before != null ? null : orgLine(headingIndex + 1, where.bodyStart(), false);
        return of != null ? of : before != null ? before : after;
    }

    /**
     * Where the issuer is looked for: the heading, the region it is in, the first line of an intro sentence (the top of
     * a document without heading), the body, the attachment line and the wrapper decision.
     */
    record Where(int headingIndex, int regionStart, int introFrom, int bodyStart, TextLine attachment,
                 HeaderParser.Wrapper wrapper) {
    }

    /** An issuing-body line between {@code from} and {@code to}; with {@code ofOnly}, only "CỦA ..." lines. */
    private TextLine orgLine(int from, int to, boolean ofOnly) {
        return orgLine(from, to, ofOnly, false);
    }

    /** The same; with {@code layoutRows}, also in a header laid out as a table of one or two cells per row. */
    private TextLine orgLine(int from, int to, boolean ofOnly, boolean layoutRows) {
        for (int i = Math.max(0, from); i < to && i < lines.size(); i++) {
            TextLine l = lines.get(i);
            if (l.inTable() && ofOnly || l.inDataTable() || SiteMetadata.isMetadataRow(l)) {
                continue;
            }
            boolean of = l.folded().startsWith("cua ");
            boolean tableAllowed = !l.inTable() || layoutRows && l.row().nonBlankCells() <= 2;
            if ((of || !ofOnly) && IssuerNames.isOrgLine(l.folded()) && tableAllowed && !endOfCitation(l)) {
                return l;
            }
        }
        return null;
    }

    /**
     * A "Của ..." line that goes on from a citation in a title broken over lines ("Triển khai thực hiện Nghị quyết số
     * 13-NQ/TU ngày 06/9/2023" / "Của Ban Thường vụ Tỉnh ủy khóa XX về ..."): the cited document's issuer, not this
     * document's.
     */
    private boolean endOfCitation(TextLine l) {
        if (!l.folded().startsWith("cua ")) {
            return false;
        }
        if (l.folded().contains(" ve ")) {
            return true;
        }
        for (int i = l.index() - 1; i >= 0; i--) {
            String f = lines.get(i).folded();
            if (!f.isEmpty()) {
                return f.matches(".*\\d+\\s*[-/]\\s*[a-z]+.*|.*ngay\\s+\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}\\s*$");
            }
        }
        return false;
    }

    /** The issuing-body line of the header block before the heading (closest to the heading). */
    private TextLine orgLineBefore(int from, int headingIndex) {
        for (int i = headingIndex - 1; i >= from; i--) {
            TextLine l = lines.get(i);
            if (!l.inDataTable() && IssuerNames.isOrgLine(l.folded())) {
                // the first line of a two-line header ("ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN") is the one that matches
                return l;
            }
        }
        return null;
    }

    /** "ỦY BAN NHÂN DÂN" followed by "TỈNH NGHỆ AN" on the next line is one body. */
    private String joinLevel(TextLine l) {
        String text = l.text();
        int n = l.index() + 1;
        while (n < lines.size() && lines.get(n).folded().isEmpty()) {
            n++; // a line a web copy's broken header was joined from
        }
        if (n < lines.size()) {
            TextLine next = lines.get(n);
            if (next.folded().matches("^(tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong|dac khu)\\s+\\S.*") && next.text().length() < 60
                    && l.folded().matches("^(cua\\s+)?(uy ban nhan dan|hoi dong nhan dan|ban chap hanh dang bo|ban thuong vu)$")) {
                return text + " " + next.text();
            }
        }
        return text;
    }
}
