/**
 * Accounts of an integrator's own user system (an issuer and its external ids) linked to SenChat users, so that an
 * application embedding SenChat can keep its own login and have its users provisioned on first use.
 */
package io.senchat.store.identity;
