package io.senchat.web.platform;

/** Small string values that survive a reload (localStorage in the browser, a map in tests). */
public interface KeyValueStore {

  /** The value, or {@code null} when absent. */
  String get(String key);

  /** Stores the value; failures (quota, private mode) are swallowed: persistence is best effort. */
  void put(String key, String value);

  void remove(String key);
}
