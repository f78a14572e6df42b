//! From checked facts to triples in standard vocabularies.
//!
//! Each record becomes one resource (a post, an event, a measure…) or, for a relation, one
//! triple. The mapper keeps the triples of each record together as a [`Fact`], so that what
//! the article says and where it says it stay linked.
//!
//! Time: a relation with an end (`until`) is history, so it is not stated as a plain triple
//! but as an `rdf:Statement` with `time:hasTime` an interval; one with only a beginning is
//! stated both ways. The same holds for a post: a holder who has left it (`until`) is written
//! only as a dated `rdf:Statement` (holder `org:holds` post), without `org:heldBy` or
//! `org:headOf`. Plain triples therefore give the state the article reports as current.

use crate::facts::{
    Artifact, ArtifactKind, Dimension, Event, EventKind, Facts, Kind, Measure, MeasureKind, Offer,
    OrgKind, Organization, Person, Place, Post, Quote, Recorded, Relation, RelationKind, Service,
    Text,
};
use crate::iris::Iris;
use crate::values::{Amount, Boundary, Date, FiscalPeriod, When};
use crate::vocab::{foaf, ng, org, prov, rdf, rdfs, schema, skos, time, xsd};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use std::collections::HashMap;
use toml::Spanned;

/// The triples stated by one record of the facts file.
#[derive(Debug, Clone)]
pub struct Fact {
    /// The record id; `None` for the facts about the article itself.
    pub record: Option<String>,
    /// The quotes that state it.
    pub evidence: Vec<Text>,
    /// The triples.
    pub triples: Vec<Triple>,
}

/// An article mapped to RDF.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// The named graph the article's triples go in.
    pub graph: NamedNode,
    /// The article resource.
    pub article: NamedNode,
    /// Every record's triples, the article's own first.
    pub facts: Vec<Fact>,
    /// Where the triples come from (see [`crate::provenance`]); empty until added.
    pub provenance: Vec<Triple>,
}

impl Mapping {
    /// The triples of the records, in the order they were made (duplicates kept).
    pub fn content(&self) -> impl Iterator<Item = &Triple> {
        self.facts.iter().flat_map(|f| f.triples.iter())
    }

    /// The `rdfs:label` of every resource that has one.
    pub fn labels(&self) -> HashMap<NamedNode, String> {
        self.content()
            .filter(|t| t.predicate.as_ref() == rdfs::LABEL)
            .filter_map(|t| match (&t.subject, &t.object) {
                (NamedOrBlankNode::NamedNode(n), Term::Literal(l)) => {
                    Some((n.clone(), l.value().to_owned()))
                }
                _ => None,
            })
            .collect()
    }

    /// All triples: the records' and their provenance.
    pub fn triples(&self) -> impl Iterator<Item = &Triple> {
        self.content().chain(&self.provenance)
    }
}

/// Maps checked facts to triples, naming resources with `iris`.
pub fn map(facts: &Facts, iris: &Iris) -> Mapping {
    let article_id = facts.article_id();
    let mut mapper = Mapper {
        facts,
        iris,
        triples: Vec::new(),
    };
    let article = iris.article(article_id);
    let mut out = vec![Fact {
        record: None,
        evidence: facts.file().article.evidence.0.clone(),
        triples: mapper.article(&article),
    }];
    let f = facts.file();
    mapper.each(
        &mut out,
        Kind::Organization,
        &f.organizations,
        Mapper::organization,
    );
    mapper.each(&mut out, Kind::Person, &f.people, Mapper::person);
    mapper.each(&mut out, Kind::Post, &f.posts, Mapper::post);
    mapper.each(&mut out, Kind::Place, &f.places, Mapper::place);
    mapper.each(&mut out, Kind::Artifact, &f.artifacts, Mapper::artifact);
    mapper.each(&mut out, Kind::Dimension, &f.dimensions, Mapper::dimension);
    mapper.each(&mut out, Kind::Event, &f.events, Mapper::event);
    mapper.each(&mut out, Kind::Relation, &f.relations, Mapper::relation);
    mapper.each(&mut out, Kind::Service, &f.services, Mapper::service);
    mapper.each(&mut out, Kind::Measure, &f.measures, Mapper::measure);
    mapper.each(&mut out, Kind::Offer, &f.offers, Mapper::offer);
    mapper.each(&mut out, Kind::Quote, &f.quotes, Mapper::quote);
    Mapping {
        graph: iris.graph(article_id),
        article,
        facts: out,
        provenance: Vec::new(),
    }
}

