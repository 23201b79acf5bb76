//! The cache's file format: a header naming what wrote it, then records,
//! each with its own length and CRC-32, then a trailer with the count.
//!
//! ```text
//! "DATELINE" · format (u32) · kind (u8) · version (len u8 + bytes) · CRC-32 of those
//! record*:  len (u32) · CRC-32 (u32) · bytes
//! trailer:  0xFFFFFFFF · count (u64) · CRC-32 of the count
//! ```
//!
//! A record is handed out only after its checksum matches; a file is
//! complete only when the trailer's count matches the records read, so a
//! truncated or altered file is found out before anything from it is used.
//! Files are written to a temporary name and renamed into place, so a
//! reader never sees half a file and two writers never mix theirs.

use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"DATELINE";
/// The layout above; the records' own layout is covered by the analysis
/// version (a hash of the code that writes them).
const FORMAT: u32 = 1;
const END: u32 = u32::MAX;
/// No record is this large; a length beyond it is damage, not data.
const MAX_RECORD: u32 = 1 << 30;

/// What a pack holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Files = 1,
    Index = 2,
    Comparison = 3,
    /// The analyses of each file's articles (`analyses.bin`).
    Analyses = 4,
}

/// Why a pack cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("not a dateline cache file")]
    Foreign,
    #[error("made by another version of dateline")]
    OtherVersion,
    #[error("damaged ({0})")]
    Corrupt(&'static str),
}

fn crc(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

fn header(kind: Kind, version: &str) -> Vec<u8> {
    let mut h = Vec::with_capacity(16 + version.len());
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&FORMAT.to_le_bytes());
    h.push(kind as u8);
    let v = &version.as_bytes()[..version.len().min(255)];
    h.push(v.len() as u8);
    h.extend_from_slice(v);
    let sum = crc(&h);
    h.extend_from_slice(&sum.to_le_bytes());
    h
}

/// Reads a pack record by record.
pub struct PackReader {
    r: BufReader<File>,
    buf: Vec<u8>,
    count: u64,
    done: bool,
}

fn read_u32(r: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

/// End of file where more was due is damage, not an I/O failure.
fn eof_is_damage(e: io::Error) -> PackError {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        PackError::Corrupt("cut short")
    } else {
        PackError::Io(e)
    }
}

impl PackReader {
    /// Open `path` if it exists (`Ok(None)` if not) and check its header.
    pub fn open(path: &Path, kind: Kind, version: &str) -> Result<Option<PackReader>, PackError> {
        let file = match File::open(path) {
            Ok(f) => f,
            // Nothing there (or a file where a folder should be): no pack.
            Err(e)
                if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(e.into()),
        };
        let mut r = BufReader::with_capacity(1 << 16, file);
        let want = header(kind, version);
        let mut got = vec![0u8; MAGIC.len() + 6];
        r.read_exact(&mut got).map_err(|_| PackError::Foreign)?;
        if got[..MAGIC.len()] != MAGIC[..] || got[8..12] != want[8..12] || got[12] != want[12] {
            return Err(PackError::Foreign);
        }
        let vlen = usize::from(got[13]);
        let mut rest = vec![0u8; vlen + 4];
        r.read_exact(&mut rest).map_err(|_| PackError::Foreign)?;
        got.extend_from_slice(&rest);
        let sum =
            u32::from_le_bytes([got[14 + vlen], got[15 + vlen], got[16 + vlen], got[17 + vlen]]);
        if crc(&got[..14 + vlen]) != sum {
            return Err(PackError::Corrupt("header checksum"));
        }
        if got != want {
            return Err(PackError::OtherVersion);
        }
        Ok(Some(PackReader { r, buf: Vec::new(), count: 0, done: false }))
    }

