//! Sorting the short lists a report ranks (quotes, advice options): a stable insertion
//! sort. The standard library's sort is several KB of WASM for every element type sorted,
//! and these lists hold tens of entries, a few hundred at most.

use std::cmp::Ordering;

/// Sort `items` stably by `compare`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 {
            let (left, right) = items.split_at(j);
            let (Some(before), Some(this)) = (left.last(), right.first()) else { break };
            if compare(before, this) != Ordering::Greater {
                break;
            }
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sort `items` stably by a key.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_same_order_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..5, any::<u16>()), 0..80)) {
            let mut ours = items.clone();
            super::sort_by_key(&mut ours, |(k, _)| *k);
            let mut std = items;
            std.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(ours, std);
        }
    }
}
