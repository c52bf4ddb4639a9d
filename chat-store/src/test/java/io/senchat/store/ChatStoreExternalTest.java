package io.senchat.store;

import io.senchat.store.testing.TestDatabase;

class ChatStoreExternalTest extends ChatStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
