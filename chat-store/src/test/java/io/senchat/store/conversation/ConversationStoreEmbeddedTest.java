package io.senchat.store.conversation;

import io.senchat.store.testing.TestDatabase;

class ConversationStoreEmbeddedTest extends ConversationStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
