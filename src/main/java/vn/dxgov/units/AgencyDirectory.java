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

    /** Renames an agency, changes its kind and aliases, and marks it reviewed. Audited. */
    Agency update(long id, String name, AgencyKind kind, List<String> aliases);
}
