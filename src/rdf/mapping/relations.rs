//! Relations: one triple each, and a [`DatedStatement`] when the relation has a time or a
//! note.

use super::{DatedStatement, Interval, Mapper};
use crate::facts::{Kind, Relation, RelationKind, Status};
use crate::rdf::vocab::{ng, org, schema};
use crate::text::values::Boundary;
use oxigraph::model::{NamedNode, NamedNodeRef, Triple};
use toml::Spanned;

impl Mapper<'_> {
    pub(super) fn relation(&mut self, s: &NamedNode, r: &Relation) {
        let (p, inverse) = match r.kind.get_ref() {
            RelationKind::UnitOf => {
                let (p, inverse) = self.unit_of(&r.object.0[0]);
                (p, Some(inverse))
            }
            kind => predicate(*kind),
        };
        let subject = self.iri(r.subject.get_ref());
        let objects: Vec<NamedNode> = r.object.0.iter().map(|o| self.iri(o.get_ref())).collect();
        let (begins_planned, current) = self.holds_now(&r.since, &r.until);
        if current {
            for object in &objects {
                self.link(&subject, p, object, inverse);
            }
        }
        if !r.qualified() {
            return;
        }
        // Checked: a qualified relation has exactly one object.
        let node = self.iris.part(Kind::Relation, r.id.get_ref(), "interval");
        let interval = self.interval(node, &r.since, &r.until);
        self.dated.push(DatedStatement {
            node: s.clone(),
            triple: Triple::new(subject, p.into_owned(), objects[0].clone()),
            label: self.facts.name(r.id.get_ref()),
            note: r.note.as_ref().map(|n| n.get_ref().clone()),
            interval,
            planned: begins_planned,
            current,
        });
    }
}

impl Mapper<'_> {
    /// Whether a boundary is an event the article reports as planned.
    fn planned(&self, bound: &Option<Spanned<Boundary>>) -> bool {
        bound.as_ref().is_some_and(|b| match b.get_ref() {
            Boundary::Event(id) => self
                .facts
                .event(id)
                .is_some_and(|e| e.status == Some(Status::Planned)),
            Boundary::Date(_) => false,
        })
    }

    /// For a tie from `since` until `until`: whether a planned change is still to begin it,
    /// and whether the article reports it as holding now (not ended, or ended only by a
    /// planned change, and not still to begin).
    pub(super) fn holds_now(
        &self,
        since: &Option<Spanned<Boundary>>,
        until: &Option<Spanned<Boundary>>,
    ) -> (bool, bool) {
        let begins_planned = self.planned(since);
        let current = (until.is_none() || self.planned(until)) && !begins_planned;
        (begins_planned, current)
    }

    /// When a dated record held, named `node`: from `since` until `until`, when either is
    /// given.
    pub(super) fn interval(
        &mut self,
        node: NamedNode,
        since: &Option<Spanned<Boundary>>,
        until: &Option<Spanned<Boundary>>,
    ) -> Option<Interval> {
        let since = since.as_ref().map(|b| b.get_ref());
        let until = until.as_ref().map(|b| b.get_ref());
        if since.is_none() && until.is_none() {
            return None;
        }
        let (beginning, begun_by) = since.map(|b| self.boundary(b)).unzip();
        let (end, ended_by) = until.map(|b| self.boundary(b)).unzip();
        let label = [("from", since), ("until", until)]
            .into_iter()
            .filter_map(|(word, b)| Some(format!("{word} {}", self.boundary_label(b?))))
            .collect::<Vec<_>>()
            .join(" ");
        Some(Interval {
            node,
            label,
            beginning: beginning.flatten(),
            end: end.flatten(),
            begun_by: begun_by.flatten(),
            ended_by: ended_by.flatten(),
        })
    }
}

/// The property a relation kind is written with, and its inverse where ORG defines one.
fn predicate(kind: RelationKind) -> (NamedNodeRef<'static>, Option<NamedNodeRef<'static>>) {
    match kind {
        RelationKind::ReportsTo => (org::REPORTS_TO, None),
        RelationKind::UnitOf => (org::UNIT_OF, Some(org::HAS_UNIT)),
        RelationKind::SubOrganizationOf => {
            (org::SUB_ORGANIZATION_OF, Some(org::HAS_SUB_ORGANIZATION))
        }
        RelationKind::MemberOf => (org::MEMBER_OF, Some(org::HAS_MEMBER)),
        RelationKind::ClientOf => (ng::CLIENT_OF, None),
        RelationKind::PartnerOf => (ng::PARTNER_OF, None),
        RelationKind::Serves => (ng::SERVES, None),
        RelationKind::AlignedWith => (ng::ALIGNED_WITH, None),
        RelationKind::FoundedBy => (schema::FOUNDER, None),
        RelationKind::EnvisionedBy => (ng::ENVISIONED_BY, None),
        RelationKind::OperatesIn => (schema::AREA_SERVED, None),
    }
}
