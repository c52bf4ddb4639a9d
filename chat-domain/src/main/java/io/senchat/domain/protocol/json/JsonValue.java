package io.senchat.domain.protocol.json;

/** An immutable JSON value; {@code toString()} of every implementation is its compact JSON text. */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {

  /** The JSON type name for error messages: object, array, string, number, boolean or null. */
  String typeName();
}
