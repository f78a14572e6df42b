// The page of `newsgraph serve`: saved questions and SPARQL in, a table out; entities lead
// to their names, the articles that name them, the disagreements about them, and the
// `evidence` question (what the articles say about them, and the quote).
"use strict";

const PREFIXES = /*PREFIXES*/{};
const $ = (id) => document.getElementById(id);
let questions = [];

function shorten(iri) {
  let best = null;
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [prefix, ns];
  }
  return best ? best[0] + ":" + iri.slice(best[1].length) : "<" + iri + ">";
}

function status(text, error) {
  $("ask-status").textContent = text;
  $("ask-status").className = error ? "error" : "";
}

async function fetchResults(url, options) {
  const response = await fetch(url, Object.assign({ headers: { Accept: "application/sparql-results+json" } }, options));
  const text = await response.text();
  if (!response.ok) throw new Error(text.trim() || response.statusText);
  return JSON.parse(text);
}

// A link to the why view of an entity.
function entityLink(iri, text) {
  const a = document.createElement("a");
  a.className = "entity";
  a.href = "?entity=" + encodeURIComponent(iri);
  a.textContent = text;
  a.title = iri;
  a.addEventListener("click", (event) => { event.preventDefault(); why(iri, text); });
  return a;
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    td.appendChild(entityLink(term.value, shorten(term.value)));
  } else {
    td.textContent = term.value;
  }
  return td;
}

// Saved questions answer with names; a name that labels an entity the article has evidence
// for becomes a link to that entity's why view.
async function linkNames(table) {
  const cells = [...table.querySelectorAll("td")].filter((td) => !td.firstElementChild && td.textContent);
  const names = [...new Set(cells.map((td) => td.textContent))].slice(0, 500);
  if (names.length === 0) return;
  const values = names.map((n) => JSON.stringify(n)).join(" ");
  const query = `PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?name (MIN(STR(?entity)) AS ?iri) WHERE {
  VALUES ?name { ${values} }
  ?entity rdfs:label ?name .
  FILTER EXISTS { ?annotation oa:hasBody ?statement . ?statement rdf:subject|rdf:object ?entity }
} GROUP BY ?name`;
  try {
    const json = await fetchResults("/sparql", {
      method: "POST",
      headers: { Accept: "application/sparql-results+json", "Content-Type": "application/sparql-query" },
      body: query,
    });
    const entities = new Map(json.results.bindings.map((b) => [b.name.value, b.iri.value]));
    for (const td of cells) {
      const iri = entities.get(td.textContent);
      if (iri) td.replaceChildren(entityLink(iri, td.textContent));
    }
  } catch (error) {
    // The names stay plain text.
  }
}

function render(json) {
  const table = $("results");
  table.replaceChildren();
  if (typeof json.boolean === "boolean") {
    status("Answer: " + (json.boolean ? "yes" : "no"));
    return;
  }
  const vars = json.head.vars;
  const head = table.insertRow();
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.appendChild(th);
  }
  for (const binding of json.results.bindings) {
    const row = table.insertRow();
    for (const v of vars) row.appendChild(cell(binding[v]));
  }
  const n = json.results.bindings.length;
  status(n + (n === 1 ? " row" : " rows") + (n ? "; pick a name to see what the article says about it" : ""));
  return linkNames(table);
}

