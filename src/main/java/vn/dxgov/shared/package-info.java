/**
 * Shared kernel: text handling for Vietnamese (diacritics folding, collation), the number grammar, CSV reading and
 * writing ({@link vn.dxgov.shared.Csv}), the pillar vocabulary,
 * the database bootstrap (embedded PostgreSQL) and web plumbing (errors, locale). Every module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.dxgov.shared;
