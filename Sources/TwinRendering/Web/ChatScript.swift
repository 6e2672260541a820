/// The chat page's script (`chat.js`): our own, no framework. It takes over the forms that post
/// to `/chat` — sends them with `fetch` as the browser would (form-encoded, with the button
/// pressed, and the header `JobTwin-Page: in-place`, so that the server answers with the next
/// page's regions, language and title rather than a redirect), puts those regions in place of
/// the current ones — and
/// moves the focus to the new question. It also says which history it shows
/// (`JobTwin-History`, see `TranscriptDigest`), so that the answer carries only the new lines,
/// which it appends; when those do not follow on from what it shows, it loads the whole page. The `aria-live` region stays the same
/// element (only its content changes), so that screen readers announce the new messages.
/// Without the script, or when anything goes wrong, the forms post as plain forms.
/// Arrow keys move between the options of a question; Ctrl+Enter sends a text area.
enum ChatScript {
    static let js = #"""
    // JobTwin web chat: forms posted in place; without this script they post as usual.
    (function () {
      'use strict';
      if (!window.fetch || !window.DOMParser || !window.URLSearchParams || !document.querySelector) { return; }
      var regions = ['bar', 'progress', 'history', 'newest', 'ask'];
      var busy = false;
      var pressed = null;

      function fill(now, next) {
        while (now.firstChild) { now.removeChild(now.firstChild); }
        Array.prototype.forEach.call(next.childNodes, function (node) { now.appendChild(document.importNode(node, true)); });
        Array.prototype.forEach.call(next.attributes, function (a) { now.setAttribute(a.name, a.value); });
      }

      // Only the lines after those shown came (data-from): they go below them.
      function extend(now, next) {
        Array.prototype.forEach.call(next.childNodes, function (node) { now.appendChild(document.importNode(node, true)); });
        Array.prototype.forEach.call(next.attributes, function (a) { if (a.name !== 'data-from') { now.setAttribute(a.name, a.value); } });
      }

      function swap(doc) {
        var pairs = regions.map(function (id) { return [document.getElementById(id), doc.getElementById(id)]; });
        if (pairs.some(function (p) { return !p[0] || !p[1]; })) { return false; }
        var history = pairs[regions.indexOf('history')];
        var from = history[1].getAttribute('data-from');
        if (from !== null && history[0].getAttribute('data-lines') !== from) { return false; }
        pairs.forEach(function (p) { (p === history && from !== null ? extend : fill)(p[0], p[1]); });
        document.documentElement.lang = doc.documentElement.lang;
        document.title = doc.title;
        return true;
      }

      function focusQuestion() {
        var ask = document.getElementById('ask');
        var target = ask && (ask.querySelector('[name=answer]') || ask.querySelector('button, input, textarea'));
        if (target) { target.focus(); } else { document.getElementById('chat').focus(); }
      }

      document.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('button');
        pressed = button && button.form ? button : null;
      });

      document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form || form.getAttribute('action') !== '/chat' || form.hasAttribute('data-native')) { return; }
        event.preventDefault();
        if (busy) { return; }
        var submitter = event.submitter || (pressed && pressed.form === form ? pressed : null);
        var data = new FormData(form);
        if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
        var main = document.getElementById('chat');
        var shown = document.getElementById('history');
        var headers = { 'Accept': 'text/html', 'JobTwin-Page': 'in-place' };
        if (shown && shown.getAttribute('data-lines') && shown.getAttribute('data-digest')) {
          headers['JobTwin-History'] = shown.getAttribute('data-lines') + '.' + shown.getAttribute('data-digest');
        }
        busy = true;
        if (main) { main.setAttribute('aria-busy', 'true'); }
        fetch(form.action, { method: 'POST', body: new URLSearchParams(data), credentials: 'same-origin', redirect: 'follow',
                             headers: headers })
          .then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.text().then(function (text) {
              var doc = new DOMParser().parseFromString(text, 'text/html');
              if (!swap(doc)) { window.location.assign(response.url); return; }
              focusQuestion();
            });
          })
          .catch(function () {
            // Post it the plain way: the server answers with the page.
            form.setAttribute('data-native', '');
            if (submitter) { submitter.click(); } else { form.submit(); }
          })
          .then(function () {
            busy = false;
            if (main) { main.removeAttribute('aria-busy'); }
          });
      });

      document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && target.tagName === 'TEXTAREA' && target.form) {
          event.preventDefault();
          var send = target.form.querySelector('button.primary');
          if (send) { send.click(); }
          return;
        }
        var step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
        var group = step && target.closest && target.closest('.options');
        if (!group) { return; }
        var items = Array.prototype.slice.call(group.querySelectorAll('button, input[type=checkbox]'));
        var index = items.indexOf(target);
        if (index < 0) { return; }
        event.preventDefault();
        items[(index + step + items.length) % items.length].focus();
      });
    })();
    """#
}
