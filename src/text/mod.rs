//! The article's text and what can be read in it: the text itself with its quotes and offsets
//! ([`article`]), its words and names ([`words`]), the quantities it writes ([`quantities`]),
//! and the typed values a facts file states ([`values`]).

pub mod article;
pub mod quantities;
pub mod values;
pub mod words;
