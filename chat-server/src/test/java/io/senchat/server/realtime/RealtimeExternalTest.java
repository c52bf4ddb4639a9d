package io.senchat.server.realtime;

/** {@link RealtimeContract} on the external PostgreSQL ({@code CHAT_TEST_PG_URL}); skipped loudly when unreachable. */
class RealtimeExternalTest extends RealtimeContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
