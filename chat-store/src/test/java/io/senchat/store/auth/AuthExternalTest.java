package io.senchat.store.auth;

import io.senchat.store.testing.TestDatabase;

class AuthExternalTest extends AuthContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
