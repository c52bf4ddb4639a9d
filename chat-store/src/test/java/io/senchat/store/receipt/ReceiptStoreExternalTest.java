package io.senchat.store.receipt;

import io.senchat.store.testing.TestDatabase;

class ReceiptStoreExternalTest extends ReceiptStoreContract {

  @Override
  protected TestDatabase database() {
    return TestDatabase.external();
  }
}
