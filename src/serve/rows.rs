//! The solutions of a SELECT query as the explorer reads them: each bound variable's value,
//! and that value as the page shows it.

use oxigraph::model::Term;
use std::collections::HashMap;

/// One solution: each bound variable's value.
pub type Row = HashMap<String, Term>;

/// The value of a term as the page shows it: an IRI, or a literal's lexical form.
pub fn plain(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::BlankNode(b) => b.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// The value of `name` in a row, as the page shows it.
pub fn get(row: &Row, name: &str) -> Option<String> {
    row.get(name).map(plain)
}

/// The value of `name` in a row, as the page shows it; empty when unbound.
pub fn get_or_empty(row: &Row, name: &str) -> String {
    get(row, name).unwrap_or_default()
}
