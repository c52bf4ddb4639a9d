package io.senchat.examples.loadgen;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses any target but this machine: the load generator opens thousands of connections and sends thousands of
 * messages per second, which aimed at someone else's server is an attack. Allowed hosts are {@code localhost},
 * IPv4 127.0.0.0/8 written as four decimal numbers, and {@code [::1]}. Other names are refused without a DNS lookup,
 * even if they would resolve to a loopback address, so that the check cannot be steered by DNS.
 */
final class LoopbackGuard {

  private LoopbackGuard() {}

  /**
   * The URL, checked.
   *
   * @throws IllegalArgumentException naming the problem, when the URL is malformed, not http(s), or not loopback
   */
  static URI requireLoopback(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("--url is required, e.g. http://127.0.0.1:8080");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--url is not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("--url must start with http:// or https://: " + url);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("--url must not carry user information: " + url);
    }
    String host = uri.getHost();
    if (host == null || !isLoopbackHost(host)) {
      throw new IllegalArgumentException("refusing --url " + url + ": the load generator only targets this machine "
          + "(localhost, 127.0.0.0/8 or [::1])");
    }
    return uri;
  }

  /** True for {@code localhost}, a dotted-quad 127.x.y.z, or the IPv6 loopback address (bracketed or not). */
  static boolean isLoopbackHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.indexOf(':') >= 0) {
      return isIpv6Loopback(h);
    }
    return isIpv4Loopback(h);
  }

  private static boolean isIpv4Loopback(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      // Also refuses the short forms "127.1" and "2130706433", which resolvers accept but few people recognise.
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return parts[0].equals("127");
  }

  private static boolean isIpv6Loopback(String host) {
    if (!host.chars().allMatch(c -> c == ':' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      // Zone ids ("::1%eth0"), embedded IPv4 and anything else exotic are refused outright.
      return false;
    }
    try {
      // A literal containing ':' is parsed, never looked up.
      InetAddress address = InetAddress.getByName(host);
      return address instanceof Inet6Address && address.isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
