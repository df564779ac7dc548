package vn.dxgov.units;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agencies dxgov knows, and the matching of names written in documents to them. */
public interface AgencyDirectory {

    /**
     * Splits a cell of agency names ("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố") into the agencies it
     * names, and finds each one among the province's agencies by name or alias (ignoring case, diacritics,
     * punctuation and common abbreviations: "Sở TT&TT" is "Sở Thông tin và Truyền thông"), or creates it: without
     * a review flag when it is one of the standard agencies every province has, flagged for review otherwise.
     * Joins the caller's transaction; safe to call concurrently with the same names. Returns the agencies in the
     * order written, without duplicates; an empty list for a blank cell.
     *
     * @param provinceCode the province of the document the cell comes from (agencies are per province); may be null
     */
    List<AgencyMatch> resolve(String cell, String provinceCode);

    Optional<Agency> find(long id);

    /**
     * The province's agency with this name or alias, matched as {@link #resolve} matches a document's name, without
     * creating one: empty when the province has none of that name.
     *
     * @param provinceCode the province; null for national bodies
     */
    Optional<Agency> findByName(String name, String provinceCode);

    /** The agencies with these ids, keyed by id. */
    Map<Long, Agency> findAll(Collection<Long> ids);

    /** All agencies, optionally of one province, sorted by Vietnamese collation; {@code query} is diacritics-insensitive. */
    List<Agency> list(String provinceCode, String query);

    /**
     * Renames an agency, changes its kind and aliases, and marks it reviewed. A changed name keeps the old one as an
     * alias, so that documents and single sign-on claims written with it still match. Audited. 400 (detail
     * {@code name: ...}) for an empty name, 409 for a name another agency of the province has.
     */
    Agency update(long id, String name, AgencyKind kind, List<String> aliases);

    /**
     * Adds an agency by hand (the steering department), reviewed. Its aliases (a short name such as "Sở TT&TT", codes)
     * match documents as any alias does. Audited. 400 for an empty name, 409 (detail {@code name: ...}) when the
     * province has an agency of that name or alias already. Callers check who may add to the province.
     *
     * @param provinceCode the province (null for a national body)
     */
    Agency create(String name, AgencyKind kind, String provinceCode, List<String> aliases);

    /**
     * Merges agency {@code mergedId} into {@code intoId}, both of one province, in one transaction: publishes
     * {@link AgencyMergeCheck} (any conflict: {@link AgencyMergeRefused}, nothing changed), then the merged agency's
     * name and aliases become the other's aliases, {@link AgenciesMerged} lets every module move its references,
     * the users' and API tokens' agency moves ({@code UserDirectory}), the merged row is deleted and remembered
     * ({@link #mergedInto}). Audited. 400 for an agency merged into itself or into another province's.
     *
     * @return the agency it went into, with its new aliases
     */
    Agency merge(long mergedId, long intoId);

    /** The agency a merged agency went into (following chains), empty for an agency never merged. */
    Optional<Long> mergedInto(long id);
}
