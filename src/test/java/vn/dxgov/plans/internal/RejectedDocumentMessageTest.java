package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.dxgov.plans.importing.DocumentRejectedException;
import vn.dxgov.plans.importing.DocumentRejectedException.Reason;
import vn.dxgov.shared.web.ApiException;

/**
 * Every reason the reader can refuse a file for, including one added later (a scanned PDF without OCR), reaches the
 * person as the reader's own message in the person's language, with a 4xx: no reason needs a message key of its own.
 */
class RejectedDocumentMessageTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    RejectedDocumentMessageTest() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonSaysWhatTheReaderSaid(Reason reason) {
        DocumentRejectedException refused = new DocumentRejectedException(reason,
                "Tệp bị từ chối vì " + reason + "; hãy làm lại.", "Refused because of " + reason + "; do it again.");
        ApiException answer = ImportReports.rejected(refused);
        assertThat(answer.status().is4xxClientError()).isTrue();
        String vi = messages.getMessage(answer.messageKey(), answer.args(), answer.messageKey(), Locale.forLanguageTag("vi"));
        String en = messages.getMessage(answer.messageKey(), answer.args(), answer.messageKey(), Locale.ENGLISH);
        assertThat(vi).startsWith("Tệp bị từ chối vì " + reason + "; hãy làm lại.").contains("Không có gì được lưu")
                .doesNotContain("plan.import");
        assertThat(en).startsWith("Refused because of " + reason).contains("Nothing was saved");
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void aReasonWithoutEnglishFallsBackToVietnamese(Reason reason) {
        ApiException answer = ImportReports.rejected(new DocumentRejectedException(reason, "Không đọc được.", null));
        assertThat(messages.getMessage(answer.messageKey(), answer.args(), Locale.ENGLISH)).startsWith("Không đọc được.");
    }
}
