package io.senchat.store.user;

import io.senchat.store.testing.TestDatabase;

class UserStoreExternalTest extends UserStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
