// The tool "Leernetwerk starten of evalueren" (overrides/fragments/liso-tool.html).
//
// Everything happens in this browser: nothing is sent anywhere. Answers are kept in
// localStorage only once the visitor answers something, under one key that "Clear everything"
// removes. Export writes the same data as a JSON file; import reads such a file back, keeping
// only answers to questions that exist and values on the scale. The profile is drawn as SVG
// with DOM methods and presentation attributes (the Content-Security-Policy allows no inline
// style), with the same figures in a table. Every text comes from the page (data/liso.yml and
// hooks/samen/ui_text.py) and is inserted as text, never as HTML.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs, children) {
    var node = document.createElement(name);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(name, attrs, children) {
    var node = document.createElementNS(SVG, name);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (key) {
      if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, String(attrs[key]));
    });
  }

  function append(node, children) {
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
  }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  function setUp(root) {
    var config = JSON.parse(root.querySelector("[data-samen-liso-config]").textContent);
    var text = config.text;
    var form = root.querySelector("[data-samen-liso-form]");
    var status = root.querySelector("[data-samen-liso-status]");
    var result = root.querySelector("[data-samen-liso-result]");
    var report = root.querySelector("[data-samen-liso-report]");
    var fileInput = root.querySelector("[data-samen-liso-file]");
    var scaleValues = config.scale.map(function (p) { return p.value; });
    var decimal = config.lang === "nl" ? "," : ".";

    root.querySelector("[data-samen-liso-nojs]").hidden = true;
    Array.prototype.forEach.call(root.querySelectorAll("[data-samen-liso-enhanced]"), function (node) {
      node.hidden = false;
    });

    // --- state -------------------------------------------------------------------------
    function emptyState() {
      var answers = {};
      config.routes.forEach(function (route) { answers[route.id] = {}; });
      return { route: config.routes[0].id, answers: answers };
    }

    function questionName(route, key) {
      return "liso-" + route + "-" + key.replace("/", "-");
    }

    function knownKeys(route) {
      var keys = [];
      config.elements.forEach(function (element) {
        (element.questions[route] || []).forEach(function (q) { keys.push(element.id + "/" + q.id); });
      });
      return keys;
    }

    // Keep only what belongs to these questions; count what was dropped.
    function clean(data) {
      var state = emptyState();
      var dropped = 0;
      if (!data || typeof data !== "object") return null;
      if (typeof data.route === "string" && state.answers.hasOwnProperty(data.route)) state.route = data.route;
      var answers = data.answers && typeof data.answers === "object" ? data.answers : {};
      Object.keys(answers).forEach(function (route) {
        if (!state.answers.hasOwnProperty(route) || !answers[route] || typeof answers[route] !== "object") {
          dropped += 1;
          return;
        }
        var keys = knownKeys(route);
        Object.keys(answers[route]).forEach(function (key) {
          var answer = answers[route][key];
          if (keys.indexOf(key) === -1 || !answer || typeof answer !== "object") {
            dropped += 1;
            return;
          }
          var entry = {};
          if (scaleValues.indexOf(answer.value) !== -1) entry.value = answer.value;
          if (typeof answer.note === "string" && answer.note.trim()) entry.note = answer.note.slice(0, 2000);
          if ("value" in entry || "note" in entry) state.answers[route][key] = entry;
          else dropped += 1;
        });
      });
      return { state: state, dropped: dropped };
    }

    function readForm() {
      var state = emptyState();
      var chosen = form.querySelector('input[name="liso-route"]:checked');
      if (chosen) state.route = chosen.value;
      config.routes.forEach(function (route) {
        knownKeys(route.id).forEach(function (key) {
          var name = questionName(route.id, key);
          var picked = form.querySelector('input[name="' + name + '"]:checked');
          var note = form.querySelector('textarea[name="' + name + '-notitie"]');
          var entry = {};
          if (picked) entry.value = Number(picked.value);
          if (note && note.value.trim()) entry.note = note.value;
          if ("value" in entry || "note" in entry) state.answers[route.id][key] = entry;
        });
      });
      return state;
    }

    function writeForm(state) {
      form.reset();
      var routeInput = form.querySelector('input[name="liso-route"][value="' + state.route + '"]');
      if (routeInput) routeInput.checked = true;
      Object.keys(state.answers).forEach(function (route) {
        Object.keys(state.answers[route]).forEach(function (key) {
          var name = questionName(route, key);
          var answer = state.answers[route][key];
          if ("value" in answer) {
            var radio = form.querySelector('input[name="' + name + '"][value="' + answer.value + '"]');
            if (radio) radio.checked = true;
          }
          var note = form.querySelector('textarea[name="' + name + '-notitie"]');
          if (note) note.value = answer.note || "";
        });
      });
      showRoute();
    }

    function count(state) {
      return Object.keys(state.answers).reduce(function (sum, route) {
        return sum + Object.keys(state.answers[route]).length;
      }, 0);
    }

    function load() {
      try {
        var raw = window.localStorage.getItem(config.storageKey);
        var found = raw ? clean(JSON.parse(raw)) : null;
        return found ? found.state : null;
      } catch (error) {
        return null;
      }
    }

    function save(state) {
      try {
        if (count(state) === 0) window.localStorage.removeItem(config.storageKey);
        else window.localStorage.setItem(config.storageKey, JSON.stringify({ version: 1, route: state.route, answers: state.answers }));
      } catch (error) {
        /* storage full or disabled: the tool still works for this visit */
      }
    }

    function say(message) {
      // A fresh text node, so that the same message is announced again.
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    // --- route -------------------------------------------------------------------------
    function showRoute() {
      var chosen = form.querySelector('input[name="liso-route"]:checked');
      var route = chosen ? chosen.value : config.routes[0].id;
      Array.prototype.forEach.call(form.querySelectorAll("[data-samen-liso-route]"), function (section) {
        section.hidden = section.getAttribute("data-samen-liso-route") !== route;
      });
    }

    // --- profile -----------------------------------------------------------------------
    function profile(state) {
      var answers = state.answers[state.route] || {};
      return config.elements.map(function (element) {
        var values = (element.questions[state.route] || [])
          .map(function (q) { return answers[element.id + "/" + q.id]; })
          .filter(function (a) { return a && "value" in a; })
          .map(function (a) { return a.value; });
        var total = values.reduce(function (a, b) { return a + b; }, 0);
        return {
          element: element,
          answered: values.length,
          questions: (element.questions[state.route] || []).length,
          average: values.length ? Math.round((total / values.length) * 10) / 10 : null,
        };
      });
    }

    function number(value) {
      return value.toFixed(1).replace(".", decimal);
    }

    // Strongest: the highest average (ties included); attention: the lowest, when they differ.
    function extremes(rows) {
      var scored = rows.filter(function (r) { return r.average !== null; });
      if (!scored.length) return null;
      var averages = scored.map(function (r) { return r.average; });
      var high = Math.max.apply(null, averages);
      var low = Math.min.apply(null, averages);
      if (high === low) return { same: true, strongest: [], attention: [] };
      return {
        same: false,
        strongest: scored.filter(function (r) { return r.average === high; }),
        attention: scored.filter(function (r) { return r.average === low; }),
      };
    }

    // On a narrow screen each label stands above its bar, so that the text stays readable.
    function chart(rows) {
      var min = scaleValues[0];
      var max = scaleValues[scaleValues.length - 1];
      var narrow = report.clientWidth > 0 && report.clientWidth < 560;
      var width = narrow ? 360 : 720;
      var left = narrow ? 8 : 250;
      var right = narrow ? 40 : 60;
      var labelHeight = narrow ? 20 : 0;
      var rowHeight = 34 + labelHeight;
      var top = 30;
      var plot = width - left - right;
      var height = top + rows.length * rowHeight + 10;
      var x = function (value) { return left + (plot * (value - min)) / (max - min || 1); };
      var id = "liso-grafiek";
      var children = [
        svg("title", { id: id + "-titel" }, [text.chart_title]),
        svg("desc", { id: id + "-omschrijving" }, [text.chart_desc]),
      ];
      config.scale.forEach(function (point) {
        children.push(svg("line", { x1: x(point.value), x2: x(point.value), y1: top - 6, y2: height - 10, "class": "samen-liso-chart__grid" }));
        children.push(svg("text", { x: x(point.value), y: top - 12, "text-anchor": "middle", "class": "samen-liso-chart__tick" }, [String(point.value)]));
      });
      rows.forEach(function (row, index) {
        var y = top + index * rowHeight;
        var barTop = y + labelHeight;
        var middle = barTop + (rowHeight - labelHeight) / 2 + 5;
        if (narrow) children.push(svg("text", { x: left, y: y + 15, "class": "samen-liso-chart__label" }, [row.element.name]));
        else children.push(svg("text", { x: left - 10, y: middle, "text-anchor": "end", "class": "samen-liso-chart__label" }, [row.element.name]));
        if (row.average === null) {
          children.push(svg("text", { x: left + 6, y: middle, "class": "samen-liso-chart__none" }, [text.not_answered]));
          return;
        }
        var barEnd = Math.max(x(row.average), left + 3);
        children.push(svg("rect", { x: left, y: barTop + 6, width: (barEnd - left).toFixed(1), height: rowHeight - labelHeight - 12, "class": "samen-liso-chart__bar" }));
        children.push(svg("text", { x: barEnd + 6, y: middle, "class": "samen-liso-chart__value" }, [number(row.average)]));
      });
      return el("figure", { "class": "samen-liso-chart" }, [
        svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": id + "-titel " + id + "-omschrijving", "class": "samen-liso-chart__svg", "data-samen-liso-chart": "" }, children),
        el("figcaption", {}, [text.chart_desc]),
      ]);
    }

    function table(rows) {
      var max = scaleValues[scaleValues.length - 1];
      return el("div", { "class": "samen-table-wrap" }, [
        el("table", { "class": "samen-table samen-liso-table", "data-samen-liso-table": "" }, [
          el("caption", {}, [text.chart_title]),
          el("thead", {}, [el("tr", {}, [
            el("th", { scope: "col" }, [text.element]),
            el("th", { scope: "col", "class": "samen-num" }, [text.average]),
            el("th", { scope: "col", "class": "samen-num" }, [text.answered]),
          ])]),
          el("tbody", {}, rows.map(function (row) {
            return el("tr", { "data-element": row.element.id }, [
              el("th", { scope: "row" }, [el("a", { href: row.element.href }, [row.element.name])]),
              el("td", { "class": "samen-num" }, [row.average === null ? text.not_answered : number(row.average) + " " + text.out_of + " " + max]),
              el("td", { "class": "samen-num" }, [row.answered + " " + text.out_of + " " + row.questions]),
            ]);
          })),
        ]),
      ]);
    }

    function elementList(rows, name) {
      return el("ul", { "data-samen-liso-list": name }, rows.map(function (row) {
        return el("li", {}, [el("a", { href: row.element.href }, [row.element.name]), " (" + number(row.average) + ")"]);
      }));
    }

    function answersList(state) {
      var answers = state.answers[state.route] || {};
      var labels = {};
      config.scale.forEach(function (p) { labels[p.value] = p.label; });
      return el("div", { "class": "samen-liso-answers" }, config.elements.map(function (element) {
        return el("div", { "class": "samen-liso-answers__element" }, [
          el("h4", {}, [element.name]),
          el("ul", {}, (element.questions[state.route] || []).map(function (q) {
            var answer = answers[element.id + "/" + q.id] || {};
            return el("li", {}, [
              q.text + " ",
              el("strong", {}, ["value" in answer ? labels[answer.value] : text.no_answer]),
              answer.note ? el("span", { "class": "samen-liso-answers__note" }, [text.note_prefix + ": " + answer.note]) : null,
            ]);
          })),
        ]);
      }));
    }

    function showProfile(state, moveFocus) {
      var rows = profile(state);
      var found = extremes(rows);
      var route = config.routes.filter(function (r) { return r.id === state.route; })[0];
      var today = new Date().toLocaleDateString(config.lang === "nl" ? "nl-NL" : "en-GB", { year: "numeric", month: "long", day: "numeric" });
      result.hidden = false; // first, so that the chart can measure the space it has
      report.textContent = "";
      append(report, [
        el("p", { "class": "samen-liso-report__meta" }, [text.route + ": " + route.label + ". " + text.date + ": " + today + "."]),
      ]);
      if (!found) {
        append(report, [el("p", { "data-samen-liso-empty": "" }, [config.results.no_answers])]);
      } else {
        append(report, [el("p", {}, [config.results.intro]), chart(rows), table(rows)]);
        if (found.same) {
          append(report, [el("p", { "data-samen-liso-same": "" }, [config.results.no_difference])]);
        } else {
          append(report, [
            el("h3", {}, [config.results.strongest_heading]),
            el("p", {}, [config.results.strongest_intro]),
            elementList(found.strongest, "strongest"),
            el("h3", {}, [config.results.attention_heading]),
            el("p", {}, [config.results.attention_intro]),
            elementList(found.attention, "attention"),
          ]);
        }
        append(report, [el("h3", {}, [text.answers_heading]), answersList(state)]);
      }
      root.setAttribute("data-samen-liso-has-report", "");
      if (moveFocus) {
        var heading = result.querySelector("h2");
        heading.focus();
        var summary = text.profile_ready;
        if (found && !found.same) {
          summary += " " + config.results.strongest_heading + ": " + found.strongest.map(function (r) { return r.element.name; }).join(", ") +
            ". " + config.results.attention_heading + ": " + found.attention.map(function (r) { return r.element.name; }).join(", ") + ".";
        } else if (found) {
          summary += " " + config.results.no_difference;
        } else {
          summary = config.results.no_answers;
        }
        say(summary);
      }
    }

    function hideProfile() {
      result.hidden = true;
      report.textContent = "";
      root.removeAttribute("data-samen-liso-has-report");
    }

    // --- actions -----------------------------------------------------------------------
    function exportFile() {
      var state = readForm();
      var data = {
        format: config.exportFormat,
        version: 1,
        title: text.export_title,
        exported: new Date().toISOString(),
        route: state.route,
        answers: state.answers,
      };
      var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
      var link = el("a", { href: URL.createObjectURL(blob), download: text.export_file, hidden: "" });
      document.body.appendChild(link);
      link.click();
      window.setTimeout(function () {
        URL.revokeObjectURL(link.href);
        link.remove();
      }, 1000);
      say(text.exported);
    }

    function importText(content) {
      var data;
      try {
        data = JSON.parse(content);
      } catch (error) {
        data = null;
      }
      var found = data && data.format === config.exportFormat ? clean(data) : null;
      if (!found) {
        say(text.import_failed);
        return;
      }
      writeForm(found.state);
      save(found.state);
      hideProfile();
      var message = format(text.imported, { count: count(found.state) });
      if (found.dropped) message += " " + format(text.import_unknown, { count: found.dropped });
      say(message);
    }

    function clearAll() {
      if (!window.confirm(text.clear_confirm)) return;
      try {
        window.localStorage.removeItem(config.storageKey);
      } catch (error) {
        /* nothing stored */
      }
      writeForm(emptyState());
      hideProfile();
      say(text.cleared);
    }

    // --- wiring ------------------------------------------------------------------------
    var saved = load();
    if (saved) writeForm(saved);
    else showRoute();

    form.addEventListener("change", function (event) {
      if (event.target.name === "liso-route") {
        showRoute();
        hideProfile();
      }
      save(readForm());
    });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA") save(readForm());
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      showProfile(readForm(), true);
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-samen-liso-action]");
      if (!button) return;
      var action = button.getAttribute("data-samen-liso-action");
      if (action === "print") {
        if (result.hidden) showProfile(readForm(), false);
        window.print();
      } else if (action === "export") {
        exportFile();
      } else if (action === "import") {
        fileInput.value = "";
        fileInput.click();
      } else if (action === "clear") {
        clearAll();
      }
    });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      file.text().then(importText, function () { say(text.import_failed); });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-samen-liso-tool]"), setUp);
})();
