package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;
import vn.dxgov.tasks.Recurrence;

/**
 * Reads a task's time frame: "2022-2025", "2023 - 2025", "2022 -2025", "2022", "Quý IV/2023", "Hàng năm",
 * "Thực hiện hàng năm", "Hàng năm (2022-2025)", "từ 2022 đến 2025".
 */
final class TimeFrameParser {

    /** A read time frame; {@code recognised} is false when the text gave neither years nor a recurrence. */
    record TimeFrame(Integer startYear, Integer endYear, Recurrence recurrence, boolean recognised) {

        static final TimeFrame UNKNOWN = new TimeFrame(null, null, null, false);
    }

    /** A range of years: "2022-2025", "2022 – 2025", "2022 đến 2025", "2022-25" (folded text). */
    private static final Pattern RANGE = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*(?:-|–|—|đến|den|toi|tới|~)\\s*(?:nam\\s+)?((?:19|20)\\d{2}|\\d{2})(?!\\d)");
    /** A single year. */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");
    /** Yearly: "hàng năm", "hằng năm", "mỗi năm", "định kỳ năm" (folded). */
    private static final Pattern ANNUAL = Pattern.compile("hang nam|moi nam|dinh ky (?:hang )?nam|thuong nien");

    private TimeFrameParser() {
    }

    static TimeFrame parse(String text) {
        if (text == null || text.isBlank()) {
            return TimeFrame.UNKNOWN;
        }
        String folded = VietText.foldAligned(text);
        Recurrence recurrence = ANNUAL.matcher(folded).find() ? Recurrence.ANNUAL : null;
        Matcher r = RANGE.matcher(folded);
        if (r.find()) {
            int start = Integer.parseInt(r.group(1));
            String e = r.group(2);
            int end = e.length() == 2 ? start / 100 * 100 + Integer.parseInt(e) : Integer.parseInt(e);
            if (end >= start) {
                return new TimeFrame(start, end, recurrence, true);
            }
        }
        List<Integer> years = new ArrayList<>();
        Matcher y = YEAR.matcher(folded);
        while (y.find()) {
            years.add(Integer.valueOf(y.group(1)));
        }
        if (!years.isEmpty()) {
            int min = years.stream().min(Integer::compare).orElseThrow();
            int max = years.stream().max(Integer::compare).orElseThrow();
            return new TimeFrame(min, max, recurrence, true);
        }
        if (recurrence != null) {
            return new TimeFrame(null, null, recurrence, true);
        }
        return TimeFrame.UNKNOWN;
    }
}
