package io.senchat.domain.transport;

import io.senchat.domain.common.Texts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a browser page may open a real-time connection here, for every transport alike; the defence against
 * cross-site hijacking, since browsers send cookies and the {@code Origin} header but never let a page forge the
 * latter.
 */
public final class OriginPolicy {

  private final Set<String> allowed = new HashSet<>();
  private final boolean anyOrigin;

  /** @param allowedOrigins origins allowed besides the server's own, or {@code *} for any */
  public OriginPolicy(List<String> allowedOrigins) {
    for (String origin : allowedOrigins) {
      allowed.add(normalize(origin));
    }
    anyOrigin = allowed.contains("*");
  }

  /**
   * True when a request with this {@code Origin} may connect.
   *
   * @param origin the {@code Origin} header, {@code ""} when absent
   * @param host the {@code Host} header, {@code ""} when absent
   */
  public boolean allows(String origin, String host) {
    if (origin.isEmpty()) {
      // Only browsers send Origin, and only browsers can be tricked into connecting; other clients are not at risk.
      return true;
    }
    String normalized = normalize(origin);
    return anyOrigin || allowed.contains(normalized) || sameOrigin(normalized, host);
  }

  /**
   * True when the origin names this server as the client reached it. The scheme is not compared, so that a TLS
   * terminating proxy (https outside, http inside) still works; a {@code Host} without a port stands for the default
   * port of the origin's scheme for the same reason.
   */
  public static boolean sameOrigin(String origin, String host) {
    int schemeEnd = origin.indexOf("://");
    if (schemeEnd < 0 || host.isEmpty()) {
      return false;
    }
    String scheme = origin.substring(0, schemeEnd);
    int defaultPort = switch (scheme) {
      case "http" -> 80;
      case "https" -> 443;
      default -> -1;
    };
    HostPort page = HostPort.parse(origin.substring(schemeEnd + 3));
    HostPort server = HostPort.parse(Texts.asciiLowerCase(host));
    if (defaultPort < 0 || page == null || server == null) {
      return false;
    }
    int pagePort = page.port() < 0 ? defaultPort : page.port();
    int serverPort = server.port() < 0 ? defaultPort : server.port();
    return page.host().equals(server.host()) && pagePort == serverPort;
  }

  private static String normalize(String origin) {
    String trimmed = Texts.asciiLowerCase(origin.trim());
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  @Override
  public String toString() {
    return anyOrigin ? "OriginPolicy[any]" : "OriginPolicy[same-origin + " + allowed + "]";
  }

  /**
   * An authority split into host and port ({@code -1} when absent); IPv6 literals keep their brackets.
   *
   * @param host the host name or literal
   * @param port the port, {@code -1} when absent
   */
  public record HostPort(String host, int port) {

    /** The parsed authority, or {@code null} when it is not a plain {@code host[:port]}. */
    public static HostPort parse(String authority) {
      if (authority.isEmpty() || authority.indexOf('/') >= 0 || authority.indexOf('@') >= 0) {
        return null;
      }
      int colon = authority.lastIndexOf(':');
      int bracket = authority.lastIndexOf(']');
      if (colon < 0 || colon < bracket) {
        return new HostPort(authority, -1);
      }
      String host = authority.substring(0, colon);
      String digits = authority.substring(colon + 1);
      if (host.isEmpty() || digits.isEmpty() || digits.length() > 5) {
        return null;
      }
      for (int i = 0; i < digits.length(); i++) {
        if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
          return null;
        }
      }
      return new HostPort(host, Integer.parseInt(digits));
    }
  }
}
