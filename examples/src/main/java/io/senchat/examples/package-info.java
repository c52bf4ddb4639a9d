/** Runnable programs for developers: embedding SenChat, bots, transport swapping and load generation. */
package io.senchat.examples;
