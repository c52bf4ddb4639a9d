package io.senchat.web.rest;

import elemental2.dom.XMLHttpRequest;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonWriter;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * JSON over {@link XMLHttpRequest} (not {@code fetch}: HtmlUnit runs XHR). Paths are relative ({@code api/...}) so
 * the app works wherever it is mounted, e.g. under {@code /chat/}.
 */
@Singleton
public final class Http {

  private static final int TIMEOUT_MILLIS = 30_000;

  @Inject
  Http() {}

  /**
   * Sends one request.
   *
   * @param bearer the access token, or {@code null} for the auth routes
   * @param body the JSON body, or {@code null} for none
   */
  public void send(String method, String path, String bearer, JsonObject body, ApiCallback callback) {
    XMLHttpRequest xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.timeout = TIMEOUT_MILLIS;
    if (bearer != null) {
      xhr.setRequestHeader("Authorization", "Bearer " + bearer);
    }
    boolean[] done = {false};
    xhr.onload = e -> {
      if (done[0]) {
        return;
      }
      done[0] = true;
      JsonObject json;
      try {
        json = Json.parseObject(xhr.responseText);
      } catch (RuntimeException badJson) {
        json = JsonObject.EMPTY;
      }
      int status = xhr.status;
      if (status >= 200 && status < 300) {
        callback.onSuccess(json);
      } else {
        callback.onFailure(new ApiError(status, Json.str(json, "code", "http_" + status),
            Json.str(json, "message", "")));
      }
    };
    XMLHttpRequest.OnerrorFn failed = e -> {
      if (!done[0]) {
        done[0] = true;
        callback.onFailure(ApiError.network());
      }
      return null;
    };
    xhr.onerror = failed;
    xhr.ontimeout = e -> failed.onInvoke(e);
    if (body != null) {
      xhr.setRequestHeader("Content-Type", "application/json");
      xhr.send(JsonWriter.write(body));
    } else {
      xhr.send();
    }
  }
}
