/**
 * The REST API under {@code /api} (see docs/api.md): JSON in and out with the protocol's error codes and the
 * domain's JSON forms, every route authorised through the {@link io.senchat.server.auth.Authenticator}, all work
 * on worker threads. {@link io.senchat.server.rest.RestApi} holds the route table; the endpoint classes are grouped
 * by feature (accounts, profiles, conversations, members, messages).
 */
package io.senchat.server.rest;
