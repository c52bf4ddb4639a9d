/**
 * What every SenChat assembly shares, whether it runs as its own server ({@code io.senchat.server.ServerComponent})
 * or inside an integrator's ({@code io.senchat.server.embed}): the {@link io.senchat.server.wiring.ChatGraph} the
 * Dagger components implement, and the {@link io.senchat.server.wiring.ChatApplication} they build.
 */
package io.senchat.server.wiring;
