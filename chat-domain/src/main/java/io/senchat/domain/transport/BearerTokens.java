package io.senchat.domain.transport;

import io.senchat.domain.common.Texts;

/** Reads the access token of an {@code Authorization: Bearer <token>} header, the same way in every transport. */
public final class BearerTokens {

  /** The query parameter that carries the token when a client can set no header (last resort: URLs get logged). */
  public static final String QUERY_PARAMETER = "access_token";

  private static final String BEARER_SCHEME = "Bearer ";

  private BearerTokens() {}

  /** The token of an {@code Authorization} header value, or {@code ""} when absent, empty or not a bearer token. */
  public static String fromAuthorization(String authorization) {
    if (authorization == null || !Texts.regionEqualsIgnoreAsciiCase(authorization, 0, BEARER_SCHEME)) {
      return "";
    }
    return authorization.substring(BEARER_SCHEME.length()).trim();
  }
}
