package io.senchat.transport.longpoll.shared;

/** The URLs of a long-poll endpoint, built from the server's HTTP base URL and the endpoint's path. */
public final class LongPollUrls {

  /** The last path segment of the request that opens a session. */
  public static final String OPEN = "open";

  /** The query parameter of a poll that acknowledges every frame up to and including this number. */
  public static final String ACK = "ack";

  private LongPollUrls() {}

  /**
   * The endpoint's root: exactly one slash joins base and path, a trailing slash of the base is dropped.
   *
   * @param baseUrl e.g. {@code https://chat.example.com} or {@code http://127.0.0.1:8080/app/}
   * @param path e.g. {@code /poll}
   * @throws IllegalArgumentException when the base URL is not {@code http://} or {@code https://} with a host, or
   *     has a query or fragment
   */
  public static String endpoint(String baseUrl, String path) {
    if (baseUrl == null || path == null) {
      throw new IllegalArgumentException("base URL and path must not be null");
    }
    String base = baseUrl.trim();
    int hostStart;
    if (base.regionMatches(true, 0, "https://", 0, 8)) {
      hostStart = 8;
      base = "https://" + base.substring(8);
    } else if (base.regionMatches(true, 0, "http://", 0, 7)) {
      hostStart = 7;
      base = "http://" + base.substring(7);
    } else {
      throw new IllegalArgumentException("base URL must start with http:// or https://: " + baseUrl);
    }
    if (base.length() == hostStart || base.charAt(hostStart) == '/') {
      throw new IllegalArgumentException("base URL has no host: " + baseUrl);
    }
    if (base.indexOf('?') >= 0 || base.indexOf('#') >= 0) {
      throw new IllegalArgumentException("base URL must not have a query or fragment: " + baseUrl);
    }
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String tail = path.startsWith("/") ? path : "/" + path;
    while (tail.length() > 1 && tail.endsWith("/")) {
      tail = tail.substring(0, tail.length() - 1);
    }
    return base + tail;
  }

  /** {@code POST} here opens a session. */
  public static String open(String endpoint) {
    return endpoint + "/" + OPEN;
  }

  /** {@code POST} here sends frames up, {@code DELETE} closes the session. */
  public static String session(String endpoint, String sessionId) {
    return endpoint + "/" + sessionId;
  }

  /** {@code GET} here waits for frames after acknowledging those up to {@code ack}. */
  public static String poll(String endpoint, String sessionId, long ack) {
    return session(endpoint, sessionId) + "?" + ACK + "=" + ack;
  }

  /**
   * True when a session id is well-formed: 1 to 64 characters of {@code A-Z a-z 0-9 - _}, so that it is safe in a
   * path segment unescaped and never equals {@link #OPEN}.
   */
  public static boolean isSessionId(String text) {
    if (text == null || text.isEmpty() || text.length() > 64 || text.equals(OPEN)) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
