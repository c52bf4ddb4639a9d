/**
 * A small, strict JSON tree with a bounded parser and an embed-safe writer, written for SenChat's wire protocol.
 *
 * <p>Hand-written rather than borrowed because this package must translate to JavaScript with GWT (no reflection,
 * no regex, no {@code java.nio}) and because input comes from untrusted peers: {@link JsonParser} enforces
 * {@link JsonLimits} before and while parsing, runs in linear time, never recurses deeper than the depth limit and
 * reports every failure as a {@link io.senchat.domain.common.ChatException}. Numbers keep their literal text, so no
 * floating-point conversion ever happens.
 */
package io.senchat.domain.protocol.json;
