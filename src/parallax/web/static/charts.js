// Charts for the article and comparison pages, drawn with Plotly from the API's JSON.
// Labels reach Plotly as data (never as markup); empty layers get a plain-language note.
"use strict";
(function () {
  const FONT = {family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size: 13, color: "#1f2933"};
  const ROLE_COLOURS = {protagonist: "#2f7d4f", antagonist: "#b23b3b", victim: "#c77d14", neutral: "#6b7785"};
  const SOURCE_COLOURS = ["#2b6cb0", "#b7472a", "#2f855a", "#805ad5"];

  function note(el, text) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = text;
    el.replaceChildren(p);
  }

  function plain(text, max) {
    // Plotly reads a few HTML-like tags in labels; strip angle brackets so data stays text.
    const s = String(text == null ? "" : text).replace(/[<>]/g, "");
    return max && s.length > max ? s.slice(0, max - 1) + "…" : s;
  }

  function isoDate(item) {
    const raw = (item.range && item.range[0]) || item.date || item.value;
    if (!raw) return null;
    const m = String(raw).match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
    if (!m) return null;
    return m[1] + "-" + (m[2] || "01") + "-" + (m[3] || "01");
  }

  function draw(el, traces, layout) {
    if (!window.Plotly) { note(el, "Charts need the plotly package on the server."); return; }
    el.replaceChildren();
    window.Plotly.newPlot(el, traces, Object.assign({
      font: FONT, margin: {l: 150, r: 20, t: 10, b: 40}, paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)", showlegend: traces.length > 1,
      legend: {orientation: "h", y: -0.2},
    }, layout), {displayModeBar: false, responsive: true});
  }

  function portrayal(el, actors) {
    const rows = (actors || []).filter(function (a) { return typeof a.sentiment === "number"; });
    if (!rows.length) { note(el, "How each actor is portrayed (hero, villain or victim, and the tone) is not available yet."); return; }
    rows.sort(function (a, b) { return a.sentiment - b.sentiment; });
    draw(el, [{
      type: "bar", orientation: "h",
      x: rows.map(function (a) { return a.sentiment; }),
      y: rows.map(function (a) { return plain(a.name, 28); }),
      marker: {color: rows.map(function (a) { return ROLE_COLOURS[a.role] || ROLE_COLOURS.neutral; })},
      hovertext: rows.map(function (a) { return plain(a.name) + ": " + (a.role || "no role"); }),
      hoverinfo: "text+x",
    }], {height: 60 + rows.length * 28, xaxis: {range: [-1, 1], title: {text: "negative ← tone → positive"}, zeroline: true}});
  }

  function timelinePoints(items, sourceOf) {
    const points = [];
    (items || []).forEach(function (item) {
      const x = isoDate(item);
      if (x) points.push({x: x, label: plain(item.label || item.text || "", 80), source: sourceOf(item)});
    });
    return points;
  }

  function timeline(el, points, lanes) {
    if (!points.length) { note(el, "No dated events found yet."); return; }
    const names = lanes || [""];
    const traces = names.map(function (lane, i) {
      const mine = points.filter(function (p) { return (p.source || "") === lane || !lanes; });
      return {
        type: "scatter", mode: "markers", name: plain(lane || "Events", 40),
        x: mine.map(function (p) { return p.x; }),
        y: mine.map(function () { return plain(lane || "Events", 24); }),
        text: mine.map(function (p) { return p.label; }), hoverinfo: "text+x",
        marker: {size: 12, color: SOURCE_COLOURS[i % SOURCE_COLOURS.length], opacity: 0.8},
      };
    });
    draw(el, traces, {height: 90 + names.length * 50, xaxis: {type: "date"}, yaxis: {automargin: true}, showlegend: false});
  }

  function compareSources(data) {
    const names = {};
    (data.articles || []).forEach(function (a) { names[a.id] = a.outlet || a.title || a.id.slice(0, 8); });
    return names;
  }

  const KINDS = {
    portrayal: function (el, data) { portrayal(el, data); },
    timeline: function (el, data) {
      const items = (data.timeline && data.timeline.length) ? data.timeline : data.events;
      timeline(el, timelinePoints(items, function () { return ""; }), null);
    },
    "compare-portrayal": function (el, data) {
      const names = compareSources(data);
      const traces = [];
      (data.articles || []).forEach(function (a, i) {
        const rows = (a.actors || []).filter(function (x) { return typeof x.sentiment === "number"; });
        if (!rows.length) return;
        traces.push({
          type: "bar", orientation: "h", name: plain(names[a.id], 40),
          x: rows.map(function (r) { return r.sentiment; }),
          y: rows.map(function (r) { return plain(r.name, 28); }),
          marker: {color: SOURCE_COLOURS[i % SOURCE_COLOURS.length]},
          hovertext: rows.map(function (r) { return plain(names[a.id]) + ": " + (r.role || "no role"); }),
          hoverinfo: "text+x",
        });
      });
      if (!traces.length) { note(el, "How each source portrays the actors is not available yet."); return; }
      const count = new Set([].concat.apply([], traces.map(function (t) { return t.y; }))).size;
      draw(el, traces, {barmode: "group", height: 100 + count * 40, xaxis: {range: [-1, 1], title: {text: "negative ← tone → positive"}}});
    },
    "compare-timeline": function (el, data) {
      const names = compareSources(data);
      const lanes = (data.articles || []).map(function (a) { return names[a.id]; });
      const merged = (data.comparison && data.comparison.timeline) || [];
      let points = [];
      merged.forEach(function (item) {
        const ids = item.sources || item.articles || item.article_ids || (item.article_id ? [item.article_id] : []);
        ids.forEach(function (id) {
          const key = typeof id === "string" ? id : (id && (id.article_id || id.id));
          points = points.concat(timelinePoints([item], function () { return names[key] || ""; }));
        });
      });
      if (!points.length) {
        (data.articles || []).forEach(function (a) {
          const items = (a.timeline && a.timeline.length) ? a.timeline : a.events;
          points = points.concat(timelinePoints(items, function () { return names[a.id]; }));
        });
      }
      timeline(el, points, lanes);
    },
  };

  document.querySelectorAll(".chart[data-src]").forEach(async function (el) {
    const kind = KINDS[el.getAttribute("data-kind")];
    if (!kind) return;
    note(el, "Loading the chart…");
    try {
      const response = await fetch(el.getAttribute("data-src"));
      if (!response.ok) { note(el, "The chart's data could not be loaded (error " + response.status + ")."); return; }
      kind(el, await response.json());
      el.dataset.ready = "true";
    } catch (err) {
      note(el, "The chart could not be drawn: " + err);
    }
  });
})();
