package vn.dxgov.units.internal;

import java.time.LocalDate;
import java.util.Map;
import vn.dxgov.units.UnitLevel;

/**
 * A period in which one list of administrative units is valid, and what the level numbers of its CSV file mean.
 *
 * @param validFrom first day the units are valid
 * @param validTo   last day, or null while valid
 * @param levels    CSV level number to {@link UnitLevel}; the level numbers must be 1, 2, ... with 1 the top
 */
public record UnitEra(String label, LocalDate validFrom, LocalDate validTo, Map<Integer, UnitLevel> levels) {

    /**
     * Units before the reform of 1/7/2025: province, district, commune. The GSO list they come from is the one of
     * 01/03/2025; units changed now and then before that, but dxgov keeps no older history, so the list is taken as
     * valid from 1/1/2020, the start of the planning period (2021-2025 plans and their 2020 baselines).
     */
    public static final UnitEra BEFORE_2025_REFORM = new UnitEra("2020-2025", LocalDate.of(2020, 1, 1),
            LocalDate.of(2025, 6, 30), Map.of(1, UnitLevel.PROVINCE, 2, UnitLevel.DISTRICT, 3, UnitLevel.COMMUNE));

    /** Units from 1/7/2025: province and commune, no district level. */
    public static final UnitEra FROM_2025_REFORM = new UnitEra("2025", LocalDate.of(2025, 7, 1), null,
            Map.of(1, UnitLevel.PROVINCE, 2, UnitLevel.COMMUNE));

    public UnitEra {
        levels = Map.copyOf(levels);
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo before validFrom");
        }
    }
}
