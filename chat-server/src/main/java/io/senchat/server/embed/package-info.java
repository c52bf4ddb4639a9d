/**
 * SenChat inside your own server. A few lines open it over your PostgreSQL {@link javax.sql.DataSource} (or a JDBC
 * URL) and give back one Undertow handler to mount under a path of yours; your login decides who is calling:
 *
 * <pre>{@code
 * SenChat chat = SenChat.builder()
 *     .dataSource(myDataSource)
 *     .externalUsers("shop", handshake -> mySessions.userOf(handshake.header("cookie"))
 *         .map(user -> ExternalUser.of(user.id(), user.name())))
 *     .start();
 * PathHandler routes = Handlers.path(myRoutes).addPrefixPath("/chat", chat.handler());
 * }</pre>
 *
 * <p>Under the prefix: {@code /api/...} (REST, docs/api.md), {@code /ws} (WebSocket), {@code /healthz}. Your users
 * become SenChat users on their first request (or earlier through {@link io.senchat.server.embed.SenChat#provision}),
 * linked by your id for them. Without a hook SenChat keeps its own accounts ({@code /api/auth/*}).
 */
package io.senchat.server.embed;
