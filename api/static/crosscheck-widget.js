// Crosscheck editor widget: checks a draft with POST /v1/check and shows the report on it.
// A plain ES module (no build step, no dependency). Usage:
//
//   import { mount } from "https://crosscheck.example/static/crosscheck-widget.js?v=1.0.0";
//   const widget = mount(document.querySelector("textarea"), {
//     apiBase: "https://crosscheck.example", apiKey: "<read key>",
//     article: () => ({ source: "Example Gazette", published_at: "2026-03-03" }),
//   });
//
// Stable hooks: every claim is an element with data-claim-id and data-status (contested,
// corroborated, unverified), focusable; the match panel has role="region" and an aria-label
// starting with "Matches"; each match carries data-verdict, each reason data-reason-type; the
// summary carries data-summary. Bump VERSION with every change to this file or its CSS: the
// server caches a versioned URL (?v=VERSION) for a year.

export const VERSION = "1.0.0";

const STATUS_TEXT = {
  contested: "contested",
  corroborated: "corroborated",
  unverified: "unverified",
};
const VERDICT_TEXT = {
  diverge: "diverges",
  agree: "agrees",
  unrelated: "not shown to state the same fact",
};
const FIELD_LABELS = {
  source: "Source",
  published_at: "Date",
  text: "Text",
  html: "Text",
  id: "Article id",
  url: "URL",
  title: "Title",
  top_k: "Matches per claim",
};
const PASTES = new Set(["insertFromPaste", "insertFromDrop"]); // checked at once, not debounced
const SNIPPET_CONTEXT = 80;
const MAX_RETRY_AFTER_S = 600;

/** A failed API call: the HTTP status (0 when the server was not reached) and its problem. */
export class CrosscheckError extends Error {
  constructor(status, problem, { retryAfter = null, requestId = null, bodyBytes = 0 } = {}) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = "CrosscheckError";
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.requestId = problem.request_id || requestId;
    this.bodyBytes = bodyBytes;
  }
}

/** The calls the widget makes; a CMS plugin may reuse it (e.g. to index on publish). */
export class CrosscheckClient {
  constructor({ apiBase = "", apiKey = "" } = {}) {
    this.apiBase = apiBase.replace(/\/+$/, "");
    this.apiKey = apiKey;
  }

  check(article, { topK = 5, signal } = {}) {
    return this.#call("POST", "/v1/check", { article, top_k: topK }, signal);
  }

  indexArticle(article, { signal } = {}) {
    return this.#call("POST", "/v1/articles", article, signal);
  }

  article(articleId, { signal } = {}) {
    return this.#call("GET", `/v1/articles/${encodeURIComponent(articleId)}`, null, signal);
  }

