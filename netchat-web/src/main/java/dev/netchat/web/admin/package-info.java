/** The admin REST API (role admin): users, their sessions, and the audit log. */
package dev.netchat.web.admin;
