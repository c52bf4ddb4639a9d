/** WebSocket transport: frames protocol messages over WebSocket and hands them to the server core. */
package io.senchat.transport.ws;
