package io.senchat.store.message;

import io.senchat.store.testing.TestDatabase;

class MessageStoreExternalTest extends MessageStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
