//! Numbers: measures (`schema:QuantitativeValue`) and priced offers (`schema:Offer`).

use super::Mapper;
use crate::facts::{Kind, Measure, MeasureKind, Offer};
use crate::rdf::vocab::{ng, schema, xsd};
use crate::text::values::{Amount, FiscalPeriod};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef};

impl Mapper<'_> {
    pub(super) fn measure(&mut self, s: &NamedNode, m: &Measure) {
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
        self.typed(
            s,
            &[ng::MEASURE, class, schema::QUANTITATIVE_VALUE],
            m.name.get_ref(),
        );
        if m.kind.get_ref().money() {
            self.types(s, &[schema::MONETARY_AMOUNT]);
        }
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

    /// Writes a quantity with the given properties for (exact value, minimum, maximum).
    fn amount(&mut self, s: &NamedNode, amount: &Amount, [exact, min, max]: [NamedNodeRef<'_>; 3]) {
        if let Some(value) = amount.exact() {
            self.decimal(s, exact, value.as_str());
            if amount.approximate {
                self.add(s, ng::APPROXIMATE, Literal::from(true));
            }
        } else if amount.more_than {
            // "More than 400" does not include 400: schema.org's minimum would.
            self.decimal(s, ng::EXCLUSIVE_MIN_VALUE, amount.low.as_str());
        } else if amount.at_most {
            // "Up to 400": a maximum, no minimum.
            self.decimal(s, max, amount.low.as_str());
        } else {
            self.decimal(s, min, amount.low.as_str());
            if let Some(high) = &amount.high {
                self.decimal(s, max, high.as_str());
            }
        }
    }

    fn period(&mut self, period: &FiscalPeriod) -> NamedNode {
        let s = self.iris.period(&period.key());
        self.typed(
            &s,
            &[ng::FISCAL_PERIOD, crate::rdf::vocab::time::INTERVAL],
            &period.label(),
        );
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

    pub(super) fn offer(&mut self, s: &NamedNode, o: &Offer) {
        let id = o.id.get_ref();
        let name = o.name.get_ref();
        self.typed(s, &[schema::OFFER], name);
        let seller = self.iri(o.seller.get_ref());
        let area = self.iri(o.area.get_ref());
        self.add(s, schema::SELLER, seller.clone());
        self.add(s, schema::AREA_SERVED, area);

        let part = |p: &str| self.iris.part(Kind::Offer, id, p);
        let (service, price, shipping, delivery, transit) = (
            part("service"),
            part("price"),
            part("shipping"),
            part("delivery-time"),
            part("transit-time"),
        );
        self.add(s, schema::ITEM_OFFERED, service.clone());
        self.typed(&service, &[schema::SERVICE], name);
        self.add(&service, schema::PROVIDER, seller);

        let amount = o.price.get_ref();
        self.add(s, schema::PRICE_SPECIFICATION, price.clone());
        self.typed(
            &price,
            &[schema::PRICE_SPECIFICATION_CLASS],
            &amount.to_string(),
        );
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
            self.typed(&node, &[schema::MONETARY_AMOUNT], &amount.to_string());
            self.currency(&node, schema::CURRENCY, amount);
            self.amount(
                &node,
                amount,
                [schema::VALUE, schema::MIN_VALUE, schema::MAX_VALUE],
            );
        }

        let days = o.delivery_days.get_ref();
        let days_label = match days.exact() {
            Some(d) if d.as_str() == "1" => "1 day".to_owned(),
            _ => format!("{days} days"),
        };
        self.add(s, schema::SHIPPING_DETAILS, shipping.clone());
        self.typed(
            &shipping,
            &[schema::OFFER_SHIPPING_DETAILS],
            &format!("shipping details of {name}"),
        );
        self.add(&shipping, schema::DELIVERY_TIME, delivery.clone());
        self.typed(
            &delivery,
            &[schema::SHIPPING_DELIVERY_TIME],
            &format!("delivery time of {name}"),
        );
        self.add(&delivery, schema::TRANSIT_TIME, transit.clone());
        self.typed(&transit, &[schema::QUANTITATIVE_VALUE], &days_label);
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
