/**
 * Fan-out: delivering committed changes to every live session of every recipient, and the registry of live sessions
 * it reaches them through.
 */
package io.senchat.server.fanout;
