//! Events: a `prov:Activity` of a specific class, dated as precisely as the article allows.

use super::Mapper;
use super::entities::text;
use crate::facts::{Attribution, Event, EventKind, Kind, Status};
use crate::rdf::vocab::{ng, org, prov, schema, skos, time};
use crate::text::values::{Boundary, Span, When};
use oxigraph::model::NamedNode;

impl Mapper<'_> {
    pub(super) fn event(&mut self, s: &NamedNode, e: &Event) {
        // ORG's change event is for changes that create, merge or end organizations; moving
        // staff or units, or a person's reporting line, has a class of its own.
        let (class, change) = match e.kind.get_ref() {
            EventKind::Restructuring => (ng::RESTRUCTURING, true),
            EventKind::Founding => (ng::FOUNDING, true),
            EventKind::Transfer => (ng::TRANSFER, false),
            EventKind::StaffTransfer => (ng::STAFF_TRANSFER, false),
            EventKind::UnitTransfer => (ng::UNIT_TRANSFER, false),
            EventKind::ReportingChange => (ng::REPORTING_CHANGE, false),
            EventKind::Collaboration => (ng::COLLABORATION, false),
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
        let relative = e.relative.as_ref().map(|r| r.get_ref());
        let published = self.facts.publication_date();
        match (e.date.get_ref(), relative.zip(published)) {
            (When::Unknown, Some((relative, published))) => {
                let span = relative.resolve(published);
                let said = match span {
                    Span {
                        begun_before: Some(b),
                        ongoing_at: Some(o),
                        ..
                    } => format!("begun before {b}, still under way on {o}"),
                    Span {
                        beginning: Some(b),
                        end: Some(e),
                        ..
                    } => format!("{b} to {e}"),
                    Span { end: Some(e), .. } => format!("before {e}"),
                    Span {
                        beginning: Some(b), ..
                    } => format!("after {b}"),
                    _ => "not stated".to_owned(),
                };
                self.typed(
                    &when,
                    &[time::INTERVAL],
                    &format!("{relative}: {said}, counted from {published}"),
                );
                self.text(&when, ng::RELATIVE_EXPRESSION, &relative.words);
                let from = self.date(&published);
                self.add(&when, ng::RELATIVE_TO, from);
                if let Some(beginning) = span.beginning {
                    let beginning = self.date(&beginning);
                    self.add(&when, time::HAS_BEGINNING, beginning);
                }
                if let Some(end) = span.end {
                    let end = self.date(&end);
                    self.add(&when, time::HAS_END, end);
                }
                if let Some(before) = span.begun_before {
                    // The beginning is an instant of its own, known only to precede a date.
                    let beginning = self.iris.part(Kind::Event, e.id.get_ref(), "beginning");
                    self.typed(
                        &beginning,
                        &[time::INSTANT],
                        &format!("beginning of {name}, before {before}"),
                    );
                    let before = self.date(&before);
                    self.add(&beginning, time::BEFORE, before);
                    self.add(&when, time::HAS_BEGINNING, beginning);
                }
                if let Some(at) = span.ongoing_at {
                    let at = self.date(&at);
                    self.add(&when, time::INSIDE, at);
                }
            }
            (When::Unknown, None) => {
                self.typed(
                    &when,
                    &[time::INSTANT],
                    &format!("time of {name} (not stated)"),
                );
            }
            (When::On(date), _) => {
                self.date(date);
            }
            (When::By(date), _) => {
                self.typed(&when, &[time::INTERVAL], &format!("by {date}"));
                let end = self.date(date);
                self.add(&when, time::HAS_END, end);
            }
        }
        self.optional_text(s, skos::NOTE, text(&e.date_note));
        if let Some(status) = &e.status {
            let value = match status.get_ref() {
                Status::Planned => schema::POTENTIAL_ACTION_STATUS,
                Status::UnderWay => schema::ACTIVE_ACTION_STATUS,
                Status::Completed => schema::COMPLETED_ACTION_STATUS,
            };
            self.add(s, ng::STATUS, value);
        }
        self.attribution(s, &e.reported);
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
            (&e.from, ng::TRANSFERRED_FROM, None),
            (&e.to, ng::TRANSFERRED_TO, None),
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

    /// Who the article says reports a statement, and its words for how.
    pub(super) fn attribution(&mut self, s: &NamedNode, reported: &Option<Attribution>) {
        if let Some(reported) = reported {
            let by = self.iri(reported.by.get_ref());
            self.add(s, ng::REPORTED_BY, by);
            self.text(s, ng::REPORTED_AS, reported.how.get_ref());
        }
    }

    /// The time of an event: the date's instant when the date is known, else a node of the
    /// event's own that says only what is known.
    pub(super) fn event_time(&self, event: &str) -> NamedNode {
        let e = self
            .facts
            .event(event)
            .expect("references are checked before mapping");
        match e.date {
            When::On(date) => self.iris.date(&date),
            When::Unknown | When::By(_) => self.iris.part(Kind::Event, event, "time"),
        }
    }

    /// The instant a boundary of a dated relation stands for, and the event it is the time
    /// of, if any. An event known only within an interval ("by 2019", "recently") gives no
    /// instant: the relation is then bounded by the event alone.
    pub(super) fn boundary(
        &mut self,
        boundary: &Boundary,
    ) -> (Option<NamedNode>, Option<NamedNode>) {
        match boundary {
            Boundary::Date(date) => (Some(self.date(date)), None),
            Boundary::Event(event) => {
                let e = self
                    .facts
                    .event(event)
                    .expect("references are checked before mapping");
                let instant = match e.date {
                    When::By(_) => None,
                    _ if e.relative => None,
                    _ => Some(self.event_time(event)),
                };
                (instant, Some(self.iri(event)))
            }
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
