/**
 * SenChat's shared domain: the model, the wire protocol and its codec, and every rule of the product.
 *
 * <p>This code is compiled twice: by javac for the server and the JVM clients, and by GWT into the browser app.
 * It must therefore stay translatable: no dependencies, no reflection, no {@code java.util.regex}, no
 * {@code java.time}, no {@code String.format}, no threads, no I/O. Time enters only through
 * {@link io.senchat.domain.common.Clock} and randomness only through {@link io.senchat.domain.common.RandomSource},
 * so every rule is deterministic under test. The GWT compile of {@code chat-web-gwt} fails the build when a
 * JVM-only API creeps in.
 */
package io.senchat.domain;
