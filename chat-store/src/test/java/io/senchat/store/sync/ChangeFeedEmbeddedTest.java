package io.senchat.store.sync;

import io.senchat.store.testing.TestDatabase;

class ChangeFeedEmbeddedTest extends ChangeFeedContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
