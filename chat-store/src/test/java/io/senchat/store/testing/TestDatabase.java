package io.senchat.store.testing;

/** A PostgreSQL server the contract tests run against; each test class gets a fresh schema on it. */
public interface TestDatabase {

  /** A new, empty, uniquely named schema with its own pool; closing it drops the schema. */
  TestSchema newSchema(String label);

  /** Short name for messages, e.g. "embedded". */
  String name();

  /** The embedded server shared by every test class of this JVM. */
  static TestDatabase embedded() {
    return EmbeddedTestDatabase.INSTANCE;
  }

  /** The external server from CHAT_TEST_PG_URL; skips (or fails, with CHAT_REQUIRE_PG=1) when unreachable. */
  static TestDatabase external() {
    return ExternalTestDatabase.INSTANCE;
  }
}
