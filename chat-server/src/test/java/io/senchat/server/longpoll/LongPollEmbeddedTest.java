package io.senchat.server.longpoll;

/** {@link LongPollServerContract} on the embedded PostgreSQL. */
class LongPollEmbeddedTest extends LongPollServerContract {

  @Override
  protected String[] databaseFlags() {
    return new String[0];
  }
}
