// ladderbook: instant search in the top bar.
//
// The index (assets/search-index.js, then the shards it names,
// assets/search/N.js) and MiniSearch (assets/vendor/) are loaded with
// <script> tags, not fetch(), so search works from file://; and only on
// first use (focus on the box, or "/"), so pages stay light.
// The box follows the ARIA combobox pattern with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): focus stays in the
// input and aria-activedescendant names the highlighted result.
(function () {
  "use strict";
  var box = document.querySelector(".search");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var popup = box && box.querySelector(".search-popup");
  var note = box && box.querySelector(".search-note");
  var status = document.getElementById("search-status");
  if (!box || !input || !list || !popup || !note) return;
  box.hidden = false;

  var MAX_RESULTS = 12;
  var EXCERPT = 150;
  var root = document.body.dataset.root || "";
  var version = document.body.dataset.version || "";
  var state = "idle"; // idle → loading → ready | failed
  var engine = null;
  var docs = [];
  var kinds = [];
  var results = [];
  var active = -1;
  var WORDS = wordsOf("search-words");

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
    var text = typeof WORDS[key] === "string" ? WORDS[key] : english;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  // The head of the index, then every shard it names, all at once.
  function loadIndex(query) {
    var head = window.LADDERBOOK_SEARCH ? Promise.resolve() : loadScript(root + "assets/search-index.js" + query);
    return head.then(function () {
      var data = window.LADDERBOOK_SEARCH;
      var loaded = window.LADDERBOOK_SEARCH_SHARDS || [];
      var shards = [];
      for (var i = 0; i < (data.shards || 0); i++) {
        if (!loaded[i]) shards.push(loadScript(root + "assets/search/" + i + ".js" + query));
      }
      return Promise.all(shards);
    });
  }

  // The head's entries, then each shard's in order: one list, in which a
  // part of a page still comes `back` entries after its page.
  function allEntries() {
    var data = window.LADDERBOOK_SEARCH;
    var loaded = window.LADDERBOOK_SEARCH_SHARDS || [];
    var all = data.docs;
    for (var i = 0; i < (data.shards || 0); i++) {
      if (!loaded[i]) throw new Error("search shard " + i + " is missing");
      all = all.concat(loaded[i]);
    }
    return all;
  }

  function load() {
    if (state !== "idle") return;
    state = "loading";
    var query = version ? "?v=" + encodeURIComponent(version) : "";
    Promise.all([
      window.MiniSearch ? null : loadScript(root + "assets/vendor/minisearch.min.js"),
      loadIndex(query),
    ]).then(function () {
      var entries = allEntries();
      kinds = window.LADDERBOOK_SEARCH.kinds;
      // [kind, title, back, url, text]; a part of a page comes `back`
      // entries after its page and has only "#anchor" as url.
      docs = entries.map(function (d, id) {
        var parent = d[2] > 0 ? entries[id - d[2]] : null;
        return {
          id: id,
          kind: kinds[d[0]],
          title: d[1],
          parent: parent ? parent[1] : "",
          url: parent ? parent[3] + d[3] : d[3],
          text: d[4],
        };
      });
      engine = new window.MiniSearch({
        fields: ["title", "parent", "text"],
        searchOptions: {
          boost: { title: 4, parent: 1.5 },
          // Words typed before the last one are complete: "on" in "on call"
          // should not match "one". The last one is being typed.
          prefix: function (term, i, terms) { return i === terms.length - 1; },
          fuzzy: 0.2,
          // A whole page (a competency, a level) a little ahead of one of
          // its sections that says the same.
          boostDocument: function (id) { return docs[id].parent ? 1 : 1.25; },
        },
      });
      return engine.addAllAsync(docs, { chunkSize: 2000 });
    }).then(function () {
      state = "ready";
      update();
    }, function () {
      state = "failed";
      update();
    });
  }

  function search(query) {
    // Every word must match (instant results narrow as you type); if no
    // place has them all, the places with most of them.
    var found = engine.search(query, { combineWith: "AND" });
    if (!found.length) found = engine.search(query);
    return found.slice(0, MAX_RESULTS);
  }

  function update() {
    var query = input.value.trim();
    results = [];
    active = -1;
    list.textContent = "";
    input.removeAttribute("aria-activedescendant");
    if (!query) return close();
    if (state !== "ready") {
      if (state === "idle") load();
      showNote(state === "failed" ? word("search_unavailable", "Search is unavailable: its index could not be loaded.") : word("search_loading", "Loading search…"));
      return;
    }
    results = search(query);
    if (!results.length) {
      showNote(word("search_no_results", "No results for “{query}”", { query: query }));
      announce(word("search_none_announced", "No results"));
      return;
    }
    results.forEach(function (result, i) {
      list.appendChild(option(docs[result.id], result.terms, i));
    });
    note.hidden = true;
    open();
    announce(results.length === 1
      ? word("search_results_one", "{n} result, use up and down arrows to choose", { n: 1 })
      : word("search_results_other", "{n} results, use up and down arrows to choose", { n: results.length }));
  }

  function option(doc, terms, i) {
    var a = document.createElement("a");
    a.className = "search-option";
    a.id = "search-option-" + i;
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.tabIndex = -1;
    a.href = root + doc.url;
    var head = el("span", "search-head");
    head.appendChild(el("span", "search-kind search-kind-" + slug(doc.kind), doc.kind));
    head.appendChild(highlight(el("span", "search-title"), doc.title, terms));
    if (doc.parent) head.appendChild(el("span", "search-parent", doc.parent));
    a.appendChild(head);
    var excerpt = excerptOf(doc.text, terms);
    if (excerpt) a.appendChild(highlight(el("span", "search-excerpt"), excerpt, terms));
    a.addEventListener("mousedown", function (event) {
      event.preventDefault(); // keep focus in the box until the link opens
    });
    a.addEventListener("mousemove", function () { setActive(i, false); });
    a.addEventListener("click", close);
    return a;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function slug(text) {
    return text.toLowerCase().replace(/[^a-z]+/g, "-");
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function termPattern(terms) {
    var words = terms.filter(Boolean).map(escapeRegExp);
    if (!words.length) return null;
    // MiniSearch reports the document's own words that matched, so whole
    // words are marked ("on" matched, not the start of "one").
    return new RegExp("(^|[^\\p{L}\\p{N}])(" + words.join("|") + ")(?![\\p{L}\\p{N}])", "iu");
  }

  // The words around the first match of the longest matched word (the
  // rarest, as a rule), or the start of the text.
  function excerptOf(text, terms) {
    if (!text) return "";
    var at = 0;
    var longest = terms.slice().sort(function (a, b) { return b.length - a.length; });
    for (var i = 0; i < longest.length; i++) {
      var match = termPattern([longest[i]]).exec(text);
      if (match) {
        at = match.index + match[1].length;
        break;
      }
    }
    var start = at > 40 ? text.lastIndexOf(" ", at - 30) + 1 : 0;
    var end = Math.min(text.length, start + EXCERPT);
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      if (space > start + EXCERPT / 2) end = space;
    }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  // Fills `node` with `text`, matched words wrapped in <mark>. Text only:
  // nothing from the index is ever parsed as HTML.
  function highlight(node, text, terms) {
    var pattern = termPattern(terms);
    var rest = text;
    var match;
    while (pattern && rest && (match = pattern.exec(rest))) {
      var at = match.index + match[1].length;
      node.appendChild(document.createTextNode(rest.slice(0, at)));
      node.appendChild(el("mark", "", match[2]));
      rest = rest.slice(at + match[2].length);
    }
    if (rest) node.appendChild(document.createTextNode(rest));
    return node;
  }

  // A line in the popup instead of results (the listbox holds options only).
  function showNote(text) {
    note.textContent = text;
    note.hidden = false;
    open();
  }

  function announce(text) {
    if (status) status.textContent = text;
  }

  function open() {
    popup.hidden = false;
    input.setAttribute("aria-expanded", results.length ? "true" : "false");
  }

  function close() {
    popup.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(i, scroll) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = (i + options.length) % options.length;
    var current = options[active];
    current.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", current.id);
    if (scroll) current.scrollIntoView({ block: "nearest" });
  }

  function go() {
    var options = list.querySelectorAll("[role=option]");
    var target = options[active >= 0 ? active : 0];
    if (!target) return;
    close();
    window.location.href = target.href;
  }

  input.addEventListener("focus", function () {
    load();
    if (input.value.trim()) update();
  });
  input.addEventListener("input", update);
  input.addEventListener("keydown", function (event) {
    if (event.isComposing) return;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        if (popup.hidden) update();
        if (!results.length) return;
        if (event.key === "ArrowDown") setActive(active < 0 ? 0 : active + 1, true);
        else setActive(active < 0 ? -1 : active - 1, true);
        break;
      case "Enter":
        if (results.length && !popup.hidden) {
          event.preventDefault();
          go();
        }
        break;
      case "Escape":
        event.preventDefault();
        if (!popup.hidden) close();
        else if (input.value) input.value = "";
        else input.blur();
        break;
    }
  });
  // Leaving the box (to the page, or with Tab) closes the popup.
  document.addEventListener("mousedown", function (event) {
    if (!box.contains(event.target)) close();
  });
  input.addEventListener("blur", function () {
    setTimeout(function () {
      if (document.activeElement !== input) close();
    }, 0);
  });

  // "/" anywhere focuses the box, unless the reader is typing somewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
