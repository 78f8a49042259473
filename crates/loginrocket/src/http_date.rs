//! HTTP dates (RFC 9110 §5.6.7) as `Retry-After` carries them: IMF-fixdate
//! (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two obsolete forms a recipient must also accept,
//! RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
//! A small parser of our own instead of a dependency (wasm size); the weekday must match the
//! date, and dates before 1970 or after 9999 are refused.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Exactly `len` ASCII digits.
fn num(s: &str, len: usize) -> Option<u64> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `hh:mm:ss` as seconds of the day.
fn time(s: &str) -> Option<u64> {
    let mut parts = s.split(':');
    let (h, m, sec) = (
        num(parts.next()?, 2)?,
        num(parts.next()?, 2)?,
        num(parts.next()?, 2)?,
    );
    (parts.next().is_none() && h < 24 && m < 60 && sec < 61).then_some(h * 3600 + m * 60 + sec)
}

fn month(s: &str) -> Option<u64> {
    MONTHS.iter().position(|m| *m == s).map(|i| i as u64 + 1)
}

/// Days since 1970-01-01 of a valid date (year ≥ 1970).
fn days(year: u64, month: u64, day: u64) -> Option<u64> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let lengths = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1970..=9999).contains(&year) || day == 0 || day > lengths[month as usize - 1] {
        return None;
    }
    let before: u64 = lengths[..month as usize - 1].iter().sum();
    let y = year - 1;
    let leaps = |y: u64| y / 4 - y / 100 + y / 400;
    Some((year - 1970) * 365 + leaps(y) - leaps(1969) + before + day - 1)
}

/// The instant, when the date is valid and `weekday` (0 = Monday) is its weekday.
fn instant(weekday: usize, year: u64, month: u64, day: u64, secs: u64) -> Option<SystemTime> {
    let d = days(year, month, day)?;
    // 1970-01-01 was a Thursday
    ((d + 3) % 7 == weekday as u64).then(|| UNIX_EPOCH + Duration::from_secs(d * 86_400 + secs))
}

/// Parses an HTTP date in any of its three forms.
pub(crate) fn parse(s: &str) -> Option<SystemTime> {
    let parts: Vec<&str> = s.split(' ').collect();
    match parts.as_slice() {
        // Sun, 06 Nov 1994 08:49:37 GMT
        [wd, d, mon, y, t, "GMT"] if wd.len() == 4 => {
            let wd = DAYS.iter().position(|x| wd.strip_suffix(',') == Some(x))?;
            instant(wd, num(y, 4)?, month(mon)?, num(d, 2)?, time(t)?)
        }
        // Sunday, 06-Nov-94 08:49:37 GMT
        [wd, date, t, "GMT"] => {
            let wd = LONG_DAYS
                .iter()
                .position(|x| wd.strip_suffix(',') == Some(x))?;
            let mut dmy = date.split('-');
            let (d, mon, y) = (dmy.next()?, dmy.next()?, dmy.next()?);
            if dmy.next().is_some() {
                return None;
            }
            let y = num(y, 2)?;
            let year = if y < 70 { 2000 + y } else { 1900 + y };
            instant(wd, year, month(mon)?, num(d, 2)?, time(t)?)
        }
        // Sun Nov  6 08:49:37 1994 (a one-digit day is padded with a space)
        [wd, mon, "", d, t, y] if d.len() == 1 => asctime(wd, mon, d, t, y),
        [wd, mon, d, t, y] if d.len() == 2 => asctime(wd, mon, d, t, y),
        _ => None,
    }
}

fn asctime(wd: &str, mon: &str, d: &str, t: &str, y: &str) -> Option<SystemTime> {
    let wd = DAYS.iter().position(|x| *x == wd)?;
    instant(wd, num(y, 4)?, month(mon)?, num(d, d.len())?, time(t)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_forms_of_one_date() {
        let t = UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(parse("Sun, 06 Nov 1994 08:49:37 GMT"), Some(t));
        assert_eq!(parse("Sunday, 06-Nov-94 08:49:37 GMT"), Some(t));
        assert_eq!(parse("Sun Nov  6 08:49:37 1994"), Some(t));
    }

    #[test]
    fn bad_dates_are_refused() {
        for s in [
            "Mon, 06 Nov 1994 08:49:37 GMT", // wrong weekday
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Tue, 30 Feb 2027 00:00:00 GMT",
            "Thu, 01 Jan 1970 24:00:00 GMT",
            "Wed, 31 Dec 1969 23:59:59 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun Nov 06 08:49:37 1994 ",
            "Sun Nov 6 08:49:37 1994",
            "",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    /// The same answers as the `httpdate` crate, over every form, for many instants.
    #[test]
    fn agrees_with_httpdate() {
        let mut t: u64 = 0;
        while t < 253_402_300_799 {
            let at = UNIX_EPOCH + Duration::from_secs(t);
            let imf = httpdate::fmt_http_date(at);
            assert_eq!(parse(&imf), Some(at), "{imf}");
            // the obsolete forms of the same instant
            let [wd, d, mon, y, clock, _] = imf.split(' ').collect::<Vec<_>>()[..] else {
                panic!("{imf}")
            };
            let wd = wd.trim_end_matches(',');
            let long = LONG_DAYS[DAYS.iter().position(|x| *x == wd).unwrap()];
            let day: u32 = d.parse().unwrap();
            let mut forms = vec![format!("{wd} {mon} {day:>2} {clock} {y}")];
            if (1970..2070).contains(&y.parse::<u32>().unwrap()) {
                forms.push(format!("{long}, {d}-{mon}-{} {clock} GMT", &y[2..]));
            }
            forms.push(imf.to_lowercase());
            forms.push(imf.replace(':', "."));
            for s in forms {
                assert_eq!(parse(&s), httpdate::parse_http_date(&s).ok(), "{s}");
            }
            t += 7_777_777;
        }
    }
}
