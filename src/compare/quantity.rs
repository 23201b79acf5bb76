//! A report's number or date as the comparison keeps it: only what its
//! JSON and the comparison of dates read (bounds and hedge, resolved
//! days), in 20 bytes where the analysis' [`Value`] takes 88. Reports are
//! kept for the whole corpus, a value per number or date of each report's
//! sentence, so this is most of what a comparison holds.

use crate::analysis::Kind;
use crate::analysis::values::{DateRange, Hedge, Value, ValueDetail, ValueJson};

/// What a report keeps of a number or a date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    Number { low: Bits, high: Bits, hedge: Hedge, bounds: Bounds },
    Date { resolved: Option<DateRange> },
}

/// An `f64` in two `u32`s: 4-byte alignment lets a [`Quantity`] pack in
/// 20 bytes beside the `u32`s of a date (an `f64` field would make 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bits([u32; 2]);

impl Bits {
    fn of(x: Option<f64>) -> Bits {
        let b = x.unwrap_or(0.0).to_bits();
        Bits([b as u32, (b >> 32) as u32])
    }

    fn get(self) -> f64 {
        f64::from_bits(u64::from(self.0[0]) | (u64::from(self.0[1]) << 32))
    }
}

/// Which of a number's bounds the text sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds(u8);

const LOW: u8 = 1;
const HIGH: u8 = 2;

impl Quantity {
    pub fn of(v: &Value) -> Quantity {
        match v.detail {
            ValueDetail::Number { low, high, hedge, .. } => Quantity::number(low, high, hedge),
            ValueDetail::Date { resolved, .. } => Quantity::Date { resolved },
        }
    }

    pub fn number(low: Option<f64>, high: Option<f64>, hedge: Hedge) -> Quantity {
        let bounds =
            Bounds(if low.is_some() { LOW } else { 0 } | if high.is_some() { HIGH } else { 0 });
        Quantity::Number { low: Bits::of(low), high: Bits::of(high), hedge, bounds }
    }

    /// Lower bound of a number (None for dates and for open bounds).
    pub fn low(&self) -> Option<f64> {
        match *self {
            Quantity::Number { low, bounds, .. } => (bounds.0 & LOW != 0).then(|| low.get()),
            Quantity::Date { .. } => None,
        }
    }

    /// Upper bound of a number (None for dates and for open bounds).
    pub fn high(&self) -> Option<f64> {
        match *self {
            Quantity::Number { high, bounds, .. } => (bounds.0 & HIGH != 0).then(|| high.get()),
            Quantity::Date { .. } => None,
        }
    }

    pub fn hedge(&self) -> Option<Hedge> {
        match *self {
            Quantity::Number { hedge, .. } => Some(hedge),
            Quantity::Date { .. } => None,
        }
    }

    /// The calendar days of a resolved date.
    pub fn resolved(&self) -> Option<DateRange> {
        match *self {
            Quantity::Date { resolved } => resolved,
            Quantity::Number { .. } => None,
        }
    }

    /// The contract's JSON shape, as [`Value::to_json`] gives it, for the
    /// value written `text`, of kind `kind`.
    pub fn to_json(&self, text: &str, kind: Kind) -> ValueJson {
        let r = self.resolved();
        ValueJson {
            text: text.to_string(),
            kind,
            low: self.low(),
            high: self.high(),
            hedge: self.hedge(),
            from: r.map(|r| r.start),
            to: r.map(|r| r.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::values::find_values;

    #[test]
    fn a_quantity_writes_the_json_of_its_value() {
        let date = chrono::NaiveDate::from_ymd_opt(2014, 12, 20);
        let body = "More than 150 people, about 3.5 million dollars, as many as seven \
                    on Monday, in the 1990s, several dozen and between 10 and 20 in 2013.";
        let values = find_values(body, date);
        assert!(values.len() >= 7, "{values:?}");
        for v in &values {
            let q = Quantity::of(v);
            assert_eq!(q.to_json(v.text(body), v.kind), v.to_json(body), "{v:?}");
            assert_eq!((q.low(), q.high(), q.hedge()), (v.low(), v.high(), v.hedge()));
            assert_eq!(q.resolved(), v.resolved());
        }
        assert!(values.iter().any(|v| v.resolved().is_some()));
        assert!(values.iter().any(|v| v.low().is_some() && v.high().is_none()));
        assert!(values.iter().any(|v| v.high().is_some() && v.low().is_none()));
    }

    #[test]
    fn bounds_keep_every_bit() {
        for x in [0.0, -0.0, 1.5, 1e300, -7.25, f64::MIN_POSITIVE, 123_456_789_012.0] {
            let q = Quantity::number(Some(x), None, Hedge::Exact);
            assert_eq!(q.low().map(f64::to_bits), Some(x.to_bits()));
            assert_eq!(q.high(), None);
        }
        assert!(size_of::<Option<Quantity>>() <= 20);
    }
}
