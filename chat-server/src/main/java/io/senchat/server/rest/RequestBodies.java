package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonValue;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads a JSON request body on a worker thread, within a size limit, with the protocol's strict parser. */
final class RequestBodies {

  /** The largest request body: 64 KiB, like the largest client frame of the protocol. */
  static final int MAX_BYTES = 64 * 1024;

  private static final JsonLimits LIMITS = new JsonLimits(MAX_BYTES, 32, 10_000);

  private RequestBodies() {}

  /**
   * The parsed body. BAD_FRAME unless {@code Content-Type} is JSON (which also keeps cross-site HTML forms out, as
   * browsers cannot send JSON across origins without CORS approval); TOO_LARGE beyond {@link #MAX_BYTES}; BAD_JSON
   * when the bytes are not UTF-8 or not JSON.
   */
  static JsonValue read(HttpServerExchange exchange) {
    String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (contentType == null || !contentType.regionMatches(true, 0, "application/json", 0, 16)) {
      throw new ChatException(ErrorCode.BAD_FRAME, "send the body as JSON with Content-Type: application/json");
    }
    long declared = exchange.getRequestContentLength();
    if (declared > MAX_BYTES) {
      throw tooLarge();
    }
    byte[] bytes;
    try {
      InputStream in = exchange.getInputStream();
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body", e);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ChatException(ErrorCode.BAD_JSON, "the body is not valid UTF-8");
    }
    return JsonParser.parse(text, LIMITS);
  }

  private static ChatException tooLarge() {
    return new ChatException(ErrorCode.TOO_LARGE, "request bodies are limited to " + MAX_BYTES + " bytes");
  }
}