  async #call(method, path, body, signal) {
    const headers = { Accept: "application/json, application/problem+json" };
    const key = typeof this.apiKey === "function" ? this.apiKey() : this.apiKey;
    if (key) headers.Authorization = `Bearer ${key}`;
    let payload;
    if (body !== null) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const bodyBytes = payload ? new TextEncoder().encode(payload).length : 0;
    let response;
    try {
      response = await fetch(this.apiBase + path, { method, headers, body: payload, signal });
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw new CrosscheckError(0, { title: "Network error", detail: String(error.message) });
    }
    const data = await readJson(response);
    if (response.ok) return data;
    const problem = data && typeof data === "object" ? data : {};
    throw new CrosscheckError(response.status, problem, {
      retryAfter: retryAfterSeconds(response.headers.get("Retry-After")),
      requestId: response.headers.get("X-Request-ID"),
      bodyBytes,
    });
  }
}

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function retryAfterSeconds(header) {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

/** A clear message for a failed call: {title, lines}; the lines name what to do. */
export function describeError(error, { apiBase = "" } = {}) {
  const status = error.status;
  const problem = error.problem || {};
  const detail = problem.detail ? ` ${problem.detail}` : "";
  if (status === 0) {
    return {
      title: "Crosscheck cannot be reached.",
      lines: [`No answer from ${apiBase || "the server"}: ${error.message}. Your text is untouched.`],
    };
  }
  if (status === 401) {
    return {
      title: "The API key was refused (401).",
      lines: [`${detail.trim()} Enter a valid key; your text is untouched.`],
    };
  }
  if (status === 403) {
    return { title: "This API key may not do that (403).", lines: [detail.trim()] };
  }
  if (status === 413) {
    const limit = problem.limit ? `at most ${problem.limit.toLocaleString("en")} bytes` : "less";
    const sent = error.bodyBytes ? ` (this request was ${error.bodyBytes.toLocaleString("en")})` : "";
    return {
      title: "The draft is too long to check (413).",
      lines: [`The server accepts ${limit}${sent}. Shorten the draft or check it in parts.`],
    };
  }
  if (status === 422) {
    const fields = fieldErrors(problem.errors || {});
    return {
      title: "The draft cannot be checked as sent (422).",
      lines: fields.length ? fields : [detail.trim()],
    };
  }
  if (status === 429) {
    const wait = error.retryAfter ? `in ${error.retryAfter} seconds` : "shortly";
    return {
      title: "Too many checks for this key (429).",
      lines: [`The check runs again ${wait} (Retry-After).`],
    };
  }
  if (status >= 500) {
    return {
      title: `The Crosscheck server failed (${status} ${problem.title || ""}).`.replace(" )", ")"),
      lines: [
        `${detail.trim()} Nothing was stored; your text is untouched.`,
        `Request id: ${error.requestId || "none"} (quote it when reporting the problem).`,
      ],
    };
  }
  return { title: `The request failed (${status} ${problem.title || ""}).`, lines: [detail.trim()] };
}

function fieldErrors(errors, prefix = []) {
  const lines = [];
  for (const [name, value] of Object.entries(errors)) {
    const path = [...prefix, name];
    if (Array.isArray(value)) {
      lines.push(`${fieldLabel(path)}: ${value.join(" ")}`);
    } else if (value && typeof value === "object") {
      lines.push(...fieldErrors(value, path));
    } else {
      lines.push(`${fieldLabel(path)}: ${value}`);
    }
  }
  return lines;
}

function fieldLabel(path) {
  const last = path[path.length - 1];
  return FIELD_LABELS[last] || path.join(".");
}

/** Where the draft comes from: a textarea or input, a contenteditable, or {getText, subscribe}. */
export function editorSource(editor) {
  if (typeof editor.getText === "function" && typeof editor.subscribe === "function") {
    return editor;
  }
  const listen = (callback) => {
    editor.addEventListener("input", callback);
    return () => editor.removeEventListener("input", callback);
  };
  if ("value" in editor && /^(TEXTAREA|INPUT)$/.test(editor.tagName)) {
    return { getText: () => editor.value, subscribe: listen };
  }
  if (editor.isContentEditable) {
    return { getText: () => editor.innerText, subscribe: listen };
  }
  throw new TypeError("mount() needs a textarea, an input, a contenteditable or {getText, subscribe}");
}

/** Mount the widget on an editor; the report is drawn in options.container (made when absent). */
export function mount(editor, options = {}) {
  return new CrosscheckWidget(editor, options);
}

let widgetCount = 0;

export class CrosscheckWidget {
  #source;
  #client;
  #options;
  #root;
  #summary;
  #message;
  #stale;
  #text;
  #panel;
  #timer = null;
  #controller = null;
  #sequence = 0;
  #report = null;
  #selected = null;
  #selectedText = null;
  #articles = new Map();
  #unsubscribe;

  constructor(editor, options = {}) {
    this.#options = {
      apiBase: "",
      apiKey: "",
      article: () => ({}),
      debounceMs: 600,
      topK: 5,
      stylesheet: true,
      ...options,
    };
    this.#source = editorSource(editor);
    this.#client = options.client || new CrosscheckClient(this.#options);
    this.#build(editor);
    if (this.#options.stylesheet) addStylesheet();
    this.#unsubscribe = this.#source.subscribe((event) =>
      this.schedule(PASTES.has(event?.inputType) ? 0 : this.#options.debounceMs),
    );
    if (this.#source.getText().trim()) this.schedule();
  }

  get element() {
    return this.#root;
  }

  get report() {
    return this.#report;
  }

  get client() {
    return this.#client;
  }

  /** Use another key from now on, and check again with it. */
  setKey(apiKey) {
    this.#client.apiKey = apiKey;
    this.schedule();
  }

  /** Check again after the debounce delay (call it when the article's fields change). */
  schedule(delayMs = this.#options.debounceMs) {
    this.#cancel();
    if (this.#report) this.#setState("stale");
    this.#timer = setTimeout(() => this.check(), delayMs);
  }

  /** Check the draft now, cancelling the check in flight. */
  async check() {
    this.#cancel();
    const text = this.#source.getText();
    if (!text.trim()) {
      this.#clearReport();
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    const sequence = ++this.#sequence;
    this.#setState("checking");
    performance.mark("crosscheck:check-start", { detail: { sequence } });
    try {
      const report = await this.#client.check(articleWith(text, this.#options.article()), {
        topK: this.#options.topK,
        signal: controller.signal,
      });
      if (sequence !== this.#sequence) return;
      this.#render(report, sequence);
    } catch (error) {
      if (error.name === "AbortError" || sequence !== this.#sequence) return;
      this.#showError(error);
    } finally {
      if (this.#controller === controller) this.#controller = null;
    }
  }

  destroy() {
    this.#cancel();
    this.#unsubscribe();
    this.#root.remove();
  }

  #cancel() {
    clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#controller) {
      this.#controller.abort();
      this.#controller = null;
    }
  }

  #build(editor) {
    const number = ++widgetCount;
    this.#root = element("section", {
      class: "cc-widget",
      "data-state": "idle",
      "aria-label": "Crosscheck report",
    });
    this.#summary = element("p", { class: "cc-summary", "data-summary": "", "aria-live": "polite" });
    this.#summary.textContent = "Type or paste a draft to check it.";
    this.#message = element("div", { class: "cc-message", role: "alert", hidden: "" });
    this.#stale = element("p", { class: "cc-stale", hidden: "" });
    this.#text = element("div", { class: "cc-text", lang: "en" });
    this.#panel = element("section", {
      class: "cc-panel",
      role: "region",
      id: `cc-panel-${number}`,
      "aria-label": "Matches",
      hidden: "",
    });
    const legend = element("p", { class: "cc-legend", "aria-hidden": "true" });
    for (const status of Object.keys(STATUS_TEXT)) {
      const sample = element("span", { class: `cc-sample cc-${status}` });
      sample.textContent = STATUS_TEXT[status];
      legend.append(sample, " ");
    }
    this.#root.append(this.#summary, legend, this.#message, this.#stale, this.#text, this.#panel);
    this.#text.addEventListener("click", (event) => this.#onClaimEvent(event));
    this.#text.addEventListener("keydown", (event) => this.#onClaimKey(event));
    this.#root.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.#selected) this.#closePanel(true);
    });
    const container = this.#options.container;
    if (container) container.append(this.#root);
    else editor.insertAdjacentElement?.("afterend", this.#root);
  }

  #setState(state) {
    this.#root.dataset.state = state;
    const stale = state === "stale" || (state === "checking" && this.#report !== null);
    this.#stale.hidden = !stale;
    this.#stale.textContent = stale
      ? "Checking again after your edit: the report below is from the last check."
      : "";
    if (state === "checking" || state === "stale") this.#root.setAttribute("aria-busy", "true");
    else this.#root.removeAttribute("aria-busy");
  }

  #clearReport() {
    this.#sequence++;
    this.#report = null;
    this.#text.replaceChildren();
    this.#closePanel(false);
    this.#message.hidden = true;
    this.#summary.textContent = "Type or paste a draft to check it.";
    this.#setState("idle");
  }

  #render(report, sequence) {
    this.#report = report;
    this.#articles.clear();
    this.#message.hidden = true;
    this.#message.replaceChildren();
    this.#summary.textContent = summaryText(report.summary);
    for (const [name, value] of Object.entries(report.summary)) {
      this.#summary.dataset[name] = value === null ? "" : String(value);
    }
    this.#text.replaceChildren(claimsFragment(report, this.#panel.id));
    const reopen = this.#selected && report.claims.find((c) => c.text === this.#selectedText);
    this.#closePanel(false);
    if (reopen) this.#openPanel(this.#claimElement(reopen.id));
    this.#setState("ready");
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        performance.mark("crosscheck:report-painted", { detail: { sequence } });
        this.#root.dataset.paintedSequence = String(sequence);
        this.#root.dispatchEvent(
          new CustomEvent("crosscheck:report", { bubbles: true, detail: { report, sequence } }),
        );
      }),
    );
  }

  #showError(error) {
    const { title, lines } = describeError(error, { apiBase: this.#options.apiBase });
    const heading = element("strong", { class: "cc-message-title" });
    heading.textContent = title;
    const list = element("ul");
    for (const line of lines) {
      const item = element("li");
      item.textContent = line;
      list.append(item);
    }
    this.#message.replaceChildren(heading, list);
    this.#message.dataset.errorStatus = String(error.status);
    this.#message.hidden = false;
    this.#root.dataset.state = "error";
    this.#root.removeAttribute("aria-busy");
    this.#stale.hidden = this.#report === null;
    this.#stale.textContent = "The report below is from the last check that succeeded.";
    if (error.status === 429 && error.retryAfter) {
      this.#timer = setTimeout(() => this.check(), Math.min(error.retryAfter, MAX_RETRY_AFTER_S) * 1000);
    }
  }

  #onClaimEvent(event) {
    const claim = event.target.closest("[data-claim-id]");
    if (claim) this.#toggle(claim);
  }

  #onClaimKey(event) {
    const claim = event.target.closest("[data-claim-id]");
    if (!claim || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    this.#toggle(claim);
  }

  #toggle(claim) {
    if (claim.getAttribute("aria-expanded") === "true") this.#closePanel(false);
    else this.#openPanel(claim);
  }

  #openPanel(claimElement) {
    const claim = this.#report.claims.find((each) => each.id === claimElement.dataset.claimId);
    if (!claim) return;
    for (const open of this.#text.querySelectorAll('[aria-expanded="true"]')) {
      open.setAttribute("aria-expanded", "false");
    }
    claimElement.setAttribute("aria-expanded", "true");
    this.#selected = claim.id;
    this.#selectedText = claim.text;
    this.#panel.setAttribute("aria-label", `Matches for the ${claim.status} claim “${shorten(claim.text, 60)}”`);
    this.#panel.dataset.forClaim = claim.id;
    this.#panel.replaceChildren(...panelContent(claim, this.#report.article));
    this.#panel.hidden = false;
    this.#addArticleDetails(claim);
  }

  #closePanel(returnFocus) {
    const claimId = this.#selected;
    this.#selected = null;
    this.#panel.hidden = true;
    this.#panel.replaceChildren();
    delete this.#panel.dataset.forClaim;
    const claim = claimId && this.#claimElement(claimId);
    if (claim) {
      claim.setAttribute("aria-expanded", "false");
      if (returnFocus) claim.focus();
    }
  }

  #claimElement(claimId) {
    return this.#text.querySelector(`[data-claim-id="${CSS.escape(claimId)}"]`);
  }

  /** Outlet date and link: carried by each match; from a server whose matches lack them,
   * read with GET /v1/articles/{id}, once per article and report. */
  async #addArticleDetails(claim) {
    const ids = [...new Set(claim.matches.map((match) => match.article_id))];
    await Promise.all(
      ids.map(async (articleId) => {
        const carried = claim.matches.find((match) => match.article_id === articleId);
        if (!this.#articles.has(articleId)) {
          const details =
            "published_at" in carried
              ? Promise.resolve({ published_at: carried.published_at, url: carried.url })
              : this.#client.article(articleId).catch(() => null);
          this.#articles.set(articleId, details);
        }
        const article = await this.#articles.get(articleId);
        if (this.#panel.dataset.forClaim !== claim.id) return;
        const selector = `[data-article-id="${CSS.escape(articleId)}"]`;
        for (const match of this.#panel.querySelectorAll(selector)) fillArticleDetails(match, article);
      }),
    );
  }
}

