package io.senchat.domain.protocol.json;

/**
 * A JSON string. It may hold unpaired surrogates, as JavaScript strings can; the writer escapes them.
 *
 * @param value the decoded characters
 */
public record JsonString(String value) implements JsonValue {

  public JsonString {
    if (value == null) {
      throw new IllegalArgumentException("value must not be null");
    }
  }

  @Override
  public String typeName() {
    return "string";
  }

  @Override
  public String toString() {
    return JsonWriter.write(this);
  }
}
