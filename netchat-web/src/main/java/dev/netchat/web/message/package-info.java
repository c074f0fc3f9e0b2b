/** REST for single messages (edit, delete, reactions, threads) and message search. */
package dev.netchat.web.message;
