package io.senchat.transport.ws.shared;

/** Turns a server's HTTP base URL into the URL of its WebSocket endpoint. */
public final class WsUrls {

  private WsUrls() {}

  /**
   * The {@code ws:}/{@code wss:} URL of an endpoint: {@code http} becomes {@code ws}, {@code https} becomes
   * {@code wss} ({@code ws}/{@code wss} are kept), and exactly one slash joins the base and the path.
   *
   * @param baseUrl e.g. {@code https://chat.example.com} or {@code http://127.0.0.1:8080/app/}
   * @param path e.g. {@code /ws}
   * @throws IllegalArgumentException when the base URL has no http, https, ws or wss scheme
   */
  public static String endpoint(String baseUrl, String path) {
    if (baseUrl == null || path == null) {
      throw new IllegalArgumentException("base URL and path must not be null");
    }
    String base = baseUrl.trim();
    String lower = base.toLowerCase();
    String rest;
    String scheme;
    if (lower.startsWith("https://")) {
      scheme = "wss://";
      rest = base.substring(8);
    } else if (lower.startsWith("http://")) {
      scheme = "ws://";
      rest = base.substring(7);
    } else if (lower.startsWith("wss://")) {
      scheme = "wss://";
      rest = base.substring(6);
    } else if (lower.startsWith("ws://")) {
      scheme = "ws://";
      rest = base.substring(5);
    } else {
      throw new IllegalArgumentException("base URL must start with http://, https://, ws:// or wss://: " + baseUrl);
    }
    if (rest.isEmpty() || rest.charAt(0) == '/') {
      throw new IllegalArgumentException("base URL has no host: " + baseUrl);
    }
    if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
      throw new IllegalArgumentException("base URL must not have a query or fragment: " + baseUrl);
    }
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    String tail = path.startsWith("/") ? path : "/" + path;
    return scheme + rest + tail;
  }
}
