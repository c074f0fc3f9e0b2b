/** Application metrics: one Micrometer registry that the web module serves in the Prometheus format at /metrics. */
package dev.netchat.metrics;
