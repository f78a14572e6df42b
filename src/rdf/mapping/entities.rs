//! Organizations, people, posts, places, artifacts, strategic dimensions, services and
//! quotes: one resource each.

use super::{DatedStatement, Mapper};
use crate::facts::{
    Artifact, ArtifactKind, Claim, ClaimKind, Dimension, Kind, OrgKind, Organization, Person,
    Place, Post, Quote, Service,
};
use crate::rdf::vocab::{foaf, ng, org, prov, schema, skos};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Triple};

/// The classes an organization of `kind` is typed with.
pub fn org_classes(kind: OrgKind) -> &'static [NamedNodeRef<'static>] {
    match kind {
        OrgKind::Formal => &[org::ORGANIZATION, org::FORMAL_ORGANIZATION],
        OrgKind::Organization => &[org::ORGANIZATION],
        OrgKind::BusinessGroup => &[org::ORGANIZATION, ng::BUSINESS_GROUP],
        OrgKind::Unit => &[org::ORGANIZATION, org::ORGANIZATIONAL_UNIT],
        OrgKind::BusinessLine => &[ng::BUSINESS_LINE],
        OrgKind::Group => &[foaf::GROUP, prov::AGENT],
    }
}

/// The kind of organization a resource typed with `classes` was mapped from: the kind whose
/// classes it has, the most specific when several fit; `None` when it is no organization.
pub fn org_kind_of(classes: &[NamedNode]) -> Option<OrgKind> {
    OrgKind::ALL
        .into_iter()
        .filter(|&kind| {
            org_classes(kind)
                .iter()
                .all(|c| classes.iter().any(|have| have.as_ref() == *c))
        })
        .max_by_key(|&kind| org_classes(kind).len())
}

