(function () {
  'use strict';
  var configElement = document.getElementById('dgrid-config');
  var config = configElement ? JSON.parse(configElement.textContent) : {};

  function formatCount(n) {
    return Number(n).toLocaleString('en-US');
  }

  function span(ms) {
    var s = Math.round(ms / 1000);
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.round(s / 60) + ' min';
    if (s < 86400) return Math.round(s / 3600) + ' h';
    return Math.round(s / 86400) + ' d';
  }

  function ago(time, now) {
    var diff = now - time;
    if (isNaN(diff)) return 'unknown';
    if (Math.abs(diff) < 10000) return 'just now';
    return diff > 0 ? span(diff) + ' ago' : 'in ' + span(-diff);
  }

  // The render wrote times relative to when it ran; a page read later should say how old things are now.
  // Durations such as "running for" stay as of the render, like the tables they are in.
  function refreshTimes() {
    var now = Date.now();
    document.querySelectorAll('time[data-relative]').forEach(function (el) {
      el.textContent = ago(Date.parse(el.dateTime), now);
    });
  }
  refreshTimes();
  setInterval(refreshTimes, 30000);

  var filterBox = document.getElementById('filter-box');
  var filter = document.getElementById('task-filter');
  if (filterBox && filter) {
    var filterStatus = document.getElementById('filter-status');
    filterBox.hidden = false;
    filter.addEventListener('input', function () {
      var query = filter.value.trim().toLowerCase();
      var rows = document.querySelectorAll('tr[data-task-id]');
      var shown = 0;
      rows.forEach(function (row) {
        var match = query === '' || row.getAttribute('data-task-id').toLowerCase().indexOf(query) !== -1;
        row.hidden = !match;
        if (match) shown++;
      });
      filterStatus.textContent = query === '' ? '' : formatCount(shown) + ' of ' + formatCount(rows.length) + ' rows match';
    });
  }

  function setCount(key, value) {
    document.querySelectorAll('[data-count="' + key + '"]').forEach(function (el) {
      el.textContent = formatCount(value);
    });
  }

  function refreshCounts() {
    fetch(config.statusUrl, { cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error('status.json: HTTP ' + response.status);
        return response.json();
      })
      .then(function (status) {
        var counts = status.counts;
        setCount('queued', counts.queued);
        ['high', 'normal', 'low'].forEach(function (p) {
          setCount('queued_' + p, counts.queued_by_priority[p]);
        });
        setCount('in_progress', counts.in_progress);
        setCount('completed', counts.completed);
        setCount('failed', counts.failed);
        setCount('nodes_online', counts.nodes_online);
        setCount('nodes_total', counts.nodes_total);
        setCount('recommended_workers', status.recommended_workers);
        var reason = document.getElementById('recommendation-reason');
        if (reason) reason.textContent = status.recommendation_reason;
        var note = document.getElementById('refresh-note');
        if (note && status.generated_at !== config.generatedAt) {
          note.textContent = 'Counts are from a newer render (' + ago(Date.parse(status.generated_at), Date.now()) +
            '); reload the page to update the tables.';
        }
      })
      .catch(function () {
        // Offline or mid-deploy: keep the counts shown; the next tick tries again.
      });
  }
  if (config.statusUrl) setInterval(refreshCounts, 60000);

  var form = document.getElementById('submit-form');
  if (form) setUpSubmitForm(form);

  function setUpSubmitForm(form) {
    var errorBox = document.getElementById('submit-errors');
    var result = document.getElementById('submit-result');
    form.hidden = false;
    document.getElementById('submit-needs-script').hidden = true;

    function field(name) {
      return form.elements.namedItem(name);
    }
    function text(name) {
      return field(name).value.trim();
    }
    function list(name) {
      return text(name).split(/[\s,]+/).filter(Boolean);
    }
    // Numbers the browser could not parse stay strings, so the schema names the field.
    function number(name) {
      var raw = text(name);
      return raw === '' ? undefined : isNaN(Number(raw)) ? raw : Number(raw);
    }
    function labelOf(name) {
      var label = form.querySelector('label[for="f-' + name + '"]');
      return label ? label.firstChild.textContent.trim() : name;
    }

    function composeTask(problems) {
      var task = {};
      function set(key, value) {
        if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) task[key] = value;
      }
      set('task_id', text('task_id'));
      set('script', field('script').value);
      set('timeout_seconds', number('timeout_seconds'));
      set('priority', text('priority'));
      set('image', text('image'));
      set('max_attempts', number('max_attempts'));
      set('requires', list('requires'));
      set('depends_on', list('depends_on'));
      var resources = {};
      if (number('cpus') !== undefined) resources.cpus = number('cpus');
      if (number('memory_mb') !== undefined) resources.memory_mb = number('memory_mb');
      if (Object.keys(resources).length > 0) task.resources = resources;
      set('not_before', text('not_before'));
      var env = {};
      field('env').value.split(/\r?\n/).forEach(function (line, i) {
        if (line.trim() === '') return;
        var eq = line.indexOf('=');
        if (eq <= 0) problems.push({ name: 'env', message: 'Environment line ' + (i + 1) + ' must look like NAME=value.' });
        else env[line.slice(0, eq).trim()] = line.slice(eq + 1);
      });
      if (Object.keys(env).length > 0) task.env = env;
      set('description', text('description'));
      return task;
    }

    function describe(error) {
      var parts = error.instancePath.split('/').filter(Boolean);
      var name = parts.length === 0 && error.keyword === 'required' ? error.params.missingProperty : parts[0];
      if (name === 'resources') name = parts[1];
      if (!name || !field(name)) return { name: 'task_id', message: 'The task ' + error.message + '.' };
      var label = labelOf(name);
      if (error.keyword === 'required') return { name: name, message: label + ' is required.' };
      if (name === 'task_id' && error.keyword === 'pattern') {
        return { name: name, message: label + ' must start with a letter or digit and use only letters, digits, dot, underscore and dash (at most 128 characters).' };
      }
      if (error.keyword === 'propertyNames') {
        return { name: name, message: 'Environment names must be upper case (A-Z, 0-9, _) and not PATH, HOME or LD_*; "' + error.params.propertyName + '" is not allowed.' };
      }
      if (error.keyword === 'anyOf' || error.keyword === 'enum') return { name: name, message: label + ' must be one of the listed values.' };
      if (error.keyword === 'format') return { name: name, message: label + ' must be an RFC 3339 date-time such as 2030-01-31T12:00:00Z.' };
      return { name: name, message: label + ' ' + error.message + '.' };
    }

    // The policy checks of the CLI's validate command, for the limits the schema cannot know.
    function policyProblems(task) {
      var problems = [];
      var policy = config.policy;
      function atMost(name, value, limit, unit) {
        if (typeof value === 'number' && value > limit) {
          problems.push({ name: name, message: labelOf(name) + ' must be at most ' + limit + unit + ' on this grid.' });
        }
      }
      atMost('timeout_seconds', task.timeout_seconds, policy.max_timeout_seconds, ' seconds');
      atMost('max_attempts', task.max_attempts, policy.max_attempts, '');
      atMost('cpus', task.resources && task.resources.cpus, policy.limits.cpus, '');
      atMost('memory_mb', task.resources && task.resources.memory_mb, policy.limits.memory_mb, ' MB');
      if (task.image !== undefined && task.image !== policy.default_image && policy.allowed_images.indexOf(task.image) === -1) {
        problems.push({ name: 'image', message: 'This grid does not allow that image; pick one from the list.' });
      }
      if (new TextEncoder().encode(task.script).length > 65536) {
        problems.push({ name: 'script', message: 'Script is over 64 KiB; ship data some other way.' });
      }
      return problems;
    }

    function clearProblems() {
      errorBox.hidden = true;
      errorBox.querySelector('ul').textContent = '';
      form.querySelectorAll('[aria-invalid]').forEach(function (el) {
        el.removeAttribute('aria-invalid');
      });
      form.querySelectorAll('.field-error').forEach(function (el) {
        el.textContent = '';
        el.hidden = true;
      });
    }

    function showProblems(problems) {
      var listElement = errorBox.querySelector('ul');
      problems.forEach(function (problem) {
        var input = field(problem.name);
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = '#f-' + problem.name;
        link.textContent = problem.message;
        item.appendChild(link);
        listElement.appendChild(item);
        input.setAttribute('aria-invalid', 'true');
        var inline = document.getElementById('f-' + problem.name + '-error');
        inline.textContent = inline.textContent ? inline.textContent + ' ' + problem.message : problem.message;
        inline.hidden = false;
      });
      errorBox.hidden = false;
      errorBox.focus();
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearProblems();
      result.hidden = true;
      var problems = [];
      var fork = text('fork');
      if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(fork)) {
        problems.push({ name: 'fork', message: 'Your fork must look like owner/repository.' });
      }
      var task = composeTask(problems);
      var validate = window.dgridValidateTask;
      var errors = typeof validate === 'function' ? validate(task) : [{ instancePath: '', keyword: 'load', params: {}, message: 'could not be checked: the validator did not load' }];
      errors.forEach(function (error) {
        // As in the CLI: union branches and the parts of propertyNames repeat what their parent says.
        if (error.keyword === 'const' || error.keyword === 'not' || /\/propertyNames\//.test(error.schemaPath || '')) return;
        var problem = describe(error);
        var seen = problems.some(function (p) {
          return p.name === problem.name && p.message === problem.message;
        });
        if (!seen) problems.push(problem);
      });
      if (errors.length === 0) problems = problems.concat(policyProblems(task));
      if (problems.length > 0) {
        showProblems(problems);
        return;
      }
      var json = JSON.stringify(task, null, 2) + '\n';
      var branch = config.branch.split('/').map(encodeURIComponent).join('/');
      var newFile = config.serverUrl + '/' + fork + '/new/' + branch + '?filename=tasks/queue/' + encodeURIComponent(task.task_id) + '.json';
      var url = newFile + '&value=' + encodeURIComponent(json);
      document.getElementById('submit-json').textContent = json;
      var link = document.getElementById('submit-link');
      link.href = url;
      result.hidden = false;
      // GitHub refuses very long URLs; a long script has to be pasted by hand.
      if (url.length > 8000) {
        document.getElementById('submit-message').textContent =
          'This task is too long to pass to GitHub in a link. Copy the JSON below into a new file tasks/queue/' + task.task_id + '.json in your fork.';
        link.href = newFile;
        result.focus();
        return;
      }
      document.getElementById('submit-message').textContent = 'The task is valid. Opening GitHub to create the file in your fork…';
      result.focus();
      window.location.assign(url);
    });
  }
})();
