package io.senchat.store.message;

import io.senchat.store.testing.TestDatabase;

class ConcurrencyEmbeddedTest extends ConcurrencyContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
