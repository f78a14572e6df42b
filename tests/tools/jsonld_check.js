// The outside judge of newsgraph's JSON-LD: jsonld.js, the reference JavaScript processor.
//
//     node jsonld_check.js rdf DOC.jsonld NTRIPLES NQUADS
//         toRDF in safe mode (an error for anything it would drop): its quads, whether they
//         are all in the default graph, and whether, canonicalized, they are the N-Triples
//         export's and the N-Quads export's with the graphs merged
//     node jsonld_check.js frame DOC.jsonld TYPE
//         frames the document by {"@type": TYPE} and lists the nodes found
//
// Prints one JSON object; exits non-zero with a message when the input is wrong.
// scripts/tools.sh installs jsonld (tests/tools/package.json) under target/js, and the tests
// run this script with NODE_PATH pointing at its node_modules.

"use strict";

const fs = require("fs");
const jsonld = require("jsonld");
const { NQuads } = require("rdf-canonize");

const canonical = (nquads) =>
  jsonld.canonize(nquads, {
    algorithm: "RDFC-1.0",
    inputFormat: "application/n-quads",
    format: "application/n-quads",
  });

// N-Quads with every quad moved to the default graph, each triple once.
function merged(nquads) {
  const lines = new Set(
    NQuads.parse(nquads).map((quad) =>
      NQuads.serializeQuad({ ...quad, graph: { termType: "DefaultGraph", value: "" } })
    )
  );
  return [...lines].join("");
}

async function rdf(docPath, ntriplesPath, nquadsPath) {
  const doc = JSON.parse(fs.readFileSync(docPath, "utf8"));
  const ours = await jsonld.toRDF(doc, { format: "application/n-quads", safe: true });
  const quads = NQuads.parse(ours);
  const oursCanonical = await canonical(ours);
  const ntriples = await canonical(fs.readFileSync(ntriplesPath, "utf8"));
  const nquads = await canonical(merged(fs.readFileSync(nquadsPath, "utf8")));
  return {
    quads: quads.length,
    default_graph_only: quads.every((q) => q.graph.termType === "DefaultGraph"),
    same_as_ntriples: oursCanonical === ntriples,
    same_as_nquads_merged: oursCanonical === nquads,
  };
}

async function frame(docPath, type) {
  const doc = JSON.parse(fs.readFileSync(docPath, "utf8"));
  const framed = await jsonld.frame(
    doc,
    { "@context": doc["@context"], "@type": type },
    { safe: true }
  );
  const nodes = framed["@graph"] ?? (framed["@id"] ? [framed] : []);
  return {
    count: nodes.length,
    ids: nodes.map((n) => n["@id"]).sort(),
    names: nodes.map((n) => n["foaf:name"] ?? null).sort(),
  };
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const commands = { rdf, frame };
  if (!commands[command]) throw new Error(`unknown command ${command}`);
  console.log(JSON.stringify(await commands[command](...args)));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
