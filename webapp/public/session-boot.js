// Starts renewing the session (the HttpOnly refresh cookie for an access token) while the app's own script
// is still downloading, so a returning user's conversation does not wait for the script before it can even
// ask. The app takes this answer once, at start (src/lib/api-client.ts, takeEarlyRefresh), and never sends a
// second renewal beside it: the server spends a refresh token on use. Loaded async, so it neither delays the
// first paint nor waits for the page; should the app's script run first after all, the app has marked itself
// started and this script stays out of its way. A file, not inline, because the page's CSP allows only 'self'.
(function () {
  if (window.netchatStarted) return;
  var accept = 'application/json, application/problem+json';
  var early = fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { Accept: accept },
    credentials: 'same-origin',
  });
  // Marked as handled here; the app still sees the failure when it awaits the promise.
  early.catch(function () {});
  window.netchatEarlyRefresh = early;

  // The reads the first screen makes go out as soon as the renewal answers, with its token: the profile, the
  // channel list and, when the address opens a conversation (#/c/<id>, see src/lib/navigation.ts), that
  // channel and its latest page of history. On a phone the app's script takes a second or more to arrive and
  // run; these answers are there when it asks (api-client.ts, takeEarlyRead, which uses one only if it was
  // sent with the token the app holds). The paths must be the ones the app requests (src/config/constants.ts,
  // apiPaths, and messagePageSize); src/lib/__tests__/session-boot.test.ts checks that they are.
  var token = early
    .then(function (response) {
      if (!response.ok) return null;
      // A copy: the app reads the renewal's own body.
      return response
        .clone()
        .json()
        .then(function (body) {
          return typeof body.token === 'string' ? body.token : null;
        });
    })
    .catch(function () {
      return null;
    });
  var paths = ['/api/users/me', '/api/channels'];
  var open = /^#\/c\/([^/]+)(?:\/t\/[^/]+)?$/.exec(location.hash);
  if (open) {
    try {
      var channel = '/api/channels/' + encodeURIComponent(decodeURIComponent(open[1]));
      paths.push(channel, channel + '/messages?limit=50');
    } catch {
      // Not an address the app opens either.
    }
  }
  var reads = {};
  paths.forEach(function (path) {
    var read = token.then(function (sentWith) {
      if (!sentWith) return null;
      return fetch(path, {
        headers: { Accept: accept, Authorization: 'Bearer ' + sentWith },
        credentials: 'same-origin',
      }).then(function (response) {
        return { token: sentWith, response: response };
      });
    });
    read.catch(function () {});
    reads[path] = read;
  });
  window.netchatEarlyReads = reads;
})();
