//! The article's text and what can be read in it: the text itself with its quotes and offsets
//! ([`article`]), the typed values a facts file states and a text writes ([`values`]), and what
//! a sentence says about who, which way and whether it happened ([`structure`]).

pub mod article;
pub mod structure;
pub mod values;
