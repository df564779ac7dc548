package vn.dxgov.reporting.excel;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret behind the checksum of downloaded forms: {@code dxgov.excel.secret} when set, otherwise the random
 * secret the database made for this installation when its schema was created (table {@code excel_form_secret},
 * migration V6). Either way it is stable across restarts, so downloaded forms still upload.
 */
@Component
class ExcelSecret {

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte[] secret;

    ExcelSecret(JdbcClient jdbc, @Value("${dxgov.excel.secret:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    byte[] bytes() {
        byte[] s = secret;
        if (s == null) {
            String text = configured != null && !configured.isBlank() ? configured
                    : jdbc.sql("select secret from excel_form_secret where id = 1").query(String.class).single();
            s = text.getBytes(StandardCharsets.UTF_8);
            secret = s;
        }
        return s;
    }
}
