package io.senchat.domain.protocol;

/**
 * A server frame with the request id it answers.
 *
 * @param requestId the id of the client frame this replies to, or {@code null} for events
 */
public record Outbound(String requestId, ServerFrame frame) {

  public Outbound {
    Wire.checkNonNull("frame", frame);
    if (requestId != null) {
      Wire.checkIdToken("id", requestId, false);
    }
  }

  /** An event, which answers no request. */
  public static Outbound event(ServerFrame frame) {
    return new Outbound(null, frame);
  }

  /** A reply to the client frame with this request id (which may be {@code null}). */
  public static Outbound reply(String requestId, ServerFrame frame) {
    return new Outbound(requestId, frame);
  }
}
