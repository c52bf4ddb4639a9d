package io.senchat.store.message;

import io.senchat.store.testing.TestDatabase;

class GroupCommitWriterExternalTest extends GroupCommitWriterContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
