/**
 * Authentication state: Argon2id password hashes and refresh-token sessions with rotation and theft detection.
 * Access tokens are not stored; the server signs short-lived ones and checks {@link SessionStore#find} as needed.
 */
package io.senchat.store.auth;
