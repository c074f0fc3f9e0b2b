// Starts renewing the session (the HttpOnly refresh cookie for an access token) while the app's own script
// is still downloading, so a returning user's conversation does not wait for the script before it can even
// ask. The app takes this answer once, at start (src/lib/api-client.ts, takeEarlyRefresh), and never sends a
// second renewal beside it: the server spends a refresh token on use. Loaded async, so it neither delays the
// first paint nor waits for the page; should the app's script run first after all, the app has marked itself
// started and this script stays out of its way. A file, not inline, because the page's CSP allows only 'self'.
(function () {
  if (window.netchatStarted) return;
  var early = fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { Accept: 'application/json, application/problem+json' },
    credentials: 'same-origin',
  });
  // Marked as handled here; the app still sees the failure when it awaits the promise.
  early.catch(function () {});
  window.netchatEarlyRefresh = early;
})();
