/** The user resources: one's own profile and settings, password changes, and finding other users. */
package dev.netchat.web.user;
