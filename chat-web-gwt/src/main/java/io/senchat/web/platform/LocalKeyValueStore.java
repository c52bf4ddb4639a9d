package io.senchat.web.platform;

import elemental2.dom.DomGlobal;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import jsinterop.base.Js;

/**
 * {@link KeyValueStore} on {@code localStorage}, with keys prefixed by the app's path so that two SenChat apps on one
 * origin (e.g. {@code /chat/} and {@code /support/}) do not share state. Falls back to memory when storage is missing
 * or throws (Safari private mode, disabled cookies), so the app still runs, just without persistence.
 */
@Singleton
final class LocalKeyValueStore implements KeyValueStore {

  private final WebStorage storage;
  private final Map<String, String> fallback = new HashMap<>();
  private final String prefix;

  @Inject
  LocalKeyValueStore() {
    this.storage = find();
    String path = DomGlobal.location.pathname;
    this.prefix = "senchat:" + path.substring(0, path.lastIndexOf('/') + 1) + ":";
  }

  private static WebStorage find() {
    try {
      Object s = Js.asPropertyMap(DomGlobal.window).get("localStorage");
      return s == null ? null : Js.uncheckedCast(s);
    } catch (Throwable e) {
      return null;
    }
  }

  @Override
  public String get(String key) {
    if (storage != null) {
      try {
        return storage.getItem(prefix + key);
      } catch (Throwable ignored) {
        // fall through to memory
      }
    }
    return fallback.get(key);
  }

  @Override
  public void put(String key, String value) {
    fallback.put(key, value);
    if (storage != null) {
      try {
        storage.setItem(prefix + key, value);
      } catch (Throwable ignored) {
        // Quota exceeded: memory keeps the value for this page's life.
      }
    }
  }

  @Override
  public void remove(String key) {
    fallback.remove(key);
    if (storage != null) {
      try {
        storage.removeItem(prefix + key);
      } catch (Throwable ignored) {
        // nothing to do
      }
    }
  }
}