impl Mapper<'_> {
    pub(super) fn organization(&mut self, s: &NamedNode, o: &Organization) {
        let kind = *o.kind.get_ref();
        self.typed(s, org_classes(kind), o.name.get_ref());
        self.alt_labels(s, &o.alt_names);
        self.optional_text(s, schema::DESCRIPTION, text(&o.description));
        if let Some(parent) = &o.part_of {
            let parent = self.iri(parent.get_ref());
            match kind {
                OrgKind::Unit => {
                    let (p, inverse) = self.unit_of(o.part_of.as_ref().expect("checked"));
                    self.link(s, p, &parent, Some(inverse));
                }
                OrgKind::BusinessLine => self.add(s, ng::BUSINESS_LINE_OF, parent),
                _ => self.link(
                    s,
                    org::SUB_ORGANIZATION_OF,
                    &parent,
                    Some(org::HAS_SUB_ORGANIZATION),
                ),
            }
        }
    }

    pub(super) fn person(&mut self, s: &NamedNode, p: &Person) {
        self.typed(s, &[foaf::PERSON, prov::AGENT], p.name.get_ref());
        if p.anonymous {
            self.add(s, ng::ANONYMOUS, Literal::from(true));
        } else {
            self.text(s, foaf::NAME, p.name.get_ref());
        }
        self.alt_labels(s, &p.alt_names);
        self.optional_text(s, schema::DESCRIPTION, text(&p.description));
    }

    pub(super) fn post(&mut self, s: &NamedNode, p: &Post) {
        let label = self.facts.name(p.id.get_ref());
        self.typed(s, &[org::POST], &label);
        let organization = self.iri(p.organization.get_ref());
        let holder = self.iri(p.holder.get_ref());
        self.link(s, org::POST_IN, &organization, Some(org::HAS_POST));
        let role = self.iris.role(p.role.get_ref());
        self.add(s, org::ROLE, role.clone());
        self.typed(&role, &[org::ROLE_CLASS], p.role.get_ref());
        // A holder who has left the post is history: no current `heldBy` or `headOf`.
        let (planned, current) = self.holds_now(&p.since, &p.until);
        if current {
            self.link(s, org::HELD_BY, &holder, Some(org::HOLDS));
            if p.head {
                self.add(&holder, org::HEAD_OF, organization);
            }
        }
        let id = p.id.get_ref();
        let node = self.iris.part(Kind::Post, id, "holding.interval");
        if let Some(interval) = self.interval(node, &p.since, &p.until) {
            let holder_name = self.facts.name(p.holder.get_ref());
            self.dated.push(DatedStatement {
                node: self.iris.part(Kind::Post, id, "holding"),
                triple: Triple::new(holder, org::HOLDS.into_owned(), s.clone()),
                label: format!("{holder_name} as {label}"),
                note: None,
                interval: Some(interval),
                planned,
                current,
            });
        }
    }

    pub(super) fn place(&mut self, s: &NamedNode, p: &Place) {
        self.typed(s, &[schema::PLACE], p.name.get_ref());
        self.optional_text(s, ng::SCOPE, text(&p.scope));
        if let Some(within) = &p.within {
            let within = self.iri(within.get_ref());
            self.add(s, schema::CONTAINED_IN_PLACE, within);
        }
    }

    pub(super) fn artifact(&mut self, s: &NamedNode, a: &Artifact) {
        let classes: &[NamedNodeRef<'_>] = match a.kind.get_ref() {
            ArtifactKind::Product => &[schema::PRODUCT],
            ArtifactKind::Document => &[schema::CREATIVE_WORK, prov::ENTITY],
        };
        self.typed(s, classes, a.name.get_ref());
        self.optional_text(s, schema::DESCRIPTION, text(&a.description));
    }

    pub(super) fn dimension(&mut self, s: &NamedNode, d: &Dimension) {
        self.typed(
            s,
            &[skos::CONCEPT, ng::STRATEGIC_DIMENSION],
            d.name.get_ref(),
        );
        self.text(s, skos::PREF_LABEL, d.name.get_ref());
        let of = self.iri(d.of.get_ref());
        self.add(s, ng::DIMENSION_OF, of);
    }

    pub(super) fn service(&mut self, s: &NamedNode, v: &Service) {
        self.typed(s, &[schema::SERVICE], v.name.get_ref());
        let provider = self.iri(v.provider.get_ref());
        self.add(s, schema::PROVIDER, provider);
        for client in &v.clients {
            let client = self.iri(client.get_ref());
            self.add(s, ng::PROVIDED_TO, client);
        }
        if let Some(event) = &v.continues_after {
            let event = self.iri(event.get_ref());
            self.add(s, ng::CONTINUES_AFTER, event);
        }
        self.optional_text(s, ng::SCOPE, text(&v.scope));
        self.optional_text(s, schema::DESCRIPTION, text(&v.description));
    }

    pub(super) fn claim(&mut self, s: &NamedNode, c: &Claim) {
        let class = match c.kind.get_ref() {
            ClaimKind::Aim => ng::AIM,
            ClaimKind::Reason => ng::REASON,
            ClaimKind::Effect => ng::EFFECT,
            ClaimKind::Continuity => ng::CONTINUITY,
            ClaimKind::Description => ng::CHARACTERIZATION,
            ClaimKind::Assessment => ng::ASSESSMENT,
        };
        self.typed(s, &[schema::CLAIM, class], c.text.get_ref());
        self.text(s, schema::TEXT, c.text.get_ref());
        for about in &c.about.0 {
            let about = self.iri(about.get_ref());
            self.add(s, schema::ABOUT, about);
        }
        let article = self.iris.article(self.facts.article_id());
        self.add(s, schema::APPEARANCE, article);
        self.attribution(s, &c.reported);
    }

    pub(super) fn quote(&mut self, s: &NamedNode, q: &Quote) {
        let label = self.facts.name(q.id.get_ref());
        self.typed(s, &[schema::QUOTATION, prov::ENTITY], &label);
        self.text(s, schema::TEXT, q.text.get_ref());
        let speaker = self.iri(q.speaker.get_ref());
        self.add(s, prov::WAS_ATTRIBUTED_TO, speaker);
        self.optional_text(s, schema::DESCRIPTION, text(&q.context));
    }
}

/// An optional string of the facts file.
pub(super) fn text(value: &Option<crate::facts::Text>) -> Option<&str> {
    value.as_ref().map(|t| t.get_ref().as_str())
}
