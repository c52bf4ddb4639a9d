/**
 * SenChat's wire protocol, version 1: the frames clients and servers exchange over any transport, and their JSON
 * codec.
 *
 * <p>{@link io.senchat.domain.protocol.ClientFrame} records are commands, {@link io.senchat.domain.protocol.ServerFrame}
 * records are replies and events; {@link io.senchat.domain.protocol.ProtocolCodec} turns them into JSON text and back,
 * carrying the request id that ties a command to its {@code ack} or {@code error}. Decoding is strict about what it
 * reads (types, ranges, id formats, JavaScript-safe integers) and ignores members it does not know, so that newer
 * peers may add fields. docs/protocol.md is the specification for other-language clients; a test keeps its examples
 * decodable.
 */
package io.senchat.domain.protocol;
