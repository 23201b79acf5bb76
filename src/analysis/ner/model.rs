//! The compact model file and its in-memory table.
//!
//! File layout (little endian):
//! ```text
//! b"DLNER1\0\0"  u32 num_tags  f32 scale  u32 num_features
//! (num_tags + 1) * num_tags f32 transitions (last row: from sentence start)
//! num_features * { u32 key, u16 tag_mask, i8 per set bit of tag_mask }
//! ```
//! Emission weights are quantised to i8 against one scale, and weights that
//! quantise to 0 are not stored at all: most features speak for one or two
//! tags, so the sparse rows keep the file small.

use super::NerError;
use super::tags::NUM_TAGS;

const MAGIC: &[u8; 8] = b"DLNER1\0\0";

/// Row width: the tags rounded up to 16 lanes. The slot is 20 bytes either
/// way (the key aligns it to 4), and 16 i8 lanes widen to two vectors of
/// i16, so adding a row is a handful of vector instructions.
const LANES: usize = 16;

/// One slot of the table: a key beside its row, so a lookup reads one
/// place in memory (keys and rows apart cost two cache misses a feature).
/// Lanes past `NUM_TAGS` are 0.
#[derive(Clone, Copy)]
struct Slot {
    key: u32,
    row: [i8; LANES],
}

/// At most this many rows are summed in i16 before the sum is moved to
/// i32: 256 rows of |w| <= 127 stay below 32,767, so the sums are exact,
/// as i32 sums are.
const I16_ROWS: usize = 256;

/// Feature key → a dense row of i8 weights, open addressing.
pub struct Model {
    slots: Vec<Slot>,
    mask: usize,
    pub scale: f32,
    /// `trans[from * NUM_TAGS + to]`, `from == NUM_TAGS` is the start.
    pub trans: Vec<f32>,
}

/// Key 0 marks an empty slot; a feature hashing to 0 is stored as 1.
#[inline]
fn fix_key(k: u32) -> u32 {
    if k == 0 { 1 } else { k }
}

#[inline]
fn slot(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b1) as usize) & mask
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(NerError::Model("truncated model file"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u16(&mut self) -> Result<u16, NerError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl Model {
    fn with_capacity(n: usize, scale: f32, trans: Vec<f32>) -> Self {
        let cap = (n * 2).next_power_of_two().max(16);
        let empty = Slot { key: 0, row: [0; LANES] };
        Model { slots: vec![empty; cap], mask: cap - 1, scale, trans }
    }

    fn insert(&mut self, key: u32, tags: [i8; NUM_TAGS]) {
        let key = fix_key(key);
        let mut row = [0; LANES];
        row[..NUM_TAGS].copy_from_slice(&tags);
        let mut s = slot(key, self.mask);
        loop {
            let slot = &mut self.slots[s];
            if slot.key == 0 || slot.key == key {
                *slot = Slot { key, row };
                return;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// The row of `key`; `mask` is `slots.len() - 1` with `slots` not
    /// empty, which lets the compiler drop the bounds check of each probe.
    #[inline]
    fn row(slots: &[Slot], mask: usize, key: u32) -> Option<&[i8; LANES]> {
        let key = fix_key(key);
        let mut s = slot(key, mask);
        loop {
            let slot = &slots[s];
            if slot.key == key {
                return Some(&slot.row);
            }
            let k = slot.key;
            if k == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// Add the emission scores of `features` into `scores` (unscaled i32).
    #[inline]
    pub fn emit(&self, features: &[u32], scores: &mut [i32; NUM_TAGS]) {
        let slots = &self.slots[..];
        // Never empty (`with_capacity`); the test proves `s & mask` in
        // bounds to the compiler.
        if slots.is_empty() {
            return;
        }
        let mask = slots.len() - 1;
        for chunk in features.chunks(I16_ROWS) {
            let mut acc = [0i16; LANES];
            for &f in chunk {
                if let Some(row) = Self::row(slots, mask, f) {
                    for (a, &w) in acc.iter_mut().zip(row) {
                        *a += w as i16;
                    }
                }
            }
            // Opaque to the optimiser, so all 16 lanes stay live: a row is
            // then two 8-byte loads widened to two i16 vectors (with only
            // the 13 tag lanes used, the compiler split a row into four
            // loads, one of them scalar). Pad lanes are 0 and never read.
            let acc = std::hint::black_box(acc);
            for (s, &a) in scores.iter_mut().zip(&acc) {
                *s += a as i32;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.key != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, NerError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(NerError::Model("not a dateline NER model"));
        }
        if r.u32()? as usize != NUM_TAGS {
            return Err(NerError::Model("model was trained for another tag set"));
        }
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        if n > bytes.len() {
            return Err(NerError::Model("feature count larger than the file"));
        }
        let mut trans = Vec::with_capacity((NUM_TAGS + 1) * NUM_TAGS);
        for _ in 0..(NUM_TAGS + 1) * NUM_TAGS {
            trans.push(r.f32()?);
        }
        let mut m = Model::with_capacity(n, scale, trans);
        for _ in 0..n {
            let key = r.u32()?;
            let mask = r.u16()?;
            let mut row = [0i8; NUM_TAGS];
            for (t, w) in row.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    *w = r.take(1)?[0] as i8;
                }
            }
            m.insert(key, row);
        }
        if r.pos != bytes.len() {
            return Err(NerError::Model("trailing bytes after the model"));
        }
        Ok(m)
    }

    /// Quantise float weights (`weights[f * NUM_TAGS + t]` for `keys[f]`)
    /// and write the model file.
    pub fn to_bytes(keys: &[u32], weights: &[f32], trans: &[f32]) -> Vec<u8> {
        // Scale by a high quantile, not the maximum: a few huge weights
        // (clamped) matter less than resolution for the many small ones.
        let mut mags: Vec<f32> = weights.iter().map(|w| w.abs()).filter(|&w| w > 0.0).collect();
        mags.sort_by(f32::total_cmp);
        let top =
            mags.get(mags.len().saturating_sub(1 + mags.len() / 1000)).copied().unwrap_or(0.0);
        let scale = if top > 0.0 { top / 127.0 } else { 1.0 };
        let mut body = Vec::new();
        let mut n = 0u32;
        for (f, &key) in keys.iter().enumerate() {
            let row = &weights[f * NUM_TAGS..(f + 1) * NUM_TAGS];
            let q: Vec<i8> =
                row.iter().map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8).collect();
            let mask =
                q.iter().enumerate().fold(0u16, |m, (t, &v)| if v != 0 { m | 1 << t } else { m });
            if mask == 0 {
                continue;
            }
            n += 1;
            body.extend_from_slice(&key.to_le_bytes());
            body.extend_from_slice(&mask.to_le_bytes());
            body.extend(q.iter().filter(|&&v| v != 0).map(|&v| v as u8));
        }
        let mut out = Vec::with_capacity(body.len() + 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(NUM_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        for &t in trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.extend_from_slice(&body);
        out
    }
}
