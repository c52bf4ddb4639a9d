package io.senchat.domain.protocol.json;

import java.util.List;

/**
 * A JSON array.
 *
 * @param elements the elements, copied into an unmodifiable list
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

  /** The array without elements. */
  public static final JsonArray EMPTY = new JsonArray(List.of());

  public JsonArray {
    if (elements == null) {
      throw new IllegalArgumentException("elements must not be null");
    }
    // List.copyOf also rejects null elements.
    elements = List.copyOf(elements);
  }

  /** The number of elements. */
  public int size() {
    return elements.size();
  }

  /** The element at this index. */
  public JsonValue get(int index) {
    return elements.get(index);
  }

  @Override
  public String typeName() {
    return "array";
  }

  @Override
  public String toString() {
    return JsonWriter.write(this);
  }
}
