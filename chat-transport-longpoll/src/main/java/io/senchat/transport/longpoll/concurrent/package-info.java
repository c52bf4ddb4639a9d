/** Concurrency helpers shared by the server endpoint and the JVM client (JVM only). */
package io.senchat.transport.longpoll.concurrent;
