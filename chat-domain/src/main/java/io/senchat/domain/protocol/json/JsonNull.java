package io.senchat.domain.protocol.json;

/** JSON {@code null}. */
public record JsonNull() implements JsonValue {

  /** The shared instance. */
  public static final JsonNull INSTANCE = new JsonNull();

  @Override
  public String typeName() {
    return "null";
  }

  @Override
  public String toString() {
    return "null";
  }
}
