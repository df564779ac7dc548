package vn.dxgov.plans.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.dxgov.plans.importing.ProvinceLexicon;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;

/** The province names the parser recognises: every province before and after the 2025 reform. */
final class AdminUnitsLexicon implements ProvinceLexicon {

    private final Map<String, String> byFolded = new LinkedHashMap<>();

    AdminUnitsLexicon(AdminUnits units) {
        List<AdminUnit> provinces = new ArrayList<>(units.provinces(LocalDate.of(2025, 6, 30)));
        provinces.addAll(units.provinces(LocalDate.now()));
        provinces.stream().map(AdminUnit::shortName)
                // longer names first so that "Bà Rịa - Vũng Tàu" wins over a shorter name inside it
                .sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(name -> byFolded.putIfAbsent(VietText.fold(name), name));
    }

    @Override
    public Optional<String> find(String text) {
        String folded = " " + VietText.fold(text).replaceAll("[^a-z0-9]+", " ") + " ";
        int best = Integer.MAX_VALUE;
        String found = null;
        for (Map.Entry<String, String> e : byFolded.entrySet()) {
            int at = folded.indexOf(" " + e.getKey().replaceAll("[^a-z0-9]+", " ") + " ");
            if (at >= 0 && at < best) {
                best = at;
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
