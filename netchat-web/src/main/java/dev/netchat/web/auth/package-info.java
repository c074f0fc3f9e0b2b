/** Sign-in over HTTP: the auth resource, session cookies, and the filters that guard every call. */
package dev.netchat.web.auth;
