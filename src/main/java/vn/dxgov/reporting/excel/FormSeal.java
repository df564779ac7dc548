package vn.dxgov.reporting.excel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity of a downloaded form and its checksum: an HMAC-SHA256, with the server's secret, of the submission,
 * reporting period, plan, agency, period code and the ids of the lines in sheet order. A form whose identity was
 * edited (to send it in for another agency or period, or to add lines) no longer matches its checksum.
 */
record FormSeal(long submissionId, long reportingPeriodId, long planId, long agencyId, String period,
                List<Long> targetIds, List<Long> taskIds) {

    String payload() {
        return String.join("|", FormLayout.KIND, FormLayout.FORMAT, Long.toString(submissionId),
                Long.toString(reportingPeriodId), Long.toString(planId), Long.toString(agencyId), period,
                ids(targetIds), ids(taskIds));
    }

    String checksum(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    boolean verify(String checksum, byte[] secret) {
        if (checksum == null) {
            return false;
        }
        return MessageDigest.isEqual(checksum(secret).getBytes(StandardCharsets.US_ASCII),
                checksum.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> parseIds(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).map(Long::parseLong).toList();
    }
}