    /// The next record, checked; `None` after the trailer, which is
    /// checked too.
    pub fn next_record(&mut self) -> Result<Option<&[u8]>, PackError> {
        if self.done {
            return Ok(None);
        }
        let len = read_u32(&mut self.r).map_err(eof_is_damage)?;
        if len == END {
            let mut b = [0u8; 8];
            self.r.read_exact(&mut b).map_err(eof_is_damage)?;
            let sum = read_u32(&mut self.r).map_err(eof_is_damage)?;
            if crc(&b) != sum || u64::from_le_bytes(b) != self.count {
                return Err(PackError::Corrupt("record count"));
            }
            let mut extra = [0u8; 1];
            if self.r.read(&mut extra)? != 0 {
                return Err(PackError::Corrupt("bytes after the end"));
            }
            self.done = true;
            return Ok(None);
        }
        if len > MAX_RECORD {
            return Err(PackError::Corrupt("record length"));
        }
        let sum = read_u32(&mut self.r).map_err(eof_is_damage)?;
        self.buf.resize(len as usize, 0);
        self.r.read_exact(&mut self.buf).map_err(eof_is_damage)?;
        if crc(&self.buf) != sum {
            return Err(PackError::Corrupt("record checksum"));
        }
        self.count += 1;
        Ok(Some(&self.buf))
    }
}

/// Writes a pack under a temporary name; [`PackWriter::finish`] puts it in
/// place.
pub struct PackWriter {
    w: BufWriter<File>,
    tmp: PathBuf,
    dest: PathBuf,
    count: u64,
}

impl PackWriter {
    pub fn create(dest: &Path, kind: Kind, version: &str) -> io::Result<PackWriter> {
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = dest.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&tmp)?;
        let mut w = BufWriter::with_capacity(1 << 16, file);
        if let Err(e) = w.write_all(&header(kind, version)) {
            drop(w);
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(PackWriter { w, tmp, dest: dest.to_path_buf(), count: 0 })
    }

    pub fn record(&mut self, bytes: &[u8]) -> io::Result<()> {
        let len = u32::try_from(bytes.len())
            .ok()
            .filter(|&l| l <= MAX_RECORD)
            .ok_or_else(|| io::Error::other("cache record too large"))?;
        self.w.write_all(&len.to_le_bytes())?;
        self.w.write_all(&crc(bytes).to_le_bytes())?;
        self.w.write_all(bytes)?;
        self.count += 1;
        Ok(())
    }

    /// Write the trailer and move the file into place.
    pub fn finish(mut self) -> io::Result<()> {
        let result = (|| {
            let count = self.count.to_le_bytes();
            self.w.write_all(&END.to_le_bytes())?;
            self.w.write_all(&count)?;
            self.w.write_all(&crc(&count).to_le_bytes())?;
            self.w.flush()?;
            fs::rename(&self.tmp, &self.dest)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&self.tmp);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, records: &[&[u8]]) {
        let mut w = PackWriter::create(path, Kind::Files, "v1").unwrap();
        for r in records {
            w.record(r).unwrap();
        }
        w.finish().unwrap();
    }

    fn read_all(path: &Path, version: &str) -> Result<Vec<Vec<u8>>, PackError> {
        let Some(mut r) = PackReader::open(path, Kind::Files, version)? else {
            return Ok(vec![]);
        };
        let mut out = Vec::new();
        while let Some(rec) = r.next_record()? {
            out.push(rec.to_vec());
        }
        Ok(out)
    }

    #[test]
    fn records_come_back_and_damage_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("files.bin");
        write(&p, &[b"one", b"", b"three"]);
        assert_eq!(read_all(&p, "v1").unwrap(), [b"one".to_vec(), vec![], b"three".to_vec()]);
        assert!(matches!(read_all(&p, "v2"), Err(PackError::OtherVersion)));
        assert!(read_all(&dir.path().join("none.bin"), "v1").unwrap().is_empty());

        let good = fs::read(&p).unwrap();
        // Every single-byte change and every cut is caught.
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x55;
            fs::write(&p, &bad).unwrap();
            assert!(read_all(&p, "v1").is_err(), "byte {i} flipped went unnoticed");
            fs::write(&p, &good[..i]).unwrap();
            assert!(read_all(&p, "v1").is_err(), "cut at {i} went unnoticed");
        }
        fs::write(&p, b"something else entirely").unwrap();
        assert!(matches!(read_all(&p, "v1"), Err(PackError::Foreign)));
    }
}
