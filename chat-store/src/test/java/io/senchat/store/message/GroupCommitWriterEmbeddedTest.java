package io.senchat.store.message;

import io.senchat.store.testing.TestDatabase;

class GroupCommitWriterEmbeddedTest extends GroupCommitWriterContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
