/** PostgreSQL persistence for SenChat. */
package io.senchat.store;
