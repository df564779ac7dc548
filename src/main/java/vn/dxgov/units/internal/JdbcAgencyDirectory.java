package vn.dxgov.units.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.ApplicationEventPublisher;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.units.AgenciesMerged;
import vn.dxgov.units.AgencyMergeCheck;
import vn.dxgov.units.AgencyMergeRefused;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;
import vn.dxgov.units.AgencyMatch;

/**
 * Agencies in the agency and agency_alias tables, matched through {@link AgencyNames}. Every method joins the
 * caller's transaction. Agencies are per province (agency.province_code); a name is unique within its province by
 * its matching key (index agency_name_per_province), which makes concurrent resolves of the same new name safe:
 * the insert does nothing on conflict and the agency is read back.
 */
// size: the agencies' SQL with name matching and the merge's own moves of names and aliases
@Component
@Transactional
class JdbcAgencyDirectory implements AgencyDirectory {

    private static final String PROVINCE = "coalesce(a.province_code, '') = :province";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AgencyNames names;
    private final ApplicationEventPublisher events;
    private final UserDirectory users;

    JdbcAgencyDirectory(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, UserDirectory users) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.users = users;
        this.names = AgencyNames.standard();
    }

    @Override
    public List<AgencyMatch> resolve(String cell, String provinceCode) {
        String province = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.trim();
        AgencyNames.Province context = provinceContext(province);
        Set<String> knownWithComma = keysOfNamesWithComma(province);
        List<String> written = names.split(cell, text -> knownWithComma.contains(AgencyText.key(text)));
        List<AgencyMatch> matches = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String name : written) {
            AgencyMatch match = resolveOne(name, province, context);
            if (seen.add(match.agency().id())) {
                matches.add(match);
            }
        }
        return matches;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Agency> findByName(String name, String provinceCode) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String province = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.trim();
        return findByKeys(province, names.keys(name.trim(), provinceContext(province))).flatMap(this::find);
    }

    private AgencyMatch resolveOne(String written, String province, AgencyNames.Province context) {
        Optional<Long> found = findByKeys(province, names.keys(written, context));
        if (found.isPresent()) {
            Agency agency = find(found.get()).orElseThrow();
            return new AgencyMatch(written, agency, sameSpelling(written, agency.name())
                    ? AgencyMatch.How.NAME : AgencyMatch.How.ALIAS);
        }
        Optional<AgencyNames.Standard> standard = names.standard(written, context);
        if (standard.isPresent()) {
            AgencyNames.Standard s = standard.get();
            Optional<Long> existing = findByKeys(province, List.of(AgencyText.key(s.name())));
            if (existing.isPresent()) {
                // a standard agency renamed by a reviewer, or known under another spelling
                addAliases(existing.get(), List.of(written));
                return new AgencyMatch(written, find(existing.get()).orElseThrow(), AgencyMatch.How.ALIAS);
            }
            List<String> aliases = new ArrayList<>(s.aliases());
            aliases.add(written);
            long id = insert(s.name(), s.kind(), province, false, aliases);
            return new AgencyMatch(written, find(id).orElseThrow(), AgencyMatch.How.STANDARD);
        }
        String canonical = names.canonical(written);
        long id = insert(canonical, names.guessKind(canonical), province, true, List.of(written));
        return new AgencyMatch(written, find(id).orElseThrow(), AgencyMatch.How.CREATED);
    }

    private static boolean sameSpelling(String a, String b) {
        return AgencyText.plainKey(a).equals(AgencyText.plainKey(b));
    }

    /** The agency of the province with a name or alias under one of the keys, the earliest key winning. */
    private Optional<Long> findByKeys(String province, List<String> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        record Hit(long id, String key, int via) {
        }
        List<Hit> hits = jdbc.sql("""
                        select a.id, a.name_folded as key, 0 as via from agency a
                        where %1$s and a.name_folded in (:keys)
                        union all
                        select a.id, l.alias_key, 1 from agency_alias l join agency a on a.id = l.agency_id
                        where %1$s and l.alias_key in (:keys)
                        union all
                        select a.id, l.alias_folded, 2 from agency_alias l join agency a on a.id = l.agency_id
                        where %1$s and l.alias_folded in (:keys)""".formatted(PROVINCE))
                .param("province", province == null ? "" : province).param("keys", keys)
                .query((rs, n) -> new Hit(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
        return hits.stream()
                .min(Comparator.comparingInt((Hit h) -> keys.indexOf(h.key())).thenComparingInt(Hit::via).thenComparingLong(Hit::id))
                .map(Hit::id);
    }

    /** Inserts an agency unless one of its name exists in the province (maybe just now, concurrently); its id. */
    private long insert(String name, AgencyKind kind, String province, boolean needsReview, List<String> aliases) {
        String key = AgencyText.key(name);
        Optional<Long> inserted = jdbc.sql("""
                        insert into agency (name, name_folded, kind, province_code, needs_review)
                        values (?, ?, ?, ?, ?)
                        on conflict (coalesce(province_code, ''), name_folded) do nothing
                        returning id""")
                .params(name, key, kind.name(), province, needsReview).query(Long.class).optional();
        long id = inserted.orElseGet(() -> jdbc.sql("select a.id from agency a where " + PROVINCE + " and a.name_folded = :key")
                .param("province", province == null ? "" : province).param("key", key).query(Long.class).single());
        addAliases(id, aliases);
        if (inserted.isPresent()) {
            audit.record("agency.create", "agency", id, null, find(id).orElseThrow());
        }
        return id;
    }

    /** Adds aliases that are not the agency's name or an alias already (by spelling, ignoring case and diacritics). */
    private void addAliases(long id, Collection<String> aliases) {
        String name = jdbc.sql("select name from agency where id = ?").param(id).query(String.class).single();
        Set<String> spellings = new HashSet<>();
        spellings.add(AgencyText.plainKey(name));
        for (String alias : aliases) {
            String clean = VietText.clean(alias);
            String folded = AgencyText.plainKey(clean);
            if (folded.isEmpty() || !spellings.add(folded)) {
                continue;
            }
            jdbc.sql("""
                            insert into agency_alias (agency_id, alias, alias_folded, alias_key) values (?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(id, clean, folded, AgencyText.key(clean)).update();
        }
    }

    private AgencyNames.Province provinceContext(String province) {
        if (province == null) {
            return AgencyNames.Province.NONE;
        }
        record Row(String name, String type) {
        }
        List<Row> rows = jdbc.sql("select distinct name, unit_type from admin_unit where level = 'PROVINCE' and code = ?")
                .param(province).query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list();
        List<String> shortNames = rows.stream()
                .map(r -> r.name().startsWith(r.type() + " ") ? r.name().substring(r.type().length() + 1) : r.name())
                .distinct().toList();
        boolean city = rows.stream().anyMatch(r -> VietText.fold(r.type()).equals("thanh pho"));
        return new AgencyNames.Province(shortNames, city);
    }

    /** Keys of the province's agency names and aliases that contain a comma, which splitting must not cut. */
    private Set<String> keysOfNamesWithComma(String province) {
        List<String> written = jdbc.sql("""
                        select a.name from agency a where %1$s and a.name like '%%,%%'
                        union
                        select l.alias from agency_alias l join agency a on a.id = l.agency_id
                        where %1$s and l.alias like '%%,%%'""".formatted(PROVINCE))
                .param("province", province == null ? "" : province).query(String.class).list();
        Set<String> keys = new HashSet<>();
        written.forEach(w -> keys.add(AgencyText.key(w)));
        return keys;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Agency> find(long id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Agency> findAll(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, List<String>> aliases = aliases(distinct);
        Map<Long, Agency> agencies = new LinkedHashMap<>();
        jdbc.sql("select id, name, kind, province_code, needs_review from agency where id in (:ids) order by id")
                .param("ids", distinct)
                .query((rs, n) -> agency(rs, aliases))
                .list().forEach(a -> agencies.put(a.id(), a));
        return agencies;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Agency> list(String provinceCode, String query) {
        boolean all = provinceCode == null || provinceCode.isBlank();
        String where = all ? "" : " where " + PROVINCE;
        Map<Long, List<String>> aliases = new HashMap<>();
        JdbcClient.StatementSpec aliasQuery = jdbc.sql("select l.agency_id, l.alias from agency_alias l join agency a on a.id = l.agency_id" + where);
        JdbcClient.StatementSpec agencyQuery = jdbc.sql("select a.id, a.name, a.kind, a.province_code, a.needs_review from agency a" + where);
        if (!all) {
            aliasQuery = aliasQuery.param("province", provinceCode.trim());
            agencyQuery = agencyQuery.param("province", provinceCode.trim());
        }
        aliasQuery.query((rs, n) -> aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        aliases.values().forEach(list -> list.sort(VietText.collator()));
        String keyQuery = query == null ? "" : AgencyText.key(query);
        return agencyQuery.query((rs, n) -> agency(rs, aliases)).list().stream()
                .filter(a -> matches(a, query, keyQuery))
                .sorted(Comparator.comparing(Agency::name, VietText.collator()).thenComparingLong(Agency::id))
                .toList();
    }

    /** The query's words occur in the name or an alias, diacritics-insensitively, as written or with abbreviations expanded. */
    private static boolean matches(Agency agency, String query, String keyQuery) {
        if (query == null || query.isBlank()) {
            return true;
        }
        List<String> texts = new ArrayList<>();
        texts.add(agency.name());
        texts.addAll(agency.aliases());
        for (String text : texts) {
            if (VietText.matches(text, query) || VietText.matches(AgencyText.key(text), keyQuery)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Agency update(long id, String name, AgencyKind kind, List<String> aliases) {
        Agency before = find(id).orElseThrow(() -> ApiException.notFound("agency", id));
        String clean = VietText.clean(name);
        if (clean == null || clean.isEmpty() || AgencyText.key(clean).isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("name: an agency needs a name"), "error.validation");
        }
        if (kind == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("kind: an agency needs a kind"), "error.validation");
        }
        String key = AgencyText.key(clean);
        Optional<Long> clash = jdbc.sql("select a.id from agency a where " + PROVINCE + " and a.name_folded = :key and a.id <> :id")
                .param("province", before.provinceCode() == null ? "" : before.provinceCode())
                .param("key", key).param("id", id).query(Long.class).optional();
        if (clash.isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, List.of("name: agency " + clash.get()
                    + " of this province already has the name " + clean), "agency.error.duplicate", clean,
                    find(clash.get()).map(Agency::name).orElse(clean));
        }
        jdbc.sql("update agency set name = ?, name_folded = ?, kind = ?, needs_review = false where id = ?")
                .params(clean, key, kind.name(), id).update();
        jdbc.sql("delete from agency_alias where agency_id = ?").param(id).update();
        List<String> kept = new ArrayList<>(aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank()).toList());
        // a renamed agency keeps its old name as an alias: documents and SSO claims written with it still match
        if (!sameSpelling(before.name(), clean)) {
            kept.add(before.name());
        }
        addAliases(id, kept);
        Agency after = find(id).orElseThrow();
        audit.record("agency.update", "agency", id, before, after);
        return after;
    }

    @Override
    public Agency create(String name, AgencyKind kind, String provinceCode, List<String> aliases) {
        String clean = VietText.clean(name);
        if (clean == null || clean.isEmpty() || AgencyText.key(clean).isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("name: an agency needs a name"), "error.validation");
        }
        if (kind == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("kind: an agency needs a kind"), "error.validation");
        }
        String province = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.trim();
        List<String> all = new ArrayList<>();
        all.add(clean);
        if (aliases != null) {
            aliases.stream().filter(a -> a != null && !a.isBlank()).forEach(all::add);
        }
        // the name and every alias must be free in the province: an import would otherwise match either agency
        for (String text : all) {
            Optional<Long> clash = findByKeys(province, List.of(AgencyText.key(text)));
            if (clash.isPresent()) {
                Agency other = find(clash.get()).orElseThrow();
                throw new ApiException(HttpStatus.CONFLICT, List.of((text == clean ? "name" : "aliases") + ": agency "
                        + other.id() + " (" + other.name() + ") of this province is already named " + text),
                        "agency.error.duplicate", text, other.name());
            }
        }
        long id = jdbc.sql("""
                        insert into agency (name, name_folded, kind, province_code, needs_review)
                        values (?, ?, ?, ?, false) returning id""")
                .params(clean, AgencyText.key(clean), kind.name(), province).query(Long.class).single();
        addAliases(id, all.subList(1, all.size()));
        Agency created = find(id).orElseThrow();
        audit.record("agency.create", "agency", id, null, created);
        return created;
    }

    @Override
    public Agency merge(long mergedId, long intoId) {
        Agency merged = find(mergedId).orElseThrow(() -> ApiException.notFound("agency", mergedId));
        Agency into = find(intoId).orElseThrow(() -> ApiException.notFound("agency", intoId));
        if (mergedId == intoId) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("into: an agency cannot be merged into itself"),
                    "agency.merge.error.self");
        }
        if (!java.util.Objects.equals(merged.provinceCode(), into.provinceCode())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("into: agency " + intoId + " belongs to another province"),
                    "agency.merge.error.otherProvince");
        }
        // lock both rows (lowest id first) so that two merges of the same agencies cannot interleave
        jdbc.sql("select id from agency where id in (?, ?) order by id for update").params(mergedId, intoId)
                .query(Long.class).list();
        AgencyMergeCheck check = new AgencyMergeCheck(mergedId, intoId);
        events.publishEvent(check);
        if (!check.conflicts().isEmpty()) {
            throw new AgencyMergeRefused(check.conflicts());
        }
        List<String> aliases = new ArrayList<>();
        aliases.add(merged.name());
        aliases.addAll(merged.aliases());
        addAliases(intoId, aliases);
        events.publishEvent(new AgenciesMerged(mergedId, intoId, merged.provinceCode()));
        users.moveAgency(mergedId, intoId);
        jdbc.sql("update agency_merge set into_id = ? where into_id = ?").params(intoId, mergedId).update();
        jdbc.sql("""
                        insert into agency_merge (merged_id, merged_name, into_id, province_code, merged_by)
                        values (?, ?, ?, ?, ?)""")
                .params(mergedId, merged.name(), intoId, merged.provinceCode(), vn.dxgov.security.CurrentUser.actor())
                .update();
        // a module that still refers to the merged agency (one the event forgot) fails here, on the foreign key,
        // and the whole merge rolls back
        jdbc.sql("delete from agency where id = ?").param(mergedId).update();
        Agency after = find(intoId).orElseThrow();
        audit.record("agency.merge", "agency", intoId, java.util.Map.of("merged", merged, "into", into), after);
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> mergedInto(long id) {
        return jdbc.sql("select into_id from agency_merge where merged_id = ?").param(id).query(Long.class).optional();
    }

    private Map<Long, List<String>> aliases(List<Long> ids) {
        Map<Long, List<String>> aliases = new HashMap<>();
        if (ids.isEmpty()) {
            return aliases;
        }
        jdbc.sql("select agency_id, alias from agency_alias where agency_id in (:ids)").param("ids", ids)
                .query((rs, n) -> aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        aliases.values().forEach(list -> list.sort(VietText.collator()));
        return aliases;
    }

    private static Agency agency(ResultSet rs, Map<Long, List<String>> aliases) throws SQLException {
        long id = rs.getLong("id");
        return new Agency(id, rs.getString("name"), kind(rs.getString("kind")), rs.getString("province_code"),
                rs.getBoolean("needs_review"), List.copyOf(aliases.getOrDefault(id, List.of())));
    }

    private static AgencyKind kind(String kind) {
        try {
            return AgencyKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return AgencyKind.OTHER;
        }
    }
}
