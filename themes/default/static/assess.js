// ladderbook self-assessment: turns the page's printable checklist into a
// private, interactive assessment against a target level.
//
// Everything stays in this browser (localStorage, one entry per book title
// and target level); export and import use local files only (Blob download,
// FileReader), so the page works from file:// and from any sub-path.
// The file format is `ladderbook.assessment/1` (content-format.md).
(function () {
  "use strict";

  var app = document.getElementById("assess-app");
  if (!app) return;

  var FORMAT = "ladderbook.assessment/1";
  var WORDS = wordsOf("assess-words");
  // A book with [history] (issue 17): per ladder version of an older
  // release, where its expectations' keys went, and the words about it.
  var HISTORY = wordsOf("assess-history");
  var RATINGS = [
    { id: "not-yet", label: word("assess_not_yet", "Not yet"), value: 0 },
    { id: "partly", label: word("assess_partly", "Partly"), value: 1 },
    { id: "consistently", label: word("assess_consistently", "Consistently"), value: 2 },
    { id: "beyond", label: word("assess_beyond", "Beyond"), value: 3 }
  ];
  var BY_ID = {};
  RATINGS.forEach(function (r) { BY_ID[r.id] = r; });
  var GOAL = 2; // "consistently": what a level expects
  var MAX = 3;
  var GAPS_SHOWN = 10;

  var book = {
    title: app.getAttribute("data-book") || ((document.querySelector(".brand") || {}).textContent || document.title).trim(),
    version: document.body.getAttribute("data-version") || ""
  };
  var levels = readLevels();
  var select = document.getElementById("assess-target");
  var form = document.getElementById("assess-form");
  var notesField = document.getElementById("assess-notes");
  var status = app.querySelector(".status");
  var notice = document.getElementById("assess-notice");
  var state = null; // { level, ratings: { key: { rating, notes } }, notes }
  var items = []; // the items of the current target, in page order

  // ---- the book's levels, read from the no-JS checklist ----------------

  function readLevels() {
    var out = {};
    document.querySelectorAll("details.assess-level").forEach(function (d) {
      var level = {
        id: d.getAttribute("data-level"),
        title: d.getAttribute("data-title"),
        code: d.getAttribute("data-code"),
        previous: d.getAttribute("data-previous"),
        competencies: []
      };
      d.querySelectorAll(".check-competency").forEach(function (c) {
        var link = c.querySelector("h3 a");
        var note = c.querySelector("h3 .muted");
        // The owners' note on the cell (issue 25): shown, never rated.
        var cellNote = c.querySelector(":scope > .cell-note");
        var comp = {
          id: c.getAttribute("data-competency"),
          name: c.getAttribute("data-name"),
          area: c.getAttribute("data-area"),
          href: link ? link.getAttribute("href") : null,
          note: note ? note.textContent : "",
          cellNote: cellNote ? cellNote.innerHTML : "",
          items: []
        };
        c.querySelectorAll("li[data-key]").forEach(function (li) {
          var copy = li.cloneNode(true);
          var box = copy.querySelector(".box");
          if (box) box.remove();
          comp.items.push({
            key: li.getAttribute("data-key"),
            text: li.getAttribute("data-text"),
            html: copy.innerHTML.trim()
          });
        });
        level.competencies.push(comp);
      });
      out[level.id] = level;
    });
    return out;
  }

  // The items rated against `levelId`: its own expectations (carried-over
  // ones included), then the previous level's that differ, as foundation.
  // Foundation keys are prefixed with their level: `sre-2/observability:0`.
  function itemsOf(levelId) {
    var level = levels[levelId];
    var list = [];
    var own = {};
    level.competencies.forEach(function (c) {
      c.items.forEach(function (it) {
        own[it.key] = it.text;
        list.push(item(it, c, it.key, null));
      });
    });
    var previous = level.previous && levels[level.previous];
    // A competency the level below expects but this level does not has
    // ended (`[]`, issue 25): it is no foundation for this level.
    var expected = {};
    level.competencies.forEach(function (c) { expected[c.id] = true; });
    if (previous) {
      previous.competencies.forEach(function (c) {
        if (!expected[c.id]) return;
        c.items.forEach(function (it) {
          if (own[it.key] === it.text) return; // carried over: rated above
          list.push(item(it, c, previous.id + "/" + it.key, previous));
        });
      });
    }
    return list;
  }

  function item(it, comp, key, foundation) {
    return {
      key: key,
      rawKey: it.key,
      text: it.text,
      html: it.html,
      competency: comp,
      foundation: foundation,
      id: "rate-" + key.replace(/[^a-z0-9-]+/g, "-")
    };
  }

  // ---- storage ---------------------------------------------------------
  // One entry per book title and target level, and one for the last target.

  function storageKey(level) {
    return "ladderbook.assessment:" + book.title + ":" + level;
  }
  var TARGET_KEY = "ladderbook.assessment-target:" + book.title;

  function load(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key));
    } catch (e) {
      return null;
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (e) { /* nothing stored, nothing to forget */ }
  }

  var warnedStorage = false;
  function persist() {
    state.saved = new Date().toISOString();
    if (!save(storageKey(state.level), state) && !warnedStorage) {
      warnedStorage = true;
      say(word("assess_cannot_save", "This browser does not let the page save your answers: export them before you leave."), true);
    }
  }

  // The interface's words for this script: the JSON the page carries in
  // #<name> (the book's strings table), else the English given here.
  function wordsOf(id) {
    var element = document.getElementById(id);
    try {
      return (element && JSON.parse(element.textContent)) || {};
    } catch (err) {
      return {};
    }
  }

  // A word by key, its {placeholders} filled from `values`.
  function word(key, english, values) {
    return fill(typeof WORDS[key] === "string" ? WORDS[key] : english, values);
  }

  // A word sent with the releases' key maps (only books with [history]).
  function releaseWord(key, english, values) {
    var own = HISTORY.words || {};
    return fill(typeof own[key] === "string" ? own[key] : english, values);
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  // A filled-in word as a list of children: `{name}` placeholders whose value
  // is an element (a name in bold) are placed as that element, not as text.
  function wordNodes(text, values) {
    return text.split(/(\{\w+\})/).filter(function (part) { return part !== ""; }).map(function (part) {
      var name = /^\{(\w+)\}$/.exec(part);
      return name && name[1] in values ? values[name[1]] : part;
    });
  }

  // ---- small DOM helpers -----------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "html") node.innerHTML = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svgEl(tag, attrs, text) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", !!isError);
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function ratingOf(key) {
    var r = state.ratings[key];
    return r && BY_ID[r.rating] ? BY_ID[r.rating] : null;
  }

  function entry(key) {
    if (!state.ratings[key]) state.ratings[key] = { rating: null, notes: "" };
    return state.ratings[key];
  }

  // ---- the form --------------------------------------------------------

  function renderForm() {
    form.textContent = "";
    var level = levels[state.level];
    var groups = []; // areas in page order, each with competencies in order
    var byArea = {};
    var byComp = {};
    items.forEach(function (it) {
      var c = it.competency;
      if (!byArea[c.area]) {
        byArea[c.area] = { name: c.area, comps: [] };
        groups.push(byArea[c.area]);
      }
      if (!byComp[c.id]) {
        byComp[c.id] = { comp: c, own: [], foundation: [] };
        byArea[c.area].comps.push(byComp[c.id]);
      }
      byComp[c.id][it.foundation ? "foundation" : "own"].push(it);
    });
    groups.forEach(function (area) {
      // A book without areas has one group and no heading for it.
      var section = el("section", { "class": "assess-area" }, [area.name ? el("h3", { "class": "area-title", text: area.name }) : null]);
      area.comps.forEach(function (g) {
        var c = g.comp;
        var head = el("h4", {}, [
          c.href ? el("a", { href: c.href, text: c.name }) : c.name,
          g.own.length && c.note && c.note !== c.area ? el("span", { "class": "muted small", text: " " + c.note.replace(c.area + " · ", "") }) : null
        ]);
        var block = el("div", { "class": "assess-competency" }, [head]);
        if (g.own.length && c.cellNote) block.appendChild(el("p", { "class": "cell-note", html: c.cellNote }));
        g.own.forEach(function (it) { block.appendChild(itemFieldset(it)); });
        if (g.foundation.length) {
          var f = g.foundation[0].foundation;
          var found = el("div", { "class": "assess-foundation" }, [
            el("p", { "class": "foundation-label" }, [
              word("assess_foundation", "Foundation") + " ",
              el("span", { "class": "code", text: f.code }),
              el("span", { "class": "muted", text: " " + word("assess_expected_at", "expected at {level}", { level: f.title }) })
            ])
          ]);
          g.foundation.forEach(function (it) { found.appendChild(itemFieldset(it)); });
          block.appendChild(found);
        }
        section.appendChild(block);
      });
      form.appendChild(section);
    });
    notesField.value = state.notes || "";
    notesField.parentNode.classList.toggle("has-notes", notesField.value.trim() !== "");
    document.getElementById("rate-h").textContent = word("assess_rate_against", "Rate yourself against {level}", { level: level.code + " · " + level.title });
  }

  function itemFieldset(it) {
    var current = ratingOf(it.key);
    var notes = (state.ratings[it.key] && state.ratings[it.key].notes) || "";
    var options = el("div", { "class": "rating-scale" });
    RATINGS.forEach(function (r) {
      var input = el("input", {
        type: "radio",
        name: "r:" + it.key,
        value: r.id,
        checked: current && current.id === r.id
      });
      input.checked = !!(current && current.id === r.id);
      input.addEventListener("change", function () {
        entry(it.key).rating = r.id;
        delete entry(it.key).recheck;
        if (recheck && recheck.parentNode) recheck.remove();
        fieldset.classList.add("rated");
        persist();
        renderResult();
      });
      options.appendChild(el("label", { "class": "rating-option r-" + r.id }, [input, el("span", { text: r.label })]));
    });
    var area = el("textarea", { rows: "1", "class": "item-notes", placeholder: word("assess_notes_placeholder", "Evidence or notes (optional)") });
    area.value = notes;
    area.addEventListener("input", function () {
      entry(it.key).notes = area.value;
      fieldset.classList.toggle("has-notes", area.value.trim() !== "");
      persist();
    });
    // A rating carried over from an older release whose wording changed
    // since: marked until the rating is given again.
    var recheck = state.ratings[it.key] && state.ratings[it.key].recheck
      ? el("span", { "class": "badge badge-warn recheck-mark", text: releaseWord("assess_recheck_mark", "reworded, please re-check") })
      : null;
    var legend = el("legend", { html: it.html });
    if (recheck) legend.appendChild(recheck);
    var fieldset = el("fieldset", {
      "class": "assess-item" + (it.foundation ? " foundation" : "") + (current ? " rated" : "") + (notes.trim() ? " has-notes" : ""),
      id: it.id,
      "data-key": it.key
    }, [
      legend,
      el("div", { "class": "rate-row" }, [
        options,
        el("label", { "class": "notes-label" }, [el("span", { "class": "visually-hidden", text: word("assess_notes_label", "Notes on this expectation") }), area])
      ])
    ]);
    return fieldset;
  }

  // ---- the result ------------------------------------------------------

  function renderResult() {
    var level = levels[state.level];
    var own = items.filter(function (it) { return !it.foundation; });
    var counts = { unrated: 0 };
    RATINGS.forEach(function (r) { counts[r.id] = 0; });
    own.forEach(function (it) {
      var r = ratingOf(it.key);
      counts[r ? r.id : "unrated"] += 1;
    });
    var met = counts.consistently + counts.beyond;
    var pct = own.length ? Math.round((100 * met) / own.length) : 0;
    renderSummary(level, own.length, met, pct, counts);
    renderCharts(level, own);
    renderGaps(own);
  }

  function verdict(level, total, met, pct, counts) {
    var name = level.code + " · " + level.title;
    if (counts.unrated === total) {
      return { cls: "none", head: word("assess_none_head", "Not rated yet"), text: word("assess_none_text", "Rate the expectations below; this result updates as you go.") };
    }
    if (met === total) {
      return { cls: "ready", head: word("assess_ready_head", "Ready for {code}", { code: level.code }), text: word("assess_ready_text", "You rate yourself consistently at or beyond every expectation of {level}: a good basis for a promotion conversation.", { level: name }) };
    }
    if (pct >= 80) {
      return { cls: "close", head: word("assess_close_head", "Nearly ready"), text: word("assess_close_text", "You meet most of what {code} expects; close the few gaps below first.", { code: level.code }) };
    }
    if (pct >= 50) {
      return { cls: "growing", head: word("assess_growing_head", "Growing into {code}", { code: level.code }), text: word("assess_growing_text", "You meet about half of what {code} expects. The gaps below show where to grow next.", { code: level.code }) };
    }
    return { cls: "not-yet", head: word("assess_not_ready_head", "Not ready yet"), text: word("assess_not_ready_text", "Most of what {code} expects is still ahead of you. Start with the biggest gaps.", { code: level.code }) };
  }

  function renderSummary(level, total, met, pct, counts) {
    var box = document.getElementById("assess-summary");
    var v = verdict(level, total, met, pct, counts);
    var rated = total - counts.unrated;
    box.textContent = "";
    box.className = "result-summary verdict-" + v.cls;
    var bar = el("div", { "class": "readiness-bar", "aria-hidden": "true" }, [el("span", { style: "width: " + pct + "%" })]);
    var breakdown = el("ul", { "class": "rating-counts" });
    RATINGS.slice().reverse().forEach(function (r) {
      breakdown.appendChild(el("li", { "class": "r-" + r.id }, [el("strong", { text: String(counts[r.id]) }), " " + r.label.toLowerCase()]));
    });
    if (counts.unrated) breakdown.appendChild(el("li", { "class": "r-unrated" }, [el("strong", { text: String(counts.unrated) }), " " + word("assess_not_rated", "not rated")]));
    box.appendChild(el("p", { "class": "eyebrow", text: word("assess_readiness_for", "Readiness for {level}", { level: level.code + " · " + level.title }) }));
    box.appendChild(el("p", { "class": "readiness" }, [pct + "%", el("span", { "class": "readiness-label", text: " " + word("assess_met_label", "of expectations met") })]));
    box.appendChild(bar);
    box.appendChild(el("p", { "class": "verdict" }, [el("strong", { text: v.head + ". " }), v.text]));
    box.appendChild(el("p", { "class": "muted small", text: counts.unrated ? word("assess_counts_unrated", "{met} of {total} expectations rated consistently or beyond; {rated} of {total} rated (not rated counts as not yet).", { met: met, total: total, rated: rated }) : word("assess_counts", "{met} of {total} expectations rated consistently or beyond; {rated} of {total} rated.", { met: met, total: total, rated: rated }) }));
    box.appendChild(breakdown);
  }

  function renderCharts(level, own) {
    var box = document.getElementById("assess-charts");
    box.textContent = "";
    var areas = [];
    var byArea = {};
    own.forEach(function (it) {
      var c = it.competency;
      if (!byArea[c.area]) {
        byArea[c.area] = { name: c.area || word("assess_no_area", "Competencies"), axes: [], byComp: {}, order: areas.length };
        areas.push(byArea[c.area]);
      }
      var a = byArea[c.area];
      if (!a.byComp[c.id]) {
        a.byComp[c.id] = { label: c.name, sum: 0, n: 0 };
        a.axes.push(a.byComp[c.id]);
      }
      var r = ratingOf(it.key);
      a.byComp[c.id].sum += r ? r.value : 0;
      a.byComp[c.id].n += 1;
    });
    // Radars first, then the short bar charts, each in the book's area order.
    areas.sort(function (x, y) {
      return (x.axes.length < 3 ? 1 : 0) - (y.axes.length < 3 ? 1 : 0) || x.order - y.order;
    });
    areas.forEach(function (a, index) {
      a.axes.forEach(function (axis) { axis.value = axis.n ? axis.sum / axis.n : 0; });
      var title = a.name + ": " + a.axes.map(function (axis) {
        return word("assess_chart_axis", "{competency} {value} of {max}", { competency: axis.label, value: axis.value.toFixed(1), max: MAX });
      }).join(", ") + ". " + word("assess_chart_expects", "The level expects {goal} (consistently) everywhere.", { goal: GOAL });
      var id = "assess-chart-" + index;
      var svg = a.axes.length < 3 ? barsSvg(title, a.axes, id) : radarSvg(title, a.axes, id);
      box.appendChild(el("figure", { "class": "chart" + (a.axes.length < 3 ? " chart-bars" : "") }, [
        el("figcaption", { text: a.name }),
        svg
      ]));
    });
    if (areas.length) {
      box.appendChild(el("p", { "class": "chart-key muted small" }, [
        el("span", { "class": "key-you", "aria-hidden": "true" }), " " + word("assess_key_you", "you (mean rating, 0 not yet – 3 beyond)") + "  ",
        el("span", { "class": "key-target", "aria-hidden": "true" }), " " + word("assess_key_target", "consistently: what the level expects")
      ]));
    }
  }

  // Same geometry and classes as src/render/radar.rs, so both charts match.
  function radarSvg(title, axes, id) {
    var center = 210, radius = 118, n = axes.length;
    var svg = svgEl("svg", { "class": "radar assess-radar", viewBox: "-70 -10 560 440", role: "img", "aria-labelledby": id + "-title" });
    svg.appendChild(svgEl("title", { id: id + "-title" }, title));
    var point = function (i, fraction) {
      var angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return [center + radius * fraction * Math.cos(angle), center + radius * fraction * Math.sin(angle)];
    };
    var points = function (fraction) {
      return axes.map(function (axis, i) {
        var p = point(i, typeof fraction === "function" ? fraction(axis) : fraction);
        return p[0].toFixed(1) + "," + p[1].toFixed(1);
      }).join(" ");
    };
    for (var ring = 1; ring <= MAX; ring++) {
      svg.appendChild(svgEl("polygon", { "class": "radar-ring", points: points(ring / MAX) }));
    }
    axes.forEach(function (axis, i) {
      var end = point(i, 1);
      svg.appendChild(svgEl("line", { "class": "radar-spoke", x1: center, y1: center, x2: end[0].toFixed(1), y2: end[1].toFixed(1) }));
      var at = point(i, 1.12);
      var anchor = Math.abs(at[0] - center) < 1 ? "middle" : at[0] > center ? "start" : "end";
      var lines = wrap(axis.label, 16);
      var step = 20; // radar.rs steps 14 for 15px labels; these are 19px (style.css)
      var firstY = at[1] < center - 1 ? at[1] - step * (lines.length - 1) : at[1] + 8;
      var text = svgEl("text", { "class": "radar-label", "text-anchor": anchor });
      lines.forEach(function (line, k) {
        text.appendChild(svgEl("tspan", { x: at[0].toFixed(1), y: (firstY + step * k).toFixed(1) }, line));
      });
      svg.appendChild(text);
    });
    svg.appendChild(svgEl("polygon", { "class": "radar-shape target", points: points(GOAL / MAX) }));
    var fraction = function (axis) { return Math.max(0, Math.min(1, axis.value / MAX)); };
    svg.appendChild(svgEl("polygon", { "class": "radar-shape", points: points(fraction) }));
    axes.forEach(function (axis, i) {
      var p = point(i, fraction(axis));
      svg.appendChild(svgEl("circle", { "class": "radar-dot", cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 4 }));
    });
    return svg;
  }

  // Fewer than three axes make no polygon: bars, as radar.rs `bars_svg`
  // (label column, then a 260-wide track), with the level's expectation as
  // a dashed mark. Rows grow with wrapped labels.
  function barsSvg(title, axes, id) {
    var rows = axes.map(function (axis) { return wrap(axis.label, 16); });
    var heights = rows.map(function (lines) { return Math.max(40, 18 * lines.length + 12); });
    var height = heights.reduce(function (a, b) { return a + b; }, 0) + 10;
    var svg = svgEl("svg", { "class": "radar radar-bars assess-radar", viewBox: "0 0 420 " + height, role: "img", "aria-labelledby": id + "-title" });
    svg.appendChild(svgEl("title", { id: id + "-title" }, title));
    var top = 6;
    var goal = 150 + (260 * GOAL) / MAX;
    axes.forEach(function (axis, i) {
      var lines = rows[i];
      var mid = top + heights[i] / 2;
      var text = svgEl("text", { "class": "radar-label" });
      lines.forEach(function (line, k) {
        text.appendChild(svgEl("tspan", { x: 0, y: (mid + 5 + 18 * (k - (lines.length - 1) / 2)).toFixed(1) }, line));
      });
      svg.appendChild(text);
      var y = mid - 11;
      var width = 260 * Math.max(0, Math.min(1, axis.value / MAX));
      svg.appendChild(svgEl("rect", { "class": "radar-ring", x: 150, y: y.toFixed(1), width: 260, height: 22, rx: 3 }));
      svg.appendChild(svgEl("rect", { "class": "radar-shape", x: 150, y: y.toFixed(1), width: width.toFixed(1), height: 22, rx: 3 }));
      svg.appendChild(svgEl("line", { "class": "radar-shape target", x1: goal.toFixed(1), x2: goal.toFixed(1), y1: (y - 5).toFixed(1), y2: (y + 27).toFixed(1) }));
      top += heights[i];
    });
    return svg;
  }

  function wrap(label, width) {
    var lines = [];
    label.split(/\s+/).filter(Boolean).forEach(function (word) {
      var last = lines[lines.length - 1];
      if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = last + " " + word;
      else lines.push(word);
    });
    return lines.length ? lines : [""];
  }

  function renderGaps(own) {
    var list = document.getElementById("assess-gaps");
    var more = document.getElementById("assess-gaps-more");
    list.textContent = "";
    list.classList.remove("expanded");
    var gaps = [];
    own.forEach(function (it, order) {
      var r = ratingOf(it.key);
      var gap = GOAL - (r ? r.value : 0);
      if (gap > 0) gaps.push({ it: it, r: r, gap: gap, order: order });
    });
    gaps.sort(function (a, b) {
      return b.gap - a.gap || (a.r ? 0 : 1) - (b.r ? 0 : 1) || a.order - b.order;
    });
    if (!gaps.length) {
      list.appendChild(el("li", { "class": "no-gaps", text: word("assess_no_gaps", "No gaps: every expectation is rated consistently or beyond.") }));
    }
    gaps.forEach(function (g, index) {
      var link = el("a", { href: "#" + g.it.id, text: g.it.text });
      link.addEventListener("click", function () {
        var target = document.getElementById(g.it.id);
        var radio = target && (target.querySelector("input:checked") || target.querySelector("input"));
        if (radio) setTimeout(function () { radio.focus({ preventScroll: true }); }, 0);
      });
      list.appendChild(el("li", { "class": index >= GAPS_SHOWN ? "gap-more" : null }, [
        el("span", { "class": "gap-size", title: word("assess_gap_title", "gap to consistently"), text: "−" + g.gap }),
        " ",
        link,
        el("span", { "class": "gap-meta muted small", text: " " + g.it.competency.name + " · " + (g.r ? g.r.label.toLowerCase() : word("assess_not_rated", "not rated")) })
      ]));
    });
    more.hidden = gaps.length <= GAPS_SHOWN;
    more.textContent = word("assess_show_all", "Show all {n} gaps", { n: gaps.length });
    more.setAttribute("aria-expanded", "false");
  }

  // ---- switching level, export, import, clear --------------------------

  function open(levelId, data) {
    state = data || load(storageKey(levelId)) || { level: levelId, ratings: {}, notes: "" };
    state.level = levelId;
    if (!state.ratings || typeof state.ratings !== "object") state.ratings = {};
    select.value = levelId;
    save(TARGET_KEY, levelId);
    items = itemsOf(levelId);
    renderForm();
    showAbout();
    renderResult();
  }

  // Every expectation goes in, rated or not (`rating: null`), with its text:
  // a later import can then tell what changed in the ladder since.
  // The foundation's ratings go under `foundation`, keyed as on its level.
  function exportData() {
    var ratings = {};
    var foundation = null;
    items.forEach(function (it) {
      var r = state.ratings[it.key] || {};
      var out = {
        rating: BY_ID[r.rating] ? r.rating : null,
        notes: r.notes || "",
        text: it.text,
        competency: it.competency.id
      };
      if (it.foundation) {
        foundation = foundation || { level: it.foundation.id, ratings: {} };
        foundation.ratings[it.rawKey] = out;
      } else {
        ratings[it.key] = out;
      }
    });
    var data = {
      format: FORMAT,
      book: { title: book.title, version: book.version },
      level: state.level,
      date: today(),
      ratings: ratings,
      notes: state.notes || ""
    };
    if (foundation) data.foundation = foundation;
    return Object.assign(data, aboutForExport());
  }

  function download(name, data) {
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name, hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function importText(text, fileName) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return refuse(word("assess_not_json", "{file} is not a JSON file.", { file: fileName }));
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      return refuse(word("assess_not_assessment", "{file} is not a self-assessment file.", { file: fileName }));
    }
    if (data.format !== FORMAT) {
      var kind = typeof data.format === "string" ? data.format : word("assess_no_format", "no format");
      if (/^ladderbook\.scorecard\//.test(kind)) {
        return refuse(word("assess_is_scorecard", "{file} is an interview scorecard ({format}), not a self-assessment. Read scorecards with `ladderbook debrief`.", { file: fileName, format: kind }));
      }
      return refuse(word("assess_unknown_format", "{file} has an unknown format ({format}): expected {expected}.", { file: fileName, format: kind, expected: FORMAT }));
    }
    if (typeof data.level !== "string" || !levels[data.level]) {
      return refuse(word("assess_unknown_level", "{file} is an assessment against level “{level}”, which this handbook does not have.", { file: fileName, level: data.level }));
    }
    if (!isMap(data.ratings)) {
      return refuse(word("assess_no_ratings", "{file} has no ratings.", { file: fileName }));
    }
    // The file's entries under this page's item keys (foundation ones prefixed
    // with their level, as in `itemsOf`).
    var entries = {};
    var skipped = [];
    var previous = levels[data.level].previous;
    // Files exported before items were keyed by their text (issue 25) name
    // an item by its place (`comms:0`); such a key is matched to the item
    // of the same competency and text on this page.
    var pageKeys = Object.create(null);
    itemsOf(data.level).forEach(function (it) {
      pageKeys[it.key] = it.key;
      pageKeys[(it.foundation ? it.foundation.id + "/" : "") + it.competency.id + "\n" + it.text] = it.key;
    });
    // A file made against an older published release: its keys that name
    // another expectation now, by that release's key map (issue 17).
    var release = data.book && isMap(HISTORY.releases) && HISTORY.releases[data.book.version];
    var carried = {};
    var take = function (map, prefix) {
      Object.keys(map).forEach(function (key) {
        var r = map[key];
        if (!r || typeof r !== "object" || (r.rating !== null && r.rating !== undefined && !BY_ID[r.rating])) {
          skipped.push(prefix + key);
          return;
        }
        var byText = typeof r.text === "string" && pageKeys[prefix + r.competency + "\n" + r.text];
        var mapped = release && isMap(release.keys) && release.keys[key];
        var byRelease = !pageKeys[prefix + key] && mapped && pageKeys[prefix + mapped.key];
        if (byRelease) carried[byRelease] = mapped;
        entries[pageKeys[prefix + key] || byRelease || byText || prefix + key] = r;
      });
    };
    take(data.ratings, "");
    var foundationSkipped = null;
    if (isMap(data.foundation) && isMap(data.foundation.ratings)) {
      if (data.foundation.level === previous) take(data.foundation.ratings, previous + "/");
      else foundationSkipped = data.foundation.level;
    }
    var next = { level: data.level, ratings: {}, notes: typeof data.notes === "string" ? data.notes : "", about: aboutFromFile(data) };
    Object.keys(entries).forEach(function (key) {
      var r = entries[key];
      next.ratings[key] = { rating: r.rating || null, notes: typeof r.notes === "string" ? r.notes : "" };
      if (carried[key] && carried[key].reworded && r.rating) next.ratings[key].recheck = true;
    });
    open(data.level, next);
    persist();
    var level = levels[data.level];
    showNotice({
      title: data.book && data.book.title,
      version: data.book ? data.book.version : undefined,
      entries: entries,
      release: release ? release.release : null,
      carried: carried,
      skipped: skipped,
      foundationSkipped: foundationSkipped
    });
    say(data.date ? word("assess_imported_dated", "Imported {file}: {level}, assessed {date}.", { file: fileName, level: level.code + " · " + level.title, date: data.date }) : word("assess_imported", "Imported {file}: {level}.", { file: fileName, level: level.code + " · " + level.title }));
  }

  function isMap(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  function refuse(message) {
    say(word("assess_not_imported", "Not imported: {problem}", { problem: message }), true);
  }

  // Lists what differs between the file and the page when the file was
  // exported from another version of the handbook (or another handbook).
  function showNotice(file) {
    notice.textContent = "";
    notice.hidden = true;
    var parts = [];
    if (file.title && file.title !== book.title) {
      parts.push(el("p", { text: word("assess_other_book", "This file was exported from another handbook, “{title}”. Check that its ratings fit this one.", { title: file.title }) }));
    }
    if (file.skipped.length) {
      var one = file.skipped.length === 1;
      parts.push(el("p", { text: one ? word("assess_skipped_one", "{n} entry has an unknown rating and was skipped: {keys}.", { n: 1, keys: file.skipped.join(", ") }) : word("assess_skipped_other", "{n} entries have an unknown rating and were skipped: {keys}.", { n: file.skipped.length, keys: file.skipped.join(", ") }) }));
    }
    if (file.foundationSkipped) {
      parts.push(el("p", { text: word("assess_foundation_skipped", "The file's foundation ratings are for level “{level}”, which is no longer the level below; they were skipped.", { level: file.foundationSkipped }) }));
    }
    if (file.version !== undefined && file.version !== book.version) {
      var onPage = {};
      items.forEach(function (it) { onPage[it.key] = it; });
      var changed = [], removed = [], added = [], recheck = [], moved = [];
      Object.keys(file.entries).forEach(function (key) {
        var r = file.entries[key];
        var it = onPage[key];
        var via = file.carried[key];
        if (!it) removed.push({ key: key, text: typeof r.text === "string" && r.text ? r.text : key });
        else if (via && via.moved) moved.push({ it: it, old: r.text });
        else if (via && via.reworded) recheck.push({ it: it, old: r.text });
        else if (typeof r.text === "string" && r.text !== it.text) changed.push({ it: it, old: r.text });
      });
      items.forEach(function (it) { if (!(it.key in file.entries)) added.push(it); });
      var total = changed.length + removed.length + added.length + recheck.length + moved.length;
      if (file.release) parts.push(el("p", { "class": "notice-release", text: releaseWord("assess_release", "Made against release {release}: its ratings were carried onto this version of the ladder.", { release: file.release }) }));
      parts.push(el("p", {}, [
        el("strong", { text: word("assess_other_version", "Exported from another version of the handbook") }),
        " " + word("assess_versions", "({file}; this page is {page}).", { file: file.version || word("assess_unknown_version", "unknown"), page: book.version }) + " ",
        total
          ? word("assess_review", "Ratings were matched by expectation; review the {n} below.", { n: total })
          : word("assess_no_changes", "No expectation of this level changed, so every rating still applies.")
      ]));
      if (recheck.length) {
        parts.push(el("h3", { text: releaseWord("assess_recheck", "Reworded, please re-check ({n}): the rating was kept", { n: recheck.length }) }));
        parts.push(noticeList("notice-recheck", recheck));
      }
      if (moved.length) {
        parts.push(el("h3", { text: releaseWord("assess_moved", "Moved to this level ({n}): the rating followed the expectation", { n: moved.length }) }));
        parts.push(noticeList("notice-moved", moved));
      }
      if (changed.length) {
        parts.push(el("h3", { text: word("assess_changed", "Changed wording ({n}): the rating was kept", { n: changed.length }) }));
        parts.push(noticeList(null, changed));
      }
      if (removed.length) {
        parts.push(el("h3", { text: word("assess_removed", "Removed ({n}): in the file, no longer on this page", { n: removed.length }) }));
        parts.push(el("ul", { "class": "notice-list notice-removed" }, removed.map(function (r) {
          return el("li", { text: r.text });
        })));
      }
      if (added.length) {
        parts.push(el("h3", { text: word("assess_added", "Added ({n}): on this page, not in the file", { n: added.length }) }));
        parts.push(el("ul", { "class": "notice-list notice-added" }, added.map(function (it) {
          return el("li", {}, [el("a", { href: "#" + it.id, text: it.text })]);
        })));
      }
    }
    if (!parts.length) return;
    var close = el("button", { type: "button", "class": "button", text: word("assess_dismiss", "Dismiss") });
    close.addEventListener("click", function () {
      notice.hidden = true;
      notice.textContent = "";
      select.focus();
    });
    notice.appendChild(el("h2", { id: "assess-notice-h", text: word("assess_about_import", "About this import") }));
    parts.forEach(function (p) { notice.appendChild(p); });
    notice.appendChild(close);
    notice.hidden = false;
  }

  // Expectations whose file text differs from the page's: each links to
  // its rating, with the file's wording and the page's.
  // (`extra`: a class of one kind of change besides `notice-changed`.)
  function noticeList(extra, list) {
    return el("ul", { "class": "notice-list notice-changed" + (extra ? " " + extra : "") }, list.map(function (c) {
      var now = el("span", { "class": "now" }, [el("span", { "class": "visually-hidden", text: word("assess_now", "Now:") + " " }), c.it.text]);
      return el("li", {}, [
        el("a", { href: "#" + c.it.id, text: c.it.competency.name + (c.it.foundation ? " (" + word("assess_foundation_mark", "foundation") + ")" : "") }),
        typeof c.old === "string" && c.old !== c.it.text ? el("span", { "class": "was" }, [el("span", { "class": "visually-hidden", text: word("assess_was", "Was:") + " " }), c.old]) : null,
        now
      ]);
    }));
  }

  // ---- who is assessed, and by whom (issue 18) ----------------------------
  // Optional fields of `ladderbook.assessment/1`: `person`, `assessor`,
  // `perspective` ("self" or "manager") and `current_level`. They live in
  // the saved state as `state.about` and are left out of an export when empty,
  // so files without them stay exactly as before.

  var ABOUT_FIELDS = ["person", "assessor", "perspective", "current_level"];
  var PERSPECTIVES = { self: true, manager: true };

  function aboutInputs() {
    var out = {};
    app.querySelectorAll("[data-about]").forEach(function (input) {
      out[input.getAttribute("data-about")] = input;
    });
    return out;
  }

  function showAbout() {
    var inputs = aboutInputs();
    var about = state.about || {};
    ABOUT_FIELDS.forEach(function (name) {
      if (inputs[name]) inputs[name].value = typeof about[name] === "string" ? about[name] : "";
    });
  }

  // The fields as the export writes them: only those filled in.
  function aboutForExport() {
    var about = state.about || {};
    var out = {};
    ABOUT_FIELDS.forEach(function (name) {
      var value = typeof about[name] === "string" ? about[name].trim() : "";
      if (value) out[name] = value;
    });
    return out;
  }

  // The fields of an imported file that this page can use.
  function aboutFromFile(data) {
    var about = {};
    ["person", "assessor"].forEach(function (name) {
      if (typeof data[name] === "string") about[name] = data[name];
    });
    if (PERSPECTIVES[data.perspective]) about.perspective = data.perspective;
    if (typeof data.current_level === "string" && levels[data.current_level]) about.current_level = data.current_level;
    return about;
  }

  Object.keys(aboutInputs()).forEach(function (name) {
    var input = aboutInputs()[name];
    input.addEventListener(input.tagName === "SELECT" ? "change" : "input", function () {
      state.about = state.about || {};
      state.about[name] = input.value;
      persist();
    });
  });

  // ---- compare with a file (issue 18) -----------------------------------
  // A second assessment of the same target level (typically the manager's)
  // read with FileReader and shown beside this page's ratings: per
  // expectation both ratings and both notes, two or more steps apart first.
  // Nothing is stored or sent; closing the comparison forgets the file.

  var compareBox = document.getElementById("assess-compare");

  function sideName(about, fallback) {
    about = about || {};
    var who = about.assessor || about.person || fallback;
    var what = about.perspective === "manager" ? word("assess_compare_manager", "manager")
      : about.perspective === "self" ? word("assess_compare_self", "self") : "";
    return what ? word("assess_compare_side", "{who} ({perspective})", { who: who, perspective: what }) : who;
  }

  function compareText(text, fileName) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return say(word("assess_compare_not_json", "Not compared: {file} is not a JSON file.", { file: fileName }), true);
    }
    if (!isMap(data) || data.format !== FORMAT || !isMap(data.ratings)) {
      return say(word("assess_compare_not_assessment", "Not compared: {file} is not a self-assessment file ({format}).", { file: fileName, format: FORMAT }), true);
    }
    if (data.level !== state.level) {
      var other = levels[data.level];
      return say(word("assess_compare_other_level", "Not compared: {file} rates {level}; pick that target level first, or compare a file of {code}.", {
        file: fileName,
        level: other ? other.code + " · " + other.title : word("assess_compare_level_id", "level “{level}”", { level: data.level }),
        code: levels[state.level].code
      }), true);
    }
    renderComparison(data, fileName);
    say(word("assess_comparing", "Comparing with {file}.", { file: fileName }));
  }

  function ratingLabel(id) {
    return BY_ID[id] ? BY_ID[id].label : word("assess_not_rated", "not rated");
  }

  function comparisonRows(data) {
    return items.filter(function (it) { return !it.foundation; }).map(function (it) {
      var mine = state.ratings[it.key] || {};
      var theirs = isMap(data.ratings[it.key]) ? data.ratings[it.key] : {};
      var a = BY_ID[mine.rating], b = BY_ID[theirs.rating];
      return {
        it: it,
        mine: mine.rating, theirs: theirs.rating,
        mineNotes: mine.notes || "", theirNotes: typeof theirs.notes === "string" ? theirs.notes : "",
        gap: a && b ? Math.abs(a.value - b.value) : -1
      };
    });
  }

  function comparisonTable(rows, caption, left, right) {
    var body = el("tbody");
    rows.forEach(function (r) {
      var cell = function (rating, notes) {
        return el("td", { "class": "r-" + (BY_ID[rating] ? rating : "unrated") }, [
          el("strong", { text: ratingLabel(rating) }),
          notes.trim() ? el("p", { "class": "compare-notes", text: notes }) : null
        ]);
      };
      body.appendChild(el("tr", { "class": r.gap >= 2 ? "apart" : "" }, [
        el("th", { scope: "row" }, [el("span", { "class": "compare-competency", text: r.it.competency.name }), " ", el("span", { text: r.it.text })]),
        cell(r.mine, r.mineNotes),
        cell(r.theirs, r.theirNotes),
        el("td", { "class": "num", text: r.gap >= 0 ? String(r.gap) : "–" })
      ]));
    });
    return el("div", { "class": "table-wide" }, [el("table", { "class": "data compare-table" }, [
      el("caption", { text: caption }),
      el("thead", {}, [el("tr", {}, [
        el("th", { scope: "col", text: word("assess_compare_expectation", "Expectation") }),
        el("th", { scope: "col", text: left }),
        el("th", { scope: "col", text: right }),
        el("th", { scope: "col", "class": "num", text: word("assess_compare_steps", "Steps apart") })
      ])]),
      body
    ])]);
  }

  function renderComparison(data, fileName) {
    var level = levels[state.level];
    var rows = comparisonRows(data);
    var apart = rows.filter(function (r) { return r.gap >= 2; }).sort(function (x, y) { return y.gap - x.gap; });
    var rest = rows.filter(function (r) { return r.gap < 2; });
    var count = function (test) { return rows.filter(test).length; };
    var left = sideName(state.about, word("assess_compare_this_page", "This page"));
    var right = sideName(aboutFromFile(data), fileName);
    compareBox.textContent = "";
    compareBox.appendChild(el("h2", { id: "assess-compare-h", text: word("assess_compare_title", "Comparison: {level}", { level: level.code + " · " + level.title }) }));
    var source = data.date ? word("assess_compare_source_dated", "{file}, {date}", { file: fileName, date: data.date }) : fileName;
    var counts = { apart: apart.length, one: count(function (r) { return r.gap === 1; }), same: count(function (r) { return r.gap === 0; }), neither: count(function (r) { return r.gap < 0; }) };
    compareBox.appendChild(el("p", {}, wordNodes(word("assess_compare_sides", "{left} (this page) and {right} ({source}): "), {
      left: el("strong", { text: left }), right: el("strong", { text: right }), source: source
    }).concat([apart.length === 1
      ? word("assess_compare_counts_one", "{apart} expectation two or more steps apart, {one} one step, {same} the same, {neither} rated by one side only or neither.", counts)
      : word("assess_compare_counts_other", "{apart} expectations two or more steps apart, {one} one step, {same} the same, {neither} rated by one side only or neither.", counts)])));
    if (data.book && data.book.version && data.book.version !== book.version) {
      compareBox.appendChild(el("p", { "class": "muted", text: word("assess_compare_other_version", "The file was made against another version of the handbook ({version}); expectations are matched by key.", { version: data.book.version }) }));
    }
    compareBox.appendChild(el("h3", { text: word("assess_compare_apart_head", "Two or more steps apart") }));
    compareBox.appendChild(apart.length ? comparisonTable(apart, word("assess_compare_apart_caption", "Expectations rated two or more steps apart, largest first"), left, right)
      : el("p", { text: word("assess_compare_none_apart", "None: the two assessments never differ by more than one step.") }));
    compareBox.appendChild(el("h3", { text: word("assess_compare_rest_head", "Every other expectation") }));
    compareBox.appendChild(comparisonTable(rest, word("assess_compare_rest_caption", "The other expectations in the level's order"), left, right));
    var print = el("button", { type: "button", "class": "button", "data-action": "print-compare", text: word("assess_compare_print", "Print comparison") });
    print.addEventListener("click", function () {
      document.body.classList.add("printing-compare");
      window.print();
    });
    var close = el("button", { type: "button", "class": "button", "data-action": "close-compare", text: word("assess_compare_close", "Close comparison") });
    close.addEventListener("click", function () {
      compareBox.hidden = true;
      compareBox.textContent = "";
      say(word("assess_compare_closed", "Comparison closed."));
      compareInput.focus();
    });
    compareBox.appendChild(el("div", { "class": "actions no-print" }, [print, close]));
    compareBox.hidden = false;
    compareBox.focus();
  }

  window.addEventListener("afterprint", function () {
    document.body.classList.remove("printing-compare");
  });

  var compareInput = app.querySelector('input[data-action="compare"]');
  compareInput.addEventListener("change", function () {
    var file = compareInput.files && compareInput.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      compareText(String(reader.result), file.name);
      compareInput.value = "";
    };
    reader.onerror = function () {
      say(word("assess_compare_unreadable", "Not compared: could not read {file}.", { file: file.name }), true);
      compareInput.value = "";
    };
    reader.readAsText(file);
  });

  // ---- wiring ------------------------------------------------------------

  select.addEventListener("change", function () {
    notice.hidden = true;
    compareBox.hidden = true;
    say("");
    open(select.value);
  });

  notesField.addEventListener("input", function () {
    state.notes = notesField.value;
    notesField.parentNode.classList.toggle("has-notes", notesField.value.trim() !== "");
    persist();
  });

  document.getElementById("assess-gaps-more").addEventListener("click", function (event) {
    var list = document.getElementById("assess-gaps");
    var expanded = list.classList.toggle("expanded");
    event.currentTarget.setAttribute("aria-expanded", String(expanded));
    event.currentTarget.textContent = expanded ? word("assess_show_fewer", "Show fewer") : word("assess_show_all", "Show all {n} gaps", { n: list.children.length });
  });

  app.querySelector('[data-action="export"]').addEventListener("click", function () {
    download("self-assessment-" + state.level + "-" + today() + ".json", exportData());
    say(word("assess_exported", "Exported your {code} assessment as a JSON file.", { code: levels[state.level].code }));
  });

  var fileInput = app.querySelector('input[data-action="import"]');
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      importText(String(reader.result), file.name);
      fileInput.value = "";
    };
    reader.onerror = function () {
      refuse(word("assess_unreadable", "could not read {file}.", { file: file.name }));
      fileInput.value = "";
    };
    reader.readAsText(file);
  });

  app.querySelector('[data-action="print"]').addEventListener("click", function () {
    window.print();
  });

  app.querySelector('[data-action="clear"]').addEventListener("click", function () {
    var level = levels[state.level];
    if (!window.confirm(word("assess_clear_confirm", "Clear every rating and note of your {level} assessment? This cannot be undone: export first to keep a copy.", { level: level.code + " · " + level.title }))) return;
    forget(storageKey(state.level));
    notice.hidden = true;
    open(state.level, { level: state.level, ratings: {}, notes: "" });
    say(word("assess_cleared", "Cleared your {code} assessment.", { code: level.code }));
  });

  // Start: the last target level, else the first.
  var first = select.options.length ? select.options[0].value : null;
  var last = load(TARGET_KEY);
  if (!first) return;
  app.hidden = false;
  document.getElementById("assess-checklist").hidden = true;
  open(levels[last] ? last : first);
})();