function articleWith(text, fields) {
  const article = { text };
  for (const [name, value] of Object.entries(fields || {})) {
    if (name === "text" || name === "html") continue;
    const trimmed = typeof value === "string" ? value.trim() : value;
    if (trimmed !== "" && trimmed !== null && trimmed !== undefined) article[name] = trimmed;
  }
  return article;
}

function summaryText(summary) {
  const consistency =
    summary.consistency === null
      ? "consistency not known (no claim corroborated or contested)"
      : `consistency ${Math.round(summary.consistency * 100)}%`;
  const claims = `${summary.claims} claim${summary.claims === 1 ? "" : "s"}`;
  return (
    `${claims}: ${summary.contested} contested, ${summary.corroborated} corroborated, ` +
    `${summary.unverified} unverified; ${consistency}.`
  );
}

/** The checked text with every claim as a focusable element at its offsets. */
function claimsFragment(report, panelId) {
  const text = report.article.text;
  const fragment = document.createDocumentFragment();
  let position = 0;
  const claims = [...report.claims].sort((a, b) => a.start - b.start);
  for (const claim of claims) {
    if (claim.start < position) continue;
    fragment.append(text.slice(position, claim.start));
    const mark = element("mark", {
      class: "cc-claim",
      "data-claim-id": claim.id,
      "data-status": claim.status,
      tabindex: "0",
      role: "button",
      "aria-expanded": "false",
      "aria-controls": panelId,
      title: `${STATUS_TEXT[claim.status]}: ${matchCount(claim)}; Enter shows the matches`,
    });
    mark.textContent = text.slice(claim.start, claim.end);
    fragment.append(mark);
    position = claim.end;
  }
  fragment.append(text.slice(position));
  return fragment;
}

