/** Every failure becomes an RFC 9457 problem+json answer here, and nowhere else. */
package dev.netchat.web.error;
