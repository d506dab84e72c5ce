// ladderbook: private self-assessment against a level.
//
// The page's no-JavaScript checklist is the data: every level's expectations
// as `<details class="assess-level">` with `<li data-key data-text>` items.
// Ratings stay in this browser (localStorage); export and import move them as
// a `ladderbook.assessment/1` JSON file. Nothing is sent anywhere.
(function () {
  "use strict";

  var app = document.getElementById("assess-app");
  var checklist = document.getElementById("assess-checklist");
  if (!app || !checklist) return;

  var FORMAT = "ladderbook.assessment/1";
  var SCALE = [
    { id: "not-yet", label: "Not yet", value: 0 },
    { id: "partly", label: "Partly", value: 1 },
    { id: "consistently", label: "Consistently", value: 2 },
    { id: "beyond", label: "Beyond", value: 3 }
  ];
  var BAR = 2; // "consistently" meets an expectation
  var SVG = "http://www.w3.org/2000/svg";
  var bookTitle = ((document.querySelector(".brand") || {}).textContent || document.title).trim();
  var version = document.body.dataset.version || "";
  var storageKey = "ladderbook.assessment:" + bookTitle;

  // ---- The ladder, read from the checklist -------------------------------
  var levels = {};
  var levelOrder = [];
  checklist.querySelectorAll("details.assess-level").forEach(function (details) {
    var level = {
      id: details.dataset.level,
      title: details.dataset.title,
      code: details.dataset.code,
      previous: details.dataset.previous || null,
      items: []
    };
    details.querySelectorAll(".check-competency").forEach(function (group) {
      group.querySelectorAll("li[data-key]").forEach(function (li) {
        var copy = li.cloneNode(true);
        var box = copy.querySelector(".box");
        if (box) box.remove();
        level.items.push({
          key: li.dataset.key,
          text: li.dataset.text,
          html: copy.innerHTML.trim(),
          competency: group.dataset.competency,
          name: group.dataset.name,
          area: group.dataset.area
        });
      });
    });
    levels[level.id] = level;
    levelOrder.push(level.id);
  });
  if (!levelOrder.length) return;

  // ---- State --------------------------------------------------------------
  var state = load();
  var select = document.getElementById("assess-target");
  var status = app.querySelector(".status");

  function load() {
    var saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(storageKey) || "null");
    } catch (err) {
      saved = null;
    }
    if (!saved || typeof saved !== "object") saved = {};
    if (!levels[saved.target]) saved.target = levelOrder[0];
    if (!saved.ratings || typeof saved.ratings !== "object") saved.ratings = {};
    if (typeof saved.notes !== "string") saved.notes = "";
    return saved;
  }

  function save() {
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (err) {
      say("Your answers cannot be kept in this browser: " + err.message, true);
    }
  }

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", !!isError);
  }

  function entry(levelId, key) {
    var byLevel = state.ratings[levelId] || {};
    return byLevel[key] || { rating: null, notes: "" };
  }

  function setEntry(levelId, key, patch) {
    var byLevel = state.ratings[levelId] || (state.ratings[levelId] = {});
    var current = byLevel[key] || { rating: null, notes: "" };
    Object.keys(patch).forEach(function (k) { current[k] = patch[k]; });
    byLevel[key] = current;
    save();
  }

  function valueOf(rating) {
    for (var i = 0; i < SCALE.length; i++) if (SCALE[i].id === rating) return SCALE[i].value;
    return 0;
  }

  // ---- Form ---------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "html") node.innerHTML = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function itemId(levelId, key) {
    return "rate-" + levelId + "-" + key.replace(/[^a-z0-9-]/g, "-");
  }

  function renderItem(level, item, foundation) {
    var id = itemId(level.id, item.key);
    var current = entry(level.id, item.key);
    var options = SCALE.map(function (step) {
      var input = el("input", { type: "radio", name: id, value: step.id });
      input.checked = current.rating === step.id;
      input.addEventListener("change", function () {
        setEntry(level.id, item.key, { rating: step.id });
        renderResult();
      });
      return el("label", {}, [input, document.createTextNode(" " + step.label)]);
    });
    var notes = el("textarea", { rows: "1", placeholder: "Evidence or notes (optional)", "aria-label": "Notes on: " + item.text });
    notes.value = current.notes || "";
    notes.addEventListener("input", function () { setEntry(level.id, item.key, { notes: notes.value }); });
    return el("fieldset", { class: "assess-item" + (foundation ? " foundation" : ""), id: id }, [
      el("legend", { class: "visually-hidden", text: item.name + ": " + item.text }),
      el("p", { html: item.html }),
      el("div", { class: "rate-options" }, options),
      notes
    ]);
  }

  function renderLevelGroup(level, foundation) {
    var container = el("section", { class: "assess-group" + (foundation ? " foundation" : "") });
    container.appendChild(el("h3", {
      text: (foundation ? "Foundation: " : "") + level.code + " · " + level.title
    }));
    if (foundation) {
      container.appendChild(el("p", { class: "muted", text: "What the level below expects, the ground the target level stands on." }));
    }
    var lastCompetency = null;
    level.items.forEach(function (item) {
      if (item.competency !== lastCompetency) {
        container.appendChild(el("h4", { text: item.name + " · " + item.area }));
        lastCompetency = item.competency;
      }
      container.appendChild(renderItem(level, item, foundation));
    });
    return container;
  }

  function renderForm() {
    var form = document.getElementById("assess-form");
    form.textContent = "";
    var target = levels[state.target];
    form.appendChild(renderLevelGroup(target, false));
    if (target.previous && levels[target.previous]) {
      form.appendChild(renderLevelGroup(levels[target.previous], true));
    }
  }

  // ---- Result -------------------------------------------------------------
  function areasOf(level) {
    var areas = [];
    var byName = {};
    level.items.forEach(function (item) {
      var area = byName[item.area];
      if (!area) {
        area = byName[item.area] = { name: item.area, competencies: [], byId: {} };
        areas.push(area);
      }
      var competency = area.byId[item.competency];
      if (!competency) {
        competency = area.byId[item.competency] = { id: item.competency, name: item.name, values: [] };
        area.competencies.push(competency);
      }
      competency.values.push(valueOf(entry(level.id, item.key).rating));
    });
    return areas;
  }

  function mean(values) {
    return values.reduce(function (a, b) { return a + b; }, 0) / (values.length || 1);
  }

  // The same geometry and classes as the build-time chart (src/render/radar.rs).
  function wrap(label, width) {
    var lines = [];
    label.split(/\s+/).forEach(function (word) {
      var last = lines[lines.length - 1];
      if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = last + " " + word;
      else lines.push(word);
    });
    return lines.length ? lines : [""];
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    return node;
  }

  function chart(title, axes, max, target) {
    var id = "chart-" + Math.random().toString(36).slice(2, 8);
    if (axes.length < 3) return bars(title, axes, max, id);
    var center = 210, radius = 118;
    var svg = svgEl("svg", { class: "radar", viewBox: "-70 -10 560 440", role: "img", "aria-labelledby": id + "-title" });
    var titleNode = svgEl("title", { id: id + "-title" });
    titleNode.textContent = title;
    svg.appendChild(titleNode);
    var point = function (i, fraction) {
      var angle = -Math.PI / 2 + (2 * Math.PI * i) / axes.length;
      return [center + radius * fraction * Math.cos(angle), center + radius * fraction * Math.sin(angle)];
    };
    var polygon = function (fractionOf) {
      return axes.map(function (_, i) { return point(i, fractionOf(i)).map(function (n) { return n.toFixed(1); }).join(","); }).join(" ");
    };
    for (var ring = 1; ring <= max; ring++) {
      svg.appendChild(svgEl("polygon", { class: "radar-ring", points: polygon(function () { return ring / max; }) }));
    }
    axes.forEach(function (axis, i) {
      var end = point(i, 1);
      svg.appendChild(svgEl("line", { class: "radar-spoke", x1: center, y1: center, x2: end[0].toFixed(1), y2: end[1].toFixed(1) }));
      var at = point(i, 1.12);
      var anchor = Math.abs(at[0] - center) < 1 ? "middle" : at[0] > center ? "start" : "end";
      var lines = wrap(axis.label, 16);
      var firstY = at[1] < center - 1 ? at[1] - 14 * (lines.length - 1) : at[1] + 8;
      var text = svgEl("text", { class: "radar-label", "text-anchor": anchor });
      lines.forEach(function (line, n) {
        var span = svgEl("tspan", { x: at[0].toFixed(1), y: (firstY + 14 * n).toFixed(1) });
        span.textContent = line;
        text.appendChild(span);
      });
      svg.appendChild(text);
    });
    svg.appendChild(svgEl("polygon", { class: "radar-shape target", points: polygon(function () { return target / max; }) }));
    svg.appendChild(svgEl("polygon", { class: "radar-shape", points: polygon(function (i) { return Math.min(axes[i].value / max, 1); }) }));
    axes.forEach(function (axis, i) {
      var p = point(i, Math.min(axis.value / max, 1));
      svg.appendChild(svgEl("circle", { class: "radar-dot", cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 4 }));
    });
    return svg;
  }

  function bars(title, axes, max, id) {
    var height = 52 * Math.max(axes.length, 1) + 8;
    var svg = svgEl("svg", { class: "radar radar-bars", viewBox: "0 0 520 " + height, role: "img", "aria-labelledby": id + "-title" });
    var titleNode = svgEl("title", { id: id + "-title" });
    titleNode.textContent = title;
    svg.appendChild(titleNode);
    axes.forEach(function (axis, i) {
      var y = 8 + i * 52;
      var lines = wrap(axis.label, 22).slice(0, 2);
      var firstY = lines.length > 1 ? y + 12 : y + 21;
      var label = svgEl("text", { class: "radar-label" });
      lines.forEach(function (line, n) {
        var span = svgEl("tspan", { x: 0, y: firstY + 17 * n });
        span.textContent = line;
        label.appendChild(span);
      });
      svg.appendChild(label);
      svg.appendChild(svgEl("rect", { class: "radar-ring", x: 210, y: y, width: 300, height: 26, rx: 4 }));
      svg.appendChild(svgEl("rect", { class: "radar-shape", x: 210, y: y, width: (300 * Math.min(axis.value / max, 1)).toFixed(1), height: 26, rx: 4 }));
    });
    return svg;
  }

  function verdict(share) {
    if (share >= 0.9) return "Ready: you meet this level's expectations.";
    if (share >= 0.7) return "Close: a few gaps left to close.";
    if (share >= 0.4) return "On the way: about half of the level is in place.";
    return "Early: most of this level is still ahead of you.";
  }

  function renderResult() {
    var target = levels[state.target];
    var total = target.items.length;
    var met = 0, rated = 0;
    var gaps = [];
    target.items.forEach(function (item) {
      var rating = entry(target.id, item.key).rating;
      var value = valueOf(rating);
      if (rating) rated++;
      if (value >= BAR) met++;
      else gaps.push({ item: item, gap: BAR - value, rating: rating });
    });
    var share = total ? met / total : 0;
    var summary = document.getElementById("assess-summary");
    summary.textContent = "";
    var bar = el("div", { class: "readiness-bar", role: "img", "aria-label": Math.round(share * 100) + "% met" }, [el("span")]);
    bar.firstChild.style.width = Math.round(share * 100) + "%";
    summary.appendChild(el("p", { class: "readiness", text: Math.round(share * 100) + "%" }));
    summary.appendChild(bar);
    summary.appendChild(el("p", { html: "<strong></strong>" }));
    summary.lastChild.firstChild.textContent = verdict(share);
    summary.appendChild(el("p", {
      class: "muted",
      text: met + " of " + total + " expectations of " + target.code + " met consistently or beyond; " + rated + " rated so far."
    }));

    var charts = document.getElementById("assess-charts");
    charts.textContent = "";
    areasOf(target).forEach(function (area) {
      var axes = area.competencies.map(function (c) { return { label: c.name, value: mean(c.values) }; });
      var figure = el("figure", {}, [el("figcaption", { text: area.name })]);
      figure.appendChild(chart("Your ratings in " + area.name + " against " + target.code, axes, SCALE.length - 1, BAR));
      charts.appendChild(figure);
    });

    summary.appendChild(el("p", {
      class: "chart-legend",
      text: "Charts: the filled shape is your rating per competency (0 not yet to 3 beyond); the dashed line is “consistently”, the bar for this level."
    }));

    gaps.sort(function (a, b) { return b.gap - a.gap; });
    var list = document.getElementById("assess-gaps");
    list.textContent = "";
    if (!gaps.length) list.appendChild(el("li", { text: "No gaps: every expectation is met consistently or beyond." }));
    gaps.forEach(function (gap) {
      var link = el("a", { href: "#" + itemId(target.id, gap.item.key), text: gap.item.name });
      var label = gap.rating ? SCALE[valueOf(gap.rating)].label.toLowerCase() : "not rated";
      list.appendChild(el("li", {}, [
        link,
        document.createTextNode(": " + gap.item.text + " "),
        el("span", { class: "gap-size", text: "(" + label + ", gap " + gap.gap + ")" })
      ]));
    });
  }

  // ---- Export and import --------------------------------------------------
  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function ratingsOf(level) {
    var out = {};
    level.items.forEach(function (item) {
      var current = entry(level.id, item.key);
      if (!current.rating && !current.notes) return;
      out[item.key] = { rating: current.rating, notes: current.notes || "", text: item.text, competency: item.competency };
    });
    return out;
  }

  function exportAssessment() {
    var target = levels[state.target];
    var file = {
      format: FORMAT,
      book: { title: bookTitle, version: version },
      level: target.id,
      date: today(),
      ratings: ratingsOf(target),
      notes: state.notes || ""
    };
    if (target.previous && levels[target.previous]) {
      file.foundation = { level: target.previous, ratings: ratingsOf(levels[target.previous]) };
    }
    var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
    var link = el("a", { href: URL.createObjectURL(blob), download: "assessment-" + target.id + "-" + file.date + ".json" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    say("Exported " + link.download + ".");
  }

  // What changed between the ladder a file was made against and this one.
  function differences(level, ratings) {
    var notes = [];
    var here = {};
    level.items.forEach(function (item) { here[item.key] = item; });
    Object.keys(ratings).forEach(function (key) {
      var saved = ratings[key] || {};
      var item = here[key];
      if (!item) notes.push("Removed: “" + (saved.text || key) + "” is no longer an expectation of " + level.code + "; its rating was not imported.");
      else if (saved.text && saved.text !== item.text) notes.push("Changed: “" + saved.text + "” now reads “" + item.text + "”.");
    });
    level.items.forEach(function (item) {
      if (!ratings[item.key]) notes.push("Added or not rated: “" + item.text + "”.");
    });
    return notes;
  }

  function importRatings(levelId, ratings) {
    var level = levels[levelId];
    var byLevel = state.ratings[levelId] = {};
    level.items.forEach(function (item) {
      var saved = ratings[item.key];
      if (!saved) return;
      var known = SCALE.some(function (s) { return s.id === saved.rating; });
      byLevel[item.key] = { rating: known ? saved.rating : null, notes: typeof saved.notes === "string" ? saved.notes : "" };
    });
  }

  function importFile(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(reader.result);
      } catch (err) {
        say("This file is not JSON: " + err.message, true);
        return;
      }
      if (!data || typeof data !== "object") return say("This file does not hold an assessment.", true);
      if (data.format !== FORMAT) {
        var what = typeof data.format === "string" && data.format.indexOf("ladderbook.scorecard/") === 0
          ? "an interview scorecard; open it with `ladderbook debrief`, not here"
          : "of format “" + (data.format || "none") + "”; expected " + FORMAT;
        return say("Not imported: this file is " + what + ".", true);
      }
      if (!levels[data.level]) return say("Not imported: this ladder has no level “" + data.level + "”.", true);
      var ratings = data.ratings && typeof data.ratings === "object" ? data.ratings : {};
      state.target = data.level;
      importRatings(data.level, ratings);
      if (data.foundation && levels[data.foundation.level] && data.foundation.ratings) {
        importRatings(data.foundation.level, data.foundation.ratings);
      }
      if (typeof data.notes === "string") state.notes = data.notes;
      save();
      select.value = state.target;
      renderForm();
      renderResult();
      var sameLadder = data.book && data.book.version === version;
      if (sameLadder) {
        renderNotice([]);
        say("Imported the assessment of " + levels[data.level].code + " from " + (data.date || "an earlier date") + ".");
      } else {
        var notes = differences(levels[data.level], ratings);
        renderNotice(notes, data.book && data.book.version);
        say("Imported, but the file was made against another version of the ladder; see what changed below.");
      }
    };
    reader.onerror = function () { say("The file could not be read.", true); };
    reader.readAsText(file);
  }

  function renderNotice(notes, otherVersion) {
    var old = document.getElementById("assess-notice");
    if (old) old.remove();
    if (otherVersion === undefined && !notes.length) return;
    var box = el("div", { id: "assess-notice", class: "notice", role: "note" }, [
      el("p", { html: "<strong></strong>" })
    ]);
    box.firstChild.firstChild.textContent = "Made against ladder version " + (otherVersion || "unknown") + "; this is version " + version + ".";
    if (notes.length) {
      var list = el("ul");
      notes.forEach(function (note) { list.appendChild(el("li", { text: note })); });
      box.appendChild(list);
    } else {
      box.appendChild(el("p", { text: "No expectation of this level changed." }));
    }
    app.insertBefore(box, app.querySelector(".assess-result"));
  }

  // ---- Wiring -------------------------------------------------------------
  app.hidden = false;
  checklist.hidden = true;
  select.value = state.target;
  select.addEventListener("change", function () {
    state.target = select.value;
    save();
    renderNotice([]);
    renderForm();
    renderResult();
  });
  app.querySelector('[data-action="export"]').addEventListener("click", exportAssessment);
  app.querySelector('[data-action="import"]').addEventListener("change", function (event) {
    if (event.target.files[0]) importFile(event.target.files[0]);
    event.target.value = "";
  });
  app.querySelector('[data-action="print"]').addEventListener("click", function () { window.print(); });
  app.querySelector('[data-action="clear"]').addEventListener("click", function () {
    if (!window.confirm("Clear every rating and note of this self-assessment? This cannot be undone.")) return;
    state.ratings = {};
    state.notes = "";
    save();
    renderNotice([]);
    renderForm();
    renderResult();
    say("Cleared.");
  });
  renderForm();
  renderResult();
})();
