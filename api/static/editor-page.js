// The /editor demo page: a textarea with the Crosscheck widget, the article's fields and a
// button to index the draft as published. Exposes the widget as window.crosscheckWidget.
const version = new URL(import.meta.url).searchParams.get("v");
const { mount, describeError } = await import(
  `./crosscheck-widget.js${version ? `?v=${encodeURIComponent(version)}` : ""}`
);

const field = (id) => document.getElementById(id);
const value = (id) => field(id).value.trim();

function articleFields() {
  return { id: value("article-id"), source: value("source"), published_at: value("published-at") };
}

const widget = mount(field("draft"), {
  container: field("report"),
  apiKey: () => value("api-key"),
  article: articleFields,
  stylesheet: false,
});
window.crosscheckWidget = widget;

for (const id of ["api-key", "source", "published-at", "article-id"]) {
  field(id).addEventListener("input", () => widget.schedule());
}
field("article-fields").addEventListener("submit", (event) => event.preventDefault());
field("index-draft").addEventListener("click", indexDraft);

async function indexDraft() {
  const status = field("index-status");
  const button = field("index-draft");
  const article = { text: field("draft").value, ...articleFields(), url: value("url") };
  for (const name of Object.keys(article)) if (!article[name]) delete article[name];
  button.disabled = true;
  status.dataset.state = "busy";
  delete status.dataset.errorStatus;
  status.textContent = "Indexing…";
  try {
    const stored = await widget.client.indexArticle(article);
    status.dataset.state = "done";
    status.textContent =
      `Indexed as “${stored.id}” (revision ${stored.revision}, ${stored.claims.length} claims). ` +
      "Other drafts are now checked against it.";
  } catch (error) {
    const { title, lines } = describeError(error);
    status.dataset.state = "error";
    status.dataset.errorStatus = String(error.status);
    status.textContent = [title, ...lines].join(" ");
  } finally {
    button.disabled = false;
  }
}
