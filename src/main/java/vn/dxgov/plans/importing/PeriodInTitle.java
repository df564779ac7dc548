package vn.dxgov.plans.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * The years a title names: "giai đoạn 2021–2025", "đến năm 2025", "định hướng/tầm nhìn đến 2030", "năm 2024" (folded
 * text).
 */
final class PeriodInTitle {

    private static final Pattern PERIOD = Pattern.compile("giai doan\\s*(\\d{4})\\s*(?:-|–|—|den)\\s*(\\d{4})");
    private static final Pattern UNTIL_YEAR = Pattern.compile("(?<!(?:dinh huong|tam nhin)\\s)(?:den|toi)\\s+(?:het\\s+)?nam\\s+(\\d{4})");
    private static final Pattern VISION = Pattern.compile("(?:dinh huong|tam nhin)[^0-9]{0,25}(\\d{4})");
    private static final Pattern YEAR_OF = Pattern.compile("(?:^|[^a-z])nam\\s+(\\d{4})");

    private PeriodInTitle() {
    }

    /** [start, end, vision] from the title (or the wrapper's title). */
    static Integer[] of(String title, String wrapperTitle) {
        Integer[] out = new Integer[3];
        for (String t : new String[] {title, wrapperTitle}) {
            if (t == null || out[1] != null) {
                continue;
            }
            String f = VietText.fold(t);
            Matcher p = PERIOD.matcher(f);
            if (p.find()) {
                out[0] = Integer.valueOf(p.group(1));
                out[1] = Integer.valueOf(p.group(2));
            }
            Matcher v = VISION.matcher(f);
            if (v.find()) {
                out[2] = Integer.valueOf(v.group(1));
            }
            if (out[1] == null) {
                Matcher u = UNTIL_YEAR.matcher(f);
                while (u.find()) {
                    Integer y = Integer.valueOf(u.group(1));
                    if (!y.equals(out[2])) {
                        out[1] = y;
                        break;
                    }
                }
            }
            if (out[1] == null) {
                Matcher y = YEAR_OF.matcher(f);
                if (y.find() && !Integer.valueOf(y.group(1)).equals(out[2])) {
                    out[0] = Integer.valueOf(y.group(1));
                    out[1] = out[0];
                }
            }
        }
        return out;
    }
}
