package io.senchat.server.realtime;

/** {@link RealtimeContract} on the embedded PostgreSQL. */
class RealtimeEmbeddedTest extends RealtimeContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
