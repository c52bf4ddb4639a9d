/** User accounts: registration, profiles, search, installation roles and last-seen times. */
package io.senchat.store.user;
