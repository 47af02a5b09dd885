// Charts for the article and comparison pages, drawn with Plotly from the API's JSON.
// Labels reach Plotly as data (never as markup); empty layers get a plain-language note.
"use strict";
(function () {
  const FONT = {family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size: 13, color: "#1f2933"};
  const ROLE_COLOURS = {protagonist: "#2f7d4f", antagonist: "#b23b3b", victim: "#c77d14", neutral: "#6b7785"};
  const SOURCE_COLOURS = ["#2b6cb0", "#b7472a", "#2f855a", "#805ad5"];
  const MIN_MENTIONS = 3;
  const LEVELS = 4;

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
    // Plotly's responsive mode sizes the plot to its container on every window resize; a
    // container whose height comes from its content collapses then, so the chart's own
    // height is pinned on the element and only the width follows the window.
    const height = layout.height || 300;
    el.style.height = height + "px";
    window.Plotly.newPlot(el, traces, Object.assign({
      font: FONT, margin: {l: 150, r: 20, t: 10, b: 40}, paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)", showlegend: traces.length > 1,
      legend: {orientation: "h", y: -0.2}, autosize: true,
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

  function zoomed(points) {
    // The span that holds the events: all of them, unless one far-off event (a founding
    // date decades earlier) would squeeze the rest into a corner; then the span of the
    // larger group, with the outliers still a pan away.
    const times = points.map(function (p) { return Date.parse(p.x); }).sort(function (a, b) { return a - b; });
    let lo = times[0], hi = times[times.length - 1];
    const span = hi - lo;
    if (times.length >= 4 && span > 0) {
      let widest = 0, at = 0;
      for (let i = 1; i < times.length; i++) {
        if (times[i] - times[i - 1] > widest) { widest = times[i] - times[i - 1]; at = i; }
      }
      if (widest > 0.6 * span) {
        if (at <= times.length / 4) lo = times[at];
        else if (times.length - at <= times.length / 4) hi = times[at - 1];
      }
    }
    const pad = Math.max((hi - lo) * 0.06, 180 * 864e5);
    return [new Date(lo - pad).toISOString().slice(0, 10), new Date(hi + pad).toISOString().slice(0, 10)];
  }

  function timeline(el, points, lanes) {
    if (!points.length) { note(el, "No dated events found yet."); return; }
    const names = lanes || [""];
    // Labels get shorter as the chart gets narrower (the chart is redrawn on resize).
    const chars = Math.max(10, Math.min(28, Math.round((el.clientWidth || 800) / 50)));
    // Each source gets a band of LEVELS rows; its events, in date order, take the rows in
    // turn and carry their label to the right, so neighbouring labels do not overprint.
    const traces = names.map(function (lane, i) {
      const mine = points.filter(function (p) { return (p.source || "") === lane || !lanes; });
      mine.sort(function (a, b) { return a.x < b.x ? -1 : 1; });
      const base = (names.length - 1 - i) * (LEVELS + 1);
      return {
        type: "scatter", mode: "markers+text", name: plain(lane || "Events", 40),
        x: mine.map(function (p) { return p.x; }),
        y: mine.map(function (_, k) { return base + LEVELS - 1 - (k % LEVELS); }),
        text: mine.map(function (p) { return plain(p.label, chars); }),
        textposition: "middle right", textfont: {size: 11, color: "#39424e"},
        hovertext: mine.map(function (p) { return p.x.slice(0, 10) + ": " + p.label; }),
        hoverinfo: "text", cliponaxis: false,
        marker: {size: 10, color: SOURCE_COLOURS[i % SOURCE_COLOURS.length], opacity: 0.85},
      };
    });
    draw(el, traces, {
      height: 70 + names.length * (LEVELS + 1) * 24,
      xaxis: {type: "date", range: zoomed(points)},
      yaxis: {
        tickvals: names.map(function (_, i) { return (names.length - 1 - i) * (LEVELS + 1) + (LEVELS - 1) / 2; }),
        ticktext: names.map(function (lane) { return plain(lane || "Events", 24); }),
        range: [-0.8, names.length * (LEVELS + 1) - 0.6], zeroline: false, showgrid: false,
        automargin: true, fixedrange: true,
      },
      showlegend: false, margin: {l: 150, r: 130, t: 10, b: 40},
    });
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
      // Only the actors the comparison is about: named in at least two sources, or several
      // times in one; the rest would be a long list of bars at zero.
      const names = compareSources(data);
      const seen = {};
      (data.articles || []).forEach(function (a) {
        (a.actors || []).forEach(function (x) {
          const key = x.id || x.name;
          const entry = seen[key] || (seen[key] = {sources: new Set(), mentions: 0});
          entry.sources.add(a.id);
          entry.mentions += (x.mentions || []).length || 1;
        });
      });
      const shown = function (x) {
        const entry = seen[x.id || x.name];
        return entry && (entry.sources.size >= 2 || entry.mentions >= MIN_MENTIONS);
      };
      const traces = [];
      (data.articles || []).forEach(function (a, i) {
        const rows = (a.actors || []).filter(function (x) { return typeof x.sentiment === "number" && shown(x); });
        if (!rows.length) return;
        traces.push({
          type: "bar", orientation: "h", name: plain(names[a.id], 40),
          x: rows.map(function (r) { return r.sentiment; }),
          y: rows.map(function (r) { return plain(r.name, 28); }),
          text: rows.map(function (r) { return r.role || ""; }), textposition: "auto",
          marker: {color: SOURCE_COLOURS[i % SOURCE_COLOURS.length]},
          hovertext: rows.map(function (r) { return plain(names[a.id]) + " in its own voice: " + (r.role || "no role") + ", tone " + r.sentiment.toFixed(2); }),
          hoverinfo: "text",
        });
      });
      if (!traces.length) { note(el, "No actor is named by two sources (or often by one) with a portrayal yet."); return; }
      const count = new Set([].concat.apply([], traces.map(function (t) { return t.y; }))).size;
      draw(el, traces, {barmode: "group", height: 120 + count * 22 * traces.length, xaxis: {range: [-1, 1], title: {text: "negative ← tone in the source's own voice → positive"}}, yaxis: {automargin: true}});
      // A difference that comes only from whom each source quotes is not a difference in how
      // the sources themselves cast the actor: say so under the chart.
      const quotesOnly = ((data.comparison && data.comparison.portrayal) || []).filter(function (p) { return p.difference === "quotes only"; });
      if (quotesOnly.length) {
        const p = document.createElement("p");
        p.className = "hint";
        p.textContent = quotesOnly.map(function (q) { return plain(q.name, 40); }).join(", ") + ": alike in the sources' own voice; they differ only in whom each source quotes.";
        el.insertAdjacentElement("afterend", p);
      }
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

  // Redraw after the window is resized (once it settles): the plots keep their height and
  // take the new width, and label lengths follow the room there is.
  const drawn = [];
  let pending = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () { drawn.forEach(function (redraw) { redraw(); }); }, 250);
  });

  document.querySelectorAll(".chart[data-src]").forEach(async function (el) {
    const kind = KINDS[el.getAttribute("data-kind")];
    if (!kind) return;
    note(el, "Loading the chart…");
    try {
      const response = await fetch(el.getAttribute("data-src"));
      if (!response.ok) { note(el, "The chart's data could not be loaded (error " + response.status + ")."); return; }
      const data = await response.json();
      kind(el, data);
      el.dataset.ready = "true";
      drawn.push(function () { kind(el, data); });
    } catch (err) {
      note(el, "The chart could not be drawn: " + err);
    }
  });
})();
