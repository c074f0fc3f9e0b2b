/** What every feature shares: the exception hierarchy, configuration of the data folder, schema migrations. */
package dev.netchat.shared;
