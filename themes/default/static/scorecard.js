// ladderbook: fill in an interview scorecard in the browser.
//
// The draft stays in this browser (localStorage) until it is exported as a
// `ladderbook.scorecard/1` JSON file, which `ladderbook debrief` reads.
// Nothing is sent anywhere. Without JavaScript the kit prints as a paper card.
(function () {
  "use strict";

  var form = document.getElementById("scorecard-form");
  if (!form) return;

  var FORMAT = "ladderbook.scorecard/1";
  var bookTitle = form.dataset.book || (document.querySelector(".brand") || {}).textContent || document.title;
  var version = document.body.dataset.version || "";
  var scorecard = form.dataset.scorecard;
  var storageKey = "ladderbook.scorecard:" + bookTitle + ":" + scorecard;
  var status = form.querySelector(".status");
  var interviewSelect = form.elements.interview;
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll("fieldset.rate[data-dimension]"));
  var summary = document.getElementById("fill-errors");
  var tried = false; // after a refused export, errors update as the form is fixed
  var WORDS = wordsOf("scorecard-words");

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

  function focusOf(select) {
    var option = select.options[select.selectedIndex];
    return option ? (option.dataset.focus || "").split(" ").filter(Boolean) : [];
  }

  function showFocus() {
    var focus = focusOf(interviewSelect);
    fieldsets.forEach(function (fieldset) {
      var on = focus.indexOf(fieldset.dataset.dimension) >= 0;
      fieldset.classList.toggle("off", !on);
      fieldset.disabled = !on;
    });
    var option = interviewSelect.options[interviewSelect.selectedIndex];
    var title = form.querySelector('[data-fill="interview-title"]');
    if (title) title.textContent = option ? option.textContent : "";
  }

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", !!isError);
  }

  function checked(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  // The draft: every field of the form, whatever the chosen interview.
  function draft() {
    var data = {
      interview: interviewSelect.value,
      candidate: form.elements.candidate.value,
      interviewer: form.elements.interviewer.value,
      date: form.elements.date.value,
      takeaways: form.elements.takeaways.value,
      recommendation: checked("recommendation"),
      ratings: {}
    };
    fieldsets.forEach(function (fieldset) {
      var id = fieldset.dataset.dimension;
      data.ratings[id] = {
        rating: checked("rate-" + id),
        notes: form.elements["notes-" + id].value
      };
    });
    return data;
  }

  function save() {
    try {
      localStorage.setItem(storageKey, JSON.stringify(draft()));
    } catch (err) {
      say(word("scorecard_cannot_save", "The draft cannot be kept in this browser: {error}", { error: err.message }), true);
    }
  }

  function setChecked(name, value) {
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (input) {
      input.checked = input.value === value;
    });
  }

  function restore() {
    var saved;
    try {
      saved = JSON.parse(localStorage.getItem(storageKey) || "null");
    } catch (err) {
      saved = null;
    }
    if (!saved) return false;
    if (saved.interview) interviewSelect.value = saved.interview;
    ["candidate", "interviewer", "date", "takeaways"].forEach(function (name) {
      if (typeof saved[name] === "string") form.elements[name].value = saved[name];
    });
    setChecked("recommendation", saved.recommendation);
    Object.keys(saved.ratings || {}).forEach(function (id) {
      var entry = saved.ratings[id] || {};
      setChecked("rate-" + id, entry.rating);
      if (form.elements["notes-" + id]) form.elements["notes-" + id].value = entry.notes || "";
    });
    return true;
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function slug(text) {
    return (text || "").toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "unnamed";
  }

  // What is exported: only the dimensions the chosen interview rates.
  function exported() {
    var data = draft();
    var ratings = {};
    focusOf(interviewSelect).forEach(function (id) {
      var fieldset = form.querySelector('fieldset.rate[data-dimension="' + id + '"]');
      if (!fieldset) return;
      ratings[id] = {
        rating: data.ratings[id].rating,
        notes: data.ratings[id].notes,
        meets: fieldset.dataset.meets || "",
        exceeds: fieldset.dataset.exceeds || ""
      };
    });
    return {
      format: FORMAT,
      book: { title: bookTitle, version: version },
      scorecard: scorecard,
      interview: data.interview,
      candidate: data.candidate.trim(),
      interviewer: data.interviewer.trim(),
      date: data.date || today(),
      ratings: ratings,
      takeaways: data.takeaways,
      recommendation: data.recommendation
    };
  }

  // Each problem: the field to fix, where its message goes, and the message.
  function problems(card) {
    var found = [];
    if (!card.candidate) {
      found.push({ field: form.elements.candidate, error: "fill-candidate-error", message: word("scorecard_need_candidate", "Enter the candidate's name.") });
    }
    if (!card.interviewer) {
      found.push({ field: form.elements.interviewer, error: "fill-interviewer-error", message: word("scorecard_need_interviewer", "Enter your name as the interviewer.") });
    }
    var rated = Object.keys(card.ratings).some(function (id) { return card.ratings[id].rating; });
    if (!rated) {
      var first = fieldsets.filter(function (f) { return !f.disabled; })[0];
      found.push({ field: first && first.querySelector("input"), fieldset: first, error: "fill-ratings-error", message: word("scorecard_need_rating", "Rate at least one dimension.") });
    }
    return found;
  }

  // Messages beside the fields (tied with aria-describedby and
  // aria-invalid) and a summary with links to them, as GOV.UK forms do.
  function showProblems(found) {
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    form.querySelectorAll(".field-error").forEach(function (el) { el.hidden = true; el.textContent = ""; });
    fieldsets.forEach(function (f) {
      f.classList.remove("invalid");
      f.removeAttribute("aria-describedby");
    });
    summary.textContent = "";
    summary.hidden = !found.length;
    if (!found.length) return;
    var list = document.createElement("ul");
    found.forEach(function (p) {
      var message = document.getElementById(p.error);
      message.textContent = p.message;
      message.hidden = false;
      if (p.fieldset) {
        fieldsets.filter(function (f) { return !f.disabled; }).forEach(function (f) {
          f.classList.add("invalid");
          f.setAttribute("aria-describedby", p.error);
        });
      } else if (p.field) {
        p.field.setAttribute("aria-invalid", "true");
        p.field.setAttribute("aria-describedby", p.error);
      }
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + (p.fieldset ? p.fieldset.id : p.field.id);
      link.textContent = p.message;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        if (p.field) p.field.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    var head = document.createElement("p");
    head.textContent = found.length === 1
      ? word("scorecard_problems_one", "Not exported yet: {n} thing needs fixing.", { n: 1 })
      : word("scorecard_problems_other", "Not exported yet: {n} things need fixing.", { n: found.length });
    summary.appendChild(head);
    summary.appendChild(list);
  }

  function download(name, data) {
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 0);
  }

  function exportCard() {
    var card = exported();
    var found = problems(card);
    showProblems(found);
    if (found.length) {
      tried = true;
      var wrong = found.map(function (p) { return p.message.charAt(0).toLowerCase() + p.message.slice(1, -1); }).join("; ");
      say(word("scorecard_not_exported", "Not exported: {problems}.", { problems: wrong }), true);
      summary.focus();
      return;
    }
    tried = false;
    var name = ["scorecard", scorecard, card.interview, slug(card.candidate), slug(card.interviewer)].join("-") + ".json";
    download(name, card);
    say(word("scorecard_exported", "Exported {file}. Send it to the hiring manager for the debrief.", { file: name }));
  }

  function recheck() {
    if (!tried) return;
    var found = problems(exported());
    showProblems(found);
    if (!found.length) {
      tried = false;
      say("");
    }
  }

  function printCard() {
    document.body.classList.add("printing-filled");
    var done = function () {
      document.body.classList.remove("printing-filled");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }

  function clearDraft() {
    if (!window.confirm(word("scorecard_clear_confirm", "Clear this scorecard draft? This cannot be undone."))) return;
    try {
      localStorage.removeItem(storageKey);
    } catch (err) { /* nothing was kept */ }
    form.reset();
    tried = false;
    showProblems([]);
    form.elements.date.value = today();
    showFocus();
    say(word("scorecard_cleared", "Draft cleared."));
  }

  form.hidden = false;
  if (!restore()) form.elements.date.value = today();
  showFocus();
  interviewSelect.addEventListener("change", function () { showFocus(); save(); });
  form.addEventListener("input", function () { save(); recheck(); });
  form.addEventListener("change", function () { save(); recheck(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector('[data-action="export"]').addEventListener("click", exportCard);
  form.querySelector('[data-action="print"]').addEventListener("click", printCard);
  form.querySelector('[data-action="clear"]').addEventListener("click", clearDraft);
  // A link to #fill-<interview> opens the form on that interview.
  var wanted = /^#fill-(.+)$/.exec(window.location.hash);
  if (wanted && form.querySelector('option[value="' + wanted[1] + '"]')) {
    interviewSelect.value = wanted[1];
    showFocus();
  }
})();
