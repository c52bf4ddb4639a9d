package io.senchat.store.auth;

import io.senchat.store.testing.TestDatabase;

class AuthEmbeddedTest extends AuthContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
