/**
 * The audit log: who did what to whom, written by sign-in (auth) and by administration (admin) alike. Its own
 * package so that neither of those depends on the other for it.
 */
package dev.netchat.audit;