function matchCount(claim) {
  const diverging = claim.matches.filter((match) => match.verdict === "diverge").length;
  const agreeing = claim.matches.filter((match) => match.verdict === "agree").length;
  const total = claim.matches.length;
  return `${diverging} diverging, ${agreeing} agreeing of ${total} match${total === 1 ? "" : "es"}`;
}

function panelContent(claim, article) {
  const heading = element("h3", { class: "cc-panel-title" });
  heading.textContent = `Matches — ${STATUS_TEXT[claim.status]} claim`;
  const quoted = element("blockquote", { class: "cc-panel-claim" });
  quoted.textContent = claim.text;
  const note = element("p", { class: "cc-panel-note" });
  note.textContent = `${matchCount(claim)}; ${claim.independent_sources} independent source${
    claim.independent_sources === 1 ? "" : "s"
  } agree. Escape closes this panel.`;
  if (!claim.matches.length) {
    const none = element("p", { class: "cc-no-matches" });
    none.textContent = "No claim of another article is close enough to compare.";
    return [heading, quoted, note, none];
  }
  const list = element("ol", { class: "cc-matches" });
  for (const match of claim.matches) list.append(matchItem(claim, match, article));
  return [heading, quoted, note, list];
}

function matchItem(claim, match, article) {
  const item = element("li", {
    class: "cc-match",
    "data-verdict": match.verdict,
    "data-article-id": match.article_id,
  });
  const head = element("p", { class: "cc-match-head" });
  const outlet = element("span", { class: "cc-outlet" });
  outlet.textContent = match.source;
  const date = element("span", { class: "cc-date" });
  date.textContent = "date …";
  const similarity = element("span", { class: "cc-similarity" });
  similarity.textContent = `similarity ${match.similarity.toFixed(2)}`;
  const verdict = element("span", { class: "cc-verdict", "data-verdict": match.verdict });
  verdict.textContent = VERDICT_TEXT[match.verdict] || match.verdict;
  head.append(outlet, " · ", date, " · ", similarity, " · ", verdict);
  if (match.syndicated) head.append(" · syndicated copy of this article");
  const text = element("blockquote", { class: "cc-match-text" });
  text.textContent = match.text;
  item.append(head, text);
  if (match.reasons.length) {
    const reasons = element("ul", { class: "cc-reasons" });
    for (const reason of match.reasons) {
      reasons.append(reasonItem(reason, claim, match, article));
    }
    item.append(reasons);
  }
  return item;
}

