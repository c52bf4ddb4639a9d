package io.senchat.store.conversation;

import io.senchat.store.testing.TestDatabase;

class MembershipEmbeddedTest extends MembershipContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
