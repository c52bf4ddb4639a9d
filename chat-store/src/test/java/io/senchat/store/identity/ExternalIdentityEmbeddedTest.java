package io.senchat.store.identity;

import io.senchat.store.testing.TestDatabase;

class ExternalIdentityEmbeddedTest extends ExternalIdentityContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
