//! The article's text and what can be read in it: the text itself with its quotes and offsets
//! ([`article`]), the typed values a facts file states and a text writes ([`values`]), and the
//! one way every file is read, with a cap on its size ([`read`]).

pub mod article;
pub mod read;
pub mod values;
