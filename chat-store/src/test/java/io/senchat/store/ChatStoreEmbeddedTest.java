package io.senchat.store;

import io.senchat.store.testing.TestDatabase;

class ChatStoreEmbeddedTest extends ChatStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
