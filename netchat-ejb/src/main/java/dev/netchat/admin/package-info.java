/** Administration: managing users (from the web and the server console's MBean) and the audit log. */
package dev.netchat.admin;
