/**
 * What a JVM program needs to be a SenChat client: {@link io.senchat.examples.client.JvmClientRuntime}, the event loop
 * the client engine runs on (one thread can carry many clients), and {@link io.senchat.examples.client.SenChatRest},
 * the REST calls that come before connecting (register, log in, create conversations). The bot and the load generator
 * are built from these two.
 */
package io.senchat.examples.client;
