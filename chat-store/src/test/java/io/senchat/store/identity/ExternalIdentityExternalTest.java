package io.senchat.store.identity;

import io.senchat.store.testing.TestDatabase;

class ExternalIdentityExternalTest extends ExternalIdentityContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
