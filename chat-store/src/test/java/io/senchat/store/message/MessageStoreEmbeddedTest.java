package io.senchat.store.message;

import io.senchat.store.testing.TestDatabase;

class MessageStoreEmbeddedTest extends MessageStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
