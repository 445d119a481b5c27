//! Values people type (flags, spreadsheet cells) into engine types: the core's readers
//! (`prequal::cells`), which the SDK's screening shares, so both accept the same cells.

pub use prequal::cells::*;
