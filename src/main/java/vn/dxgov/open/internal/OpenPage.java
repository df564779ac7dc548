package vn.dxgov.open.internal;

/**
 * Marker of the portal's public page controllers ({@code /open/**}, the sitemap, robots.txt): {@link OpenAdvice} gives
 * them the installation's public address, the public cache header and their own "not found" page.
 */
interface OpenPage {
}
