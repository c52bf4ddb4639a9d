package io.senchat.store.message;

import io.senchat.store.testing.TestDatabase;

class ConcurrencyExternalTest extends ConcurrencyContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
