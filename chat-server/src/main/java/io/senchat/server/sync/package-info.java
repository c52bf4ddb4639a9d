/**
 * Resuming: the change feed as protocol {@code sync.batch} frames, and the write barrier that makes a replay complete
 * even for events committed just before the session registered.
 */
package io.senchat.server.sync;
