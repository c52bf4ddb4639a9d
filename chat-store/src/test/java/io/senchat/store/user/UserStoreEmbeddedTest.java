package io.senchat.store.user;

import io.senchat.store.testing.TestDatabase;

class UserStoreEmbeddedTest extends UserStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
