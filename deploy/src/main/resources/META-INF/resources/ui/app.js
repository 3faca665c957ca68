// The web page's one script, loaded with `defer` (the CSP allows no inline script). Two jobs:
//  1. Live updates: listen to /ui/events (server-sent events, one per event the projections committed) and re-read
//     the HTML fragments a change touches, so the board and the detail move without a reload.
//  2. Forms: send each action form as JSON to the service's own API (same origin, the browser resends the sign-in)
//     and show the API's problem document next to the fields it names.
(function () {
  'use strict';

  var REFRESH_DELAY_MS = 120;

  // ---- Live updates -------------------------------------------------------------------------------------------

  function regions() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-fragment]'));
  }

  // data-listen: "all", a metric id, or "team:<slug>"; a change names its stream and, when known, its team.
  function listens(region, change) {
    var listen = region.getAttribute('data-listen') || '';
    if (listen === 'all' || listen === change.stream) {
      return true;
    }
    if (listen.indexOf('team:') === 0) {
      return change.team === listen.substring(5) || change.team == null;
    }
    return false;
  }

  // A form someone is filling in (typed into, or holding the focus) keeps what they typed when its region is
  // re-read: the fresh copy of that form is swapped for the one on screen; everything around it is replaced.
  function inUse(form) {
    return form.hasAttribute('data-dirty') || form.contains(document.activeElement);
  }

  // A form's last outcome survives the re-reads its own success (and the events it caused) trigger, for a while:
  // the region holding the form is replaced each time.
  var STATUS_KEPT_MS = 15000;
  var statusesToRestore = {};

  function replace(region, html) {
    var active = document.activeElement;
    var fresh = document.createElement('div');
    fresh.innerHTML = html;
    region.querySelectorAll('form[id]').forEach(function (form) {
      var copy = fresh.querySelector('#' + CSS.escape(form.id));
      if (copy && inUse(form)) {
        copy.replaceWith(form);
      }
    });
    region.replaceChildren.apply(region, Array.prototype.slice.call(fresh.childNodes));
    if (active && active !== document.activeElement && region.contains(active)) {
      active.focus();
    }
    Object.keys(statusesToRestore).forEach(function (formId) {
      var saved = statusesToRestore[formId];
      var form = document.getElementById(formId);
      if (Date.now() > saved.until) {
        delete statusesToRestore[formId];
      } else if (form && region.contains(form) && !inUse(form)) {
        showStatus(form, saved.state, saved.node.cloneNode(true));
      }
    });
  }

  function refresh(region) {
    return fetch(region.getAttribute('data-fragment'), {
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      if (!response.ok) {
        return;
      }
      return response.text().then(function (html) {
        replace(region, html);
        region.setAttribute('data-refreshed', String(Date.now()));
        document.dispatchEvent(new CustomEvent('fragment-refreshed', { detail: region.id }));
      });
    }).catch(function () { /* the next change or a reload will bring it */ });
  }

  var timers = new Map();

  function scheduleRefresh(region) {
    if (timers.has(region)) {
      return;
    }
    timers.set(region, setTimeout(function () {
      timers.delete(region);
      refresh(region);
    }, REFRESH_DELAY_MS));
  }

  function refreshAll() {
    return Promise.all(regions().map(refresh));
  }

  function setLiveStatus(state, text) {
    var status = document.getElementById('live-status');
    if (status) {
      status.setAttribute('data-state', state);
      status.textContent = text;
    }
  }

  function listen() {
    if (!window.EventSource || regions().length === 0) {
      setLiveStatus('off', 'Live updates: off on this page');
      return;
    }
    var source = new EventSource('/ui/events');
    source.onmessage = function (message) {
      var change;
      try {
        change = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      if (change.type === 'Connected') {
        setLiveStatus('live', 'Live updates: on');
        // Changes committed between rendering the page (or losing the connection) and now were not streamed to
        // this page: catch up once.
        refreshAll();
        return;
      }
      if (change.type === 'Heartbeat') {
        return;
      }
      regions().forEach(function (region) {
        if (listens(region, change)) {
          scheduleRefresh(region);
        }
      });
    };
    source.onerror = function () {
      // EventSource reconnects by itself; say so until it does.
      setLiveStatus('connecting', 'Live updates: reconnecting');
    };
  }

  // ---- Forms ----------------------------------------------------------------------------------------------------

  function FieldProblem(field, message) {
    this.field = field;
    this.message = message;
  }

  // Turns a control's text into the JSON the API expects, by its data-kind. A value that does not parse is sent
  // as typed, so the API's own message explains what it wants.
  function valueOf(control) {
    var text = control.value.trim();
    switch (control.getAttribute('data-kind')) {
      case 'number':
        return isNaN(Number(text)) ? text : Number(text);
      case 'integer':
        return Number.isInteger(Number(text)) ? Number(text) : text;
      case 'list':
        return text.split(/[,\n]/).map(function (s) { return s.trim(); }).filter(function (s) { return s; });
      case 'instant': {
        var date = new Date(text);
        return isNaN(date.getTime()) ? text : date.toISOString();
      }
      case 'deltas':
        return text.split('\n').map(function (s) { return s.trim(); }).filter(function (s) { return s; })
          .map(function (line, index) {
            var parts = line.split(/\s+/);
            var before = Number(parts[parts.length - 2]);
            var after = Number(parts[parts.length - 1]);
            if (parts.length < 3 || isNaN(before) || isNaN(after)) {
              throw new FieldProblem(control.name, 'line ' + (index + 1) + ' must read: subject before after');
            }
            return { subject: parts.slice(0, -2).join(' '), before: before, after: after };
          });
      default:
        return text;
    }
  }

  function bodyOf(form) {
    var body = {};
    Array.prototype.forEach.call(form.elements, function (control) {
      if (!control.name || control.disabled || control.value.trim() === '' || control.hasAttribute('data-in-path')) {
        return;
      }
      body[control.name] = valueOf(control);
    });
    return body;
  }

  // A control marked data-in-path names which resource the form writes to (the shadow check to conclude): its value
  // replaces ":name" in data-api instead of going into the body.
  function urlOf(form) {
    var url = form.getAttribute('data-api');
    form.querySelectorAll('[data-in-path]').forEach(function (control) {
      url = url.replace(':' + control.name, encodeURIComponent(control.value.trim()));
    });
    return url;
  }

  function clearProblems(form) {
    delete statusesToRestore[form.id];
    form.querySelectorAll('[data-error-for]').forEach(function (slot) { slot.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (control) { control.removeAttribute('aria-invalid'); });
    showStatus(form, null, null);
  }

  function showStatus(form, state, content) {
    var status = form.querySelector('[data-form-status]');
    if (!status) {
      return;
    }
    status.textContent = '';
    if (state) {
      status.setAttribute('data-state', state);
      status.appendChild(typeof content === 'string' ? document.createTextNode(content) : content);
    } else {
      status.removeAttribute('data-state');
    }
  }

  // errors[].field is the request's field name, or a path into it ("deltas[0].before", "members[1]").
  function slotFor(form, field) {
    var names = [field, String(field).split(/[[.]/)[0]];
    for (var i = 0; i < names.length; i++) {
      var slot = form.querySelector('[data-error-for="' + CSS.escape(names[i]) + '"]');
      if (slot) {
        return { slot: slot, name: names[i] };
      }
    }
    return null;
  }

  function showProblems(form, detail, errors) {
    var unplaced = [];
    var first = null;
    errors.forEach(function (error) {
      var target = slotFor(form, error.field);
      if (!target) {
        unplaced.push(error.field + ': ' + error.message);
        return;
      }
      target.slot.textContent = target.slot.textContent ? target.slot.textContent + '; ' + error.message : error.message;
      var control = form.querySelector('[name="' + CSS.escape(target.name) + '"]');
      if (control && control.type !== 'hidden') {
        control.setAttribute('aria-invalid', 'true');
        first = first || control;
      }
    });
    var summary = document.createElement('div');
    var text = document.createElement('p');
    text.textContent = detail || 'The service refused the request.';
    summary.appendChild(text);
    if (unplaced.length) {
      var list = document.createElement('ul');
      unplaced.forEach(function (line) {
        var item = document.createElement('li');
        item.textContent = line;
        list.appendChild(item);
      });
      summary.appendChild(list);
    }
    showStatus(form, 'error', summary);
    if (first) {
      first.focus();
    }
  }

  function succeeded(form, answer) {
    var message = document.createElement('p');
    if (form.getAttribute('data-success') === 'created-metric' && answer && answer.metricId) {
      message.appendChild(document.createTextNode('Proposed. '));
      var link = document.createElement('a');
      link.href = '/ui/metrics/' + encodeURIComponent(answer.metricId);
      link.textContent = 'Open the new metric';
      link.setAttribute('data-new-metric', answer.metricId);
      message.appendChild(link);
    } else if (answer && answer.verdict) {
      message.textContent = 'Recorded: ' + answer.verdict + '.';
    } else if (answer && answer.result) {
      message.textContent = 'Concluded: ' + answer.result + '.';
    } else {
      message.textContent = 'Saved.';
    }
    form.reset();
    form.removeAttribute('data-dirty');
    delete form.dataset.idempotencyKey;
    showStatus(form, 'ok', message);
    statusesToRestore[form.id] = { state: 'ok', node: message, until: Date.now() + STATUS_KEPT_MS };
    return refreshAll();
  }

  document.addEventListener('input', function (event) {
    var form = event.target.closest && event.target.closest('form.api-form');
    if (form) {
      form.setAttribute('data-dirty', '');
      // A changed form is a new request: a key reused for it would be refused (422).
      delete form.dataset.idempotencyKey;
      delete statusesToRestore[form.id];
    }
  });

  // One key per request the form sends, kept until it succeeds or the form changes, so sending it again after a
  // lost answer cannot store it twice (README "Retrying writes safely").
  function idempotencyKeyOf(form) {
    if (!form.dataset.idempotencyKey) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      form.dataset.idempotencyKey = Array.prototype.map.call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      }).join('');
    }
    return form.dataset.idempotencyKey;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches('form.api-form')) {
      return;
    }
    event.preventDefault();
    clearProblems(form);
    var method = form.getAttribute('data-method') || 'POST';
    var init = {
      method: method,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Idempotency-Key': idempotencyKeyOf(form) }
    };
    try {
      if (method !== 'DELETE') {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(bodyOf(form));
      }
    } catch (problem) {
      if (problem instanceof FieldProblem) {
        showProblems(form, 'Please correct the marked field.', [problem]);
        return;
      }
      throw problem;
    }
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
    }
    fetch(urlOf(form), init).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      var read = type.indexOf('json') >= 0 ? response.json() : Promise.resolve(null);
      return read.then(function (answer) {
        if (response.ok) {
          return succeeded(form, answer);
        }
        var detail = answer && answer.detail ? answer.detail : 'The service answered ' + response.status + '.';
        showProblems(form, detail, answer && Array.isArray(answer.errors) ? answer.errors : []);
      });
    }).catch(function () {
      showProblems(form, 'The service could not be reached, so this may or may not have been saved. Send it again:'
        + ' a repeat is recognised and never saved twice.', []);
    }).finally(function () {
      if (button && document.contains(button)) {
        button.disabled = false;
      }
    });
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', listen);
  } else {
    listen();
  }
})();
