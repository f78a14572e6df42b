//! The one place triples are written: the mapper and the provenance layer both build their
//! triples through a [`TripleWriter`].

use crate::rdf::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};

/// Lets a builder holding a [`TripleWriter`] in a field be written to as one (`Deref` and
/// `DerefMut` to the field): `writes_through!(Mapper, writer)`.
macro_rules! writes_through {
    ($builder:ident, $field:ident) => {
        impl std::ops::Deref for $builder<'_> {
            type Target = $crate::rdf::mapping::TripleWriter;
            fn deref(&self) -> &Self::Target {
                &self.$field
            }
        }

        impl std::ops::DerefMut for $builder<'_> {
            fn deref_mut(&mut self) -> &mut Self::Target {
                &mut self.$field
            }
        }
    };
}
pub(crate) use writes_through;

/// Collects triples about named resources.
#[derive(Debug, Default)]
pub struct TripleWriter {
    triples: Vec<Triple>,
}

impl TripleWriter {
    /// `s p o`.
    pub fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.triples.push(Triple::new(
            NamedOrBlankNode::from(s.clone()),
            p.into_owned(),
            o,
        ));
    }

    /// `s a class` for each class.
    pub fn types(&mut self, s: &NamedNode, classes: &[NamedNodeRef<'_>]) {
        for class in classes {
            self.add(s, rdf::TYPE, class.into_owned());
        }
    }

    /// The classes of `s` and its `rdfs:label`.
    pub fn typed(&mut self, s: &NamedNode, classes: &[NamedNodeRef<'_>], label: &str) {
        self.types(s, classes);
        self.label(s, label);
    }

    /// A plain string value.
    pub fn text(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, text: &str) {
        self.add(s, p, Literal::new_simple_literal(text));
    }

    /// A plain string value, when there is one.
    pub fn optional_text(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, text: Option<&str>) {
        if let Some(text) = text {
            self.text(s, p, text);
        }
    }

    /// The `rdfs:label` of `s`.
    pub fn label(&mut self, s: &NamedNode, label: &str) {
        self.text(s, rdfs::LABEL, label);
    }

    /// An `xsd:decimal` value, written as given.
    pub fn decimal(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_typed_literal(value, xsd::DECIMAL));
    }

    /// A link and, when given, its inverse.
    pub fn link(
        &mut self,
        s: &NamedNode,
        p: NamedNodeRef<'_>,
        o: &NamedNode,
        inverse: Option<NamedNodeRef<'_>>,
    ) {
        self.add(s, p, o.clone());
        if let Some(inverse) = inverse {
            self.add(o, inverse, s.clone());
        }
    }

    /// The triples written since the last call.
    pub fn take(&mut self) -> Vec<Triple> {
        std::mem::take(&mut self.triples)
    }

    /// Every triple written.
    pub fn into_triples(self) -> Vec<Triple> {
        self.triples
    }
}
