/**
 * Helpers shared by the store's feature packages: error translation, time conversion, role arithmetic. Public only
 * because Java has no module-private visibility here; not part of the store's API and may change without notice.
 */
package io.senchat.store.internal;
