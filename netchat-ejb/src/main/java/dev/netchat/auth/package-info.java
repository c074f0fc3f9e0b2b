/** Signing in: password hashing, access tokens (RS256 JWTs), refresh-token sessions and login throttling. */
package dev.netchat.auth;
