/**
 * The page's script, plain ES2017 run from file:// with nothing fetched: it reads the JSON data island
 * (`PageData`), fills the tables 100 rows at a time, applies the filters, and draws a worker's
 * timeline SVG when their section is first opened. Every text goes in through textContent or
 * setAttribute, never through HTML.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var PAGE = 100;
  var SVG = 'http://www.w3.org/2000/svg';
  var KINDS = ['Session overdue', 'Record not written', 'Due soon'];
  var KIND_ICONS = ['\u26A0', '\u270E', '\u25F7'];
  var FINDING_WORDS = { late: 'Late', missed: 'Missed', 'late-recording': 'Recorded late', unrecorded: 'Not recorded', 'too-short': 'Too short', 'too-long': 'Too long', 'too-few': 'Too few', upcoming: 'Next due', overdue: 'Overdue' };
  var RAG = { red: ['\u2716', 'Red'], amber: ['\u25B2', 'Amber'], green: ['\u2714', 'Green'] };
  var WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var DAY = 86400000;
  var fromMs = Date.parse(data.from + 'T00:00:00Z');

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs, title) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    if (title) { var t = document.createElementNS(SVG, 'title'); t.textContent = title; e.appendChild(t); }
    return e;
  }
  function fmt(iso) {
    if (!iso) return '';
    var t = new Date(Date.parse(iso.slice(0, 10) + 'T00:00:00Z'));
    return WEEKDAYS[t.getUTCDay()] + ' ' + t.getUTCDate() + ' ' + MONTHS[t.getUTCMonth()] + ' ' + t.getUTCFullYear();
  }
  function dayText(offset) { return fmt(new Date(fromMs + offset * DAY).toISOString()); }
  function plural(n, one) { return n + ' ' + one + (n === 1 ? '' : 's'); }
  function pct(part, whole) { return whole === 0 ? null : Math.round((100 * part) / whole); }
  function workerLabel(w) { return w ? (w.name ? w.name + ' (' + w.id + ')' : w.id) : 'No worker'; }
  function badge(cls, icon, words) {
    var s = el('span', { class: 'badge ' + cls });
    s.appendChild(el('span', { 'aria-hidden': 'true' }, icon + ' '));
    s.appendChild(document.createTextNode(words));
    return s;
  }
  function sevBadge(sev) {
    return sev === 1 ? badge('sev-breach', '\u2716', 'Breach') : sev === 0 ? badge('sev-advisory', '\u25B3', 'Advisory') : badge('sev-due', '\u25F7', 'Due');
  }
  function approxBadge(td) {
    td.appendChild(document.createTextNode(' '));
    td.appendChild(badge('approx', '\u2248', 'Approximate reading'));
  }
  function why(ruleIdx, sentence, approximate) {
    var rule = data.rules[ruleIdx];
    var d = el('details', { class: 'why' });
    d.appendChild(el('summary', null, 'Why'));
    d.appendChild(el('p', null, sentence));
    if (approximate) d.appendChild(el('p', { class: 'approx' }, 'Approximate reading: the rule reads the policy\u2019s text only approximately' + (rule && rule[5] ? ' (' + rule[5] + ')' : '') + '.'));
    if (rule) {
      var p = el('p', null, 'The policy, ' + rule[2] + ' (rule ' + rule[0] + ', ' + rule[1] + '):');
      d.appendChild(p);
      d.appendChild(el('blockquote', null, rule[3]));
      if (rule[4]) d.appendChild(el('p', { class: 'meta' }, 'Source: ' + rule[4]));
    }
    return d;
  }
  function cell(row, content, cls) {
    var td = el('td', cls ? { class: cls } : null);
    if (content instanceof Node) td.appendChild(content); else if (content !== undefined && content !== null) td.textContent = String(content);
    row.appendChild(td);
    return td;
  }

  var filters = { team: $('filter-team'), worker: $('filter-worker'), rule: $('filter-rule'), severity: $('filter-severity') };
  function current() {
    return { team: filters.team.value, worker: filters.worker.value, rule: filters.rule.value, severity: filters.severity.value };
  }
  function workerShown(wi, f) {
    var w = data.workers[wi];
    if (f.worker !== '' && String(wi) !== f.worker) return false;
    if (f.team !== '' && (!w || String(w.team) !== f.team)) return false;
    return true;
  }
  function sevShown(sev, f) {
    return f.severity === '' || (f.severity === 'breach' && sev === 1) || (f.severity === 'advisory' && sev === 0);
  }

  // Needs action now.
  var shownActions = PAGE;
  function actionRows(f) {
    var rows = [];
    for (var i = 0; i < data.actions.length; i++) {
      var a = data.actions[i];
      if (f.worker !== '' && String(a[1]) !== f.worker) continue;
      if (f.team !== '' && String(a[9]) !== f.team) continue;
      if (f.rule !== '' && String(a[2]) !== f.rule) continue;
      if (!sevShown(a[6], f)) continue;
      rows.push(a);
    }
    return rows;
  }
  function renderActions() {
    var f = current();
    var rows = actionRows(f);
    var body = $('na-body');
    body.textContent = '';
    var n = Math.min(rows.length, shownActions);
    for (var i = 0; i < n; i++) {
      var a = rows[i];
      var tr = el('tr', { 'data-worker': String(a[1]), 'data-kind': String(a[0]) });
      var th = el('th', { scope: 'row' }, a[1] >= 0 ? workerLabel(data.workers[a[1]]) : a[9] >= 0 ? 'Team ' + data.teams[a[9]] : 'No worker');
      tr.appendChild(th);
      var what = cell(tr, badge(a[0] === 2 ? 'sev-due' : a[6] === 1 ? 'sev-breach' : 'sev-advisory', KIND_ICONS[a[0]], KINDS[a[0]]));
      if (a[10] === 1) approxBadge(what);
      cell(tr, a[7]);
      cell(tr, data.rules[a[2]] ? data.rules[a[2]][0] : '', 'nowrap');
      cell(tr, fmt(a[3]), 'nowrap');
      cell(tr, a[0] === 2 ? (a[5] ? 'due in ' + plural(a[5], 'day') : 'due today') : plural(a[4], 'day'), 'num');
      cell(tr, sevBadge(a[6]));
      cell(tr, why(a[2], a[8], a[10] === 1));
      body.appendChild(tr);
    }
    $('na-count').textContent = rows.length === 0 ? 'Nothing needs action for this selection.' : 'Showing ' + n + ' of ' + plural(rows.length, 'item') + '.';
    $('na-more').hidden = n >= rows.length;
  }

  // Team overview.
  function renderOverview() {
    var f = current();
    var body = $('ov-body');
    body.textContent = '';
    var shown = 0;
    for (var i = 0; i < data.workers.length; i++) {
      if (!workerShown(i, f)) continue;
      var w = data.workers[i];
      shown++;
      var tr = el('tr', { 'data-worker': String(i) });
      tr.appendChild(el('th', { scope: 'row' }, workerLabel(w)));
      cell(tr, w.team >= 0 ? data.teams[w.team] : 'No team');
      var rag = RAG[w.rag] || RAG.green;
      var st = cell(tr, badge('rag-' + w.rag, rag[0], rag[1]));
      if (w.why) st.appendChild(el('div', { class: 'meta' }, w.why));
      var sp = pct(w.sm, w.sj);
      cell(tr, sp === null ? 'none judged' : sp + '% (' + w.sm + ' of ' + w.sj + ')', 'num');
      var rp = pct(w.ro, w.rd);
      cell(tr, rp === null ? 'none due' : rp + '% (' + w.ro + ' of ' + w.rd + ')', 'num');
      cell(tr, w.next ? fmt(w.next) : 'nothing due');
      cell(tr, w.cb + (w.ca ? ' (+' + w.ca + ' advisory)' : ''), 'num');
      cell(tr, w.b90 + (w.a90 ? ' (+' + w.a90 + ' advisory)' : ''), 'num');
      body.appendChild(tr);
    }
    $('ov-count').textContent = 'Showing ' + shown + ' of ' + plural(data.workers.length, 'worker') + '.';
  }

  // Workers: one collapsed section each, drawn when opened.
  function renderWorkerList() {
    var list = $('worker-list');
    for (var i = 0; i < data.workers.length; i++) {
      var w = data.workers[i];
      var d = el('details', { class: 'worker', id: 'worker-' + i, 'data-worker': String(i) });
      var rag = RAG[w.rag] || RAG.green;
      var s = el('summary');
      s.appendChild(el('span', null, workerLabel(w) + (w.team >= 0 ? ', team ' + data.teams[w.team] : '') + ' '));
      s.appendChild(badge('rag-' + w.rag, rag[0], rag[1]));
      d.appendChild(s);
      d.addEventListener('toggle', onToggle);
      list.appendChild(d);
    }
  }
  function onToggle(ev) {
    if (ev.currentTarget.open) ensureDrawn(ev.currentTarget);
  }
  function ensureDrawn(d) {
    if (d.getAttribute('data-drawn')) return;
    d.setAttribute('data-drawn', '1');
    drawWorker(d, Number(d.getAttribute('data-worker')));
  }
  function drawWorker(d, wi) {
    var w = data.workers[wi];
    var label = workerLabel(w);
    d.appendChild(el('h3', null, 'Timeline: ' + label));
    d.appendChild(timeline(w.tl, label));
    var f = current();
    var records = data.actions.filter(function (a) { return a[1] === wi && a[0] === 1; });
    d.appendChild(el('h3', null, 'Records overdue: ' + records.length));
    if (records.length > 0) {
      var rt = el('table', { class: 'records' });
      rt.appendChild(el('caption', null, 'Records not yet written after ' + label + '\u2019s sessions, oldest first'));
      rt.appendChild(head(['Session record', 'Rule', 'Due', 'Overdue', 'Details']));
      var rb = el('tbody');
      records.forEach(function (a) {
        var tr = el('tr');
        tr.appendChild(el('th', { scope: 'row' }, a[7]));
        cell(tr, data.rules[a[2]] ? data.rules[a[2]][0] : '', 'nowrap');
        cell(tr, fmt(a[3]), 'nowrap');
        cell(tr, plural(a[4], 'day'), 'num');
        cell(tr, why(a[2], a[8], a[10] === 1));
        rb.appendChild(tr);
      });
      rt.appendChild(rb);
      d.appendChild(rt);
    }
    d.appendChild(el('h3', null, 'Findings from ' + fmt(data.from) + ' to ' + fmt(data.asOf)));
    var ft = el('table', { class: 'findings' });
    ft.appendChild(el('caption', null, 'Findings about ' + label + ', by due date'));
    ft.appendChild(head(['Rule', 'Finding', 'Due', 'Met', 'Days late', 'Severity', 'Details']));
    var fb = el('tbody');
    w.f.forEach(function (x) {
      var tr = el('tr', { 'data-rule': String(x[0]), 'data-sev': String(x[2]) });
      tr.appendChild(el('th', { scope: 'row' }, data.rules[x[0]] ? data.rules[x[0]][0] : ''));
      var finding = cell(tr, (FINDING_WORDS[x[1]] || x[1]) + (x[8] !== null && x[8] !== undefined ? ' by ' + plural(x[8], 'minute') : ''));
      if (x[7] === 1) approxBadge(finding);
      cell(tr, fmt(x[3]));
      cell(tr, x[4] ? fmt(x[4]) : x[2] === 2 ? '' : 'not yet');
      cell(tr, x[2] === 2 ? '' : String(x[5]), 'num');
      cell(tr, sevBadge(x[2]));
      cell(tr, why(x[0], x[6], x[7] === 1));
      fb.appendChild(tr);
    });
    ft.appendChild(fb);
    d.appendChild(ft);
    if (w.f.length === 0) d.appendChild(el('p', { class: 'hidden-note' }, 'No findings in this period.'));
    filterFindings(d, f);
  }
  function head(names) {
    var thead = el('thead');
    var tr = el('tr');
    names.forEach(function (n) { tr.appendChild(el('th', { scope: 'col' }, n)); });
    thead.appendChild(tr);
    return thead;
  }
  function filterFindings(d, f) {
    var rows = d.querySelectorAll('table.findings tbody tr');
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var sev = Number(r.getAttribute('data-sev'));
      r.hidden = (f.rule !== '' && r.getAttribute('data-rule') !== f.rule) || (sev !== 2 && !sevShown(sev, f)) || (sev === 2 && f.severity !== '');
    }
  }

  function timeline(tl, label) {
    var W = 960, H = 92, top = 18, bottom = 66;
    var days = data.days;
    var x = function (offset) { return 8 + ((W - 16) * offset) / days; };
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'timeline', role: 'img' });
    var held = tl.s.filter(function (s) { return s[1] === 1; }).length;
    var summary = label + ' from ' + fmt(data.from) + ' to ' + fmt(data.to) + ': ' + plural(held, 'session') + ' held, ' +
      plural(tl.s.length - held, 'cancelled session') + ', ' + plural(tl.d.length, 'due date') + ', ' + plural(tl.l.length, 'late span') + ', ' + plural(tl.a.length, 'absence') + '.';
    root.setAttribute('aria-label', summary);
    root.appendChild(svg('rect', { x: 0, y: top, width: W, height: bottom - top, fill: '#fafafa', stroke: '#c8c8c8' }));
    // Month ticks.
    var start = new Date(fromMs);
    // Every month over up to 20 months; every quarter, or every January, over longer periods.
    var step = days > 1830 ? 12 : days > 610 ? 3 : 1;
    for (var m = 0; ; m++) {
      var first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1);
      var off = Math.round((first - fromMs) / DAY);
      if (off > days) break;
      if (off < 0 || x(off) > W - 40 || new Date(first).getUTCMonth() % step !== 0) continue;
      root.appendChild(svg('line', { x1: x(off), x2: x(off), y1: top - 4, y2: bottom, stroke: '#ddd' }));
      var t = new Date(first);
      var label2 = MONTHS[t.getUTCMonth()] + (t.getUTCMonth() === 0 ? ' ' + t.getUTCFullYear() : '');
      root.appendChild(svg('text', { x: x(off) + 2, y: 12, 'font-size': 11, fill: '#444' })).textContent = label2;
    }
    tl.a.forEach(function (a) {
      root.appendChild(svg('rect', { x: x(a[0]), y: top, width: Math.max(2, x(a[1] + 1) - x(a[0])), height: bottom - top, fill: 'url(#absent)', stroke: '#777', 'stroke-dasharray': '2 2' }, 'Absent from ' + dayText(a[0]) + ' to ' + dayText(a[1])));
    });
    data.calendar.bankHolidays.forEach(function (b) {
      root.appendChild(svg('line', { x1: x(b[0]), x2: x(b[0]), y1: top, y2: bottom, stroke: '#6a3d9a', 'stroke-dasharray': '3 2' }, 'Bank holiday: ' + b[1] + ', ' + dayText(b[0])));
    });
    data.calendar.closures.forEach(function (c) {
      root.appendChild(svg('line', { x1: x(c), x2: x(c), y1: top, y2: bottom, stroke: '#8c510a', 'stroke-dasharray': '1 2', 'stroke-width': 2 }, 'Council closure: ' + dayText(c)));
    });
    tl.l.forEach(function (l) {
      var rule = data.rules[l[3]] ? data.rules[l[3]][0] : '';
      root.appendChild(svg('rect', { x: x(l[0]), y: 44, width: Math.max(2, x(l[1]) - x(l[0])), height: 9, fill: l[2] === 1 ? '#b00020' : '#e0a100', stroke: l[2] === 1 ? '#5a0010' : '#6b4d00', 'stroke-dasharray': l[2] === 1 ? 'none' : '3 2' },
        (l[2] === 1 ? 'Late (breach)' : 'Late (advisory)') + ', rule ' + rule + ': due ' + dayText(l[0]) + ', until ' + dayText(l[1])));
    });
    tl.d.forEach(function (d) {
      var cx = x(d[0]);
      var rule = data.rules[d[1]] ? data.rules[d[1]][0] : '';
      root.appendChild(svg('path', { d: 'M' + cx + ' 56 l-5 9 h10 z', fill: d[2] === 1 ? '#b00020' : '#124a85' }, (d[2] === 1 ? 'Overdue: due ' : 'Due ') + dayText(d[0]) + ', rule ' + rule));
    });
    tl.s.forEach(function (s) {
      var type = data.eventTypes[s[2]] || 'session';
      root.appendChild(svg('circle', { cx: x(s[0]), cy: 31, r: 4.5, fill: s[1] === 1 ? '#1b6e2d' : '#fff', stroke: '#1b6e2d', 'stroke-width': 1.5 }, type + ' ' + (s[1] === 1 ? 'held' : 'cancelled') + ', ' + dayText(s[0])));
    });
    var ax = x(data.asOfDay);
    root.appendChild(svg('line', { x1: ax, x2: ax, y1: top - 4, y2: bottom + 4, stroke: '#000', 'stroke-width': 2 }, 'As of ' + fmt(data.asOf)));
    root.appendChild(svg('text', { x: ax > W - 160 ? ax - 3 : ax + 3, y: H - 6, 'font-size': 11, fill: '#000', 'text-anchor': ax > W - 160 ? 'end' : 'start' })).textContent = 'as of ' + fmt(data.asOf);
    var wrap = el('figure');
    wrap.appendChild(root);
    wrap.appendChild(el('figcaption', { class: 'meta' }, summary));
    return wrap;
  }

  function apply() {
    shownActions = PAGE;
    var f = current();
    renderActions();
    renderOverview();
    var sections = document.querySelectorAll('#worker-list > details');
    var shown = 0;
    for (var i = 0; i < sections.length; i++) {
      var visible = workerShown(Number(sections[i].getAttribute('data-worker')), f);
      sections[i].hidden = !visible;
      if (visible) shown++;
      if (sections[i].getAttribute('data-drawn')) filterFindings(sections[i], f);
    }
    $('worker-count').textContent = 'Showing ' + shown + ' of ' + plural(data.workers.length, 'worker') + '.';
  }
  for (var k in filters) filters[k].addEventListener('change', apply);
  $('filter-reset').addEventListener('click', function () { for (var k in filters) filters[k].value = ''; apply(); });
  $('na-more-button').addEventListener('click', function () { shownActions += PAGE; renderActions(); });
  $('open-all').addEventListener('click', function () {
    var sections = document.querySelectorAll('#worker-list > details:not([hidden])');
    for (var i = 0; i < sections.length; i++) sections[i].open = true;
  });
  window.addEventListener('beforeprint', function () {
    var sections = document.querySelectorAll('#worker-list > details:not([hidden])');
    // Drawn now, not on the toggle event that follows: the page is laid out for print before that.
    if (sections.length <= 50) for (var i = 0; i < sections.length; i++) { ensureDrawn(sections[i]); sections[i].open = true; }
  });
  renderWorkerList();
  apply();
  document.documentElement.setAttribute('data-ready', '1');
})();
`;
