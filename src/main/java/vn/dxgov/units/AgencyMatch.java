package vn.dxgov.units;

/**
 * How one name found in a document was matched to an agency.
 *
 * @param sourceText the name as written in the document
 * @param agency     the agency it stands for
 * @param how        how it was matched
 */
public record AgencyMatch(String sourceText, Agency agency, How how) {

    public enum How {
        /** same name, ignoring case, diacritics and spacing */
        NAME,
        /** a known alias or abbreviation ("Sở TT&TT") */
        ALIAS,
        /** a standard agency name dxgov knows for every province, created for this province */
        STANDARD,
        /** an unknown name: a new agency was created and flagged for review */
        CREATED
    }
}
