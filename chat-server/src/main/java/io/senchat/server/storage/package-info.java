/**
 * Where the server keeps its data: {@link io.senchat.server.storage.Storage} holds the store, its message writer and,
 * when the server runs its own, the embedded PostgreSQL, and closes them in order. One Dagger module per source of
 * the database: {@link io.senchat.server.storage.ConfiguredStoreModule} (flags: embedded or {@code --db-url}).
 */
package io.senchat.server.storage;
