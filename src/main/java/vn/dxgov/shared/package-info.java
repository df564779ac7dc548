/**
 * Shared kernel: text handling for Vietnamese (diacritics folding, collation), the number grammar, CSV reading and
 * writing ({@link vn.dxgov.shared.Csv}), period codes and labels, the pillar vocabulary,
 * the database bootstrap (embedded PostgreSQL, backup and restore) and web plumbing (errors, locale). Every module may
 * use it (every module lists it in its allowed dependencies); it depends on no module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package vn.dxgov.shared;
