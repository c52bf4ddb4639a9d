package io.senchat.transport.longpoll.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The client's record of which server frames it has handed on. A frame delivered in a poll that broke on the way is
 * sent again by the next poll; this keeps anything at or below the cursor from being handed on twice, and says what
 * the next poll acknowledges. Not thread-safe: one client event thread owns it.
 */
public final class InboundCursor {

  private long delivered;

  /** The number of the last frame handed on; what the next poll acknowledges. */
  public long ack() {
    return delivered;
  }

  /** The frames of {@code batch} not handed on yet, in order; the cursor moves past them. */
  public List<String> accept(PollBatch batch) {
    long number = batch.firstNumber();
    List<String> fresh = new ArrayList<>(batch.frames().size());
    for (String frame : batch.frames()) {
      if (number > delivered) {
        if (number != delivered + 1) {
          // A gap means the server dropped frames this client never saw; the caller must not paper over it.
          throw new IllegalStateException("frame " + number + " follows " + delivered + ": frames were lost");
        }
        fresh.add(frame);
        delivered = number;
      }
      number++;
    }
    return fresh;
  }

  @Override
  public String toString() {
    return "InboundCursor[" + delivered + "]";
  }
}
