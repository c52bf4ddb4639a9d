package io.senchat.domain.message;

/**
 * Delivery status of a message as its sender sees it. The forward order is
 * SENDING → SENT → DELIVERED → READ; FAILED is a side state reachable only from SENDING and left only by a retry.
 * See {@link MessageStatusMachine} for the transitions.
 */
public enum MessageStatus {
  SENDING(0),
  SENT(1),
  DELIVERED(2),
  READ(3),
  FAILED(0);

  private final int rank;

  MessageStatus(int rank) {
    this.rank = rank;
  }

  /** Position in the forward order; SENDING and FAILED share rank 0. */
  public int rank() {
    return rank;
  }
}
