/** Cross-cutting HTTP concerns: configuration for MP-JWT, request size limits, the SPA fallback, health. */
package dev.netchat.web.shared;
