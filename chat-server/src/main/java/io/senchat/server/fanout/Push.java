package io.senchat.server.fanout;

import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;

/**
 * A server event encoded once for all of its recipients.
 *
 * @param frame the event
 * @param text its wire form without request id
 */
public record Push(ServerFrame frame, String text) {

  public Push {
    if (frame == null || text == null) {
      throw new IllegalArgumentException("push fields must not be null");
    }
  }

  /** Encodes the event; do it once per fan-out, not per recipient. */
  public static Push of(ServerFrame frame) {
    return new Push(frame, ProtocolCodec.encodeServer(null, frame));
  }

  /** True for change-feed events, which a session holds back while it replays the feed; false for ephemeral ones. */
  public boolean isFeedEvent() {
    return frame instanceof ServerFrame.FeedEvent;
  }
}
