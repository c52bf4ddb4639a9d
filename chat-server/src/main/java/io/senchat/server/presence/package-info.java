/** Presence: online while a user has a connected device, last seen when the last one left; not persisted. */
package io.senchat.server.presence;
