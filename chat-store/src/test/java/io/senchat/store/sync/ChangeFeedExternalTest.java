package io.senchat.store.sync;

import io.senchat.store.testing.TestDatabase;

class ChangeFeedExternalTest extends ChangeFeedContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
