/**
 * A load generator for NetChat and two baselines (a bare Undertow broadcaster and socket.io): many WebSocket
 * clients, paced posts with the send time inside the text, and a per-receiver ledger of lost and doubled messages.
 */
package dev.netchat.loadtest;
