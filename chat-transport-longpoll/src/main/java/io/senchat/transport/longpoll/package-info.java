/** Long-poll transport: commands go up by POST, events come down in held GET requests acknowledged by cursor. */
package io.senchat.transport.longpoll;
