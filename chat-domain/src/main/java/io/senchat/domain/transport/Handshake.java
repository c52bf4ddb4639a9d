package io.senchat.domain.transport;

import java.util.List;
import java.util.Map;

/**
 * What a client presented when connecting, in transport-neutral form, for authentication hooks.
 *
 * @param accessToken the bearer token found by the transport (header, subprotocol or query), or {@code ""}
 * @param origin the {@code Origin} header, or {@code ""} when absent (non-browser clients)
 * @param headers request headers, names in lower case
 * @param remoteAddress the peer's address, for logs and rate limits
 */
public record Handshake(String accessToken, String origin, Map<String, List<String>> headers, String remoteAddress) {

  public Handshake {
    if (accessToken == null || origin == null || headers == null || remoteAddress == null) {
      throw new IllegalArgumentException("handshake fields must not be null");
    }
    headers = Map.copyOf(headers);
  }

  /** The first value of a header (name in lower case), or {@code ""}. */
  public String header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }
}
