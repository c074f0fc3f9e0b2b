/** Messages: posting (idempotent per client id), history, edits, deletes, reactions, threads and search. */
package dev.netchat.message;
