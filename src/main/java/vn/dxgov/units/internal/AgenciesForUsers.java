package vn.dxgov.units.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dxgov.security.UserAgencies;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;

/** The agencies as user administration (security) sees them: security may not depend on units, so units tells it. */
@Component
class AgenciesForUsers implements UserAgencies {

    private final AgencyDirectory agencies;
    private final vn.dxgov.units.AdminUnits units;

    AgenciesForUsers(AgencyDirectory agencies, vn.dxgov.units.AdminUnits units) {
        this.agencies = agencies;
        this.units = units;
    }

    @Override
    public Optional<String> provinceName(String provinceCode) {
        if (provinceCode == null || provinceCode.isBlank()) {
            return Optional.empty();
        }
        return units.find(provinceCode, java.time.LocalDate.now()).map(vn.dxgov.units.AdminUnit::name);
    }

    @Override
    public Optional<Choice> find(long agencyId) {
        return agencies.find(agencyId).map(AgenciesForUsers::choice);
    }

    @Override
    public Optional<Choice> named(String nameOrAlias, String provinceCode) {
        return agencies.findByName(nameOrAlias, provinceCode).map(AgenciesForUsers::choice);
    }

    @Override
    public Map<Long, Choice> findAll(Collection<Long> ids) {
        Map<Long, Choice> out = new LinkedHashMap<>();
        agencies.findAll(ids).forEach((id, a) -> out.put(id, choice(a)));
        return out;
    }

    @Override
    public List<Choice> choices() {
        return agencies.list(null, null).stream().filter(a -> a.kind() != AgencyKind.COLLECTIVE)
                .map(AgenciesForUsers::choice).toList();
    }

    private static Choice choice(Agency a) {
        return new Choice(a.id(), a.name(), a.provinceCode(), a.kind() == AgencyKind.COLLECTIVE);
    }
}
