/** Accounts: who the users are, their profile and settings, and the rules their fields must follow. */
package dev.netchat.user;
