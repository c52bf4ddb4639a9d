/**
 * The change feed: how a client resumes after any disconnect. Every store write that a client must learn about
 * appends a {@code change_event} row in its own transaction; {@link ChangeFeed} hands them out in an order that never
 * lets a late-committing transaction slip in behind a position already returned.
 */
package io.senchat.store.sync;
