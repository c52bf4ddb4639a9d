/** The SenChat server: Undertow, the REST API, the core service and its Dagger wiring. */
package io.senchat.server;
