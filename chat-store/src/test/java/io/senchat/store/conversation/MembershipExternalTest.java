package io.senchat.store.conversation;

import io.senchat.store.testing.TestDatabase;

class MembershipExternalTest extends MembershipContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
