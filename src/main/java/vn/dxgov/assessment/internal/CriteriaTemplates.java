package vn.dxgov.assessment.internal;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.assessment.CriteriaSetDocument;

/**
 * The two templates every installation starts with, loaded at start through the import paths (idempotent: a code
 * that has any version already is left alone, so edits and later versions are kept):
 * <ul>
 *   <li>{@code DTI-922-TINH}: the provincial DTI structure of QĐ 922/QĐ-BTTTT read from
 *   {@code seed/assessment/dti-922-provincial-structure.csv} (the reference file of the shared data, bundled);</li>
 *   <li>{@code XA-CDS-MAU}: an editable example of a commune-level set in the style of local sets, marked as
 *   an example, read from {@code seed/assessment/commune-example.json}.</li>
 * </ul>
 */
@Component
class CriteriaTemplates {

    static final String DTI_CODE = "DTI-922-TINH";
    static final String DTI_FILE = "dti-922-provincial-structure.csv";
    static final int DTI_YEAR = 2025;
    static final String COMMUNE_CODE = "XA-CDS-MAU";

    private static final Logger log = LoggerFactory.getLogger(CriteriaTemplates.class);

    private final CriteriaSetService sets;
    private final JdbcClient jdbc;
    private final boolean enabled;

    CriteriaTemplates(CriteriaSetService sets, JdbcClient jdbc, @Value("${dxgov.seed.criteria:true}") boolean enabled) {
        this.sets = sets;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void loadAtStart() {
        if (enabled) {
            load();
        }
    }

    /** Loads the templates whose code is not there yet; returns how many were loaded. */
    int load() {
        int loaded = 0;
        try {
            if (absent(DTI_CODE)) {
                loaded += save(dti());
            }
            if (absent(COMMUNE_CODE)) {
                loaded += save(commune());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Không đọc được bộ tiêu chí mẫu", e);
        }
        if (loaded > 0) {
            log.info("Đã nạp {} bộ tiêu chí mẫu", loaded);
        }
        return loaded;
    }

    static CriteriaSetDocument dti() throws IOException {
        String csv = new ClassPathResource("seed/assessment/" + DTI_FILE).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return CriteriaFiles.readDtiCsv(csv, DTI_FILE, DTI_CODE, DTI_YEAR);
    }

    CriteriaSetDocument commune() throws IOException {
        byte[] bytes = new ClassPathResource("seed/assessment/commune-example.json").getContentAsByteArray();
        return sets.parse("commune-example.json", bytes);
    }

    private boolean absent(String code) {
        return jdbc.sql("select count(*) from criteria_set where code = ?").param(code).query(Integer.class).single() == 0;
    }

    private int save(CriteriaSetDocument d) {
        try {
            sets.create(d);
            return 1;
        } catch (DuplicateKeyException e) {
            return 0; // another node loaded it at the same time
        }
    }
}
