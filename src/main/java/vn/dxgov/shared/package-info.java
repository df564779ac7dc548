/**
 * Shared kernel: text handling for Vietnamese (diacritics folding, collation), the pillar vocabulary,
 * the database bootstrap (embedded PostgreSQL) and web plumbing (errors, locale). Every module may use it (every
 * module lists it in its allowed dependencies); it depends on no module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package vn.dxgov.shared;
