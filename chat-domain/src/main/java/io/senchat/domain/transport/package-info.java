/**
 * The seam between transports and the rest of SenChat.
 *
 * <p>Transports only frame and deliver: they carry encoded protocol frames (strings) between a client and the
 * server core and never interpret them. The server side of a transport turns each accepted client link into a
 * {@link io.senchat.domain.transport.Connection} and hands it, with its {@link
 * io.senchat.domain.transport.Handshake}, to the {@link io.senchat.domain.transport.ConnectionAcceptor} the core
 * implements. The client side implements {@link io.senchat.domain.transport.ClientTransport} and reports to a
 * {@link io.senchat.domain.transport.ClientTransportListener}. Nothing here names Undertow, the JDK's HTTP client or
 * the browser, so the same contract serves the JVM and GWT.
 */
package io.senchat.domain.transport;