async function run() {
  const name = $("saved").value;
  const sparql = $("sparql").value;
  status("running…");
  $("results").replaceChildren();
  try {
    const query = questions.find((q) => q.name === name);
    if (query && sparql === query.sparql) {
      await render(await fetchResults("/queries/" + encodeURIComponent(name)));
    } else {
      await render(await fetchResults("/sparql", {
        method: "POST",
        headers: { Accept: "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ query: sparql }),
      }));
    }
  } catch (error) {
    status(error.message, true);
  }
}

// Runs SPARQL through the protocol endpoint.
function sparqlResults(query) {
  return fetchResults("/sparql", {
    method: "POST",
    headers: { Accept: "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ query }),
  });
}

// A paragraph: a bold lead, then text.
function line(lead, text) {
  const p = document.createElement("p");
  const b = document.createElement("b");
  b.textContent = lead + ": ";
  p.append(b, text);
  return p;
}

// An entity over the corpus: its names (the preferred one first), the articles that name it,
// and the disagreements about it, each side with its article, source and date.
async function about(iri) {
  const box = $("why-about");
  box.replaceChildren();
  if (/[<>"{}|^`\\\s]/.test(iri)) return;
  const names = await sparqlResults(`PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name ?preferred WHERE {
  <${iri}> rdfs:label ?name .
  BIND (EXISTS { GRAPH <https://newsgraph.example/corpus> { <${iri}> skos:prefLabel ?name } } AS ?preferred)
} ORDER BY DESC(?preferred) ?name`);
  const all = names.results.bindings.map((row) => row.name.value);
  if (all.length === 0) return;
  box.appendChild(line("Names", all.join("; ")));
  const articles = await sparqlResults(`PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT ?article (SAMPLE(STR(?date)) AS ?published) WHERE {
  GRAPH ?g {
    <${iri}> rdfs:label ?name .
    ?a schema:headline ?article .
    OPTIONAL { ?a schema:datePublished|schema:translationOfWork/schema:datePublished ?date }
  }
} GROUP BY ?article ORDER BY ?published ?article`);
  const list = articles.results.bindings.map((row) =>
    row.article.value + (row.published ? " (" + row.published.value + ")" : ""));
  box.appendChild(line("Named by", list.join("; ")));
  const disagreements = await fetchResults("/queries/disagreements");
  const sides = disagreements.results.bindings.filter((row) => all.includes(row.subject.value));
  if (sides.length === 0) {
    box.appendChild(line("Disagreements", "none"));
    return;
  }
  const ul = document.createElement("ul");
  for (const row of sides) {
    const li = document.createElement("li");
    const field = (name) => (row[name] ? row[name].value : "");
    li.textContent = field("kind") + ", " + field("about") + ": " + field("says") + " (" +
      field("article") + "; " + field("source") + "; " + field("published") + ")";
    ul.appendChild(li);
  }
  box.append(line("Disagreements", ""), ul);
}

async function why(iri, name) {
  $("why-help").textContent = "What the articles say about " + (name || shorten(iri)) + ":";
  about(iri).catch((error) => { $("why-about").textContent = error.message; });
  const body = $("why-body");
  body.textContent = "loading…";
  try {
    const json = await fetchResults("/queries/evidence?entity=" + encodeURIComponent("<" + iri + ">"));
    const rows = json.results.bindings;
    if (rows.length === 0) {
      body.textContent = "The article states nothing about it directly.";
      return;
    }
    const list = document.createElement("ol");
    for (const row of rows) {
      const item = document.createElement("li");
      const fact = document.createElement("div");
      fact.textContent = row.fact.value;
      const quote = document.createElement("blockquote");
      quote.textContent = "“" + row.quote.value + "”";
      item.append(fact, quote);
      if (row.start && row.end) {
        const where = document.createElement("div");
        where.className = "where";
        where.textContent = "characters " + row.start.value + "–" + row.end.value;
        item.appendChild(where);
      }
      list.appendChild(item);
    }
    body.replaceChildren(list);
  } catch (error) {
    body.textContent = error.message;
  }
}

async function chart() {
  const body = $("chart-body");
  try {
    const response = await fetch("/orgchart.svg");
    if (!response.ok) throw new Error((await response.text()).trim());
    const url = URL.createObjectURL(await response.blob());
    const img = document.createElement("img");
    img.alt = "Org chart";
    img.src = url;
    body.replaceChildren(img);
  } catch (error) {
    body.textContent = error.message;
  }
}

async function start() {
  const params = new URLSearchParams(location.search);
  try {
    const response = await fetch("/queries", { headers: { Accept: "application/json" } });
    questions = await response.json();
  } catch (error) {
    status("cannot list the saved questions: " + error.message, true);
  }
  for (const q of questions) {
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = q.title + " (" + q.name + ")";
    $("saved").appendChild(option);
  }
  $("saved").addEventListener("change", async () => {
    const name = $("saved").value;
    const query = questions.find((q) => q.name === name);
    $("question").textContent = query ? query.question : "";
    if (query) $("sparql").value = query.sparql;
  });
  $("run").addEventListener("click", run);
  chart();
  const name = params.get("q");
  if (name && questions.some((q) => q.name === name)) {
    $("saved").value = name;
    $("saved").dispatchEvent(new Event("change"));
    await run();
  } else if (params.get("sparql")) {
    $("sparql").value = params.get("sparql");
    await run();
  }
  if (params.get("entity")) why(params.get("entity"));
}

start();
