package io.senchat.store.message;

import io.senchat.store.testing.TestDatabase;

class HistoryExternalTest extends HistoryContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
