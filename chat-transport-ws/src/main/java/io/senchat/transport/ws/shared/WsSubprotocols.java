package io.senchat.transport.ws.shared;

import java.util.ArrayList;
import java.util.List;

/** The subprotocols a SenChat WebSocket client offers, including the bearer token for clients that cannot set headers. */
public final class WsSubprotocols {

  /** The protocol version a SenChat server selects; clients always offer it first. */
  public static final String PROTOCOL = "senchat.v1";

  /** Prefix of the offered subprotocol that carries the percent-encoded access token. */
  public static final String BEARER_PREFIX = "bearer.";

  private static final String HEX = "0123456789ABCDEF";

  private WsSubprotocols() {}

  /** What a client offers: {@link #PROTOCOL}, then {@code bearer.<encoded token>} when the token is not empty. */
  public static List<String> offer(String accessToken) {
    List<String> protocols = new ArrayList<>(2);
    protocols.add(PROTOCOL);
    if (accessToken != null && !accessToken.isEmpty()) {
      protocols.add(BEARER_PREFIX + encodeToken(accessToken));
    }
    return protocols;
  }

  /**
   * Encodes a token so that it is a valid HTTP token (RFC 7230 {@code tchar}s only), as a subprotocol must be:
   * characters outside the safe set, {@code %} included, become {@code %XX} of their UTF-8 bytes. Base64url and JWT
   * tokens pass unchanged.
   */
  public static String encodeToken(String token) {
    StringBuilder out = new StringBuilder(token.length() + 8);
    int i = 0;
    while (i < token.length()) {
      int codePoint = token.codePointAt(i);
      i += Character.charCount(codePoint);
      if (codePoint < 0x80 && isSafe((char) codePoint)) {
        out.append((char) codePoint);
      } else {
        appendUtf8Escaped(out, codePoint);
      }
    }
    return out.toString();
  }

  // The tchar set of RFC 7230 minus '%', which is the escape character here.
  private static boolean isSafe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static void appendUtf8Escaped(StringBuilder out, int codePoint) {
    if (codePoint < 0x80) {
      appendByte(out, codePoint);
    } else if (codePoint < 0x800) {
      appendByte(out, 0xC0 | (codePoint >> 6));
      appendByte(out, 0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
      appendByte(out, 0xE0 | (codePoint >> 12));
      appendByte(out, 0x80 | ((codePoint >> 6) & 0x3F));
      appendByte(out, 0x80 | (codePoint & 0x3F));
    } else {
      appendByte(out, 0xF0 | (codePoint >> 18));
      appendByte(out, 0x80 | ((codePoint >> 12) & 0x3F));
      appendByte(out, 0x80 | ((codePoint >> 6) & 0x3F));
      appendByte(out, 0x80 | (codePoint & 0x3F));
    }
  }

  private static void appendByte(StringBuilder out, int value) {
    out.append('%').append(HEX.charAt((value >> 4) & 0xF)).append(HEX.charAt(value & 0xF));
  }
}
