package io.senchat.store.conversation;

import io.senchat.store.testing.TestDatabase;

class ConversationStoreExternalTest extends ConversationStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
