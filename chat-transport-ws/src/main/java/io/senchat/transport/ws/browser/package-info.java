/**
 * Browser client of the WebSocket transport on elemental2, compiled by the web app's GWT build (module
 * {@code io.senchat.transport.ws.WsBrowser}). The rules live in {@code ..shared}; this is only the thin shell around
 * {@code elemental2.dom.WebSocket}, so it must stay GWT-translatable: no {@code java.net}, no regular expressions, no
 * {@code String.format}.
 */
package io.senchat.transport.ws.browser;
