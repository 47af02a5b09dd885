// Ingest page: submit files or URLs, then follow the job's progress. The job id goes into
// the address (?job=N), so a reload, or coming back later, shows the same job from the store.
"use strict";
(function () {
  const box = document.getElementById("job");
  const errorBox = document.getElementById("ingest-error");
  const STATES = {
    queued: "Waiting to start", running: "Reading and analysing",
    "loading the analysis models": "Loading the analysis models (only the first time)",
    finished: "Finished", failed: "Failed", interrupted: "Interrupted (the server stopped); submit again to resume",
  };
  const OUTCOMES = {
    stored: "added", unchanged: "already stored", duplicate: "duplicate",
    skipped: "skipped", failed: "failed",
  };

  function headers() {
    const token = document.getElementById("token");
    return token && token.value ? {Authorization: "Bearer " + token.value} : {};
  }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }

  async function submit(url, options) {
    showError("");
    try {
      const response = await fetch(url, options);
      const data = await response.json().catch(function () { return {}; });
      if (!response.ok) {
        showError(typeof data.detail === "string" ? data.detail : "The server refused the request (error " + response.status + ").");
        return;
      }
      history.replaceState(null, "", "/ingest?job=" + data.job);
      follow(data.job);
    } catch (err) {
      showError("The server could not be reached: " + err);
    }
  }

  function name(source) {
    const parts = String(source || "").split("/");
    return parts[parts.length - 1] || source;
  }

  function render(job) {
    box.hidden = false;
    box.dataset.job = job.id;
    box.dataset.state = job.state;
    const summary = job.summary || {};
    const total = job.total || summary.inputs || 0;
    const done = job.done || 0;
    const progress = document.getElementById("job-progress");
    progress.max = Math.max(total, 1);
    progress.value = job.state === "finished" ? progress.max : done;
    let text = (STATES[job.state] || job.state) + (total ? " · " + done + " of " + total + " input" + (total === 1 ? "" : "s") : "");
    if (job.state === "finished") {
      text = "Finished · " + (summary.articles || 0) + " article" + (summary.articles === 1 ? "" : "s");
    }
    if (summary.error) text += " · " + summary.error;
    document.getElementById("job-state").textContent = text;
    const list = document.getElementById("job-items");
    list.replaceChildren();
    (job.items || []).forEach(function (item) {
      const li = document.createElement("li");
      li.className = "item-" + String(item.status).replace(/[^a-z]/g, "");
      const label = document.createElement("span");
      label.className = "badge";
      label.textContent = OUTCOMES[item.status] || item.status;
      li.appendChild(label);
      li.appendChild(document.createTextNode(" " + name(item.source) + " "));
      if (item.article_id && item.status !== "failed") {
        const link = document.createElement("a");
        link.href = "/articles/" + encodeURIComponent(item.article_id);
        link.textContent = "Open the article";
        li.appendChild(link);
      }
      if (item.reason) {
        const why = document.createElement("span");
        why.className = "muted";
        why.textContent = " — " + item.reason;
        li.appendChild(why);
      }
      list.appendChild(li);
    });
  }

  let timer = null;
  async function follow(id) {
    if (timer) clearTimeout(timer);
    try {
      const response = await fetch("/api/jobs/" + encodeURIComponent(id));
      if (!response.ok) { showError("Job " + id + " was not found."); return; }
      const job = await response.json();
      render(job);
      if (["queued", "running", "loading the analysis models"].includes(job.state)) {
        timer = setTimeout(function () { follow(id); }, 700);
      }
    } catch (err) {
      timer = setTimeout(function () { follow(id); }, 2000);
    }
  }

  document.getElementById("upload-form").addEventListener("submit", function (event) {
    event.preventDefault();
    const data = new FormData();
    Array.from(document.getElementById("files").files).forEach(function (f) { data.append("files", f); });
    submit("/api/ingest/files", {method: "POST", body: data, headers: headers()});
  });
  document.getElementById("url-form").addEventListener("submit", function (event) {
    event.preventDefault();
    const urls = document.getElementById("urls").value.split(/\s+/).filter(Boolean);
    submit("/api/ingest/urls", {
      method: "POST",
      headers: Object.assign({"Content-Type": "application/json"}, headers()),
      body: JSON.stringify({urls: urls}),
    });
  });
  if (box.dataset.job) follow(box.dataset.job);
})();
