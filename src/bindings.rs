//! Values given to a query's variables (`--bind entity=…`), written into the query itself so
//! that Oxigraph's planner sees them.
//!
//! Oxigraph applies a substituted variable when it evaluates a query, after it has chosen the
//! order of its joins. A question such as `evidence` then plans for every entity and filters
//! for one at the end: on a store of 100 articles that took 5 s where the same query with the
//! entity written in took 0.2 s. [`write_in`] puts each value in place of its variable wherever
//! the variable means the query's own (outer) variable: triple and path patterns, `GRAPH`
//! names, and expressions, `FILTER EXISTS` included. It leaves alone what has a scope of its
//! own (a sub-select, the inside of a `GROUP BY` the variable is not a key of, `SERVICE`, the
//! right side of `MINUS`) and the places that assign the variable (`BIND … AS`, `VALUES`). The
//! caller still substitutes the variable at evaluation, so it is bound in every answer as
//! before; the rewrite only lets the planner start from the value.

use oxigraph::model::Term;
use oxigraph::sparql::Variable;
use spargebra::Query;
use spargebra::algebra::{Expression, GraphPattern, OrderExpression};
use spargebra::term::{NamedNodePattern, TermPattern, TriplePattern};

/// Writes each bound value into `query` in place of its variable (see the [module](self)).
pub fn write_in(query: &mut Query, bindings: &[(Variable, Term)]) {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    for (variable, value) in bindings {
        // A blank node in a pattern would be a variable, and a triple term has no place here.
        if matches!(value, Term::NamedNode(_) | Term::Literal(_)) {
            let binding = Binding { variable, value };
            binding.outermost(pattern);
        }
    }
}

/// One variable and the value given to it.
struct Binding<'a> {
    variable: &'a Variable,
    value: &'a Term,
}

