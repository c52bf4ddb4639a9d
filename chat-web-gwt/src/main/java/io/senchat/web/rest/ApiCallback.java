package io.senchat.web.rest;

import io.senchat.domain.protocol.json.JsonObject;

/** The outcome of one REST call; exactly one method is called, once, on the event loop. */
public interface ApiCallback {

  /** A 2xx answer; an empty object for 204. */
  void onSuccess(JsonObject body);

  /** Any other answer, or none. */
  default void onFailure(ApiError error) {}
}