function reasonItem(reason, claim, match, article) {
  const item = element("li", { class: "cc-reason", "data-reason-type": reason.type });
  const type = element("strong", { class: "cc-reason-type" });
  type.textContent = reason.type;
  const explanation = element("span", { class: "cc-explanation" });
  explanation.textContent = reason.explanation;
  const draftLabel = article.source ? `This draft (${article.source})` : "This draft";
  item.append(
    type,
    ": ",
    explanation,
    side("this", draftLabel, claim.text, reason.this),
    side("other", match.source, match.text, reason.other),
  );
  return item;
}

/** One side of a divergence: its words in context, the differing span highlighted. */
function side(name, label, text, span) {
  const paragraph = element("p", { class: "cc-side", "data-side": name });
  const heading = element("span", { class: "cc-side-label" });
  heading.textContent = `${label}: `;
  const start = Math.max(0, span.start - SNIPPET_CONTEXT);
  const end = Math.min(text.length, span.end + SNIPPET_CONTEXT);
  const highlighted = element("mark", { class: "cc-diff" });
  highlighted.textContent = text.slice(span.start, span.end) || span.text;
  paragraph.append(
    heading,
    (start > 0 ? "…" : "") + text.slice(start, span.start),
    highlighted,
    text.slice(span.end, end) + (end < text.length ? "…" : ""),
  );
  return paragraph;
}

