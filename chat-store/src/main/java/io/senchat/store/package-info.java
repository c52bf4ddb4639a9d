/**
 * PostgreSQL persistence for SenChat. Start at {@link io.senchat.store.ChatStore}: open it over a
 * {@link io.senchat.store.db.DatabaseConfig} (external server or {@link io.senchat.store.db.EmbeddedDatabase}) or
 * over your own DataSource; it runs the Flyway migrations and hands out one small interface per feature.
 *
 * <p>Feature packages: {@code user} (accounts), {@code auth} (passwords, sessions), {@code conversation},
 * {@code message}, {@code receipt}, {@code sync} (change feed). Each has public interfaces and value records, and a
 * {@code *Module} class that builds its package-private implementations. All SQL lives in SqlObject DAO
 * interfaces of this module; the schema lives in {@code db/migration}.
 */
package io.senchat.store;
