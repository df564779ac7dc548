package vn.dxgov.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.assessment.DemoRounds;
import vn.dxgov.units.UnitLevel;

/**
 * Published demonstration assessment rounds, so the rankings, the map and the unit profiles are full on a fresh start
 * (before anyone has run a round by hand), written through {@link DemoRounds} on the two templates every installation
 * has ({@code XA-CDS-MAU}, {@code DTI-922-TINH}):
 * <ul>
 *   <li>Thanh Hóa's communes before the reform: year 2024, reference date 31/12/2024 (549 commune-level units of 27 districts);</li>
 *   <li>Thanh Hóa's communes after it: each year from 2025 to the last full year on the clock, reference date 31/12
 *   (166 commune-level units);</li>
 *   <li>the provincial DTI: 2024 on the 63 provinces of before the reform, then each year to the last full year on
 *   the 34 of after it. Published after the commune round of its year, it is the newest round, the one the rankings
 *   page shows by default, and its map is coloured: the 34 provinces are drawn as the outlines of the old provinces
 *   that went wholly into them.</li>
 * </ul>
 * Scores are plausible and deterministic ({@link DemoScores}); a few units fail a mandatory criterion, so
 * classifications vary. Every round is flagged demo: the pages show "Dữ liệu minh họa" and no target is ever fed from
 * it. Idempotent by the round's name: a round written on an earlier start is kept; a start in a later year adds that
 * year's rounds. Off with {@code DXGOV_DEMO_ENABLED=false} (or {@code dxgov.demo.rounds=false}).
 */
@Component
class DemoAssessments {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessments.class);
    static final String COMMUNE_SET = "XA-CDS-MAU";
    static final String DTI_SET = "DTI-922-TINH";
    static final int FIRST_YEAR = 2024;
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private final DemoRounds rounds;
    private final CriteriaSets sets;
    private final Clock clock;
    private final boolean enabled;
    private final String province;

    DemoAssessments(DemoRounds rounds, CriteriaSets sets, Clock clock,
                    @Value("${dxgov.demo.rounds:${dxgov.demo.enabled:true}}") boolean enabled,
                    @Value("${dxgov.demo.rounds-province:38}") String province) {
        this.rounds = rounds;
        this.sets = sets;
        this.clock = clock;
        this.enabled = enabled;
        this.province = province;
    }

    /** After the criteria templates (order 40) and the demo history. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(45)
    public void load() {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        try {
            List<Assessments.Round> written = loadAll();
            if (!written.isEmpty()) {
                log.info("Demo assessment rounds written: {} rounds, {} units in {} ms (marked as demo data)",
                        written.size(), written.stream().mapToInt(Assessments.Round::unitCount).sum(),
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                log.info("Demo assessment rounds: nothing to add ({} ms)", (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // a demo must never stop the application
            log.warn("The demo assessment rounds could not be written", e);
        }
    }

    /** Writes the rounds missing on today's date, as the application itself; returns those written. */
    List<Assessments.Round> loadAll() {
        return DemoHistory.asSystem(this::writeMissing);
    }

    private List<Assessments.Round> writeMissing() {
        LocalDate today = LocalDate.now(clock.withZone(DemoStory.VIETNAM));
        int lastFull = DemoCalendar.lastFullYear(today);
        Optional<CriteriaSet> commune = latest(COMMUNE_SET);
        Optional<CriteriaSet> dti = latest(DTI_SET);
        List<Assessments.Round> out = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= lastFull; year++) {
            LocalDate reference = LocalDate.of(year, 12, 31);
            String era = reference.isBefore(REFORM) ? "trước sắp xếp" : "sau sắp xếp";
            if (commune.isPresent()) {
                write("Đánh giá chuyển đổi số cấp xã tỉnh Thanh Hóa năm " + year + " (" + era + ", minh họa)",
                        commune.get(), UnitLevel.COMMUNE, year, province, published(LocalDate.of(year + 1, 2, 25), 9, 2), out);
            }
            if (dti.isPresent()) {
                write("Chỉ số chuyển đổi số cấp tỉnh (DTI) năm " + year + " (" + era + ", minh họa)",
                        dti.get(), UnitLevel.PROVINCE, year, null, published(LocalDate.of(year + 1, 4, 10), 15, 1), out);
            }
        }
        return out;
    }

    private void write(String name, CriteriaSet set, UnitLevel level, int year, String provinceCode, Instant publishedAt,
                       List<Assessments.Round> out) {
        if (rounds.find(name).isPresent()) {
            return;
        }
        LocalDate reference = LocalDate.of(year, 12, 31);
        LocalDate deadline = LocalDate.of(year + 1, 1, 15);
        Assessments.RoundDraft draft = new Assessments.RoundDraft(name, set.id(), year, level, reference, deadline,
                null, provinceCode, null);
        Instant submitted = DemoStory.at(deadline.minusDays(3), 10);
        if (submitted.isAfter(publishedAt)) {
            submitted = publishedAt.minusSeconds(3_600);
        }
        try {
            out.add(rounds.record(draft, p -> DemoScores.answers(set.document(), p, year), "demo", DemoHistory.STEERING,
                    submitted, publishedAt));
        } catch (RuntimeException e) {
            log.warn("Demo round \"{}\" skipped: {}", name, e.getMessage());
        }
    }

    /**
     * When a round was published: at {@code hour} on the {@code planned} day, or, when that is still ahead,
     * {@code hoursAgo} hours before now (the DTI an hour after the communes, so it stays the newest).
     */
    private Instant published(LocalDate planned, int hour, int hoursAgo) {
        Instant now = clock.instant();
        Instant at = DemoStory.at(planned, hour);
        return at.isAfter(now) ? now.minusSeconds(3_600L * hoursAgo) : at;
    }

    /** The newest version of a template (a round may use any version; the demo does not create versions). */
    private Optional<CriteriaSet> latest(String code) {
        return sets.list().stream().filter(s -> s.code().equals(code))
                .max(java.util.Comparator.comparingInt(CriteriaSet::year))
                .flatMap(s -> sets.find(s.id()));
    }
}
