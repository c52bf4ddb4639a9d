package io.senchat.domain.timeline;

/** An inclusive range of message seqs, e.g. messages a client must fetch to close a gap. */
public record SeqRange(long from, long to) {

  public SeqRange {
    if (from <= 0 || to < from) {
      throw new IllegalArgumentException("bad seq range " + from + ".." + to);
    }
  }

  public long size() {
    return to - from + 1;
  }

  public boolean contains(long seq) {
    return seq >= from && seq <= to;
  }
}
