//! Asking the graph: one [`request::Request`] for every question, the saved questions ([`catalogue`]), values bound into a question
//! ([`bindings`]), time and size limits ([`limits`]), the answer written in every format
//! ([`results`]), and what the article says about one entity ([`why`]).

pub mod bindings;
pub mod catalogue;
pub mod limits;
pub mod request;
pub mod results;
pub mod run;
pub mod why;