struct Mapper<'a> {
    facts: &'a Facts,
    iris: &'a Iris,
    triples: Vec<Triple>,
}

impl Mapper<'_> {
    /// Maps each record of a list, keeping each record's triples as one fact.
    fn each<R: Recorded>(
        &mut self,
        out: &mut Vec<Fact>,
        kind: Kind,
        records: &[R],
        map_one: fn(&mut Self, &NamedNode, &R),
    ) {
        for record in records {
            let id = record.id().get_ref();
            map_one(self, &self.iris.record(kind, id), record);
            out.push(Fact {
                record: Some(id.clone()),
                evidence: record.evidence().0.clone(),
                triples: std::mem::take(&mut self.triples),
            });
        }
    }

    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.triples.push(Triple::new(
            NamedOrBlankNode::from(s.clone()),
            p.into_owned(),
            o,
        ));
    }

    fn types(&mut self, s: &NamedNode, classes: &[NamedNodeRef<'_>]) {
        for class in classes {
            self.add(s, rdf::TYPE, class.into_owned());
        }
    }

    fn text(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, text: &str) {
        self.add(s, p, Literal::new_simple_literal(text));
    }

    fn label(&mut self, s: &NamedNode, label: &str) {
        self.text(s, rdfs::LABEL, label);
    }

    fn optional_text(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, text: &Option<Text>) {
        if let Some(text) = text {
            self.text(s, p, text.get_ref());
        }
    }

    fn decimal(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_typed_literal(value, xsd::DECIMAL));
    }

    /// A link and, when given, its inverse.
    fn link(
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

    /// The IRI of a record named by a (checked) reference.
    fn iri(&self, id: &str) -> NamedNode {
        let kind = self
            .facts
            .kind(id)
            .expect("references are checked before mapping");
        self.iris.record(kind, id)
    }

    fn article(&mut self, article: &NamedNode) -> Vec<Triple> {
        let a = &self.facts.file().article;
        self.types(article, &[schema::NEWS_ARTICLE, prov::ENTITY]);
        self.label(article, a.title.get_ref());
        self.text(article, schema::HEADLINE, a.title.get_ref());
        self.optional_text(article, schema::ALTERNATIVE_HEADLINE, &a.subtitle);
        self.text(article, schema::IN_LANGUAGE, a.language.get_ref());
        let publisher = self.iri(a.publisher.get_ref());
        self.add(article, schema::PUBLISHER, publisher);
        if let Some(author) = &a.author {
            let author = self.iri(author.get_ref());
            self.add(article, schema::AUTHOR, author);
        }
        if let When::On(date) = a.published.get_ref() {
            self.add(article, schema::DATE_PUBLISHED, date_literal(date));
        }
        if let Some(url) = &a.url {
            self.add(
                article,
                schema::URL,
                Literal::new_typed_literal(url.get_ref(), xsd_any_uri()),
            );
        }
        if let Some(original_publisher) = &a.original_publisher {
            let original = self.iris.article_part(self.facts.article_id(), "original");
            self.types(&original, &[schema::NEWS_ARTICLE, prov::ENTITY]);
            let name = self.facts.name(original_publisher.get_ref());
            self.label(
                &original,
                &format!("{name} original of “{}”", a.title.get_ref()),
            );
            let publisher = self.iri(original_publisher.get_ref());
            self.add(&original, schema::PUBLISHER, publisher);
            if let Some(author) = &a.author {
                let author = self.iri(author.get_ref());
                self.add(&original, schema::AUTHOR, author);
            }
            self.add(article, schema::TRANSLATION_OF_WORK, original.clone());
            self.add(article, prov::WAS_DERIVED_FROM, original);
        }
        for outlet in &a.based_on {
            let outlet_id = outlet.get_ref();
            let report = self
                .iris
                .article_part(self.facts.article_id(), &format!("report-{outlet_id}"));
            self.types(&report, &[schema::CREATIVE_WORK, prov::ENTITY]);
            let name = self.facts.name(outlet_id);
            self.label(
                &report,
                &format!("{name} report summarized in “{}”", a.title.get_ref()),
            );
            let publisher = self.iri(outlet_id);
            self.add(&report, schema::PUBLISHER, publisher);
            self.add(article, schema::IS_BASED_ON, report.clone());
            self.add(article, prov::WAS_DERIVED_FROM, report);
        }
        std::mem::take(&mut self.triples)
    }

    fn organization(&mut self, s: &NamedNode, o: &Organization) {
        let kind = *o.kind.get_ref();
        let classes: &[NamedNodeRef<'_>] = match kind {
            OrgKind::Formal => &[org::ORGANIZATION, org::FORMAL_ORGANIZATION],
            OrgKind::Organization => &[org::ORGANIZATION],
            OrgKind::Unit => &[org::ORGANIZATION, org::ORGANIZATIONAL_UNIT],
            OrgKind::BusinessLine => &[
                org::ORGANIZATION,
                org::ORGANIZATIONAL_UNIT,
                ng::BUSINESS_LINE,
            ],
            OrgKind::Group => &[foaf::GROUP, prov::AGENT],
        };
        self.types(s, classes);
        self.label(s, o.name.get_ref());
        self.alt_labels(s, &o.alt_names);
        self.optional_text(s, schema::DESCRIPTION, &o.description);
        if let Some(parent) = &o.part_of {
            let parent = self.iri(parent.get_ref());
            match kind {
                OrgKind::Unit | OrgKind::BusinessLine => {
                    self.link(s, org::UNIT_OF, &parent, Some(org::HAS_UNIT))
                }
                _ => self.link(
                    s,
                    org::SUB_ORGANIZATION_OF,
                    &parent,
                    Some(org::HAS_SUB_ORGANIZATION),
                ),
            }
        }
    }

    fn person(&mut self, s: &NamedNode, p: &Person) {
        self.types(s, &[foaf::PERSON, prov::AGENT]);
        self.label(s, p.name.get_ref());
        if p.anonymous {
            self.add(s, ng::ANONYMOUS, Literal::from(true));
        } else {
            self.text(s, foaf::NAME, p.name.get_ref());
        }
        self.alt_labels(s, &p.alt_names);
        self.optional_text(s, schema::DESCRIPTION, &p.description);
    }

    fn post(&mut self, s: &NamedNode, p: &Post) {
        self.types(s, &[org::POST]);
        self.label(s, &self.facts.name(p.id.get_ref()));
        let organization = self.iri(p.organization.get_ref());
        let holder = self.iri(p.holder.get_ref());
        self.link(s, org::POST_IN, &organization, Some(org::HAS_POST));
        let role = self.iris.role(p.role.get_ref());
        self.add(s, org::ROLE, role.clone());
        self.types(&role, &[org::ROLE_CLASS]);
        self.label(&role, p.role.get_ref());
        if p.until.is_none() {
            self.link(s, org::HELD_BY, &holder, Some(org::HOLDS));
            if p.head {
                self.add(&holder, org::HEAD_OF, organization);
            }
        }
        if p.since.is_none() && p.until.is_none() {
            return;
        }
        // A dated holding is also a statement of its own: holder org:holds post.
        let id = p.id.get_ref();
        let holding = self.iris.part(Kind::Post, id, "holding");
        self.types(&holding, &[rdf::STATEMENT]);
        let label = format!(
            "{} as {}",
            self.facts.name(p.holder.get_ref()),
            self.facts.name(id)
        );
        self.label(&holding, &label);
        self.add(&holding, rdf::SUBJECT, holder);
        self.add(&holding, rdf::PREDICATE, org::HOLDS.into_owned());
        self.add(&holding, rdf::OBJECT, s.clone());
        let interval = self.iris.part(Kind::Post, id, "holding/interval");
        self.interval(&holding, interval, &p.since, &p.until);
    }

    fn place(&mut self, s: &NamedNode, p: &Place) {
        self.types(s, &[schema::PLACE]);
        self.label(s, p.name.get_ref());
        if let Some(within) = &p.within {
            let within = self.iri(within.get_ref());
            self.add(s, schema::CONTAINED_IN_PLACE, within);
        }
    }

    fn artifact(&mut self, s: &NamedNode, a: &Artifact) {
        match a.kind.get_ref() {
            ArtifactKind::Product => self.types(s, &[schema::PRODUCT]),
            ArtifactKind::Document => self.types(s, &[schema::CREATIVE_WORK, prov::ENTITY]),
        }
        self.label(s, a.name.get_ref());
        self.optional_text(s, schema::DESCRIPTION, &a.description);
    }

    fn dimension(&mut self, s: &NamedNode, d: &Dimension) {
        self.types(s, &[skos::CONCEPT, ng::STRATEGIC_DIMENSION]);
        self.label(s, d.name.get_ref());
        self.text(s, skos::PREF_LABEL, d.name.get_ref());
        let of = self.iri(d.of.get_ref());
        self.add(s, ng::DIMENSION_OF, of);
    }

    fn service(&mut self, s: &NamedNode, v: &Service) {
        self.types(s, &[schema::SERVICE]);
        self.label(s, v.name.get_ref());
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
        self.optional_text(s, schema::DESCRIPTION, &v.description);
    }

    fn measure(&mut self, s: &NamedNode, m: &Measure) {
        let class = match m.kind.get_ref() {
            MeasureKind::RevenueGrowth => ng::REVENUE_GROWTH,
            MeasureKind::RevenueShare => ng::REVENUE_SHARE,
            MeasureKind::Headcount => ng::HEADCOUNT,
            MeasureKind::Rank => ng::RANK,
            MeasureKind::Stake => ng::STAKE,
            MeasureKind::PricePerShare => ng::PRICE_PER_SHARE,
            MeasureKind::TotalPrice => ng::TOTAL_PRICE,
            MeasureKind::Valuation => ng::VALUATION,
        };
        self.types(s, &[ng::MEASURE, class, schema::QUANTITATIVE_VALUE]);
        if m.kind.get_ref().money() {
            self.types(s, &[schema::MONETARY_AMOUNT]);
        }
        self.label(s, m.name.get_ref());
        let of = self.iri(m.of.get_ref());
        self.add(s, ng::MEASURE_OF, of);
        let value = m.value.get_ref();
        self.amount(
            s,
            value,
            [schema::VALUE, schema::MIN_VALUE, schema::MAX_VALUE],
        );
        self.text(s, schema::DESCRIPTION, &value.to_string());
        match m.kind.get_ref() {
            kind if kind.percent() => {
                self.text(s, schema::UNIT_CODE, "P1");
                self.text(s, schema::UNIT_TEXT, "percent");
            }
            kind if kind.money() => self.currency(s, schema::CURRENCY, value),
            MeasureKind::Headcount => self.text(s, schema::UNIT_TEXT, "employees"),
            _ => {}
        }
        if let Some(period) = &m.period {
            let period = self.period(period.get_ref());
            self.add(s, ng::PERIOD, period);
        }
    }

    fn quote(&mut self, s: &NamedNode, q: &Quote) {
        self.types(s, &[schema::QUOTATION, prov::ENTITY]);
        self.label(s, &self.facts.name(q.id.get_ref()));
        self.text(s, schema::TEXT, q.text.get_ref());
        let speaker = self.iri(q.speaker.get_ref());
        self.add(s, prov::WAS_ATTRIBUTED_TO, speaker);
        self.optional_text(s, schema::DESCRIPTION, &q.context);
    }

    fn alt_labels(&mut self, s: &NamedNode, names: &[Text]) {
        for name in names {
            self.text(s, skos::ALT_LABEL, name.get_ref());
        }
    }

    /// Writes a quantity with the given properties for (exact value, minimum, maximum).
    fn amount(&mut self, s: &NamedNode, amount: &Amount, [exact, min, max]: [NamedNodeRef<'_>; 3]) {
        if let Some(value) = amount.exact() {
            self.decimal(s, exact, value.as_str());
        } else {
            self.decimal(s, min, amount.low.as_str());
            if let Some(high) = &amount.high {
                self.decimal(s, max, high.as_str());
            }
        }
    }

    fn event(&mut self, s: &NamedNode, e: &Event) {
        let kind = *e.kind.get_ref();
        let (class, change) = match kind {
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
        self.label(s, e.name.get_ref());
        self.optional_text(s, schema::DESCRIPTION, &e.description);
        let id = e.id.get_ref();
        let when = self.event_time(id);
        self.add(s, time::HAS_TIME, when.clone());
        match e.date.get_ref() {
            When::Unknown => {
                self.types(&when, &[time::INSTANT]);
                self.label(&when, &format!("time of {} (not stated)", e.name.get_ref()));
            }
            When::On(date) => {
                self.date(date);
            }
            When::By(date) => {
                self.types(&when, &[time::INTERVAL]);
                self.label(&when, &format!("by {date}"));
                let end = self.date(date);
                self.add(&when, time::HAS_END, end);
            }
        }
        self.optional_text(s, skos::NOTE, &e.date_note);
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
    fn event_time(&self, event: &str) -> NamedNode {
        let e = self
            .facts
            .event(event)
            .expect("references are checked before mapping");
        match e.date.get_ref() {
            When::On(date) => self.iris.date(date),
            When::Unknown | When::By(_) => self.iris.part(Kind::Event, event, "time"),
        }
    }

    /// The instant of a calendar date, with its date at the precision known.
    fn date(&mut self, date: &Date) -> NamedNode {
        let instant = self.iris.date(date);
        self.types(&instant, &[time::INSTANT]);
        self.label(&instant, &date.to_string());
        let p = match date {
            Date::Year(_) => time::IN_XSD_G_YEAR,
            Date::Month(..) => time::IN_XSD_G_YEAR_MONTH,
            Date::Day(..) => time::IN_XSD_DATE,
        };
        self.add(&instant, p, date_literal(date));
        instant
    }

    fn boundary(&mut self, boundary: &Boundary) -> NamedNode {
        match boundary {
            Boundary::Date(date) => self.date(date),
            Boundary::Event(event) => self.event_time(event),
        }
    }

    fn boundary_label(&self, boundary: &Boundary) -> String {
        match boundary {
            Boundary::Date(date) => date.to_string(),
            Boundary::Event(event) => self.facts.name(event),
        }
    }

    fn relation(&mut self, s: &NamedNode, r: &Relation) {
        let (p, inverse) = match r.kind.get_ref() {
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
        };
        let subject = self.iri(r.subject.get_ref());
        let objects: Vec<NamedNode> = r.object.0.iter().map(|o| self.iri(o.get_ref())).collect();
        let current = r.until.is_none();
        if current {
            for object in &objects {
                self.link(&subject, p, object, inverse);
            }
        }
        if !r.qualified() {
            return;
        }
        // Checked: a qualified relation has exactly one object.
        let object = &objects[0];
        self.types(s, &[rdf::STATEMENT]);
        self.label(s, &self.facts.name(r.id.get_ref()));
        self.add(s, rdf::SUBJECT, subject);
        self.add(s, rdf::PREDICATE, p.into_owned());
        self.add(s, rdf::OBJECT, object.clone());
        self.optional_text(s, skos::NOTE, &r.note);
        if r.since.is_none() && r.until.is_none() {
            return;
        }
        let interval = self.iris.part(Kind::Relation, r.id.get_ref(), "interval");
        self.interval(s, interval, &r.since, &r.until);
    }

    /// Dates a statement `s` with `interval`, from `since` until `until`; an event that
    /// begins or ends it also generates or invalidates it.
    fn interval(
        &mut self,
        s: &NamedNode,
        interval: NamedNode,
        since: &Option<Spanned<Boundary>>,
        until: &Option<Spanned<Boundary>>,
    ) {
        self.add(s, time::HAS_TIME, interval.clone());
        self.types(&interval, &[time::INTERVAL]);
        let mut label = Vec::new();
        if let Some(since) = since {
            let begin = self.boundary(since.get_ref());
            self.add(&interval, time::HAS_BEGINNING, begin);
            label.push(format!("from {}", self.boundary_label(since.get_ref())));
            if let Boundary::Event(event) = since.get_ref() {
                let event = self.iri(event);
                self.add(s, prov::WAS_GENERATED_BY, event);
            }
        }
        if let Some(until) = until {
            let end = self.boundary(until.get_ref());
            self.add(&interval, time::HAS_END, end);
            label.push(format!("until {}", self.boundary_label(until.get_ref())));
            if let Boundary::Event(event) = until.get_ref() {
                let event = self.iri(event);
                self.add(s, prov::WAS_INVALIDATED_BY, event);
            }
        }
        self.label(&interval, &label.join(" "));
    }

    fn period(&mut self, period: &FiscalPeriod) -> NamedNode {
        let s = self.iris.period(&period.key());
        self.types(&s, &[ng::FISCAL_PERIOD, time::INTERVAL]);
        self.label(&s, &period.label());
        self.add(
            &s,
            ng::FISCAL_YEAR,
            Literal::new_typed_literal(period.year.to_string(), xsd::G_YEAR),
        );
        if let Some(quarter) = period.quarter {
            self.add(
                &s,
                ng::FISCAL_QUARTER,
                Literal::new_typed_literal(quarter.to_string(), xsd::INTEGER),
            );
        }
        s
    }

    fn offer(&mut self, s: &NamedNode, o: &Offer) {
        let id = o.id.get_ref();
        let name = o.name.get_ref();
        self.types(s, &[schema::OFFER]);
        self.label(s, name);
        let seller = self.iri(o.seller.get_ref());
        let area = self.iri(o.area.get_ref());
        self.add(s, schema::SELLER, seller.clone());
        self.add(s, schema::AREA_SERVED, area);

        let service = self.iris.part(Kind::Offer, id, "service");
        self.add(s, schema::ITEM_OFFERED, service.clone());
        self.types(&service, &[schema::SERVICE]);
        self.label(&service, name);
        self.add(&service, schema::PROVIDER, seller);

        let price = self.iris.part(Kind::Offer, id, "price");
        let amount = o.price.get_ref();
        self.add(s, schema::PRICE_SPECIFICATION, price.clone());
        self.types(&price, &[schema::PRICE_SPECIFICATION_CLASS]);
        self.label(&price, &amount.to_string());
        self.currency(&price, schema::PRICE_CURRENCY, amount);
        self.amount(
            &price,
            amount,
            [schema::PRICE, schema::MIN_PRICE, schema::MAX_PRICE],
        );

        if let Some(equivalent) = &o.equivalent {
            let node = self.iris.part(Kind::Offer, id, "equivalent-price");
            let amount = equivalent.get_ref();
            self.add(s, ng::EQUIVALENT_PRICE, node.clone());
            self.types(&node, &[schema::MONETARY_AMOUNT]);
            self.label(&node, &amount.to_string());
            self.currency(&node, schema::CURRENCY, amount);
            self.amount(
                &node,
                amount,
                [schema::VALUE, schema::MIN_VALUE, schema::MAX_VALUE],
            );
        }

        let days = o.delivery_days.get_ref();
        let shipping = self.iris.part(Kind::Offer, id, "shipping");
        let delivery = self.iris.part(Kind::Offer, id, "delivery-time");
        let transit = self.iris.part(Kind::Offer, id, "transit-time");
        let days_label = match (days.exact(), &days.high) {
            (Some(d), _) if d.as_str() == "1" => "1 day".to_owned(),
            _ => format!("{days} days"),
        };
        self.add(s, schema::SHIPPING_DETAILS, shipping.clone());
        self.types(&shipping, &[schema::OFFER_SHIPPING_DETAILS]);
        self.label(&shipping, &format!("shipping details of {name}"));
        self.add(&shipping, schema::DELIVERY_TIME, delivery.clone());
        self.types(&delivery, &[schema::SHIPPING_DELIVERY_TIME]);
        self.label(&delivery, &format!("delivery time of {name}"));
        self.add(&delivery, schema::TRANSIT_TIME, transit.clone());
        self.types(&transit, &[schema::QUANTITATIVE_VALUE]);
        self.label(&transit, &days_label);
        self.text(&transit, schema::UNIT_CODE, "DAY");
        let low = days.low.as_str();
        let high = days.high.as_ref().map_or(low, |h| h.as_str());
        self.decimal(&transit, schema::MIN_VALUE, low);
        self.decimal(&transit, schema::MAX_VALUE, high);
    }

    fn currency(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, amount: &Amount) {
        let code = amount
            .currency
            .as_deref()
            .expect("prices and money measures are checked to have a currency");
        self.text(s, p, code);
    }
}

/// A date as a literal of the XSD type that states its precision.
pub fn date_literal(date: &Date) -> Literal {
    let datatype = NamedNode::new_unchecked(format!("{}{}", xsd::NS, date.xsd_datatype()));
    Literal::new_typed_literal(date.to_string(), datatype)
}

fn xsd_any_uri() -> NamedNode {
    NamedNode::new_unchecked(format!("{}anyURI", xsd::NS))
}
