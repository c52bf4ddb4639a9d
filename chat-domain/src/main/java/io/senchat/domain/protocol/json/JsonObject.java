package io.senchat.domain.protocol.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object whose members keep their insertion order. Equality ignores order, as JSON's does.
 *
 * @param members the members; copied into an unmodifiable, ordered map
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {

  /** The object without members. */
  public static final JsonObject EMPTY = new JsonObject(new LinkedHashMap<>());

  public JsonObject {
    if (members == null) {
      throw new IllegalArgumentException("members must not be null");
    }
    Map<String, JsonValue> copy = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> member : members.entrySet()) {
      if (member.getKey() == null || member.getValue() == null) {
        throw new IllegalArgumentException("member names and values must not be null");
      }
      copy.put(member.getKey(), member.getValue());
    }
    members = Collections.unmodifiableMap(copy);
  }

  /** A builder that adds members in order and refuses duplicate names. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value of the member with this name, or {@code null} when there is none. */
  public JsonValue get(String name) {
    return members.get(name);
  }

  /** The number of members. */
  public int size() {
    return members.size();
  }

  /** True when the object has no members. */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  @Override
  public String typeName() {
    return "object";
  }

  @Override
  public String toString() {
    return JsonWriter.write(this);
  }

  /** Collects members in order; a repeated name is a programming error. */
  public static final class Builder {

    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {
    }

    /** Adds a member; throws {@link IllegalArgumentException} when the name is already present. */
    public Builder put(String name, JsonValue value) {
      if (name == null || value == null) {
        throw new IllegalArgumentException("member name and value must not be null");
      }
      if (members.containsKey(name)) {
        throw new IllegalArgumentException("duplicate member: " + name);
      }
      members.put(name, value);
      return this;
    }

    /** Adds a string member. */
    public Builder put(String name, String value) {
      return put(name, new JsonString(value));
    }

    /** Adds an integer member. */
    public Builder put(String name, long value) {
      return put(name, JsonNumber.of(value));
    }

    /** Adds a boolean member. */
    public Builder put(String name, boolean value) {
      return put(name, JsonBool.of(value));
    }

    /** The object holding the members added so far. */
    public JsonObject build() {
      return new JsonObject(members);
    }
  }
}
