/**
 * Which transports the server mounts. Each transport module contributes a {@code ServerEndpoint<HttpHandler>} to a
 * map under its name ({@code "ws"}, {@code "longpoll"}); {@link io.senchat.server.transport.MountedTransports} keeps the
 * entries the configuration selects, so adding a transport is adding its module to the component.
 */
package io.senchat.server.transport;
