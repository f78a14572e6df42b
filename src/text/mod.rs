//! The article's text and what can be read in it: the text itself with its quotes and offsets
//! ([`article`]), and the typed values a facts file states and a text writes ([`values`]).

pub mod article;
pub mod values;
