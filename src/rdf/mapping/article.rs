//! The article itself: a `schema:NewsArticle`, the original it translates, and the reports
//! it is based on.

use super::{Mapper, date_literal};
use crate::rdf::vocab::{prov, schema, skos, xsd};
use crate::text::values::When;
use oxigraph::model::{Literal, NamedNode};

impl Mapper<'_> {
    /// The original's publication date, when the facts give it with a note on where it comes
    /// from (the editor's, not the text's): written apart so that its provenance says so.
    /// Returns the note.
    pub(super) fn original_published(&mut self) -> Option<String> {
        let a = &self.facts.file().article;
        let (Some(when), Some(_)) = (&a.original_published, &a.original_publisher) else {
            return None;
        };
        let (When::On(date), Some(note)) = (when.get_ref(), &a.original_published_note) else {
            return None;
        };
        let original = self.iris.article_part(self.facts.article_id(), "original");
        self.add(&original, schema::DATE_PUBLISHED, date_literal(date));
        let note = note.get_ref().clone();
        self.text(&original, skos::EDITORIAL_NOTE, &note);
        Some(note)
    }

    pub(super) fn article(&mut self, article: &NamedNode) {
        let a = &self.facts.file().article;
        let title = a.title.get_ref();
        self.typed(article, &[schema::NEWS_ARTICLE, prov::ENTITY], title);
        self.text(article, schema::HEADLINE, title);
        self.optional_text(
            article,
            schema::ALTERNATIVE_HEADLINE,
            a.subtitle.as_ref().map(|s| s.get_ref().as_str()),
        );
        self.text(article, schema::IN_LANGUAGE, a.language.get_ref());
        if let Some(publisher) = &a.publisher {
            let publisher = self.iri(publisher.get_ref());
            self.add(article, schema::PUBLISHER, publisher);
        }
        if let Some(author) = &a.author {
            let author = self.iri(author.get_ref());
            self.add(article, schema::AUTHOR, author);
        }
        if let When::On(date) = a.published.get_ref() {
            self.add(article, schema::DATE_PUBLISHED, date_literal(date));
        }
        if let Some(url) = &a.url {
            let any_uri = NamedNode::new_unchecked(format!("{}anyURI", xsd::NS));
            self.add(
                article,
                schema::URL,
                Literal::new_typed_literal(url.get_ref(), any_uri),
            );
        }
        let article_id = self.facts.article_id();
        if let Some(original_publisher) = &a.original_publisher {
            let original = self.iris.article_part(article_id, "original");
            let name = self.facts.name(original_publisher.get_ref());
            self.typed(
                &original,
                &[schema::NEWS_ARTICLE, prov::ENTITY],
                &format!("{name} original of “{title}”"),
            );
            let publisher = self.iri(original_publisher.get_ref());
            self.add(&original, schema::PUBLISHER, publisher);
            if let Some(author) = &a.author {
                let author = self.iri(author.get_ref());
                self.add(&original, schema::AUTHOR, author);
            }
            if let (Some(When::On(date)), None) = (
                a.original_published.as_ref().map(|w| *w.get_ref()),
                &a.original_published_note,
            ) {
                self.add(&original, schema::DATE_PUBLISHED, date_literal(&date));
            }
            self.add(article, schema::TRANSLATION_OF_WORK, original.clone());
            self.add(article, prov::WAS_DERIVED_FROM, original);
        }
        for outlet in &a.based_on {
            let outlet = outlet.get_ref();
            let report = self
                .iris
                .article_part(article_id, &format!("report.{outlet}"));
            let name = self.facts.name(outlet);
            self.typed(
                &report,
                &[schema::CREATIVE_WORK, prov::ENTITY],
                &format!("{name} report summarized in “{title}”"),
            );
            let publisher = self.iri(outlet);
            self.add(&report, schema::PUBLISHER, publisher);
            self.add(article, schema::IS_BASED_ON, report.clone());
            self.add(article, prov::WAS_DERIVED_FROM, report);
        }
    }
}
