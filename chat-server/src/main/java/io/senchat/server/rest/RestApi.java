package io.senchat.server.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.senchat.domain.common.Clock;
import io.senchat.server.auth.AccessTokens;
import io.senchat.server.auth.Authenticator;
import io.senchat.server.fanout.FanOut;
import io.senchat.store.ChatStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The REST API, mounted under {@code /api}: the route table below is the whole API (docs/api.md describes each
 * route). The account routes exist only with SenChat's own accounts ({@link AccessTokens} bound); with an
 * integrator's authenticator, their users sign in on their side.
 */
@Singleton
public final class RestApi implements HttpHandler {

  private final HttpHandler root;

  @Inject
  RestApi(ChatStore store, Authenticator authenticator, FanOut fanOut, Clock clock, MeterRegistry meters,
      Optional<AccessTokens> accounts) {
    ConversationAccess access = new ConversationAccess(store, clock);
    LiveUpdates live = new LiveUpdates(fanOut);
    ProfileEndpoints profiles = new ProfileEndpoints(store);
    ConversationEndpoints conversations = new ConversationEndpoints(store, access, live);
    MemberEndpoints members = new MemberEndpoints(store, access, live);
    MessageEndpoints messages = new MessageEndpoints(store);
    Routes routes = new Routes(authenticator, meters);
    accounts.ifPresent(tokens -> {
      AccountEndpoints account = new AccountEndpoints(store, tokens);
      routes.open("POST", "/auth/register", account::register)
          .open("POST", "/auth/login", account::login)
          .open("POST", "/auth/refresh", account::refresh)
          .open("POST", "/auth/logout", account::logout);
    });
    routes.user("GET", "/me", profiles::me)
        .user("PATCH", "/me", profiles::update)
        .user("GET", "/users", profiles::search)
        .user("GET", "/conversations", conversations::list)
        .user("POST", "/conversations/direct", conversations::openDirect)
        .user("POST", "/conversations/group", conversations::createGroup)
        .user("GET", "/conversations/{id}", conversations::get)
        .user("PATCH", "/conversations/{id}", conversations::update)
        .user("PATCH", "/conversations/{id}/state", conversations::updateState)
        .user("GET", "/conversations/{id}/members", members::list)
        .user("POST", "/conversations/{id}/members", members::add)
        .user("DELETE", "/conversations/{id}/members/{userId}", members::remove)
        .user("PATCH", "/conversations/{id}/members/{userId}", members::setRole)
        .user("POST", "/conversations/{id}/leave", members::leave)
        .user("GET", "/conversations/{id}/messages", messages::history)
        .user("GET", "/conversations/{id}/messages/around/{seq}", messages::around);
    this.root = new ApiErrorHandler(routes.table.handler());
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    root.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "restApi(" + root + ")";
  }

  /** Adds routes to the table, public ({@code open}) or for authenticated callers ({@code user}). */
  private static final class Routes {

    private final RouteTable table = new RouteTable();
    private final Authenticator authenticator;
    private final MeterRegistry meters;

    Routes(Authenticator authenticator, MeterRegistry meters) {
      this.authenticator = authenticator;
      this.meters = meters;
    }

    /** A route anyone may call: logging in is how a caller gets credentials. */
    Routes open(String method, String template, Endpoint endpoint) {
      table.add(method, template, new EndpointHandler(method + " " + template, endpoint, meters));
      return this;
    }

    /** A route for authenticated callers. */
    Routes user(String method, String template, Endpoint endpoint) {
      table.add(method, template, new AuthenticatingHandler(authenticator,
          new EndpointHandler(method + " " + template, endpoint, meters)));
      return this;
    }
  }
}
