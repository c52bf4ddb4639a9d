package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonNull;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.protocol.json.JsonWriter;

/**
 * Encodes and decodes frames of the SenChat wire protocol. Every frame is one JSON object
 * {@code {"v":1,"type":"...","id":"...","data":{...}}}; see docs/protocol.md. Decoding never throws anything but
 * {@link FrameException}, whose code is one of BAD_JSON, BAD_FRAME, UNKNOWN_TYPE, UNSUPPORTED_VERSION or TOO_LARGE.
 */
public final class ProtocolCodec {

  /** The protocol version this code speaks. */
  public static final int VERSION = 1;

  private static final JsonLimits CLIENT_FRAME_LIMITS = new JsonLimits(ProtocolLimits.MAX_CLIENT_FRAME_CHARS,
      ProtocolLimits.MAX_DEPTH, ProtocolLimits.MAX_ENTRIES);
  private static final JsonLimits SERVER_FRAME_LIMITS = new JsonLimits(ProtocolLimits.MAX_SERVER_FRAME_CHARS,
      ProtocolLimits.MAX_DEPTH, ProtocolLimits.MAX_ENTRIES);

  private ProtocolCodec() {
  }

  /** Decodes a frame a client sent (server side), within {@link ProtocolLimits#MAX_CLIENT_FRAME_CHARS}. */
  public static Inbound decodeClient(String text) {
    Envelope envelope = Envelope.read(text, CLIENT_FRAME_LIMITS);
    try {
      return new Inbound(envelope.requestId, ClientFrameJson.decode(envelope.type, envelope.data));
    } catch (ChatException e) {
      throw new FrameException(e.code(), e.getMessage(), envelope.requestId);
    }
  }

  /**
   * Decodes a frame the server sent (client side), within {@link ProtocolLimits#MAX_SERVER_FRAME_CHARS}. A client
   * should drop a frame that fails with {@link ErrorCode#UNKNOWN_TYPE}: newer servers may add frame types.
   */
  public static Outbound decodeServer(String text) {
    Envelope envelope = Envelope.read(text, SERVER_FRAME_LIMITS);
    try {
      return new Outbound(envelope.requestId, ServerFrameJson.decode(envelope.type, envelope.data, "data"));
    } catch (ChatException e) {
      throw new FrameException(e.code(), e.getMessage(), envelope.requestId);
    }
  }

  /**
   * Encodes a client frame; {@code requestId} may be {@code null}. A frame the server would refuse as too large
   * fails here with {@link ErrorCode#TOO_LARGE}, before it is sent.
   */
  public static String encodeClient(String requestId, ClientFrame frame) {
    return encodeClient(new Inbound(requestId, frame));
  }

  /** Encodes a client frame with its request id. */
  public static String encodeClient(Inbound inbound) {
    return encode(inbound.requestId(), inbound.frame().type(), ClientFrameJson.encode(inbound.frame()),
        ProtocolLimits.MAX_CLIENT_FRAME_CHARS);
  }

  /**
   * Encodes a server frame; {@code requestId} is the id of the command it answers, or {@code null}. A frame larger
   * than {@link ProtocolLimits#MAX_SERVER_FRAME_CHARS} fails with {@link ErrorCode#TOO_LARGE}: split the batch.
   */
  public static String encodeServer(String requestId, ServerFrame frame) {
    return encodeServer(new Outbound(requestId, frame));
  }

  /** Encodes a server frame with the request id it answers. */
  public static String encodeServer(Outbound outbound) {
    return encode(outbound.requestId(), outbound.frame().type(), ServerFrameJson.encode(outbound.frame()),
        ProtocolLimits.MAX_SERVER_FRAME_CHARS);
  }

  private static String encode(String requestId, String type, JsonObject data, int maxChars) {
    JsonObject.Builder envelope = JsonObject.builder().put("v", VERSION).put("type", type);
    if (requestId != null) {
      envelope.put("id", requestId);
    }
    if (!data.isEmpty()) {
      envelope.put("data", data);
    }
    String text = JsonWriter.write(envelope.build());
    if (text.length() > maxChars) {
      throw new ChatException(ErrorCode.TOO_LARGE,
          type + " frame of " + text.length() + " characters exceeds the limit of " + maxChars);
    }
    return text;
  }

  /** The envelope members, read in the order that lets an error reply echo the request id whenever possible. */
  private static final class Envelope {

    final String requestId;
    final String type;
    final JsonObject data;

    private Envelope(String requestId, String type, JsonObject data) {
      this.requestId = requestId;
      this.type = type;
      this.data = data;
    }

    static Envelope read(String text, JsonLimits limits) {
      JsonValue root;
      try {
        root = JsonParser.parse(text, limits);
      } catch (ChatException e) {
        throw new FrameException(e.code(), e.getMessage(), null);
      }
      if (!(root instanceof JsonObject frame)) {
        throw new FrameException(ErrorCode.BAD_FRAME, "a frame must be a JSON object, not " + root.typeName(), null);
      }
      String requestId = readRequestId(frame.get("id"));
      JsonValue version = frame.get("v");
      if (version == null || version instanceof JsonNull) {
        throw new FrameException(ErrorCode.BAD_FRAME, "v: missing", requestId);
      }
      if (!(version instanceof JsonNumber number) || !number.isIntegral()) {
        throw new FrameException(ErrorCode.BAD_FRAME, "v: must be an integer", requestId);
      }
      if (number.longValue() != VERSION) {
        throw new FrameException(ErrorCode.UNSUPPORTED_VERSION,
            "protocol version " + number.literal() + " is not supported; this end speaks " + VERSION, requestId);
      }
      JsonValue type = frame.get("type");
      if (!(type instanceof JsonString typeName)) {
        throw new FrameException(ErrorCode.BAD_FRAME,
            type == null || type instanceof JsonNull ? "type: missing" : "type: must be a string", requestId);
      }
      JsonValue data = frame.get("data");
      if (data == null || data instanceof JsonNull) {
        return new Envelope(requestId, typeName.value(), JsonObject.EMPTY);
      }
      if (!(data instanceof JsonObject dataObject)) {
        throw new FrameException(ErrorCode.BAD_FRAME, "data: must be an object, not " + data.typeName(), requestId);
      }
      return new Envelope(requestId, typeName.value(), dataObject);
    }

    private static String readRequestId(JsonValue id) {
      if (id == null || id instanceof JsonNull) {
        return null;
      }
      if (id instanceof JsonString string && Wire.isIdToken(string.value(), ProtocolLimits.MAX_ID_CHARS)) {
        return string.value();
      }
      throw new FrameException(ErrorCode.BAD_FRAME,
          "id: must be 1.." + ProtocolLimits.MAX_ID_CHARS + " characters of [A-Za-z0-9._:-]", null);
    }
  }
}
