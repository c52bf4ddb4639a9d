package io.senchat.web.platform;

import jsinterop.annotations.JsPackage;
import jsinterop.annotations.JsType;

/** The browser's {@code Storage} (elemental2-webstorage is not a dependency; this edge needs three methods). */
@JsType(isNative = true, name = "Storage", namespace = JsPackage.GLOBAL)
class WebStorage {

  native String getItem(String key);

  native void setItem(String key, String value);

  native void removeItem(String key);
}
