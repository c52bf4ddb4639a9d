package io.senchat.examples.loadgen;

/**
 * One group conversation of a run: its members and the seqs the server acknowledged to any of them. Its members may
 * live on different loops, hence the lock.
 */
final class LoadGroup {

  private final long conversationId;
  private final int members;
  private final SeqSet acked = new SeqSet(LoadClient.MAX_RANGES_PER_GROUP);

  LoadGroup(long conversationId, int members) {
    this.conversationId = conversationId;
    this.members = members;
  }

  long conversationId() {
    return conversationId;
  }

  int members() {
    return members;
  }

  /** Records an acknowledged seq; false when it was acknowledged before (a resend answered with the original). */
  synchronized boolean ack(long seq) {
    return acked.add(seq);
  }

  /** The acknowledged seqs now, as a copy the caller may read from any thread. */
  synchronized SeqSet ackedSnapshot() {
    return acked.copy();
  }
}
