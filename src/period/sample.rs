//! A deterministic sample: each item's rank is the SHA-256 of the seed in
//! decimal, a colon and the item's id (`42:3f2a...`), as lowercase hex;
//! the sample is the N items of lowest rank, in rank order. The same seed
//! draws the same sample on any machine, and anyone can draw it again with
//! `printf '42:%s' ID | sha256sum` over the population.

use crate::digest::sha256_hex;

/// The algorithm, for the report.
pub const ALGORITHM: &str = "rank = sha256(\"<seed>:<item id>\") in lowercase hex; the sample is the N items of lowest rank, in rank order";

/// The `n` items of lowest rank for `seed`, with their ranks.
pub fn draw<'a>(ids: &[&'a str], n: usize, seed: u64) -> Vec<(&'a str, String)> {
    let mut ranked: Vec<(String, &'a str)> = ids
        .iter()
        .map(|id| (sha256_hex(format!("{seed}:{id}").as_bytes()), *id))
        .collect();
    ranked.sort();
    ranked.dedup_by(|a, b| a.1 == b.1);
    ranked
        .into_iter()
        .take(n)
        .map(|(rank, id)| (id, rank))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_draws_the_same_sample_whatever_the_order() {
        let ids = ["a", "b", "c", "d", "e", "f", "g"];
        let mut reversed = ids;
        reversed.reverse();
        let one = draw(&ids, 3, 42);
        assert_eq!(one, draw(&reversed, 3, 42));
        assert_eq!(one.len(), 3);
        assert_ne!(one, draw(&ids, 3, 43));
        // Pinned, as `printf '42:%s' ID | sha256sum` ranks them anywhere.
        assert_eq!(
            one.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            ["f", "c", "a"]
        );
        assert_eq!(one[0].1, sha256_hex(b"42:f"));
        assert_eq!(draw(&ids, 10, 1).len(), 7);
    }
}
