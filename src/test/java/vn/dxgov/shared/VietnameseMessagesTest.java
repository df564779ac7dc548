package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Vietnamese messages are Vietnamese (issue 14: "never an internal code or an enum name", no English in the
 * Vietnamese UI): every value of messages_vi.properties and i18n/*_vi.properties, with what it quotes ("…", “…”) and
 * its arguments taken out, has no English word of the kind error texts are made of ("the", "must", "invalid",
 * "exceeds"…) and no enum-like code (NOT_STARTED, COMMUNE, DRAFT…). A few messages name codes on purpose, because a
 * person must type them exactly (role names an SSO administrator assigns, the column names of machine files): they are
 * listed by key below, with the reason.
 */
class VietnameseMessagesTest {

    /** Messages that quote codes a person types exactly, or that only API clients read. */
    static final Set<String> CODES_ON_PURPOSE = Set.of(
            "login.sso.role",                      // the role names the SSO administrator must assign
            "attachment.ownerType",                // API clients only (the ownerType parameter)
            "units.import.levels.help",            // the level mapping typed into the import form (1=PROVINCE)
            "analytics.breakdown.noDistricts",     // API clients only (level=COMMUNE)
            "error.upload.missingFile");           // API clients only (the multipart field's name)

    static final Pattern ENGLISH = Pattern.compile("(?i)(?<![\\p{L}@.])(the|is|are|must|should|not|invalid|required|"
            + "missing|exceeds|error|please|unknown|cannot|field|value|found|failed|denominator|numerator)(?![\\p{L}.@])");
    static final Pattern ENUM_LIKE = Pattern.compile("\\b([A-Z]{2,}_[A-Z_]{2,}|COMMUNE|DISTRICT|PROVINCE|DRAFT|SUBMITTED|"
            + "APPROVED|RETURNED|PUBLISHED|SUPERSEDED|RATIO|YES_NO|STEERING|EDITOR|VIEWER|LEADER)\\b");
    static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|‘[^’]*’|«[^»]*»|\\{[^}]*}");

    @Test
    void vietnameseMessagesHaveNoEnglishWordsAndNoCodes() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : MessageBundlesTest.files()) {
            String name = file.getFileName().toString();
            if (!name.endsWith("_vi.properties") || file.toString().contains("test")) {
                continue;
            }
            for (MessageBundlesTest.Entry e : MessageBundlesTest.read(file)) {
                checked++;
                if (CODES_ON_PURPOSE.contains(e.key()) || e.key().startsWith("batch.")) {
                    continue;   // batch.*: the CSV/Excel columns of machine files, named as the file names them
                }
                String text = QUOTED.matcher(e.value()).replaceAll(" ");
                var english = ENGLISH.matcher(text);
                if (english.find()) {
                    problems.add(e + ": English \"" + english.group() + "\" in: " + e.value());
                }
                var code = ENUM_LIKE.matcher(text);
                if (code.find()) {
                    problems.add(e + ": code \"" + code.group() + "\" in: " + e.value());
                }
            }
        }
        assertThat(checked).as("Vietnamese messages read").isGreaterThan(500);
        assertThat(problems).as("Vietnamese messages with English words or codes").isEmpty();
    }
}
