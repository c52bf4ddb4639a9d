package io.senchat.server.rest;

/** One REST operation: reads what it needs from the request and says what to answer. */
@FunctionalInterface
interface Endpoint {

  /**
   * The reply to send.
   *
   * @throws io.senchat.domain.common.ChatException to answer with its code's status and a JSON error body
   */
  Reply handle(ApiRequest request);
}
