package io.senchat.domain.protocol.json;

/**
 * A JSON {@code true} or {@code false}.
 *
 * @param value the boolean
 */
public record JsonBool(boolean value) implements JsonValue {

  /** JSON {@code true}. */
  public static final JsonBool TRUE = new JsonBool(true);
  /** JSON {@code false}. */
  public static final JsonBool FALSE = new JsonBool(false);

  /** The shared instance for this boolean. */
  public static JsonBool of(boolean value) {
    return value ? TRUE : FALSE;
  }

  @Override
  public String typeName() {
    return "boolean";
  }

  @Override
  public String toString() {
    return value ? "true" : "false";
  }
}
