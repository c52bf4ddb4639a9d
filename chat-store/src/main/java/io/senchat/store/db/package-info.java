/**
 * Where the database is: {@link io.senchat.store.db.DatabaseConfig} for an external server,
 * {@link io.senchat.store.db.EmbeddedDatabase} for a PostgreSQL run by this process, and
 * {@link io.senchat.store.db.Database} for the pool, the Flyway migrations and the Jdbi setup.
 */
package io.senchat.store.db;
