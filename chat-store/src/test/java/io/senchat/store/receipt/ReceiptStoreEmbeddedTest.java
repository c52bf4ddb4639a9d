package io.senchat.store.receipt;

import io.senchat.store.testing.TestDatabase;

class ReceiptStoreEmbeddedTest extends ReceiptStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.embedded();
  }
}
