//! Events: a `prov:Activity` of a specific class, dated as precisely as the article allows.

use super::Mapper;
use super::entities::text;
use crate::facts::{Event, EventKind, Kind};
use crate::values::{Boundary, When};
use crate::vocab::{ng, org, prov, schema, skos, time};
use oxigraph::model::NamedNode;

impl Mapper<'_> {
    pub(super) fn event(&mut self, s: &NamedNode, e: &Event) {
        let (class, change) = match e.kind.get_ref() {
            EventKind::Restructuring => (ng::RESTRUCTURING, true),
            EventKind::Transfer => (ng::TRANSFER, true),
            EventKind::ReportingChange => (ng::REPORTING_CHANGE, true),
            EventKind::Founding => (ng::FOUNDING, true),
            EventKind::Launch => (ng::LAUNCH, false),
            EventKind::Investment => (ng::INVESTMENT, false),
            EventKind::Filing => (ng::FILING, false),
            EventKind::ServiceStart => (ng::SERVICE_START, false),
            EventKind::Contract => (ng::CONTRACT, false),
            EventKind::PolicyChange => (ng::POLICY_CHANGE, false),
            EventKind::Withdrawal => (ng::WITHDRAWAL, false),
            EventKind::BuyoutOffer => (ng::BUYOUT_OFFER, false),
        };
        self.types(s, &[prov::ACTIVITY, class]);
        if change {
            self.types(s, &[org::CHANGE_EVENT]);
        }
        let name = e.name.get_ref();
        self.label(s, name);
        self.optional_text(s, schema::DESCRIPTION, text(&e.description));
        let when = self.event_time(e.id.get_ref());
        self.add(s, time::HAS_TIME, when.clone());
        match e.date.get_ref() {
            When::Unknown => {
                self.typed(
                    &when,
                    &[time::INSTANT],
                    &format!("time of {name} (not stated)"),
                );
            }
            When::On(date) => {
                self.date(date);
            }
            When::By(date) => {
                self.typed(&when, &[time::INTERVAL], &format!("by {date}"));
                let end = self.date(date);
                self.add(&when, time::HAS_END, end);
            }
        }
        self.optional_text(s, skos::NOTE, text(&e.date_note));
        if let Some(parent) = &e.part_of {
            let parent = self.iri(parent.get_ref());
            self.link(s, schema::SUPER_EVENT, &parent, Some(schema::SUB_EVENT));
        }
        let lists = [
            (&e.agents, prov::WAS_ASSOCIATED_WITH, None),
            (
                &e.original,
                org::ORIGINAL_ORGANIZATION,
                Some(org::CHANGED_BY),
            ),
            (
                &e.resulting,
                org::RESULTING_ORGANIZATION,
                Some(org::RESULTED_FROM),
            ),
            (&e.moves, ng::MOVED_UNIT, None),
            (&e.generated, prov::GENERATED, Some(prov::WAS_GENERATED_BY)),
        ];
        for (ids, p, inverse) in lists {
            for other in ids {
                let other = self.iri(other.get_ref());
                self.link(s, p, &other, inverse);
            }
        }
    }

    /// The time of an event: the date's instant when the date is known, else a node of the
    /// event's own that says only what is known.
    pub(super) fn event_time(&self, event: &str) -> NamedNode {
        let e = self
            .facts
            .event(event)
            .expect("references are checked before mapping");
        match e.date.get_ref() {
            When::On(date) => self.iris.date(date),
            When::Unknown | When::By(_) => self.iris.part(Kind::Event, event, "time"),
        }
    }

    /// The instant a boundary of a dated relation stands for, and the event it is the time
    /// of, if any.
    pub(super) fn boundary(&mut self, boundary: &Boundary) -> (NamedNode, Option<NamedNode>) {
        match boundary {
            Boundary::Date(date) => (self.date(date), None),
            Boundary::Event(event) => (self.event_time(event), Some(self.iri(event))),
        }
    }

    /// A boundary in words: the date, or the event's name.
    pub(super) fn boundary_label(&self, boundary: &Boundary) -> String {
        match boundary {
            Boundary::Date(date) => date.to_string(),
            Boundary::Event(event) => self.facts.name(event),
        }
    }
}
