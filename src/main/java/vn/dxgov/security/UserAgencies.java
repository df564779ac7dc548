package vn.dxgov.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agencies a user may belong to, as user administration needs them. The module that owns agencies (units)
 * implements it, so that security, which every module uses, depends on none of them.
 */
public interface UserAgencies {

    /**
     * An agency as user administration shows it.
     *
     * @param collective a group named as one ("Các sở, ban, ngành"), which no user can belong to
     */
    record Choice(long id, String name, String provinceCode, boolean collective) {
    }

    Optional<Choice> find(long agencyId);

    /**
     * The agency of the province (null: national bodies) with this name or alias, ignoring case, diacritics and
     * common abbreviations, as documents' names are matched; never created. Single sign-on maps its agency claim so.
     */
    Optional<Choice> named(String nameOrAlias, String provinceCode);

    /** The agencies with these ids, keyed by id. */
    Map<Long, Choice> findAll(Collection<Long> ids);

    /** Every agency a user may belong to (no collectives), sorted by Vietnamese collation. */
    List<Choice> choices();

    /** The name of a province ("Thanh Hóa") by its official code ("38"), as of today; empty when unknown. */
    default Optional<String> provinceName(String provinceCode) {
        return Optional.empty();
    }
}
