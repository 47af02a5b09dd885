// Check a claim: send it to the API and show the verdict, explanation and evidence.
// Everything from the server is written with textContent, never as markup.
"use strict";
(function () {
  const form = document.getElementById("check-form");
  if (!form) return;
  const result = document.getElementById("check-result");
  const error = document.getElementById("check-error");
  const LABELS = {
    supported: "Supported", contradicted: "Contradicted", disputed: "Disputed",
    not_enough_evidence: "Not enough evidence",
  };
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    result.hidden = true;
    error.hidden = true;
    const text = document.getElementById("claim").value.trim();
    const button = form.querySelector("button");
    button.disabled = true;
    button.textContent = "Checking…";
    try {
      const response = await fetch("/api/check", {
        method: "POST",
        headers: {"Content-Type": "application/json"},
        body: JSON.stringify({text: text}),
      });
      const data = await response.json().catch(function () { return {}; });
      if (!response.ok) {
        const detail = typeof data.detail === "string" ? data.detail :
          "the claim could not be checked (error " + response.status + ")";
        error.textContent = detail.charAt(0).toUpperCase() + detail.slice(1) + ".";
        error.hidden = false;
        return;
      }
      const verdict = document.getElementById("verdict");
      const v = data.verdict || "not_enough_evidence";
      verdict.textContent = LABELS[v] || v;
      verdict.className = "verdict verdict-" + String(v).replace(/[^a-z_]/g, "");
      document.getElementById("explanation").textContent = data.explanation || "";
      const list = document.getElementById("evidence");
      list.replaceChildren();
      (data.evidence || []).forEach(function (e) {
        const li = document.createElement("li");
        li.textContent = typeof e === "string" ? e : (e.text || e.note || "");
        if (e && e.source) {
          const src = document.createElement("span");
          src.className = "source";
          src.textContent = " Source: " + e.source;
          li.appendChild(src);
        }
        list.appendChild(li);
      });
      document.getElementById("evidence-heading").hidden = !(data.evidence || []).length;
      result.hidden = false;
    } catch (err) {
      error.textContent = "The server could not be reached: " + err;
      error.hidden = false;
    } finally {
      button.disabled = false;
      button.textContent = "Check";
    }
  });
})();
