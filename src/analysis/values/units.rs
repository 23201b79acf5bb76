//! Words for units of time, shared by durations and counted nouns.

/// A unit of calendar time, singular or plural (lower case). Hours and
/// minutes are times of day's kin (OntoNotes TIME), not dates, so they stay
/// numbers.
pub(super) fn time_unit(w: &str) -> bool {
    matches!(
        w,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "season"
            | "seasons"
    )
}
