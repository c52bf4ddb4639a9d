package io.senchat.domain.protocol;

/**
 * A decoded client frame with the request id to echo in the server's {@code ack} or {@code error} reply.
 *
 * @param requestId 1..64 characters of {@code [A-Za-z0-9._:-]}, or {@code null} when the client sent none
 */
public record Inbound(String requestId, ClientFrame frame) {

  public Inbound {
    Wire.checkNonNull("frame", frame);
    if (requestId != null) {
      Wire.checkIdToken("id", requestId, false);
    }
  }

  /** A frame without a request id. */
  public static Inbound of(ClientFrame frame) {
    return new Inbound(null, frame);
  }
}
