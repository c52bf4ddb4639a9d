/** Conversation membership as the real-time core sees it: cached for authorisation and fan-out. */
package io.senchat.server.membership;
