package io.senchat.store.message;

import io.senchat.store.testing.TestDatabase;

class HistoryEmbeddedTest extends HistoryContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
