package io.senchat.server.rest;

import io.senchat.domain.protocol.json.JsonValue;

/**
 * What an endpoint answers.
 *
 * @param status the HTTP status
 * @param body the JSON body, or {@code null} for none (204)
 */
record Reply(int status, JsonValue body) {

  static Reply ok(JsonValue body) {
    return new Reply(200, body);
  }

  static Reply created(JsonValue body) {
    return new Reply(201, body);
  }

  static Reply noContent() {
    return new Reply(204, null);
  }
}
