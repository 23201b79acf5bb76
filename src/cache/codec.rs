//! The byte level of the cache: variable-length integers, strings, dates.
//! Decoding checks every read against what is left, so bytes that are not
//! what the encoder wrote give [`Corrupt`], never a panic or a huge
//! allocation.

use chrono::NaiveDate;

/// The bytes do not decode as the cache wrote them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Corrupt(pub &'static str);

pub type Result<T> = std::result::Result<T, Corrupt>;

/// Appends values to a buffer.
#[derive(Debug, Default)]
pub struct Enc {
    pub buf: Vec<u8>,
}

impl Enc {
    /// LEB128: seven bits a byte, small numbers in one.
    pub fn u(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub fn n(&mut self, v: usize) {
        self.u(v as u64);
    }

    /// Signed, zig-zag: small magnitudes of either sign in one byte.
    pub fn i(&mut self, v: i64) {
        self.u(((v << 1) ^ (v >> 63)) as u64);
    }

    /// `to` relative to `from` (both byte offsets or indices).
    pub fn delta(&mut self, from: usize, to: usize) {
        self.i(to as i64 - from as i64);
    }

    pub fn byte(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub fn bool(&mut self, v: bool) {
        self.buf.push(u8::from(v));
    }

    pub fn f64(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn bytes(&mut self, v: &[u8]) {
        self.n(v.len());
        self.buf.extend_from_slice(v);
    }

    pub fn str(&mut self, v: &str) {
        self.bytes(v.as_bytes());
    }

    pub fn opt_str(&mut self, v: Option<&str>) {
        match v {
            Some(s) => {
                self.bool(true);
                self.str(s);
            }
            None => self.bool(false),
        }
    }

    pub fn opt_n(&mut self, v: Option<usize>) {
        // 0 is None, so Some(0) costs a byte like any small number.
        self.u(v.map_or(0, |x| x as u64 + 1));
    }

    pub fn opt_f64(&mut self, v: Option<f64>) {
        match v {
            Some(x) => {
                self.bool(true);
                self.f64(x);
            }
            None => self.bool(false),
        }
    }

    /// Days since 1 January of year 1 (chrono's common era count).
    pub fn date(&mut self, d: NaiveDate) {
        use chrono::Datelike;
        self.i(i64::from(d.num_days_from_ce()));
    }

    pub fn opt_date(&mut self, d: Option<NaiveDate>) {
        match d {
            Some(d) => {
                self.bool(true);
                self.date(d);
            }
            None => self.bool(false),
        }
    }
}

/// Reads values back, checking each against the bytes left.
#[derive(Debug, Clone)]
pub struct Dec<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Dec<'a> {
    pub fn new(buf: &'a [u8]) -> Dec<'a> {
        Dec { buf, pos: 0 }
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.buf.len()
    }

    fn left(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }

    pub fn u(&mut self) -> Result<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self.buf.get(self.pos).ok_or(Corrupt("truncated number"))?;
            self.pos += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Corrupt("number too long"))
    }

    pub fn n(&mut self) -> Result<usize> {
        usize::try_from(self.u()?).map_err(|_| Corrupt("number out of range"))
    }

    /// A count of things that take at least one byte each: never more
    /// than the bytes left, so a bad count cannot ask for a huge buffer.
    pub fn count(&mut self) -> Result<usize> {
        let n = self.n()?;
        if n > self.left() {
            return Err(Corrupt("count beyond the end"));
        }
        Ok(n)
    }

    pub fn i(&mut self) -> Result<i64> {
        let z = self.u()?;
        Ok(((z >> 1) as i64) ^ -((z & 1) as i64))
    }

    /// The inverse of [`Enc::delta`].
    pub fn delta(&mut self, from: usize) -> Result<usize> {
        let d = self.i()?;
        let v = i64::try_from(from).map_err(|_| Corrupt("offset out of range"))? + d;
        usize::try_from(v).map_err(|_| Corrupt("negative offset"))
    }

    pub fn byte(&mut self) -> Result<u8> {
        let b = *self.buf.get(self.pos).ok_or(Corrupt("truncated"))?;
        self.pos += 1;
        Ok(b)
    }

    pub fn bool(&mut self) -> Result<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt("bad flag")),
        }
    }

    pub fn f64(&mut self) -> Result<f64> {
        let bytes = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(bytes);
        Ok(f64::from_le_bytes(a))
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.left() {
            return Err(Corrupt("length beyond the end"));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8]> {
        let n = self.n()?;
        self.take(n)
    }

    pub fn str(&mut self) -> Result<&'a str> {
        std::str::from_utf8(self.bytes()?).map_err(|_| Corrupt("text not UTF-8"))
    }

    pub fn string(&mut self) -> Result<String> {
        self.str().map(str::to_string)
    }

    pub fn opt_string(&mut self) -> Result<Option<String>> {
        Ok(if self.bool()? { Some(self.string()?) } else { None })
    }

    pub fn opt_n(&mut self) -> Result<Option<usize>> {
        Ok(match self.n()? {
            0 => None,
            v => Some(v - 1),
        })
    }

    pub fn opt_f64(&mut self) -> Result<Option<f64>> {
        Ok(if self.bool()? { Some(self.f64()?) } else { None })
    }

    pub fn date(&mut self) -> Result<NaiveDate> {
        let days = i32::try_from(self.i()?).map_err(|_| Corrupt("date out of range"))?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or(Corrupt("date out of range"))
    }

    pub fn opt_date(&mut self) -> Result<Option<NaiveDate>> {
        Ok(if self.bool()? { Some(self.date()?) } else { None })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_at_their_edges() {
        let mut e = Enc::default();
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            e.u(v);
        }
        for v in [0, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            e.i(v);
        }
        e.delta(100, 7);
        e.opt_n(Some(0));
        e.opt_n(None);
        e.f64(-2.5);
        e.str("é ünïcode");
        let mut d = Dec::new(&e.buf);
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(d.u(), Ok(v));
        }
        for v in [0, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            assert_eq!(d.i(), Ok(v));
        }
        assert_eq!(d.delta(100), Ok(7));
        assert_eq!(d.opt_n(), Ok(Some(0)));
        assert_eq!(d.opt_n(), Ok(None));
        assert_eq!(d.f64(), Ok(-2.5));
        assert_eq!(d.str(), Ok("é ünïcode"));
        assert!(d.is_empty());
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        assert!(Dec::new(&[0x80]).u().is_err(), "truncated");
        assert!(Dec::new(&[0xff; 11]).u().is_err(), "too long");
        assert!(Dec::new(&[5, b'a']).str().is_err(), "length past the end");
        assert!(Dec::new(&[2, 0xc3, 0x28]).str().is_err(), "not UTF-8");
        assert!(Dec::new(&[0xff, 0xff, 0x7f]).count().is_err(), "a count past the end");
        assert!(Dec::new(&[2]).bool().is_err());
        assert!(Dec::new(&[1]).delta(0).is_err(), "negative");
    }
}