impl Binding<'_> {
    /// Goes through the query's own modifiers and projection to the pattern they apply to.
    fn outermost(&self, pattern: &mut GraphPattern) {
        match pattern {
            GraphPattern::Slice { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner } => self.outermost(inner),
            GraphPattern::Project { inner, .. } => self.pattern(inner),
            _ => self.pattern(pattern),
        }
    }

    fn pattern(&self, pattern: &mut GraphPattern) {
        match pattern {
            GraphPattern::Bgp { patterns } => {
                for triple in patterns {
                    self.triple(triple);
                }
            }
            GraphPattern::Path {
                subject, object, ..
            } => {
                self.term(subject);
                self.term(object);
            }
            GraphPattern::Join { left, right }
            | GraphPattern::Union { left, right }
            | GraphPattern::Lateral { left, right } => {
                self.pattern(left);
                self.pattern(right);
            }
            GraphPattern::LeftJoin {
                left,
                right,
                expression,
            } => {
                self.pattern(left);
                self.pattern(right);
                if let Some(expression) = expression {
                    self.expression(expression);
                }
            }
            GraphPattern::Filter { expr, inner } => {
                self.expression(expr);
                self.pattern(inner);
            }
            GraphPattern::Graph { name, inner } => {
                if let (NamedNodePattern::Variable(v), Term::NamedNode(node)) = (&*name, self.value)
                    && v == self.variable
                {
                    *name = NamedNodePattern::NamedNode(node.clone());
                }
                self.pattern(inner);
            }
            GraphPattern::Extend {
                inner, expression, ..
            } => {
                self.expression(expression);
                self.pattern(inner);
            }
            GraphPattern::Minus { left, .. } => self.pattern(left),
            GraphPattern::OrderBy { inner, expression } => {
                for order in expression {
                    match order {
                        OrderExpression::Asc(e) | OrderExpression::Desc(e) => self.expression(e),
                    }
                }
                self.pattern(inner);
            }
            GraphPattern::Distinct { inner } | GraphPattern::Reduced { inner } => {
                self.pattern(inner)
            }
            GraphPattern::Slice { inner, .. } => self.pattern(inner),
            GraphPattern::Group {
                inner, variables, ..
            } if variables.contains(self.variable) => self.pattern(inner),
            // Scopes of their own, and tables that assign the variable.
            _ => {}
        }
    }

    fn triple(&self, triple: &mut TriplePattern) {
        self.term(&mut triple.subject);
        if let (NamedNodePattern::Variable(v), Term::NamedNode(node)) =
            (&triple.predicate, self.value)
            && v == self.variable
        {
            triple.predicate = NamedNodePattern::NamedNode(node.clone());
        }
        self.term(&mut triple.object);
    }

    fn term(&self, term: &mut TermPattern) {
        if let TermPattern::Variable(v) = term
            && v == self.variable
        {
            *term = match self.value {
                Term::NamedNode(node) => TermPattern::NamedNode(node.clone()),
                Term::Literal(literal) => TermPattern::Literal(literal.clone()),
                _ => return,
            };
        }
    }

    fn expression(&self, expression: &mut Expression) {
        match expression {
            Expression::Variable(v) if v == self.variable => {
                *expression = match self.value {
                    Term::NamedNode(node) => Expression::NamedNode(node.clone()),
                    Term::Literal(literal) => Expression::Literal(literal.clone()),
                    _ => return,
                };
            }
            Expression::Or(a, b)
            | Expression::And(a, b)
            | Expression::Equal(a, b)
            | Expression::SameTerm(a, b)
            | Expression::Greater(a, b)
            | Expression::GreaterOrEqual(a, b)
            | Expression::Less(a, b)
            | Expression::LessOrEqual(a, b)
            | Expression::Add(a, b)
            | Expression::Subtract(a, b)
            | Expression::Multiply(a, b)
            | Expression::Divide(a, b) => {
                self.expression(a);
                self.expression(b);
            }
            Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => {
                self.expression(a)
            }
            Expression::In(a, list) => {
                self.expression(a);
                for e in list {
                    self.expression(e);
                }
            }
            Expression::If(a, b, c) => {
                self.expression(a);
                self.expression(b);
                self.expression(c);
            }
            Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
                for e in list {
                    self.expression(e);
                }
            }
            Expression::Exists(pattern) => self.pattern(pattern),
            // Constants, other variables, and BOUND(?v), which the binding makes true.
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};
    use spargebra::SparqlParser;

    fn rewritten(sparql: &str, variable: &str, value: Term) -> String {
        let mut query = SparqlParser::new().parse_query(sparql).unwrap();
        write_in(&mut query, &[(Variable::new(variable).unwrap(), value)]);
        query.to_string()
    }

    #[test]
    fn a_bound_variable_is_written_into_patterns_and_filters() {
        let iri = Term::from(NamedNode::new("http://example.com/ding").unwrap());
        let query = rewritten(
            "SELECT DISTINCT ?e ?l WHERE { ?s <http://example.com/p>|<http://example.com/q> ?e . \
             ?e <http://example.com/label> ?l FILTER(isIRI(?e)) } ORDER BY ?e",
            "e",
            iri,
        );
        assert_eq!(
            query.matches("<http://example.com/ding>").count(),
            4,
            "{query}"
        );
        assert!(query.contains("SELECT DISTINCT ?e ?l"), "{query}");
    }

    #[test]
    fn a_bound_date_reaches_filter_not_exists() {
        let date = Term::from(Literal::new_simple_literal("2024-12-01"));
        let query = rewritten(
            "SELECT ?x ?date WHERE { ?x <http://example.com/p> ?d FILTER(?d <= ?date) \
             FILTER NOT EXISTS { ?y <http://example.com/p> ?e FILTER(?e > ?d && ?e <= ?date) } }",
            "date",
            date,
        );
        assert_eq!(query.matches("\"2024-12-01\"").count(), 2, "{query}");
    }

    #[test]
    fn scopes_of_their_own_and_assignments_are_left_alone() {
        let iri = Term::from(NamedNode::new("http://example.com/a").unwrap());
        let sparql = "SELECT ?v WHERE { { SELECT ?v WHERE { ?v ?p ?o } } \
                      MINUS { ?v <http://example.com/p> ?o } BIND(1 AS ?w) }";
        assert_eq!(rewritten(sparql, "v", iri), sparql_normalised(sparql));
    }

    fn sparql_normalised(sparql: &str) -> String {
        SparqlParser::new().parse_query(sparql).unwrap().to_string()
    }
}
