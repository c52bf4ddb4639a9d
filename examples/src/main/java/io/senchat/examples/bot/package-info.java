/**
 * Bots: {@link io.senchat.examples.bot.EchoBot} answers every text message with {@code "echo: <text>"}; copy it to
 * start a bot of your own.
 */
package io.senchat.examples.bot;
