/** The HTTP face of NetChat: REST resources under /api, security filters, error mapping, health. */
package dev.netchat.web;
