/* Self-test page script. Builds every question from the JSON in #quiz-data with
   createElement/textContent only: note text never passes through an HTML parser.
   One asker per body type (ASKERS); a body type without one is reported on the page. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("quiz-data").textContent);
  var state = { round: 0, cards: [], checked: false };

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") { node.textContent = props[key]; }
      else if (key === "className") { node.className = props[key]; }
      else { node.setAttribute(key, props[key]); }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* Seeded PRNG (mulberry32): the same seed and round always give the same fresh set. */
  function prng(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffled(list, rand) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1));
      var tmp = out[i]; out[i] = out[j]; out[j] = tmp;
    }
    return out;
  }

  /* Case, accent and punctuation tolerant: "Collectivisation", "collectivisation." and "colléctivisation" agree. */
  function normalise(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, " ").replace(/\s+/g, " ").trim();
  }
  /* the same as answer_key in practice/checking.py: words, plus symbols that are not sentence punctuation */
  var SOFT = ".,;:!?'\"()-_\u2018\u2019\u201c\u201d\u2013\u2014\u2026";
  function answerKey(text) {
    var bare = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    var words = bare.replace(/[^\p{L}\p{N}\s]|_/gu, " ").replace(/\s+/g, " ").trim();
    if (words === "") { return bare.replace(/\s+/g, " ").trim(); }
    var symbols = Array.from(bare).filter(function (ch) {
      return !/[\p{L}\p{N}\s]/u.test(ch) && SOFT.indexOf(ch) < 0;
    }).join("");
    return symbols ? words + "\u0001" + symbols : words;
  }
  /* Spelling slips, as practice mode and the mark scheme allow (quizforge/practice/checking.py, SLIPS). */
  function slipsAllowed(answer) {
    if (/\p{N}/u.test(answer)) { return 0; }
    var n = Array.from(answer).length;  /* letters, as Python counts them */
    return n <= 4 ? 0 : n <= 8 ? 1 : 2;
  }
  function distance(a, b) {  /* Levenshtein: letters missing, extra or swapped for another */
    var a1 = Array.from(a), b1 = Array.from(b), row = [], i, j;
    for (j = 0; j <= b1.length; j++) { row.push(j); }
    for (i = 1; i <= a1.length; i++) {
      var prev = row[0]; row[0] = i;
      for (j = 1; j <= b1.length; j++) {
        var here = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a1[i - 1] === b1[j - 1] ? 0 : 1));
        prev = here;
      }
    }
    return row[b1.length];
  }
  function closeEnough(given, answer) {
    if (given === answer) { return true; }
    var mine = given.replace(/ /g, ""), theirs = answer.replace(/ /g, "");
    if (mine === theirs) { return true; }
    var allowed = slipsAllowed(theirs);
    return allowed > 0 && !/\p{N}/u.test(mine) && distance(mine, theirs) <= allowed;
  }
  /* as accepted() in quizforge/matching.py: the same key, or words only and within the slips allowed */
  function accepted(given, answers) {
    var mine = answerKey(given);
    if (mine === "") { return false; }
    return answers.some(function (a) {
      var theirs = answerKey(a);
      if (theirs === mine) { return true; }
      return theirs !== "" && theirs.indexOf("\u0001") < 0 && mine.indexOf("\u0001") < 0 && closeEnough(mine, theirs);
    });
  }
  function letter(i) { return String.fromCharCode(65 + i); }

  function feedback(card, right, lines) {
    var box = el("div", { className: "feedback " + (right ? "right" : "wrong"), role: "status" });
    box.appendChild(el("strong", { text: right ? "Right. " : "Not quite. " }));
    lines.forEach(function (line) { box.appendChild(el("span", { className: "answer", text: line + " " })); });
    card.appendChild(box);
  }
  function oneMark(q, right, lines) {
    return { score: right ? q.marks : 0, max: q.marks, right: right, lines: lines };
  }

  function textInput(label) { return el("input", { type: "text", "aria-label": label, spellcheck: "false" }); }
  function radios(name, labels) {
    var list = el("ul", { className: "choices" });
    var inputs = labels.map(function (label, i) {
      var input = el("input", { type: "radio", name: name, value: String(i), id: name + "-" + i });
      list.appendChild(el("li", {}, [input, " ", el("label", { "for": name + "-" + i, text: label })]));
      return input;
    });
    return { node: list, inputs: inputs, value: function () {
      var hit = inputs.filter(function (r) { return r.checked; })[0];
      return hit ? Number(hit.value) : -1;
    } };
  }
  function select(label, choices) {
    var node = el("select", { "aria-label": label }, [el("option", { value: "", text: "–" })]);
    choices.forEach(function (text, i) { node.appendChild(el("option", { value: String(i), text: text })); });
    return node;
  }

  /* Each asker adds the question's inputs to the card and returns mark(): {score, max, right, lines}. */
  var ASKERS = {
    gap: function (q, card) {
      var input = textInput("Missing word or words");
      card.appendChild(el("p", { className: "sentence" }, [q.body.before, input, q.body.after]));
      return function () {
        var right = accepted(input.value, q.body.accept);
        return oneMark(q, right, right ? [] : ["The answer: " + q.body.accept[0] + "."]);
      };
    },
    short: function (q, card) {
      var input = textInput("Your answer");
      card.appendChild(el("p", { className: "sentence" }, [input]));
      return function () {
        var right = accepted(input.value, q.body.accept);
        return oneMark(q, right, right ? [] : ["The answer: " + q.body.accept[0] + "."]);
      };
    },
    choice: function (q, card, uid) {
      var group = radios(uid, q.body.options);
      card.appendChild(group.node);
      return function () {
        var right = group.value() === q.body.correct;
        var lines = right ? [] : ["The answer: " + q.body.options[q.body.correct] + "."];
        if (q.body.explanation) { lines.push(q.body.explanation); }
        return oneMark(q, right, lines);
      };
    },
    truefalse: function (q, card, uid) {
      card.appendChild(el("p", { className: "sentence", text: q.body.statement }));
      var group = radios(uid, ["True", "False"]);
      card.appendChild(group.node);
      return function () {
        var right = group.value() === (q.body.true ? 0 : 1);
        var lines = right ? [] : ["It is " + (q.body.true ? "true" : "false") + "."];
        if (!q.body.true && q.body.correction) { lines.push(q.body.correction); }
        return oneMark(q, right, lines);
      };
    },
    /* only: the examples to ask again (a retry asks just the ones missed), in their own letters */
    match: function (q, card, uid, only) {
      var causes = el("ol", { className: "causes" });
      q.body.causes.forEach(function (c) { causes.appendChild(el("li", { text: c })); });
      card.appendChild(el("p", { className: "sentence", text: q.body.left_label.replace(/y$/, "ie") + "s:" }));
      card.appendChild(causes);
      var list = el("ul", { className: "match-list" });
      var choices = q.body.causes.map(function (c, i) { return (i + 1) + ". " + c; });
      var shown = q.body.examples.map(function (_, i) { return i; })
        .filter(function (i) { return !only || only.indexOf(i) >= 0; });
      var selects = shown.map(function (i) {
        var pick = select(q.body.left_label + " for " + q.body.right_label.toLowerCase() + " " + letter(i), choices);
        list.appendChild(el("li", {}, [el("strong", { text: letter(i) }), el("span", { text: q.body.examples[i] }), pick]));
        return pick;
      });
      card.appendChild(list);
      return function () {
        var score = 0, wrong = [];
        selects.forEach(function (pick, n) {
          var i = shown[n], ok = pick.value !== "" && Number(pick.value) === q.body.key[i];
          score += ok ? 1 : 0;
          if (!ok) { wrong.push(i); }
          pick.parentNode.className = ok ? "part-right" : "part-wrong";
        });
        var right = wrong.length === 0, max = only ? shown.length : q.marks;
        var answer = wrong.map(function (i) { return letter(i) + " " + (q.body.key[i] + 1); }).join(", ");
        return { score: Math.min(score, max), max: max, right: right, wrong: wrong,
                 lines: right ? [] : ["The answer: " + (only ? answer : q.answer) + "."] };
      };
    },
    sequence: function (q, card) {
      var list = el("ol", { className: "sequence", type: "A" });
      var positions = q.body.items.map(function (_, i) { return String(i + 1); });
      var selects = q.body.items.map(function (item, i) {
        var pick = select("Position of " + letter(i), positions);
        list.appendChild(el("li", {}, [el("span", { text: item + " " }), pick]));
        return pick;
      });
      card.appendChild(list);
      return function () {
        var right = selects.every(function (pick, i) { return pick.value !== "" && Number(pick.value) === q.body.order.indexOf(i); });
        var inOrder = q.body.order.map(function (i) { return q.body.items[i]; });
        return oneMark(q, right, right ? [] : ["The right order: " + inOrder.join(" → ")]);
      };
    },
    extended: function (q, card) {
      if (q.body.stimulus.length) {
        var stim = el("ul", {});
        q.body.stimulus.forEach(function (s) { stim.appendChild(el("li", { text: s })); });
        card.appendChild(stim);
      }
      card.appendChild(el("textarea", { "aria-label": "Your answer (not marked: you tick off the mark-scheme points)" }));
      var ticks = [];
      return function () {
        var box = el("div", { className: "feedback" });
        box.appendChild(el("p", { text: "Tick each point your answer covered:" }));
        var list = el("ul", { className: "checklist" });
        q.body.points.concat(q.body.against).forEach(function (point, i) {
          var id = card.id + "-tick-" + i;
          var tick = el("input", { type: "checkbox", id: id });
          tick.addEventListener("change", showScore);
          ticks.push(tick);
          list.appendChild(el("li", {}, [tick, el("label", { "for": id, text: point })]));
        });
        box.appendChild(list);
        card.appendChild(box);
        return { selfAssessed: true, ticks: ticks, enough: Math.min(2, ticks.length) };
      };
    }
  };

  function askCard(q, number, only) {
    var uid = "q" + number;
    var card = el("fieldset", { className: "question", id: uid });
    card.dataset.qid = q.id;
    card.dataset.type = q.body.type;
    card.appendChild(el("legend", { className: "visually-hidden", text: "Question " + number }));
    card.appendChild(el("div", { className: "qhead" }, [
      el("span", { className: "qnum", text: number + "." }),
      el("p", { className: "prompt", text: q.prompt }),
      el("span", { className: "marks", text: q.body.type === "extended" ? "self-marked" : "[" + q.marks + (q.marks === 1 ? " mark]" : " marks]") })
    ]));
    var asker = ASKERS[q.body.type];
    if (!asker) {
      card.appendChild(el("p", { className: "feedback wrong", text: "This page cannot ask a '" + q.body.type + "' question yet." }));
      return { q: q, card: card, mark: function () { return { score: 0, max: 0, right: true, lines: [] }; } };
    }
    return { q: q, card: card, mark: asker(q, card, uid, only) };
  }

  function wordBank(section, ids) {
    var words = ids.map(function (id) { return DATA.questions[id]; })
      .filter(function (q) { return q.body.type === "gap"; })
      .map(function (q) { return q.body.accept[0]; }).concat(section.bank_extras);
    words.sort(function (a, b) { return a.toLowerCase() < b.toLowerCase() ? -1 : 1; });
    var list = el("ul", {});
    words.forEach(function (w) { list.appendChild(el("li", { text: w })); });
    return el("div", { className: "bank", role: "note" }, [el("strong", { text: "Word bank" }), list]);
  }

  function render(plan, label, only) {
    var root = document.getElementById("sections");
    root.textContent = "";
    state.cards = [];
    state.checked = false;
    var number = 0;
    plan.forEach(function (part) {
      if (!part.ids.length) { return; }
      root.appendChild(el("h2", { text: part.section.title }));
      root.appendChild(el("p", { className: "instructions", text: part.section.instructions }));
      if (part.section.has_bank) { root.appendChild(wordBank(part.section, part.ids)); }
      part.ids.forEach(function (id) {
        number += 1;
        var asked = askCard(DATA.questions[id], number, only && only[id]);
        state.cards.push(asked);
        root.appendChild(asked.card);
      });
    });
    document.getElementById("set-label").textContent = label;
    document.getElementById("check").disabled = false;
    document.getElementById("result").hidden = true;
    var first = root.querySelector("input, select, textarea");
    return first;
  }

  function plan(pick) {
    return DATA.sections.map(function (section) { return { section: section, ids: pick(section) }; });
  }

  function check(event) {
    event.preventDefault();
    if (state.checked) { return; }
    state.checked = true;
    state.cards.forEach(function (asked) {
      asked.result = asked.mark();
      if (!asked.result.selfAssessed) {
        asked.card.classList.add(asked.result.right ? "right" : "wrong");
        feedback(asked.card, asked.result.right, asked.result.lines);
      }
      asked.card.querySelectorAll("input[type=text], select, textarea, input[type=radio]").forEach(function (input) { input.disabled = true; });
    });
    document.getElementById("check").disabled = true;
    showScore();
    var result = document.getElementById("result");
    result.hidden = false;
    result.focus();
  }

  /* Marked questions answered wrongly (self-marked explain questions are the student's to judge, not
     "missed"), each with the parts to ask again: a match question's missed examples only. */
  function missed() {
    return state.cards.filter(function (asked) {
      var r = asked.result;
      return r && !r.selfAssessed && !r.right;
    }).map(function (asked) { return { id: asked.q.id, only: asked.result.wrong || null }; });
  }

  function showScore() {
    var score = 0, max = 0, ticked = 0, points = 0;
    state.cards.forEach(function (asked) {
      var r = asked.result;
      if (!r) { return; }
      if (r.selfAssessed) {
        points += r.ticks.length;
        ticked += r.ticks.filter(function (t) { return t.checked; }).length;
      } else { score += r.score; max += r.max; }
    });
    var percent = max ? Math.round(100 * score / max) : 0;
    document.getElementById("score").textContent = max
      ? "You scored " + score + " out of " + max + " (" + percent + "%)." : "Nothing here is marked automatically.";
    document.getElementById("self-score").textContent = points
      ? "Explain questions: you ticked " + ticked + " of " + points + " mark-scheme points. Tick what your answer really covered." : "";
    var retry = document.getElementById("retry");
    retry.disabled = missed().length === 0;
    retry.textContent = missed().length ? "Retry the " + missed().length + " I missed" : "Nothing to retry";
  }

  function start() {
    return render(plan(function (s) { return s.first; }), "Set 1: the worksheet's questions");
  }
  function retry() {
    var again = missed(), only = {};
    var ids = again.map(function (m) { only[m.id] = m.only; return m.id; });
    var first = render(plan(function (s) { return s.pool.filter(function (id) { return ids.indexOf(id) >= 0; }); }),
      "Retry: the " + ids.length + " you missed", only);
    if (first) { first.focus(); }
  }
  function shuffle() {
    state.round += 1;
    var rand = prng(DATA.seed * 7919 + state.round);
    var first = render(plan(function (s) { return shuffled(s.pool, rand).slice(0, s.first.length); }),
      "Fresh set " + (state.round + 1) + " (shuffled)");
    if (first) { first.focus(); }
  }

  /* Enter in an answer box goes on to the next answer instead of checking the whole page early. */
  function enterMovesOn(event) {
    if (event.key !== "Enter" || event.target.type !== "text") { return; }
    event.preventDefault();
    var fields = Array.prototype.slice.call(document.querySelectorAll("#quiz input, #quiz select, #quiz textarea, #check"))
      .filter(function (f) { return !f.disabled && !(f.type === "radio" && !f.checked && f.name === event.target.name); });
    var next = fields[fields.indexOf(event.target) + 1];
    if (next) { next.focus(); }
  }

  window.quizforgeSelftest = { normalise: normalise, answerKey: answerKey, accepted: accepted };  /* for tests: the same rules as practice mode */
  document.getElementById("quiz").addEventListener("keydown", enterMovesOn);
  document.getElementById("quiz").addEventListener("submit", check);
  document.getElementById("retry").addEventListener("click", retry);
  document.getElementById("shuffle").addEventListener("click", shuffle);
  document.getElementById("print").addEventListener("click", function () { window.print(); });
  start();
}());
