/*
 * Starts the requests the first screen needs while the application's scripts download and evaluate:
 * who is signed in, and the indicators dashboard's data when that is the page asked for. The app takes
 * each answer once (web/src/api/boot.ts); where nothing was started it asks the server itself.
 * Plain ES5, outside the bundle, so that it runs as soon as the HTML is parsed.
 */
(function () {
  if (typeof fetch !== 'function' || typeof URLSearchParams !== 'function') return;
  var started = Date.now();
  var get = function (url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(function () {
      return null;
    });
  };
  var urls = ['/api/me'];
  var path = location.pathname.replace(/\/+$/, '');
  var q = new URLSearchParams(location.search);
  // the dashboard as IndicatorsPage asks for it: region (city users only; the server takes a county
  // user's own region) and year; quarters and other tabs are left to the page
  if ((path === '/indicators' || path === '/indicators/dashboard') && !q.get('quarter') && (!q.get('tab') || q.get('tab') === 'dashboard')) {
    var p = new URLSearchParams();
    if (q.get('region')) p.set('region', q.get('region'));
    if (Number(q.get('year'))) p.set('year', String(Number(q.get('year'))));
    var qs = p.toString();
    urls.push('/api/indicators/dashboard' + (qs ? '?' + qs : ''));
  }
  var responses = {};
  for (var i = 0; i < urls.length; i++) responses[urls[i]] = get(urls[i]);
  window.__zsBoot = { started: started, responses: responses };
})();