/** The matched article's date and link; ``article`` is null when it could not be read. */
function fillArticleDetails(matchElement, article) {
  const date = matchElement.querySelector(".cc-date");
  if (!article) {
    date.textContent = "date not known";
    return;
  }
  date.textContent = article.published_at ? article.published_at.slice(0, 10) : "no date";
  const linkable = /^https?:\/\//i.test(article.url || "");
  if (linkable && !matchElement.querySelector(".cc-article-link")) {
    const link = element("a", {
      class: "cc-article-link",
      href: article.url,
      target: "_blank",
      rel: "noopener noreferrer",
    });
    link.textContent = `Open the ${matchElement.querySelector(".cc-outlet").textContent} article`;
    matchElement.append(link);
  }
}

function shorten(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function element(name, attributes = {}) {
  const node = document.createElement(name);
  for (const [attribute, value] of Object.entries(attributes)) node.setAttribute(attribute, value);
  return node;
}

/** The widget's CSS, next to this module and of the same version (added once per page). */
function addStylesheet() {
  const href = new URL(`crosscheck-widget.css?v=${VERSION}`, import.meta.url).href;
  if (document.querySelector(`link[data-crosscheck-widget]`)) return;
  const link = element("link", { rel: "stylesheet", href, "data-crosscheck-widget": VERSION });
  document.head.append(link);
}
